//! How large a request body may be: 256 KiB for every form and API call, and a case's files for
//! the two posts that carry a file (the evidence upload and the nuisance email page, both server
//! functions) and the cases API. A body announced as larger is refused with 413 before it is
//! read; one that turns out larger stops there (the upload then says the file is too large).

use std::sync::Arc;

use app::domain::evidence::UploadLimits;
use app::server_fns::tracking::AddTrackInformation;
use app::server_fns::uploads::{UploadEvidence, UploadNuisanceEmail};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;

/// The largest body of a form post or an API request without files.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// The largest body of a request that carries files: a whole case's files, base64 encoded for
/// the API, and the form's other fields.
pub fn for_files(limits: &UploadLimits) -> usize {
    let case = usize::try_from(limits.max_case_bytes).unwrap_or(usize::MAX / 2);
    case.saturating_mul(4) / 3 + 1024 * 1024
}

/// The limit of each path.
pub struct BodyLimits {
    files: usize,
}

impl BodyLimits {
    pub fn new(limits: &UploadLimits) -> Self {
        BodyLimits {
            files: for_files(limits),
        }
    }

    fn of(&self, path: &str) -> usize {
        if path == UploadEvidence::PATH
            || path == UploadNuisanceEmail::PATH
            || path == AddTrackInformation::PATH
        {
            self.files
        } else {
            MAX_BODY_BYTES
        }
    }
}

pub async fn limit(
    State(limits): State<Arc<BodyLimits>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let limit = limits.of(request.uri().path());
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limit as u64) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, limit)));
    next.run(request).await
}
