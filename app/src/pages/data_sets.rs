//! `/data-sets`: the published data sets (seed 004, the regulator's "complaints and concerns data
//! sets" page): what each set holds, then every complete month's (or quarter's) CSV file with how
//! many records it has. The files are streamed by the server at their addresses.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::{loaded, Layout};
use crate::domain::data_sets::{DataSet, DataSetFile, DataSetPeriod, PeriodKind};
use crate::i18n::{t, tf};
use crate::server_fns::data_sets::{load_data_sets, DataSetsView};

/// A period in words: "October 2026", "Quarter 3 2026".
fn period_words(period: &DataSetPeriod) -> String {
    let year = period.year.to_string();
    match period.kind {
        PeriodKind::Month => format!("{} {year}", t(&format!("month.{}", period.part))),
        PeriodKind::Quarter => tf(
            "data_sets.quarter",
            &[("quarter", &period.part.to_string()), ("year", &year)],
        ),
    }
}

#[component]
pub fn DataSetsPage() -> impl IntoView {
    let title = t("data_sets.title");
    view! {
        <Title text=title.clone()/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{title}</h1>
                    <p class="govuk-body-l">{t("data_sets.lede")}</p>
                    <p class="govuk-body">{t("data_sets.includes")}</p>
                    <ul class="govuk-list govuk-list--bullet">
                        {["reference", "type", "organisation", "sector", "nature", "date", "outcome"]
                            .into_iter()
                            .map(|item| view! { <li>{t(&format!("data_sets.field.{item}"))}</li> })
                            .collect_view()}
                    </ul>
                    <p class="govuk-body">{t("data_sets.privacy")}</p>
                    <p class="govuk-body">{t("data_sets.aggregate")}</p>
                </div>
            </div>
            {loaded(load_data_sets(), |view| sets(view).into_any(), |_| {
                view! { <p class="govuk-body">{t("data_sets.unavailable")}</p> }.into_any()
            })}
        </Layout>
    }
}

fn sets(view: DataSetsView) -> impl IntoView {
    DataSet::all()
        .iter()
        .copied()
        .map(|set| {
            let files: Vec<DataSetFile> = view
                .files
                .iter()
                .filter(|file| file.set == set.code())
                .cloned()
                .collect();
            let heading = t(&set.label_key());
            let id = set.code();
            view! {
                <h2 class="govuk-heading-m" id=id>{heading.clone()}</h2>
                <p class="govuk-body">{t(&set.about_key())}</p>
                {if files.is_empty() {
                    view! { <p class="govuk-body">{t("data_sets.none")}</p> }.into_any()
                } else {
                    table(&heading, files).into_any()
                }}
            }
        })
        .collect_view()
}

fn table(caption: &str, files: Vec<DataSetFile>) -> impl IntoView {
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{caption.to_owned()}</caption>
            <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{t("data_sets.col.period")}</th>
                    <th scope="col" class="govuk-table__header">{t("data_sets.col.file")}</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("data_sets.col.records")}</th>
                </tr>
            </thead>
            <tbody class="govuk-table__body">
                {files
                    .into_iter()
                    .map(|file| {
                        let words = period_words(&file.period);
                        let link = tf("data_sets.download", &[("period", &words)]);
                        view! {
                            <tr class="govuk-table__row">
                                <th scope="row" class="govuk-table__header">{words}</th>
                                <td class="govuk-table__cell">
                                    <a class="govuk-link" href=file.path.clone() rel="external" download="">{link}</a>
                                </td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{file.rows.to_string()}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
