//! The repeat-offender intelligence for staff (manual §9): the offenders with most reports over a
//! period, one offender's trend, categories and reports, and adding a report received another
//! way. Behind the staff sign-in (the access table's `nuisance` row).

mod add;
mod offender;
mod offenders;
mod report;

pub use add::AddReportPage;
pub use offender::OffenderPage;
pub use offenders::OffendersPage;
pub use report::ReportLookupPage;

use crate::i18n::t_first;

/// How an offender kind reads.
fn kind_label(kind: &str) -> String {
    t_first(&[&format!("intelligence.kind.{kind}"), kind])
}

/// How a channel reads in a table.
fn channel_label(channel: &str) -> String {
    t_first(&[&format!("intelligence.channel.{channel}"), channel])
}

/// How a category reads.
fn category_label(category: &str) -> String {
    t_first(&[&format!("nuisance.category.{category}"), category])
}

/// A date as staff read it in tables: 23/11/2026.
fn short_date(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// "23 November 2026 to 29 November 2026".
fn period_text(period: &crate::domain::nuisance::intelligence::Period) -> String {
    crate::i18n::tf(
        "intelligence.period.between",
        &[
            ("from", &crate::i18n::long_date(period.from)),
            ("to", &crate::i18n::long_date(period.to)),
        ],
    )
}
