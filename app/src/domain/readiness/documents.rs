//! The documents a concern needs (readiness-api.md, "Document kinds").

use super::codes::{DocumentKind, Route};
use super::types::Concern;

/// The documents this route and these answers need, in the contract's order.
pub fn required_documents(concern: &Concern) -> Vec<DocumentKind> {
    let raised = concern.raised_on.is_some();
    let answered = concern.response_on.is_some();
    let candidates: Vec<(bool, DocumentKind)> = match concern.route {
        Route::DataProtection => vec![
            (
                raised && concern.subject_access,
                DocumentKind::SubjectAccessRequest,
            ),
            (
                raised && !concern.subject_access,
                DocumentKind::ConcernToOrganisation,
            ),
            (answered, DocumentKind::OrganisationResponse),
        ],
        Route::CreditFile => vec![
            (true, DocumentKind::CreditFileExtract),
            (raised, DocumentKind::RequestToCreditReferenceAgency),
            (answered, DocumentKind::AgencyResponse),
        ],
        Route::Foi | Route::Eir => vec![
            (raised, DocumentKind::InformationRequest),
            (answered, DocumentKind::AuthorityResponse),
            (
                concern.internal_review_requested_on.is_some(),
                DocumentKind::InternalReviewRequest,
            ),
            (
                concern.internal_review_outcome_on.is_some(),
                DocumentKind::InternalReviewOutcome,
            ),
        ],
        Route::CctvHousehold
        | Route::Marketing
        | Route::Breach
        | Route::Advice
        | Route::ServiceComplaint => Vec::new(),
    };
    candidates
        .into_iter()
        .filter_map(|(needed, kind)| needed.then_some(kind))
        .collect()
}

/// The required documents not among those the person has ready (none when not checked).
pub fn missing_documents(
    required: &[DocumentKind],
    ready: Option<&[DocumentKind]>,
) -> Vec<DocumentKind> {
    match ready {
        None => Vec::new(),
        Some(ready) => required
            .iter()
            .copied()
            .filter(|kind| !ready.contains(kind))
            .collect(),
    }
}

/// Whether the missing_documents reason applies to this route.
pub fn documents_checked_on(route: Route) -> bool {
    matches!(
        route,
        Route::DataProtection | Route::CreditFile | Route::Foi | Route::Eir
    )
}
