//! "Upload your evidence": one file per post (a plain multipart form, so it works without
//! JavaScript), checked by content on the server; each kind the concern needs is listed with
//! what has been uploaded for it.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::wording::error_text;
use super::{ChangeMarker, FinishButton};
use crate::components::fields::{Choices, Field, Size};
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
        .map(|kind| {
            let code = kind.code();
            (code.to_owned(), t(&format!("evidence.kind.{code}")))
        })
        .collect();
    // The kind chosen for the refused file, else the first.
    let chosen_kind = chosen_kind.or_else(|| kinds.first().map(|kind| kind.code().to_owned()));
    let kind_field = Field::new("kind", t("q.evidence.kind"))
        .size(Size::Medium)
        .choices(Choices::radios(options, chosen_kind).small());
    let file_error = upload_error
        .clone()
        .or_else(|| missing.first().map(|code| missing_message(code)));
    let file_field = Field::new("file", t("q.evidence.file"))
        .size(Size::Medium)
        .hint(Some(t("q.evidence.file_hint")))
        .error(file_error)
        .file(".pdf,.png,.jpg,.jpeg,.gif,.webp,.heic,.tif,.tiff,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.txt,.eml,.msg");
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
                        {kind_field}
                        {file_field}
                        <button type="submit" class="govuk-button govuk-button--secondary">{t("q.evidence.upload")}</button>
                    </form>
                    <FinishButton step changing/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}
