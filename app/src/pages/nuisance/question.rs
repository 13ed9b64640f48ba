//! "How did they contact you?" and the channel's questions, one per page.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::wording::{heading, hint};
use super::{error_for, flash_for, frame, hidden, signposts, summary};
use crate::components::fields::{single_checkbox, DatePart, Field, Input, Size, Textarea};
use crate::components::{Checkboxes, DateInput, Radios, TextArea, TextInput};
use crate::domain::nuisance::{yes, Category, Channel, IncidentForm, Question, Relationship};
use crate::i18n::t;
use crate::server_fns::nuisance::{AnswerNuisance, At, NuisanceView, Page, BASE};
use crate::server_fns::uploads::UploadNuisanceEmail;

fn continue_button() -> impl IntoView {
    view! { <button type="submit" class="govuk-button">{t("common.continue")}</button> }
}

fn labelled(codes: &[&str], prefix: &str) -> Vec<(String, String)> {
    codes
        .iter()
        .map(|code| ((*code).to_owned(), t(&format!("{prefix}.{code}"))))
        .collect()
}

pub fn channel_page(at: At, view: NuisanceView) -> AnyView {
    let page = Page::Channel;
    let flash = flash_for(&view, page, at);
    let errors = summary(&flash);
    let error = error_for(&flash, &["channel"]);
    let selected = view
        .journey
        .current
        .as_ref()
        .map(|form| form.channel.clone());
    let title = t("nuisance.channel.title");
    let back = if at.change {
        Page::CheckIncident.href()
    } else if view.journey.incidents.is_empty() {
        BASE.to_owned()
    } else {
        Page::Another.href()
    };
    let options = labelled(Channel::codes(), "nuisance.channel");
    let heading = title.clone();
    let body = view! {
        <form method="post" action=AnswerNuisance::url() novalidate>
            {hidden(page, at)}
            <Radios id="channel".to_owned() heading hint=Some(t("nuisance.channel.hint")) options selected error/>
            {continue_button()}
        </form>
    };
    frame(title, Some(back), errors, body.into_any())
}

/// The form a question page shows: what was just rejected, else the saved answers.
fn form_for(view: &NuisanceView, at: At) -> Option<IncidentForm> {
    match at.incident {
        Some(index) => view.journey.incidents.get(index).cloned(),
        None => view.journey.current.clone(),
    }
}

pub fn question_page(question: Question, at: At, view: NuisanceView) -> AnyView {
    let page = Page::Question(question);
    let Some(saved) = form_for(&view, at) else {
        return view! { <Redirect path=Page::Channel.href()/> }.into_any();
    };
    let Some(channel) = Channel::from_code(&saved.channel).filter(|c| c.asks(question)) else {
        return view! { <Redirect path=Page::Channel.href()/> }.into_any();
    };
    let flash = flash_for(&view, page, at);
    let form = flash.as_ref().map(|f| f.form.clone()).unwrap_or(saved);
    let errors = summary(&flash);
    let back = match (at.change, at.incident) {
        (true, Some(_)) => Page::Check.href(),
        (true, None) => Page::CheckIncident.href(),
        _ => {
            let questions = channel.questions();
            let at_index = questions.iter().position(|q| *q == question).unwrap_or(0);
            match at_index.checked_sub(1).and_then(|i| questions.get(i)) {
                Some(previous) => Page::Question(*previous).href(),
                None => Page::Channel.href(),
            }
        }
    };
    let title = heading(question, channel);
    let inset = if at.incident.is_none() {
        view.signposts.clone()
    } else {
        Vec::new()
    };
    if question == Question::EmailEvidence {
        let body = email_page(&title, &form, &flash, at);
        let body = view! { {body} {signposts(inset)} }.into_any();
        return frame(title, Some(back), errors, body);
    }
    let control = control(question, channel, &form, &flash, &view, title.clone());
    let body = view! {
        <form method="post" action=AnswerNuisance::url() novalidate>
            {hidden(page, at)}
            {control}
            {signposts(inset)}
            {continue_button()}
        </form>
    };
    frame(title, Some(back), errors, body.into_any())
}

fn control(
    question: Question,
    channel: Channel,
    form: &IncidentForm,
    flash: &Option<super::PageFlash>,
    view: &NuisanceView,
    title: String,
) -> AnyView {
    let hint = hint(question, channel);
    let error = error_for(flash, &[question.code()]);
    let yes_no_unsure = || labelled(&["yes", "no", "not_sure"], "nuisance.answer");
    match question {
        Question::SilentOrAbandoned => {
            let options = labelled(&["yes", "no"], "nuisance.answer");
            let selected = Some(form.silent_or_abandoned.clone());
            view! { <Radios id="silent_or_abandoned".to_owned() heading=title hint options selected error/> }.into_any()
        }
        Question::When => {
            let date_error = error_for(flash, &["when", "when.day", "when.month", "when.year"]);
            let time_error = error_for(flash, &["when.hour", "when.minute"]);
            view! {
                <DateInput id="when".to_owned() heading=title hint day=form.day.clone() month=form.month.clone()
                    year=form.year.clone() error=date_error/>
                {Field::new("when-time", t("nuisance.time.legend"))
                    .hint(Some(t("nuisance.time.hint")))
                    .error(time_error)
                    .date(vec![
                        DatePart::dashed("when", "hour", t("nuisance.time.hour"), form.hour.clone()),
                        DatePart::dashed("when", "minute", t("nuisance.time.minute"), form.minute.clone()),
                    ])}
            }
            .into_any()
        }
        Question::Sender => {
            let input_type = if channel == Channel::Email { "email" } else if channel == Channel::Text { "text" } else { "tel" };
            view! {
                <TextInput id="sender".to_owned() heading=title hint value=form.sender.clone() error input_type/>
                {single_checkbox("sender_unknown", t("nuisance.sender.unknown"), yes(&form.sender_unknown))}
            }
            .into_any()
        }
        Question::ContactedOn => {
            let (autocomplete, input_type) = if channel == Channel::Email { ("email", "email") } else { ("tel", "tel") };
            view! { <TextInput id="contacted_on".to_owned() heading=title hint value=form.contacted_on.clone() error autocomplete input_type/> }.into_any()
        }
        Question::MessageText => view! {
            <TextArea id="message_text".to_owned() name="value" heading=title hint value=form.message_text.clone() error
                max=view.settings.message_text_chars/>
        }
        .into_any(),
        Question::AdvertisedNumber => view! {
            <TextInput id="advertised_number".to_owned() heading=title hint value=form.advertised_number.clone() error input_type="tel"/>
        }
        .into_any(),
        Question::Company => view! { <TextInput id="company".to_owned() heading=title hint value=form.company.clone() error/> }.into_any(),
        Question::Categories => {
            let options = labelled(Category::codes(), "nuisance.category");
            let other_error = error_for(flash, &["category_other"]);
            view! {
                <Checkboxes id="categories".to_owned() heading=title hint options selected=form.categories.clone() error/>
                {Field::new("category_other", t("nuisance.category_other.label"))
                    .error(other_error)
                    .input(Input::new(form.category_other.clone()))}
            }
            .into_any()
        }
        Question::Scam => {
            let selected = Some(form.scam.clone());
            view! { <Radios id="scam".to_owned() heading=title hint options=yes_no_unsure() selected error/> }.into_any()
        }
        Question::Relationship => {
            let options = labelled(Relationship::codes(), "nuisance.relationship");
            let selected = Some(form.relationship.clone());
            view! { <Radios id="relationship".to_owned() heading=title hint options selected error/> }.into_any()
        }
        Question::PreferenceService => {
            let selected = Some(form.preference_service.clone());
            view! { <Radios id="preference_service".to_owned() heading=title hint options=yes_no_unsure() selected error/> }.into_any()
        }
        Question::Description => view! {
            <TextArea id="description".to_owned() name="value" heading=title hint value=form.description.clone() error
                max=view.settings.free_text_chars/>
        }
        .into_any(),
        Question::EmailEvidence => ().into_any(),
    }
}

/// The email page: a plain multipart form (the file is read on the server, by its content).
fn email_page(
    title: &str,
    form: &IncidentForm,
    flash: &Option<super::PageFlash>,
    at: At,
) -> AnyView {
    let file_error = error_for(flash, &["email_file"]);
    let paste_error = error_for(flash, &["email_source"]);
    let pasted = if paste_error.is_some() {
        form.email_source.clone()
    } else {
        String::new()
    };
    let saved = flash.is_none() && !form.email_source.trim().is_empty();
    view! {
        <h1 class="govuk-heading-l">{title.to_owned()}</h1>
        <p class="govuk-body" id="email-hint">{t("nuisance.hint.email_evidence")}</p>
        {saved.then(|| view! { <p class="govuk-body">{t("nuisance.email.saved")}</p> })}
        <form method="post" action=UploadNuisanceEmail::url() enctype="multipart/form-data" novalidate>
            {at.change.then(|| view! { <input type="hidden" name="change" value="true"/> })}
            {at.incident.map(|index| view! { <input type="hidden" name="incident" value=index.to_string()/> })}
            {Field::new("email_file", t("nuisance.email.file"))
                .size(Size::Medium)
                .hint(Some(t("nuisance.email.file_hint")))
                .error(file_error)
                .file(".eml,message/rfc822,text/plain")}
            <p class="govuk-body">{t("nuisance.email.or")}</p>
            {Field::new("email_source", t("nuisance.email.paste"))
                .size(Size::Medium)
                .hint(Some(t("nuisance.email.paste_hint")))
                .error(paste_error)
                .textarea(Textarea::new(pasted, 8).spellcheck_off())}
            {continue_button()}
        </form>
    }
    .into_any()
}
