//! The work behind Track my case's posts and its page: each post returns where the browser goes
//! next. A refusal goes back to its page the portal's one way (`crate::server_fns::refused`): what
//! was typed and the problems are kept with the person's journey record, named by the `refused`
//! cookie, never in the address. Something failing on our side is logged without personal data.

use leptos::prelude::*;

use super::{TrackFlash, TrackView, SESSION_COOKIE};
use crate::domain::case::{Reference, Stage};
use crate::domain::evidence::check_upload;
use crate::domain::submission::{is_email, EvidenceKind};
use crate::domain::tracking::{expected_wait, public_stage, week_starts, weekly_counts, KeyDates};
use crate::ports::tracking::{PriorityAsked, TrackLinkEmail};
use crate::ports::Services;
use crate::server_fns::session::{cookie_value, random_hex, set_cookie};
use crate::server_fns::uploads::multipart;

pub const START: &str = "/track";
pub const CASE: &str = "/track/case";
pub const LINK_SENT: &str = "/track/link-sent";
/// Where a refusal of our own making goes (the start page says something went wrong).
const PROBLEM: &str = "/track?problem=yes";

/// The most characters of an email address.
const MAX_EMAIL_CHARS: usize = 254;

fn services() -> Option<std::sync::Arc<Services>> {
    crate::server_fns::session::services().ok()
}

/// 256 random bits as hex.
fn new_token() -> Option<String> {
    Some(format!("{}{}", random_hex().ok()?, random_hex().ok()?))
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

fn now(services: &Services) -> i64 {
    services.clock.now().timestamp()
}

fn in_welsh() -> bool {
    crate::i18n::current_lang() == crate::i18n::Lang::Cy
}

fn session() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let secure = crate::server_fns::cookie::secure_in_context();
    cookie_value(&parts.headers, SESSION_COOKIE, secure).filter(|token| well_formed(token))
}

fn name_session(services: &Services, token: &str) {
    set_cookie(
        services.secure_cookies,
        SESSION_COOKIE,
        token,
        "/track",
        services.tracking_settings.session_seconds(),
    );
}

/// The pair as typed: the reference parsed (any case, spaces), the address trimmed; or the
/// problem codes, in the order of the fields.
fn checked_pair(reference: &str, email: &str) -> Result<(Reference, String), Vec<&'static str>> {
    let mut problems = Vec::new();
    let reference = reference.trim();
    let parsed = Reference::parse(reference);
    if reference.is_empty() {
        problems.push("reference_required");
    } else if parsed.is_err() {
        problems.push("reference_invalid");
    }
    let email = email.trim();
    if email.is_empty() {
        problems.push("email_required");
    } else if email.chars().count() > MAX_EMAIL_CHARS || !is_email(email) {
        problems.push("email_invalid");
    }
    match parsed {
        Ok(parsed) if problems.is_empty() => Ok((parsed, email.to_owned())),
        _ => Err(problems),
    }
}

/// Keeps the refused `form` (what was typed and its problems) with this browser's journey record,
/// named by the `refused` cookie, and returns `page`: where it is shown again.
async fn refuse(
    services: &Services,
    form: &str,
    values: &[(&str, &str)],
    problems: &[&str],
    page: &str,
) -> String {
    let mut journey = match crate::server_fns::session::load(services).await {
        Ok(journey) => journey,
        Err(error) => {
            tracing::error!(%error, "track my case: keeping a refused form");
            return PROBLEM.to_owned();
        }
    };
    journey.track_flash = Some(TrackFlash {
        key: String::new(),
        form: form.to_owned(),
        values: values
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
        problems: problems.iter().map(|code| (*code).to_owned()).collect(),
    });
    match crate::server_fns::session::save(services, &mut journey).await {
        Ok(()) => page.to_owned(),
        Err(error) => {
            tracing::error!(%error, "track my case: keeping a refused form");
            PROBLEM.to_owned()
        }
    }
}

/// Forgets a refused form once its post has gone through (only when one is kept).
async fn forget_refusal(services: &Services) {
    if let Ok(Some(mut journey)) = crate::server_fns::session::stored(services).await {
        if journey.track_flash.take().is_some() {
            if let Err(error) = crate::server_fns::session::save(services, &mut journey).await {
                tracing::error!(%error, "track my case: forgetting a refused form");
            }
        }
    }
}

/// The refused form this request asks to see, if it is one of `forms` (one read of the journey).
pub async fn kept(forms: &[&str]) -> Result<Option<TrackFlash>, ServerFnError> {
    let services = crate::server_fns::session::services()?;
    let journey = crate::server_fns::session::stored(&services).await?;
    Ok(crate::server_fns::refused::shown(
        journey.and_then(|journey| journey.track_flash),
        |flash| flash.key.as_str(),
    )
    .filter(|flash| forms.contains(&flash.form.as_str())))
}

/// Back to the start page with the pair as typed and its problems.
async fn refused(services: &Services, problems: &[&str], reference: &str, email: &str) -> String {
    refuse(
        services,
        "start",
        &[("reference", reference), ("email", email)],
        problems,
        START,
    )
    .await
}

pub async fn open(reference: String, email: String) -> String {
    let Some(services) = services() else {
        return PROBLEM.to_owned();
    };
    let typed_email = email.clone();
    let (parsed, email) = match checked_pair(&reference, &typed_email) {
        Ok(pair) => pair,
        Err(problems) => return refused(&services, &problems, &reference, &typed_email).await,
    };
    let Some(token) = new_token() else {
        return PROBLEM.to_owned();
    };
    let expires = now(&services) + services.tracking_settings.session_seconds();
    match services
        .tracking
        .open(parsed.as_str(), &email, &token, expires)
        .await
    {
        Ok(true) => {
            forget_refusal(&services).await;
            name_session(&services, &token);
            CASE.to_owned()
        }
        // One message, whether the reference exists or not.
        Ok(false) => refused(&services, &["no_match"], &reference, &typed_email).await,
        Err(error) => {
            tracing::error!(%error, "track my case: opening a case");
            PROBLEM.to_owned()
        }
    }
}

pub async fn email_link(reference: String, email: String) -> String {
    let Some(services) = services() else {
        return PROBLEM.to_owned();
    };
    let typed_email = email.clone();
    let (parsed, email) = match checked_pair(&reference, &typed_email) {
        Ok(pair) => pair,
        Err(problems) => return refused(&services, &problems, &reference, &typed_email).await,
    };
    let Some(token) = new_token() else {
        return PROBLEM.to_owned();
    };
    let message = TrackLinkEmail {
        link_base: format!("{}/track/link/", services.public_url.trim_end_matches('/')),
        expires_at: now(&services) + services.tracking_settings.link_seconds(),
        link_hours: services.tracking_settings.link_hours,
        reply_in_welsh: in_welsh(),
    };
    if let Err(error) = services
        .tracking
        .email_link(parsed.as_str(), &email, &token, &message)
        .await
    {
        tracing::error!(%error, "track my case: emailing a link");
        return PROBLEM.to_owned();
    }
    // The same answer whether or not the pair matched.
    forget_refusal(&services).await;
    LINK_SENT.to_owned()
}

pub async fn use_link(token: String) -> String {
    let Some(services) = services() else {
        return PROBLEM.to_owned();
    };
    if !well_formed(&token) {
        return refused(&services, &["link"], "", "").await;
    }
    let Some(session) = new_token() else {
        return PROBLEM.to_owned();
    };
    let at = now(&services);
    let expires = at + services.tracking_settings.session_seconds();
    match services
        .tracking
        .use_link(&token, at, &session, expires)
        .await
    {
        Ok(true) => {
            name_session(&services, &session);
            CASE.to_owned()
        }
        Ok(false) => refused(&services, &["link"], "", "").await,
        Err(error) => {
            tracing::error!(%error, "track my case: using a link");
            PROBLEM.to_owned()
        }
    }
}

pub async fn load() -> Result<Option<TrackView>, ServerFnError> {
    let services = crate::server_fns::session::services()?;
    let Some(session) = session() else {
        return Ok(None);
    };
    let settings = services.tracking_settings.clone();
    let today = services.clock.today();
    let weeks = week_starts(today, settings.history_weeks);
    let since = weeks.first().map_or(today, |(monday, _)| *monday);
    let facts = services
        .tracking
        .facts(&session, now(&services), since)
        .await
        .map_err(|error| ServerFnError::new(error.0))?;
    let flash = kept(&["add", "priority"]).await?;
    Ok(facts.map(|facts| {
        let record = &facts.record;
        let wait = (record.stage() == Stage::Queue).then(|| {
            let weekly = weekly_counts(&weeks, &facts.allocations);
            expected_wait(facts.ahead, &weekly, settings.min_history_allocations)
        });
        TrackView {
            reference: record.reference.clone(),
            stage: public_stage(record, today, settings.decided_days),
            dates: KeyDates::of(record, facts.acknowledged),
            wait,
            today,
            text_chars: settings.text_chars,
            reasons_chars: settings.reasons_chars,
            flash,
        }
    }))
}

/// Back to the status page's add-information form with what was typed and its problem.
async fn case_refused(services: &Services, problem: &str, text: &str) -> String {
    refuse(
        services,
        "add",
        &[("text", text)],
        &[problem],
        &format!("{CASE}#add"),
    )
    .await
}

/// The most characters of a text kept to show again: what was typed, not cut at the limit.
fn kept_chars(max_chars: usize) -> usize {
    max_chars.saturating_mul(4).max(max_chars + 1)
}

pub async fn add(form: multer::Multipart<'static>) -> String {
    let Some(services) = services() else {
        return PROBLEM.to_owned();
    };
    let Some(session) = session() else {
        return START.to_owned();
    };
    let limits = services.upload_limits.clone();
    let cap = usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX - 1);
    let max_chars = services.tracking_settings.text_chars;
    let form = multipart::read(form, cap).await;
    let text = form
        .field("text")
        .map(|field| field.text(kept_chars(max_chars)))
        .unwrap_or_default()
        .trim()
        .to_owned();
    let file = form.field("file").filter(|file| {
        !file.bytes.is_empty() || file.file_name.as_deref().is_some_and(|n| !n.is_empty())
    });
    if form.broken {
        return case_refused(&services, "file_too_large", &text).await;
    }
    if text.is_empty() {
        return case_refused(&services, "text_required", &text).await;
    }
    if text.chars().count() > max_chars {
        return case_refused(&services, "text_too_long", &text).await;
    }
    let stored = match file {
        None => None,
        Some(file) => {
            let so_far = match services.tracking.uploads(&session, now(&services)).await {
                Ok(Some(so_far)) => so_far,
                Ok(None) => return START.to_owned(),
                Err(error) => {
                    tracing::error!(%error, "track my case: counting the case's files");
                    return PROBLEM.to_owned();
                }
            };
            let name = file.file_name.clone().unwrap_or_default();
            let checked = match check_upload(&file.bytes, &name, so_far, &limits) {
                Ok(checked) => checked,
                Err(error) => {
                    let key = error.message_key().to_owned();
                    let code = key.rsplit('.').next().unwrap_or("invalid").to_owned();
                    return case_refused(&services, &format!("file_{code}"), &text).await;
                }
            };
            match services
                .evidence
                .keep(EvidenceKind::OTHER, &file.bytes, checked)
                .await
            {
                Ok(stored) => Some(stored),
                Err(error) => {
                    tracing::error!(%error, "track my case: storing a file");
                    return PROBLEM.to_owned();
                }
            }
        }
    };
    match services
        .tracking
        .add_information(&session, now(&services), &text, stored)
        .await
    {
        Ok(true) => {
            forget_refusal(&services).await;
            format!("{CASE}?done=added")
        }
        Ok(false) => START.to_owned(),
        Err(error) => {
            tracing::error!(%error, "track my case: adding information");
            PROBLEM.to_owned()
        }
    }
}

pub async fn priority(reasons: String) -> String {
    let Some(services) = services() else {
        return PROBLEM.to_owned();
    };
    let Some(session) = session() else {
        return START.to_owned();
    };
    let reasons = reasons.trim();
    let page = format!("{CASE}#priority");
    let refused = |code: &'static str| {
        let services = services.clone();
        let page = page.clone();
        async move {
            refuse(
                &services,
                "priority",
                &[("reasons", reasons)],
                &[code],
                &page,
            )
            .await
        }
    };
    if reasons.is_empty() {
        return refused("reasons_required").await;
    }
    if reasons.chars().count() > services.tracking_settings.reasons_chars {
        return refused("reasons_too_long").await;
    }
    match services
        .tracking
        .request_priority(&session, now(&services), reasons)
        .await
    {
        Ok(PriorityAsked::Recorded) => {
            forget_refusal(&services).await;
            format!("{CASE}?done=priority")
        }
        Ok(PriorityAsked::NoManager) => refused("no_manager").await,
        Ok(PriorityAsked::NoSession) => START.to_owned(),
        Err(error) => {
            tracing::error!(%error, "track my case: asking for priority");
            PROBLEM.to_owned()
        }
    }
}
