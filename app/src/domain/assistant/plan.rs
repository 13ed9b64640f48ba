//! The assistant's outcome: the readiness assessment of the answers, and for `not_yet` the next
//! step in plain terms, with the letter to send and the date from which to come back.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::concern::{is_scam, to_concern, Topic};
use crate::domain::calendar::Calendar;
use crate::domain::readiness::{
    assess, AssessError, Assessment, Concern, DocumentKind, ReadinessSettings, Reason, Signpost,
    Verdict,
};

/// A letter the assistant writes for the person to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Letter {
    SubjectAccessRequest,
    ComplaintToOrganisation,
    CreditReferenceAgencyRequest,
    InternalReviewRequest,
}

impl Letter {
    pub fn code(self) -> &'static str {
        match self {
            Letter::SubjectAccessRequest => "subject_access_request",
            Letter::ComplaintToOrganisation => "complaint_to_organisation",
            Letter::CreditReferenceAgencyRequest => "credit_reference_agency_request",
            Letter::InternalReviewRequest => "internal_review_request",
        }
    }
}

/// What a person told `not_yet` must do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum NextStep {
    /// Send the letter; if sent today, the answer is due by `respond_by`.
    SendLetter {
        letter: Letter,
        respond_by: NaiveDate,
        come_back_from: NaiveDate,
    },
    /// FOI/EIR: make the information request first.
    MakeRequest {
        respond_by: NaiveDate,
        come_back_from: NaiveDate,
    },
    /// The organisation still has time to answer.
    WaitForResponse {
        due: NaiveDate,
        come_back_from: NaiveDate,
    },
    /// The authority's internal review still has time.
    WaitForReview {
        due: NaiveDate,
        come_back_from: NaiveDate,
    },
    /// Gather the documents before submitting.
    GatherDocuments { missing: Vec<DocumentKind> },
}

impl NextStep {
    /// The date from which the person can come back, for the reminder.
    pub fn come_back_from(&self) -> Option<NaiveDate> {
        match self {
            NextStep::SendLetter { come_back_from, .. }
            | NextStep::MakeRequest { come_back_from, .. }
            | NextStep::WaitForResponse { come_back_from, .. }
            | NextStep::WaitForReview { come_back_from, .. } => Some(*come_back_from),
            NextStep::GatherDocuments { .. } => None,
        }
    }

    /// Whether the person is waiting for an internal review's result: they may come back to us
    /// as soon as the result arrives if they are not happy with it, before `come_back_from`
    /// (policy §2: the review may be awaited up to 40 working days, not that it must be).
    pub fn awaits_review(&self) -> bool {
        matches!(
            self,
            NextStep::WaitForReview { .. }
                | NextStep::SendLetter {
                    letter: Letter::InternalReviewRequest,
                    ..
                }
        )
    }

    pub fn letter(&self) -> Option<Letter> {
        match self {
            NextStep::SendLetter { letter, .. } => Some(*letter),
            _ => None,
        }
    }
}

/// The assistant's answer for a set of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub topic: String,
    pub concern: Concern,
    pub assessment: Assessment,
    /// For not_yet: what to do next.
    pub next_step: Option<NextStep>,
}

impl Outcome {
    pub fn verdict(&self) -> Verdict {
        self.assessment.verdict
    }
}

/// Assesses the answers and, for `not_yet`, works out the next step. `None` before the first
/// question is answered.
pub fn plan(
    answers: &Answers,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    calendar: &Calendar,
    settings: &ReadinessSettings,
) -> Result<Option<Outcome>, AssessError> {
    let (Some(topic), Some(concern)) = (Topic::of(answers), to_concern(answers)) else {
        return Ok(None);
    };
    let mut assessment = if is_scam(answers) {
        scam_signpost()
    } else {
        assess(&concern, today, now, calendar, settings)?
    };
    // FOI/EIR: an authority with no review procedure cannot be asked for one.
    if super::foi::accepted_without_review(answers) {
        super::foi::waive_internal_review(&mut assessment);
    }
    let next_step = if assessment.verdict == Verdict::NotYet {
        next_step(topic, &concern, &assessment, today, now, calendar, settings)?
    } else {
        None
    };
    Ok(Some(Outcome {
        topic: topic.code().to_owned(),
        concern,
        assessment,
        next_step,
    }))
}

/// A scam is not ours: Action Fraud. Not a readiness rule (the contract has no scam channel).
fn scam_signpost() -> Assessment {
    Assessment {
        verdict: Verdict::NotForUs,
        case_type: None,
        reasons: Vec::new(),
        response_due: None,
        can_complain_from: None,
        complain_by: None,
        required_documents: Vec::new(),
        missing_documents: Vec::new(),
        signpost: Some(Signpost::ActionFraud),
    }
}

fn next_step(
    topic: Topic,
    concern: &Concern,
    assessment: &Assessment,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    calendar: &Calendar,
    settings: &ReadinessSettings,
) -> Result<Option<NextStep>, AssessError> {
    // What the clocks would say if the person took the step today.
    let if_done_today =
        |change: &dyn Fn(&mut Concern)| -> Result<(NaiveDate, NaiveDate), AssessError> {
            let mut hypothetical = concern.clone();
            change(&mut hypothetical);
            hypothetical.documents = None;
            let future = assess(&hypothetical, today, now, calendar, settings)?;
            let due = future.response_due.unwrap_or(today);
            let from = future.can_complain_from.unwrap_or(today);
            Ok((due, from))
        };
    for reason in &assessment.reasons {
        let step = match reason {
            Reason::NoRequestMade => {
                let (respond_by, come_back_from) = if_done_today(&|c| c.raised_on = Some(today))?;
                NextStep::MakeRequest {
                    respond_by,
                    come_back_from,
                }
            }
            Reason::NotRaisedWithOrganisation => {
                let letter = match topic {
                    Topic::SubjectAccess => Letter::SubjectAccessRequest,
                    Topic::CreditFile => Letter::CreditReferenceAgencyRequest,
                    _ => Letter::ComplaintToOrganisation,
                };
                let (respond_by, come_back_from) = if_done_today(&|c| c.raised_on = Some(today))?;
                NextStep::SendLetter {
                    letter,
                    respond_by,
                    come_back_from,
                }
            }
            Reason::InternalReviewNotRequested => {
                let (respond_by, come_back_from) =
                    if_done_today(&|c| c.internal_review_requested_on = Some(today))?;
                NextStep::SendLetter {
                    letter: Letter::InternalReviewRequest,
                    respond_by,
                    come_back_from,
                }
            }
            Reason::AwaitingResponse => {
                match (assessment.response_due, assessment.can_complain_from) {
                    (Some(due), Some(come_back_from)) => NextStep::WaitForResponse {
                        due,
                        come_back_from,
                    },
                    _ => continue,
                }
            }
            Reason::InternalReviewPending => {
                match (assessment.response_due, assessment.can_complain_from) {
                    (Some(due), Some(come_back_from)) => NextStep::WaitForReview {
                        due,
                        come_back_from,
                    },
                    _ => continue,
                }
            }
            Reason::MissingDocuments => NextStep::GatherDocuments {
                missing: assessment.missing_documents.clone(),
            },
            _ => continue,
        };
        return Ok(Some(step));
    }
    Ok(None)
}
