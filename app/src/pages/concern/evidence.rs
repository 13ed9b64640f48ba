//! "Upload your evidence": one file per post (a plain multipart form, so it works without
//! JavaScript), checked by content on the server; each kind the concern needs is listed with
//! what has been uploaded for it.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::wording::error_text;
use super::{ChangeMarker, FinishButton};
use crate::components::{BackLink, ErrorMessage, ErrorSummary, Layout};
use crate::domain::assistant::{evidence_kinds, Step};
use crate::i18n::{fill, t};
use crate::server_fns::concern::JourneyView;
use crate::server_fns::handover::RemoveEvidence;
use crate::server_fns::uploads::UploadEvidence;

#[component]
pub fn EvidencePage(view: JourneyView, changing: bool, back: String) -> impl IntoView {
    let step = Step::Evidence;
    let Some(handover) = view.handover.clone() else {
        return ().into_any();
    };
    let kinds = evidence_kinds(&view.answers, &handover);
    let files = view.answers.files(step).to_vec();
    let flash = view.flash.filter(|(slug, _, _)| slug == step.slug());
    let upload_error = flash
        .as_ref()
        .filter(|(_, _, key)| key.starts_with("error.upload"))
        .map(|(_, _, key)| error_text(step, key));
    let chosen_kind = flash.as_ref().and_then(|(_, raw, _)| raw.value.clone());
    let missing: Vec<String> = flash
        .as_ref()
        .filter(|(_, _, key)| key == "error.evidence.required")
        .map(|(_, raw, _)| raw.values.clone())
        .unwrap_or_default();
    let missing_message = |code: &str| {
        fill(
            &t("error.evidence.missing"),
            &[("kind", &t(&format!("evidence.kind.{code}")).to_lowercase())],
        )
    };
    let mut summary: Vec<(String, String)> = missing
        .iter()
        .map(|code| ("file".to_owned(), missing_message(code)))
        .collect();
    if let Some(message) = &upload_error {
        summary.push(("file".to_owned(), message.clone()));
    }
    let title = t("q.evidence.title");
    let page_title = if summary.is_empty() {
        title.clone()
    } else {
        format!("{} {title}", t("error.title_prefix"))
    };
    let rows = kinds
        .iter()
        .map(|kind| {
            let code = kind.code();
            let label = t(&format!("evidence.kind.{code}"));
            let mine: Vec<(usize, String)> = files
                .iter()
                .enumerate()
                .filter(|(_, file)| file.kind == *kind)
                .map(|(index, file)| (index, file.file_name.clone()))
                .collect();
            let error = missing.iter().any(|m| m == code).then(|| missing_message(code));
            let value = if mine.is_empty() {
                view! { <span>{t("q.evidence.none_yet")}</span> }.into_any()
            } else {
                view! {
                    <ul class="govuk-list">
                        {mine.into_iter().map(|(index, name)| {
                            let label = fill(&t("q.evidence.remove"), &[("name", &name)]);
                            view! {
                                <li class="app-file">
                                    <span class="app-file__name">{name}</span>
                                    <form method="post" action=RemoveEvidence::url() class="app-inline-form">
                                        <input type="hidden" name="index" value=index.to_string()/>
                                        <ChangeMarker changing/>
                                        <button type="submit" class="app-link-button">{label}</button>
                                    </form>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            };
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{label}</dt>
                    <dd class="govuk-summary-list__value">
                        <ErrorMessage id=format!("kind-{code}") message=error/>
                        {value}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let options = kinds
        .iter()
        .enumerate()
        .map(|(index, kind)| {
            let code = kind.code();
            let id = if index == 0 { "kind".to_owned() } else { format!("kind-{}", index + 1) };
            let checked = chosen_kind.as_deref() == Some(code) || (chosen_kind.is_none() && index == 0);
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name="kind" type="radio" value=code checked=checked prop:checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=id>{t(&format!("evidence.kind.{code}"))}</label>
                </div>
            }
        })
        .collect_view();
    let file_group = if upload_error.is_some() || !missing.is_empty() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    };
    let file_error = upload_error
        .clone()
        .or_else(|| missing.first().map(|code| missing_message(code)));
    let file_described = if file_error.is_some() {
        "file-hint file-error"
    } else {
        "file-hint"
    };
    let file_class = if file_error.is_some() {
        "govuk-file-upload govuk-file-upload--error"
    } else {
        "govuk-file-upload"
    };
    view! {
        <Title text=page_title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <h1 class="govuk-heading-l">{title}</h1>
                    <p class="govuk-body">{t("q.evidence.intro")}</p>
                    <dl class="govuk-summary-list">{rows}</dl>
                    <form method="post" action=UploadEvidence::url() enctype="multipart/form-data" novalidate>
                        {changing.then(|| view! { <input type="hidden" name="change" value="true"/> })}
                        <div class="govuk-form-group">
                            <fieldset class="govuk-fieldset">
                                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                                    <h2 class="govuk-fieldset__heading">{t("q.evidence.kind")}</h2>
                                </legend>
                                <div class="govuk-radios govuk-radios--small">{options}</div>
                            </fieldset>
                        </div>
                        <div class=file_group>
                            <label class="govuk-label govuk-label--m" for="file">{t("q.evidence.file")}</label>
                            <div id="file-hint" class="govuk-hint">{t("q.evidence.file_hint")}</div>
                            <ErrorMessage id="file".to_owned() message=file_error/>
                            <input class=file_class id="file" name="file" type="file" aria-describedby=file_described
                                accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.eml,.msg"/>
                        </div>
                        <button type="submit" class="govuk-button govuk-button--secondary">{t("q.evidence.upload")}</button>
                    </form>
                    <FinishButton step changing/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}
