//! `/staff/nuisance`: the repeat offenders of a period, ranked by reports.

use crate::components::fields::{Choices, Field, First, Input};
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
                " · "
                <a class="govuk-link" href="/staff/nuisance/report">{t("intelligence.report.search_label")}</a>
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
    let periods = PERIODS
        .iter()
        .map(|days| {
            (
                days.to_string(),
                tf("intelligence.period.last", &[("days", &days.to_string())]),
            )
        })
        .chain([("custom".to_owned(), t("intelligence.period.custom"))])
        .collect();
    let kinds = OffenderKind::all()
        .iter()
        .map(|kind| (kind.code().to_owned(), kind_label(kind.code())))
        .collect();
    let date = |id: &'static str, value: &str| {
        Field::new(id, t(&format!("intelligence.period.{id}")))
            .error(error(id))
            .input(
                Input::new(value.to_owned())
                    .kind("date")
                    .width("govuk-input--width-10"),
            )
    };
    view! {
        <form method="get" action="/staff/nuisance" novalidate="">
            {Field::new("period", t("intelligence.period.legend"))
                .choices(Choices::radios(periods, Some(view.choice.clone())).small().inline())}
            {date("from", &view.from)}
            {date("to", &view.to)}
            {Field::new("kind", t("intelligence.kind.label"))
                .select(First::None(t("intelligence.kind.all")), kinds, &view.kind)}
            <button type="submit" class="govuk-button govuk-button--secondary">{t("intelligence.offenders.apply")}</button>
        </form>
    }
}
