//! Save and come back later: a link emailed to the organisation opens its draft (that draft
//! alone) in any browser. The link's token is 256 random bits; only its SHA-256 is stored, it
//! works once, and never after the draft expires.

use app::domain::breach::RefusedPart;
use app::domain::submission::is_email;
use app::i18n::long_date;
use app::ports::{ResumeEmail, Services};
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};

use crate::auth::{random_token, sha256_hex};

use super::{
    expiry, field, keep_refused, now_seconds, problem, save, see_other, see_other_with_draft,
    unsent, with_cookie, Pairs, PublicUrl, SAVE, SAVED, TASKS,
};

/// The most characters of an email address.
const MAX_EMAIL_CHARS: usize = 254;

/// A token as the link carries it: 32 random bytes, base64url (43 characters).
fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `POST /report-breach/report/save`: emails a link back to the draft.
pub async fn save_link(
    Extension(services): Extension<Services>,
    Extension(public): Extension<PublicUrl>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let (id, mut draft) = match unsent(&services, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let email = field(&pairs, "email").trim().to_owned();
    let problem_key = if email.is_empty() {
        Some("breach.error.save_email.required")
    } else if email.chars().count() > MAX_EMAIL_CHARS || !is_email(&email) {
        Some("breach.error.save_email.invalid")
    } else {
        None
    };
    if let Some(key) = problem_key {
        let refused = RefusedPart {
            part: "save".to_owned(),
            form: serde_json::json!({ "email": email }),
            errors: vec![("email".to_owned(), key.to_owned())],
            ..RefusedPart::default()
        };
        let cookie = match keep_refused(&services, &mut draft, refused) {
            Ok(cookie) => cookie,
            Err(response) => return *response,
        };
        return match save(&services, &id, &draft).await {
            Ok(()) => with_cookie(see_other(SAVE), cookie),
            Err(response) => response,
        };
    }
    let token = match random_token() {
        Ok(token) => token,
        Err(error) => return problem("a token", error),
    };
    let expires_at = expiry(&services);
    let expires_on =
        services.clock.today() + chrono::Duration::days(services.breach_settings.draft_days);
    let link = format!(
        "{}/report-breach/resume/{token}",
        public.0.trim_end_matches('/')
    );
    let message = ResumeEmail {
        to: email.clone(),
        link,
        expires_on,
    };
    if let Err(error) = services
        .breach
        .add_resume_link(&id, &sha256_hex(&token), expires_at, &message)
        .await
    {
        return problem("adding a resume link", error);
    }
    draft.refused = None;
    draft.link_sent_to = Some(email);
    tracing::info!(expires = %long_date(expires_on), "breach report saved; link emailed");
    match save(&services, &id, &draft).await {
        Ok(()) => see_other(SAVED),
        Err(response) => response,
    }
}

/// `POST /report-breach/resume/{token}`: opens the link's draft in this browser. An unknown,
/// used, forged or expired link opens nothing.
pub async fn resume(
    Extension(services): Extension<Services>,
    Path(token): Path<String>,
) -> Response {
    if !well_formed(&token) {
        return see_other("/report-breach/link-not-found");
    }
    match services
        .breach
        .use_resume_link(&sha256_hex(&token), now_seconds(&services))
        .await
    {
        Ok(Some(id)) => see_other_with_draft(&services, &id, TASKS),
        Ok(None) => see_other("/report-breach/link-not-found"),
        Err(error) => problem("using a resume link", error),
    }
}
