//! From a submission to what intake needs: the sift input and the new case.

use super::details::CaseDetails;
use crate::domain::case::{CaseKind, IntakeChannel, NewCase, SiftInput, SiftText};

/// The texts the sift reads, in the order of the form, with the organisation's name.
pub fn sift_input(details: &CaseDetails) -> SiftInput {
    let mut texts = Vec::new();
    // FOI/EIR: the request complained about comes first on the form.
    if let Some(request) = &details.information_request {
        texts.push(SiftText::named(
            "information_requested",
            &[],
            &request.requested,
        ));
        if let Some(withheld) = &request.withheld {
            texts.push(SiftText::named("withheld", &[], withheld));
        }
    }
    texts.push(SiftText::named("summary", &[], &details.summary));
    for (i, event) in details.timeline.iter().enumerate() {
        let number = (i + 1).to_string();
        texts.push(SiftText::named(
            "timeline_event",
            &[("number", &number)],
            &event.what,
        ));
    }
    texts.push(SiftText::named("harm", &[], &details.harm));
    if let Some(wanted) = &details.wanted {
        texts.push(SiftText::named("wanted", &[], wanted));
    }
    if let Some(reason) = &details.late_reason {
        texts.push(SiftText::named("late_reason", &[], reason));
    }
    if let Some(adjustments) = &details.customer.adjustments {
        texts.push(SiftText::named("adjustments", &[], adjustments));
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
