//! `/staff/nuisance/offenders/<id>`: one offender over the period — its reports week by week,
//! what they were about, how they came, and the reports themselves.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;

use super::{category_label, channel_label, kind_label, period_text, short_date};
use crate::components::SummaryRow;
use crate::i18n::{t, tf};
use crate::pages::staff::{staff_page, StaffLayout};
use crate::server_fns::intelligence::{load_offender, OffenderView};

#[component]
pub fn OffenderPage() -> impl IntoView {
    let id = path_param("id");
    let path = format!("/staff/nuisance/offenders/{id}");
    let (period, from, to) = (
        query_param("period"),
        query_param("from"),
        query_param("to"),
    );
    let load = async move {
        match id.parse::<i64>() {
            Ok(id) => load_offender(id, period, from, to).await,
            Err(_) => Err(crate::server_fns::staff::StaffError::NotFound),
        }
    };
    staff_page(load, path, |view| offender(view).into_any())
}

fn facts(view: &OffenderView) -> Vec<SummaryRow> {
    let o = &view.offender;
    [
        (t("intelligence.col.kind"), kind_label(&o.kind)),
        (t("intelligence.offender.key"), o.key.clone()),
        (t("intelligence.col.reports"), o.reports.to_string()),
        (t("intelligence.col.ever"), o.total.to_string()),
        (
            t("intelligence.offender.first"),
            short_date(o.first_reported),
        ),
        (t("intelligence.col.last"), short_date(o.last_reported)),
    ]
    .into_iter()
    .map(|(key, value)| SummaryRow {
        key,
        value,
        change_href: String::new(),
    })
    .collect()
}

fn counts_table(
    caption: String,
    label: String,
    counts: Vec<(String, String, u64)>,
) -> impl IntoView {
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{label}</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("intelligence.col.incidents")}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {counts.into_iter().map(|(_, name, n)| view! {
                    <tr class="govuk-table__row">
                        <td class="govuk-table__cell">{name}</td>
                        <td class="govuk-table__cell govuk-table__cell--numeric">{n}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

fn offender(view: OffenderView) -> impl IntoView {
    let title = view.offender.display.clone();
    let back = format!("/staff/nuisance?{}", view.query);
    let csv = format!(
        "/staff/nuisance/offenders/{}/incidents.csv?{}",
        view.offender.id, view.query
    );
    let most = view
        .trend
        .iter()
        .map(|w| w.reports)
        .max()
        .unwrap_or(0)
        .max(1);
    let trend = view.trend.clone().into_iter().map(|week| {
        let width = format!("width: {}%", week.reports * 100 / most);
        view! {
            <tr class="govuk-table__row">
                <td class="govuk-table__cell">{short_date(week.starts)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{week.reports}</td>
                <td class="govuk-table__cell intelligence-bar-cell"><span class="intelligence-bar" style=width aria-hidden="true"></span></td>
            </tr>
        }
    }).collect_view();
    let categories = view
        .categories
        .iter()
        .map(|(c, n)| (c.clone(), category_label(c), *n))
        .collect();
    let channels = view
        .channels
        .iter()
        .map(|(c, n)| (c.clone(), channel_label(c), *n))
        .collect();
    let incidents = view.incidents.clone();
    let facts = facts(&view);
    view! {
        <Title text=title.clone()/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href=back class="govuk-back-link">{t("intelligence.offender.back")}</a>
            <span class="govuk-caption-l">{kind_label(&view.offender.kind)}</span>
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{period_text(&view.period)}</p>
            <dl class="govuk-summary-list">
                {facts.into_iter().map(|row| view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{row.key}</dt>
                        <dd class="govuk-summary-list__value">{row.value}</dd>
                    </div>
                }).collect_view()}
            </dl>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-table__caption--m">{t("intelligence.offender.trend")}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.week")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("intelligence.col.reports")}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{t("intelligence.col.bar")}</span></th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{trend}</tbody>
            </table>
            {counts_table(t("intelligence.offender.categories"), t("intelligence.col.category"), categories)}
            {counts_table(t("intelligence.offender.channels"), t("intelligence.col.channel"), channels)}
            <h2 class="govuk-heading-m">{tf("intelligence.offender.latest", &[("count", &incidents.len().to_string())])}</h2>
            <p class="govuk-body"><a class="govuk-link" href=csv rel="external" download="">{t("intelligence.offender.csv")}</a></p>
            <table class="govuk-table intelligence-incidents">
                <caption class="govuk-visually-hidden">{t("intelligence.offender.incidents")}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.when")}</th>
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.channel")}</th>
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.from")}</th>
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.company")}</th>
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.said")}</th>
                        <th scope="col" class="govuk-table__header">{t("intelligence.col.source")}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    {incidents.into_iter().map(|line| view! {
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">{line.occurred_at}</td>
                            <td class="govuk-table__cell">{channel_label(&line.channel)}</td>
                            <td class="govuk-table__cell">{line.sender.unwrap_or_else(|| t("intelligence.withheld"))}</td>
                            <td class="govuk-table__cell">{line.company.unwrap_or_default()}</td>
                            <td class="govuk-table__cell">{line.text}</td>
                            <td class="govuk-table__cell">{t(&format!("intelligence.source.{}", line.source))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </StaffLayout>
    }
}
