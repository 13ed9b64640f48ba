//! A date (and time) as separate boxes in one fieldset.

use leptos::prelude::*;

use super::Field;
use crate::i18n::t;

/// One box of a date: its id, the name it posts, its label and value. A year is 4 characters
/// wide, every other part 2.
#[derive(Debug, Clone)]
pub struct DatePart {
    id: String,
    name: String,
    label: String,
    value: String,
    wide: bool,
}

impl DatePart {
    /// Id `<prefix>-<unit>`, name `<unit>` (`raised-on-day` posting `day`, `when-hour` posting
    /// `hour`).
    pub fn dashed(prefix: &str, unit: &'static str, label: String, value: String) -> Self {
        DatePart {
            id: format!("{prefix}-{unit}"),
            name: unit.to_owned(),
            label,
            value,
            wide: unit == "year",
        }
    }

    /// Id and name `<prefix>.<unit>` (`aware.day`), for a form taken whole.
    pub fn dotted(prefix: &str, unit: &'static str, label: String, value: String) -> Self {
        let id = format!("{prefix}.{unit}");
        DatePart {
            name: id.clone(),
            id,
            label,
            value,
            wide: unit == "year",
        }
    }
}

/// Day, month and year boxes: ids `<id>-day`, `<id>-month`, `<id>-year`, posting `day`, `month`,
/// `year`.
pub fn day_month_year(id: &str, day: String, month: String, year: String) -> Vec<DatePart> {
    vec![
        DatePart::dashed(id, "day", t("date.day"), day),
        DatePart::dashed(id, "month", t("date.month"), month),
        DatePart::dashed(id, "year", t("date.year"), year),
    ]
}

impl Field {
    /// The boxes of a date in a fieldset (`role="group"`); an error marks every box.
    pub fn date(self, parts: Vec<DatePart>) -> AnyView {
        let error = if self.error.is_some() {
            " govuk-input--error"
        } else {
            ""
        };
        let parts = parts
            .into_iter()
            .map(|part| {
                let width = if part.wide {
                    "govuk-input--width-4"
                } else {
                    "govuk-input--width-2"
                };
                let class = format!("govuk-input govuk-date-input__input {width}{error}");
                view! {
                    <div class="govuk-date-input__item">
                        <div class="govuk-form-group">
                            <label class="govuk-label govuk-date-input__label" for=part.id.clone()>{part.label}</label>
                            <input class=class id=part.id name=part.name type="text" inputmode="numeric" value=part.value/>
                        </div>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class=self.group_class()>
                <fieldset class="govuk-fieldset" role="group" aria-describedby=self.described_by()>
                    {self.legend_hint_error()}
                    <div class="govuk-date-input">{parts}</div>
                </fieldset>
            </div>
        }
        .into_any()
    }
}
