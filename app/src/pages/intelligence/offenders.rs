//! `/staff/nuisance`: the repeat offenders of a period, ranked by reports.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

use super::{kind_label, period_text, short_date};
use crate::components::ErrorSummary;
use crate::domain::nuisance::intelligence::PERIODS;
use crate::domain::nuisance::OffenderKind;
use crate::i18n::{t, tf};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::intelligence::{load_offenders, OffendersView};

#[component]
pub fn OffendersPage() -> impl IntoView {
    let load = load_offenders(
        query_param("period"),
        query_param("from"),
        query_param("to"),
        query_param("kind"),
    );
    staff_page(load, "/staff/nuisance".to_owned(), |view| {
        ranking(view).into_any()
    })
}

fn ranking(view: OffendersView) -> impl IntoView {
    let title = t("intelligence.offenders.title");
    let errors: Vec<(String, String)> = view
        .errors
        .iter()
        .map(|(field, key)| (field.clone(), t(key)))
        .collect();
    let page = page_title(&title, !errors.is_empty());
    let csv = format!("/staff/nuisance/offenders.csv?{}", view.query);
    let caption = tf(
        "intelligence.offenders.caption",
        &[("period", &period_text(&view.period))],
    );
    let rows = view.rows.clone();
    let empty = rows.is_empty();
    let query = view.query.clone();
    view! {
        <Title text=page/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            <ErrorSummary errors=errors.clone()/>
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("intelligence.offenders.lede")}</p>
            {filters(&view, &errors)}
            <p class="govuk-body">
                <a class="govuk-link" href=csv rel="external" download="">{t("intelligence.offenders.csv")}</a>
                " · "
                <a class="govuk-link" href="/staff/nuisance/add">{t("intelligence.add.link")}</a>
            </p>
            {if empty {
                view! { <p class="govuk-body">{t("intelligence.offenders.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("intelligence.col.rank")}</th>
                                <th scope="col" class="govuk-table__header">{t("intelligence.col.offender")}</th>
                                <th scope="col" class="govuk-table__header">{t("intelligence.col.kind")}</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("intelligence.col.reports")}</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("intelligence.col.ever")}</th>
                                <th scope="col" class="govuk-table__header">{t("intelligence.col.last")}</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">
                            {rows
                                .into_iter()
                                .enumerate()
                                .map(|(rank, row)| {
                                    let href = format!("/staff/nuisance/offenders/{}?{}", row.id, query);
                                    view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{rank + 1}</td>
                                            <td class="govuk-table__cell"><a class="govuk-link" href=href>{row.display.clone()}</a></td>
                                            <td class="govuk-table__cell">{kind_label(&row.kind)}</td>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{row.reports}</td>
                                            <td class="govuk-table__cell govuk-table__cell--numeric">{row.total}</td>
                                            <td class="govuk-table__cell">{short_date(row.last_reported)}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </StaffLayout>
    }
}

/// The period and kind chooser: a GET form, so the view is a link staff can share.
fn filters(view: &OffendersView, errors: &[(String, String)]) -> impl IntoView {
    let error = |field: &str| {
        errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, message)| message.clone())
    };
    let (from_error, to_error) = (error("from"), error("to"));
    let from_described = from_error.as_ref().map(|_| "from-error");
    let to_described = to_error.as_ref().map(|_| "to-error");
    let group = |e: &Option<String>| {
        if e.is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    };
    let (from_class, to_class) = (group(&from_error), group(&to_error));
    let periods = PERIODS
        .iter()
        .map(|days| {
            (
                days.to_string(),
                tf("intelligence.period.last", &[("days", &days.to_string())]),
            )
        })
        .chain([("custom".to_owned(), t("intelligence.period.custom"))])
        .map(|(value, label)| {
            let id = format!("period-{value}");
            let checked = view.choice == value;
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="period" type="radio"
                        value=value checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let kinds = OffenderKind::all()
        .iter()
        .map(|kind| {
            let selected = view.kind == kind.code();
            view! { <option value=kind.code() selected=selected>{kind_label(kind.code())}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action="/staff/nuisance" novalidate="">
            <div class="govuk-form-group">
                <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("intelligence.period.legend")}</legend>
                    <div class="govuk-radios govuk-radios--small govuk-radios--inline">{periods}</div>
                </fieldset>
            </div>
            <div class=from_class>
                <label class="govuk-label" for="from">{t("intelligence.period.from")}</label>
                {from_error.map(|e| view! { <p id="from-error" class="govuk-error-message"><span class="govuk-visually-hidden">{t("error.prefix")}</span>{e}</p> })}
                <input class="govuk-input govuk-input--width-10" id="from" name="from" type="date" value=view.from.clone()
                    aria-describedby=from_described/>
            </div>
            <div class=to_class>
                <label class="govuk-label" for="to">{t("intelligence.period.to")}</label>
                {to_error.map(|e| view! { <p id="to-error" class="govuk-error-message"><span class="govuk-visually-hidden">{t("error.prefix")}</span>{e}</p> })}
                <input class="govuk-input govuk-input--width-10" id="to" name="to" type="date" value=view.to.clone()
                    aria-describedby=to_described/>
            </div>
            <div class="govuk-form-group">
                <label class="govuk-label" for="kind">{t("intelligence.kind.label")}</label>
                <select class="govuk-select" id="kind" name="kind">
                    <option value="" selected=view.kind.is_empty()>{t("intelligence.kind.all")}</option>
                    {kinds}
                </select>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">{t("intelligence.offenders.apply")}</button>
        </form>
    }
}
