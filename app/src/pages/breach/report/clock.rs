//! The 72-hour clock, shown on every page of the report.

use chrono::{NaiveDateTime, Timelike};
use leptos::prelude::*;

use crate::i18n::{fill, long_date, t};
use crate::server_fns::breach::BreachView;

/// "3:15pm on 4 March 2026".
pub fn moment(at: NaiveDateTime) -> String {
    let half = if at.hour() < 12 { "am" } else { "pm" };
    // "3:15pm", "3:15yp": the half of the day is a word of the page's language.
    let time = format!(
        "{}{}",
        at.format("%-I:%M"),
        t(&format!("breach.clock.{half}"))
    );
    fill(
        &t("breach.clock.moment"),
        &[("time", &time), ("date", &long_date(at.date()))],
    )
}

pub fn clock_banner(view: &BreachView) -> impl IntoView {
    let text = match &view.clock {
        None => t("breach.clock.unknown"),
        Some(clock) if clock.late => fill(
            &t("breach.clock.late"),
            &[
                ("hours", &clock.hours_since.to_string()),
                ("deadline", &moment(clock.deadline)),
            ],
        ),
        Some(clock) => fill(
            &t("breach.clock.left"),
            &[
                ("hours", &clock.hours_left.to_string()),
                ("deadline", &moment(clock.deadline)),
            ],
        ),
    };
    let late = view.clock.is_some_and(|clock| clock.late);
    view! {
        <div class="govuk-inset-text app-breach-clock" data-testid="breach-clock" data-late=late.to_string()>
            <p class="govuk-body govuk-!-font-weight-bold">{t("breach.clock.title")}</p>
            <p class="govuk-body">{text}</p>
        </div>
    }
}
