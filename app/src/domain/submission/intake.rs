//! From a submission to what intake needs: the sift input and the new case.

use super::details::CaseDetails;
use crate::domain::case::{CaseKind, IntakeChannel, NewCase, SiftInput, SiftText};

/// The texts the sift reads, in the order of the form, with the organisation's name.
pub fn sift_input(details: &CaseDetails) -> SiftInput {
    let mut texts = vec![SiftText::new("the summary", &details.summary)];
    for (i, event) in details.timeline.iter().enumerate() {
        texts.push(SiftText::new(
            format!("timeline event {}", i + 1),
            &event.what,
        ));
    }
    texts.push(SiftText::new("the harm described", &details.harm));
    if let Some(wanted) = &details.wanted {
        texts.push(SiftText::new("what they would like to happen", wanted));
    }
    if let Some(reason) = &details.late_reason {
        texts.push(SiftText::new("the reason for waiting", reason));
    }
    if let Some(adjustments) = &details.customer.adjustments {
        texts.push(SiftText::new("the adjustments asked for", adjustments));
    }
    SiftInput {
        reply_in_welsh: details.customer.reply_in_welsh,
        texts,
        organisation_name: Some(details.organisation.name.clone()),
        customer_is_staff: false,
    }
}

/// The new case for a submission of `case_type` arriving by `channel`.
pub fn new_case(case_type: CaseKind, channel: IntakeChannel, details: &CaseDetails) -> NewCase {
    NewCase {
        case_type,
        channel,
        sector: details.organisation.sector,
        sift: sift_input(details),
    }
}
