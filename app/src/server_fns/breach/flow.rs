//! The work of the breach report's posts ([`report`](super::report)): each returns where the
//! browser goes next, or a [`Detour`].

use crate::domain::breach::{
    posted_json, BreachDraft, NotReady, Part, RefusedPart, SelfAssessment, SentReport,
};
use crate::domain::case::Reference;
use crate::domain::submission::is_email;
use crate::i18n::long_date;
use crate::ports::{BreachSubmission, FollowUp, IntakeError, ResumeEmail};
use crate::server_fns::form_fields::FormFields;
use crate::server_fns::session::random_hex;

use super::draft::{
    create, current, expiry, keep_refused, new_key, now_seconds, problems, save, save_until,
    services, unsent, Detour, CHECK, FOLLOW_UP, LINK_NOT_FOUND, SAVE, SAVED, SENT, TASKS,
};

/// The hidden fields of a part's form that are not answers.
const PART: &str = "part";
const CHANGE: &str = "change";

/// The most characters of an email address.
const MAX_EMAIL_CHARS: usize = 254;

/// The "save and come back later" form: where the link goes. The error codes are the i18n keys
/// shown next to the field.
#[derive(validator::Validate)]
struct SaveLinkForm {
    #[validate(
        length(min = 1, code = "breach.error.save_email.required"),
        custom(
            function = "an_email_address",
            code = "breach.error.save_email.invalid"
        )
    )]
    email: String,
}

/// The domain's rule for an email address (stricter than `validator`'s own: it wants a dot in
/// the domain), within the length an address can have.
fn an_email_address(email: &str) -> Result<(), validator::ValidationError> {
    if email.chars().count() <= MAX_EMAIL_CHARS && is_email(email) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("invalid"))
    }
}

impl SaveLinkForm {
    /// The key of the problem with the address, if any (a missing address before a wrong one).
    fn problem(&self) -> Option<String> {
        let errors = validator::Validate::validate(self).err()?;
        let codes: Vec<String> = errors
            .field_errors()
            .get("email")
            .map(|found| found.iter().map(|error| error.code.to_string()).collect())
            .unwrap_or_default();
        let required = "breach.error.save_email.required";
        Some(match codes.iter().find(|code| *code == required) {
            Some(code) => code.clone(),
            None => codes
                .into_iter()
                .next()
                .unwrap_or_else(|| "breach.error.save_email.invalid".to_owned()),
        })
    }
}

pub async fn start(form: &FormFields) -> Result<String, Detour> {
    let services = services()?;
    let assessment = SelfAssessment::from_fields(|name| form.get(name));
    if let Some((id, mut draft)) = current(&services).await? {
        if draft.sent.is_none() {
            if assessment != SelfAssessment::default() {
                draft.assessment = assessment;
            }
            if draft.idempotency_key.is_empty() {
                draft.idempotency_key = new_key()?;
            }
            save(&services, &id, &draft).await?;
            return Ok(TASKS.to_owned());
        }
    }
    create(&services, &BreachDraft::new(assessment, new_key()?)).await?;
    Ok(TASKS.to_owned())
}

fn part_href(part: Part, change: bool) -> String {
    let page = format!("{TASKS}/{}", part.code());
    if change {
        format!("{page}?change=true")
    } else {
        page
    }
}

pub async fn part(form: &FormFields) -> Result<String, Detour> {
    let services = services()?;
    let Some(part) = Part::from_code(&form.value(PART)) else {
        return Ok(TASKS.to_owned());
    };
    let (id, mut draft) = unsent(&services).await?;
    let change = form.value(CHANGE) == "true";
    let posted = posted_json(&draft.form_json(part), &form.without(&[PART, CHANGE]));
    let now = services.clock.now().naive_local();
    let next = match draft.accept(part, &posted, now, &services.breach_settings) {
        Ok(()) => {
            draft.refused = None;
            if change {
                CHECK.to_owned()
            } else {
                TASKS.to_owned()
            }
        }
        Err(errors) => {
            let refused = RefusedPart {
                part: part.code().to_owned(),
                form: posted,
                errors: problems(&errors),
                ..RefusedPart::default()
            };
            keep_refused(&mut draft, refused)?;
            part_href(part, change)
        }
    };
    save(&services, &id, &draft).await?;
    Ok(next)
}

pub async fn send() -> Result<String, Detour> {
    let services = services()?;
    let (id, mut draft) = unsent(&services).await?;
    let now = services.clock.now();
    let settings = &services.breach_settings;
    match draft.ready_to_send(now.naive_local(), settings) {
        Err(NotReady::Missing(_)) => return Ok(format!("{TASKS}?incomplete=true")),
        Err(NotReady::Recheck(part, errors)) => {
            let refused = RefusedPart {
                part: part.code().to_owned(),
                form: draft.form_json(part),
                errors: problems(&errors),
                ..RefusedPart::default()
            };
            keep_refused(&mut draft, refused)?;
            save(&services, &id, &draft).await?;
            return Ok(part_href(part, true));
        }
        Ok(()) => {}
    }
    let late = draft.late_at(now.naive_local(), settings);
    let submission = BreachSubmission {
        idempotency_key: draft.idempotency_key.clone(),
        created_on: services.clock.today(),
        submitted_at: now.naive_local(),
        assessment: draft.assessment.clone(),
        report: draft.report.clone(),
        reported_late: late,
        reply_in_welsh: in_welsh(),
    };
    let receipt = match services.breach.submit(submission).await {
        Ok(receipt) => receipt,
        Err(IntakeError::NotEligible(_)) => return Ok(format!("{TASKS}?incomplete=true")),
        Err(error) => return Err(Detour::problem("sending a report", error)),
    };
    let email = draft
        .report
        .contact
        .as_ref()
        .map(|contact| contact.email.clone())
        .unwrap_or_default();
    let copy = crate::pages::breach::answers::breach_copy(
        &draft.report,
        &receipt.reference,
        now.naive_local(),
    );
    let sent = draft.into_sent(SentReport {
        reference: receipt.reference,
        email,
        late,
        copy: Some(copy),
    });
    // Only the receipt is kept, for a day: the case has the report now.
    save_until(&services, &id, &sent, now_seconds(&services) + 86_400).await?;
    Ok(SENT.to_owned())
}

/// A link's token as it is emailed: 256 random bits as hex.
fn new_token() -> Result<String, Detour> {
    let first = random_hex().map_err(|error| Detour::problem("a token", error))?;
    let second = random_hex().map_err(|error| Detour::problem("a token", error))?;
    Ok(format!("{first}{second}"))
}

/// Whether the person is using the pages in Welsh, so the emails a step sends match them.
fn in_welsh() -> bool {
    crate::i18n::current_lang() == crate::i18n::Lang::Cy
}

/// A token as the link carries it.
fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

pub async fn save_link(email: String) -> Result<String, Detour> {
    let services = services()?;
    let (id, mut draft) = unsent(&services).await?;
    let form = SaveLinkForm {
        email: email.trim().to_owned(),
    };
    if let Some(key) = form.problem() {
        let email = form.email;
        let refused = RefusedPart {
            part: "save".to_owned(),
            form: serde_json::json!({ "email": email }),
            errors: vec![("email".to_owned(), key)],
            ..RefusedPart::default()
        };
        keep_refused(&mut draft, refused)?;
        save(&services, &id, &draft).await?;
        return Ok(SAVE.to_owned());
    }
    let email = form.email;
    let token = new_token()?;
    let expires_on =
        services.clock.today() + chrono::Duration::days(services.breach_settings.draft_days);
    let link = format!(
        "{}/report-breach/resume/{token}",
        services.public_url.trim_end_matches('/')
    );
    let message = ResumeEmail {
        to: email.clone(),
        link,
        expires_on,
        reply_in_welsh: in_welsh(),
    };
    services
        .breach
        .add_resume_link(&id, &token, expiry(&services), &message)
        .await
        .map_err(|error| Detour::problem("adding a resume link", error))?;
    draft.refused = None;
    draft.link_sent_to = Some(email);
    tracing::info!(expires = %long_date(expires_on), "breach report saved; link emailed");
    save(&services, &id, &draft).await?;
    Ok(SAVED.to_owned())
}

pub async fn resume(token: String) -> Result<String, Detour> {
    let services = services()?;
    if !well_formed(&token) {
        return Ok(LINK_NOT_FOUND.to_owned());
    }
    let opened = services
        .breach
        .use_resume_link(&token, now_seconds(&services))
        .await
        .map_err(|error| Detour::problem("using a resume link", error))?;
    match opened {
        Some(id) => {
            super::draft::name_draft(&services, &id);
            Ok(TASKS.to_owned())
        }
        None => Ok(LINK_NOT_FOUND.to_owned()),
    }
}

/// A follow-up as posted, trimmed (the reference in capitals).
pub struct FollowUpForm {
    pub reference: String,
    pub email: String,
    pub text: String,
}

fn follow_up_problems(form: &FollowUpForm, max: usize) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let mut add = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    if form.reference.is_empty() {
        add("reference", "breach.error.follow_up_reference.required");
    } else if Reference::parse(&form.reference).is_err() {
        add("reference", "breach.error.follow_up_reference.invalid");
    }
    if form.email.is_empty() {
        add("email", "breach.error.follow_up_email.required");
    } else if !is_email(&form.email) {
        add("email", "breach.error.follow_up_email.invalid");
    }
    if form.text.is_empty() {
        add("text", "breach.error.follow_up_text.required");
    } else if form.text.chars().count() > max {
        add("text", "breach.error.follow_up_text.too_long");
    }
    errors
}

/// Shows the follow-up form again with its problems: kept on this browser's draft (one is made
/// if there is none), like every other refused answer.
async fn refuse_follow_up(
    form: &FollowUpForm,
    errors: Vec<(String, String)>,
) -> Result<String, Detour> {
    let services = services()?;
    let refused = RefusedPart {
        part: "follow-up".to_owned(),
        form: serde_json::json!({
            "reference": form.reference, "email": form.email, "text": form.text,
        }),
        errors,
        ..RefusedPart::default()
    };
    match current(&services).await? {
        Some((id, mut draft)) => {
            keep_refused(&mut draft, refused)?;
            save(&services, &id, &draft).await?;
        }
        None => {
            let mut draft = BreachDraft::new(Default::default(), new_key()?);
            keep_refused(&mut draft, refused)?;
            create(&services, &draft).await?;
        }
    }
    Ok(FOLLOW_UP.to_owned())
}

pub async fn follow_up(form: FollowUpForm) -> Result<String, Detour> {
    let services = services()?;
    let errors = follow_up_problems(&form, services.breach_settings.long_text_chars);
    if !errors.is_empty() {
        return refuse_follow_up(&form, errors).await;
    }
    let Ok(reference) = Reference::parse(&form.reference) else {
        return Ok(FOLLOW_UP.to_owned());
    };
    let reference = reference.as_str().to_owned();
    let follow_up = FollowUp {
        reference: reference.clone(),
        email: form.email.clone(),
        text: form.text.clone(),
        at: services.clock.now().naive_local(),
        reply_in_welsh: in_welsh(),
    };
    let added = services
        .breach
        .follow_up(&follow_up)
        .await
        .map_err(|error| Detour::problem("adding a follow-up", error))?;
    if added {
        Ok(format!("{FOLLOW_UP}/sent?reference={reference}"))
    } else {
        let errors = vec![(
            "reference".to_owned(),
            "breach.error.follow_up_reference.no_match".to_owned(),
        )];
        refuse_follow_up(&form, errors).await
    }
}

#[cfg(test)]
mod tests {
    use super::SaveLinkForm;

    fn problem(email: &str) -> Option<String> {
        SaveLinkForm {
            email: email.to_owned(),
        }
        .problem()
    }

    #[test]
    fn the_save_link_form_wants_a_real_address_of_a_real_length() {
        assert_eq!(
            problem("").as_deref(),
            Some("breach.error.save_email.required")
        );
        for wrong in ["not an email", "dpo@localhost", "@example.org"] {
            assert_eq!(
                problem(wrong).as_deref(),
                Some("breach.error.save_email.invalid"),
                "{wrong}"
            );
        }
        let long = format!("{}@example.org", "a".repeat(243));
        assert_eq!(long.chars().count(), 255);
        assert_eq!(
            problem(&long).as_deref(),
            Some("breach.error.save_email.invalid")
        );
        assert_eq!(problem("dpo@northshire.example.org"), None);
    }
}
