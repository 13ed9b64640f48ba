//! The breach report's posts: starting a report, answering one of its parts, sending it, saving
//! it for later, opening a saved one, and adding a follow-up. Each is a server function that
//! answers with a redirect, as every form of the portal does, so a plain `<form>` post works
//! without JavaScript. The rules are in `crate::domain::breach`; the work between pages is in
//! [`flow`](super::flow).

use leptos::prelude::*;

use crate::server_fns::form_fields::{FormFields, UrlEncodedForm};

/// Starts a report with the self-assessment's answers (hidden fields), or carries on with the
/// unsent one this browser already has.
#[server(prefix = "/report-breach/api", endpoint = "start", input = UrlEncodedForm)]
pub async fn start_breach_report(form: FormFields) -> Result<(), ServerFnError> {
    use super::draft::finish;
    finish(super::flow::start(&form).await)
}

/// One part's answers (the part and `change` ride along as hidden fields). Accepted: back to
/// the task list, or to "check your answers" when changing one. Refused: back to the part with
/// the problems and what was typed.
#[server(prefix = "/report-breach/api", endpoint = "part", input = UrlEncodedForm)]
pub async fn answer_breach_part(form: FormFields) -> Result<(), ServerFnError> {
    use super::draft::finish;
    finish(super::flow::part(&form).await)
}

/// Sends the report: every part checked again at the time of sending (a report that has become
/// late must say why); the case is made once however often this is posted.
#[server(prefix = "/report-breach/api", endpoint = "send")]
pub async fn send_breach_report() -> Result<(), ServerFnError> {
    use super::draft::finish;
    finish(super::flow::send().await)
}

/// Save and come back later: emails a link back to the draft.
#[server(prefix = "/report-breach/api", endpoint = "save")]
pub async fn save_breach_report(email: Option<String>) -> Result<(), ServerFnError> {
    use super::draft::finish;
    finish(super::flow::save_link(email.unwrap_or_default()).await)
}

/// Opens a saved draft in this browser from its emailed link. An unknown, used, forged or
/// expired link opens nothing.
#[server(prefix = "/report-breach/api", endpoint = "resume")]
pub async fn resume_breach_report(token: Option<String>) -> Result<(), ServerFnError> {
    use super::draft::finish;
    finish(super::flow::resume(token.unwrap_or_default()).await)
}

/// More information about a breach already reported, added to its case under the same
/// reference.
#[server(prefix = "/report-breach/api", endpoint = "follow-up")]
pub async fn follow_up_breach(
    reference: Option<String>,
    email: Option<String>,
    text: Option<String>,
) -> Result<(), ServerFnError> {
    use super::draft::finish;
    use super::flow::{follow_up, FollowUpForm};
    let form = FollowUpForm {
        reference: reference.unwrap_or_default().trim().to_uppercase(),
        email: email.unwrap_or_default().trim().to_owned(),
        text: text.unwrap_or_default().trim().to_owned(),
    };
    finish(follow_up(form).await)
}

crate::form_fields_input!(StartBreachReport, AnswerBreachPart);
