//! The top of the case page, to scan: where the case stands, what is due next and by when, who
//! has it, the warnings (restricted contact, no further contact, re-opened, reply in Welsh), and
//! a contents list linking to each section of the page.

use leptos::prelude::*;

use crate::domain::case::CaseStatus;
use crate::domain::casework::next_deadline;
use crate::i18n::{fill, long_date, t};
use crate::pages::casework::level_tag;
use crate::server_fns::case::CasePageView;

/// The page's sections: the heading's id and its words.
pub const SECTIONS: &[(&str, &str)] = &[
    ("summary", "case.summary.heading"),
    ("flags", "case.flags.heading"),
    ("work", "case.work.heading"),
    ("type", "case.type.heading"),
    ("parties", "case.party.heading"),
    ("answers", "case.answers.heading"),
    ("documents", "case.documents.heading"),
    ("correspondence", "case.correspondence.heading"),
    ("notes", "case.notes.heading"),
    ("timeline", "case.timeline.heading"),
    ("instances", "case.instances.heading"),
];

fn row(label: String, value: AnyView) -> AnyView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{label}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
    .into_any()
}

/// The warnings, in words: each says what to do.
fn warnings(view: &CasePageView) -> Vec<String> {
    let case = &view.case;
    let record = &case.record;
    let mut found = Vec::new();
    if let Some(nfc) = &record.no_further_contact {
        found.push(fill(
            &t("case.glance.warning.nfc"),
            &[("reason", &nfc.reason)],
        ));
    }
    for party in &case.parties {
        if let Some(arrangement) = &party.restricted_contact {
            found.push(fill(
                &t("case.glance.warning.restricted"),
                &[("name", &party.name), ("arrangement", arrangement)],
            ));
        }
        if party.reply_in_welsh {
            found.push(fill(
                &t("case.glance.warning.welsh"),
                &[("name", &party.name)],
            ));
        }
    }
    if record.instance > 1 {
        found.push(fill(
            &t("case.glance.warning.reopened"),
            &[
                ("n", &record.instance.to_string()),
                ("date", &long_date(record.opened_on)),
            ],
        ));
    }
    found
}

/// Where the case stands, what is due next, who has it, and the warnings.
pub fn glance(view: &CasePageView) -> AnyView {
    let case = &view.case;
    let record = &case.record;
    let stands = if record.status == CaseStatus::Open {
        t(&record.stage().label_key())
    } else {
        fill(
            &t("case.glance.closed"),
            &[("date", &record.closed_on.map(long_date).unwrap_or_default())],
        )
    };
    let next = next_deadline(&view.clocks)
        .filter(|_| record.status == CaseStatus::Open)
        .map(|clock| {
            view! {
                {t(&format!("casework.clock.{}", clock.kind.code()))}" "
                <strong>{long_date(clock.due)}</strong>" "{level_tag(&clock)}
            }
            .into_any()
        })
        .unwrap_or_else(|| view! { {t("case.glance.nothing_due")} }.into_any());
    let who = fill(
        &t("case.glance.who_value"),
        &[
            ("queue", &case.queue_name),
            (
                "officer",
                &case
                    .officer
                    .clone()
                    .unwrap_or_else(|| t("case.summary.no_officer")),
            ),
        ],
    );
    let warnings = warnings(view);
    let warning_list = if warnings.is_empty() {
        view! { <p class="govuk-body" data-testid="no-warnings">{t("case.glance.no_warnings")}</p> }
            .into_any()
    } else {
        let items = warnings
            .into_iter()
            .map(|text| {
                view! {
                    <div class="govuk-warning-text" data-testid="case-warning">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">{t("case.warning")}</span>
                            {text}
                        </strong>
                    </div>
                }
            })
            .collect_view();
        view! { {items} }.into_any()
    };
    view! {
        <div class="app-case-glance" data-testid="case-glance">
            <h2 class="govuk-heading-m" id="at-a-glance">{t("case.glance.heading")}</h2>
            <dl class="govuk-summary-list">
                {row(t("case.glance.stands"), view! { {stands} }.into_any())}
                {row(t("case.glance.next"), next)}
                {row(t("case.glance.who"), view! { {who} }.into_any())}
            </dl>
            {warning_list}
        </div>
    }
    .into_any()
}

/// The in-page contents list: a link to each section's heading.
pub fn contents() -> AnyView {
    let links = SECTIONS
        .iter()
        .map(|(id, key)| {
            view! { <li><a class="govuk-link" href=format!("#{id}")>{t(key)}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="app-case-contents" aria-labelledby="case-contents" data-testid="case-contents">
            <h2 class="govuk-heading-s" id="case-contents">{t("case.contents.heading")}</h2>
            <ol class="govuk-list app-case-contents__list">{links}</ol>
        </nav>
    }
    .into_any()
}
