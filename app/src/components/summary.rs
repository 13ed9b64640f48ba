//! The summary list used by "check your answers".

use leptos::prelude::*;

use crate::i18n::t;

/// One row: the question, the answer, and a change link naming what it changes.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub key: String,
    pub value: String,
    pub change_href: String,
}

#[component]
pub fn SummaryList(rows: Vec<SummaryRow>) -> impl IntoView {
    view! {
        <dl class="govuk-summary-list">
            {rows
                .into_iter()
                .map(|row| {
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{row.key.clone()}</dt>
                            <dd class="govuk-summary-list__value">{row.value}</dd>
                            <dd class="govuk-summary-list__actions">
                                <a href=row.change_href>
                                    {t("common.change")}
                                    <span class="govuk-visually-hidden">{format!(" {}", row.key)}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
