//! FOI and EIR complaints in depth (issue 19 part 3, the s50 guidance): what a complaint needs
//! beyond the readiness questions (what was asked for, what the authority did, the exemptions or
//! exceptions it used, what it withheld), the internal review an authority refused or cannot
//! hold, and the timescales the verdict and confirmation pages quote.

use serde::{Deserialize, Serialize};

use super::answers::Answers;
use super::concern::Topic;
use super::flow::{document_options, path};
use super::steps::Step;
use crate::domain::readiness::{Assessment, Reason, Route, Verdict};
use crate::domain::submission::InformationRequestDetails;

/// The answer to [`Step::Review`]: the authority said it has no review procedure.
pub const NO_PROCEDURE: &str = "no_procedure";
/// The answer to [`Step::ReviewAnswered`] (the authority refused to carry out a review), and to
/// [`Step::AuthorityAction`] (it refused the request under exemptions or exceptions).
pub const REFUSED: &str = "refused";
/// "I'm not sure" among the exemptions or exceptions.
pub const NOT_SURE: &str = "not_sure";
/// What the authority did when it never replied (not asked: the person said it has not).
pub const NO_RESPONSE: &str = "no_response";

/// What an authority that replied did with the request (asked after "has it replied?": yes).
pub const AUTHORITY_ACTIONS: &[&str] = &[
    REFUSED,
    "not_held",
    "cost",
    "vexatious",
    "extended",
    "other",
];

/// The exemptions of FOIA Part II, by section (s12 cost and s14 vexatious are answers to what
/// the authority did).
pub const FOI_EXEMPTIONS: &[&str] = &[
    "s21", "s22", "s22a", "s23", "s24", "s26", "s27", "s28", "s29", "s30", "s31", "s32", "s33",
    "s34", "s35", "s36", "s37", "s38", "s39", "s40", "s41", "s42", "s43", "s44",
];

/// The exceptions of the EIR: regulation 12(4) and 12(5), and personal data (regulation 13).
pub const EIR_EXCEPTIONS: &[&str] = &[
    "r12_4_a", "r12_4_b", "r12_4_c", "r12_4_d", "r12_4_e", "r12_5_a", "r12_5_b", "r12_5_c",
    "r12_5_d", "r12_5_e", "r12_5_f", "r12_5_g", "r13",
];

/// The timescales the pages quote for what happens after an FOI/EIR complaint, each a setting
/// with the s50 guidance's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FoiTimescales {
    /// "Our aim is to resolve most cases within six months of receiving them."
    pub resolve_months: u32,
    /// Calendar days an authority has to take the steps a decision notice sets.
    pub comply_days: u32,
    /// Calendar days, from the date the decision notice was signed, to appeal to the
    /// First-tier Tribunal (Information Rights).
    pub appeal_days: u32,
}

impl Default for FoiTimescales {
    fn default() -> Self {
        FoiTimescales {
            resolve_months: 6,
            comply_days: 35,
            appeal_days: 28,
        }
    }
}

/// Whether `route` is an FOI or EIR complaint.
pub(super) fn is_route(route: Route) -> bool {
    matches!(route, Route::Foi | Route::Eir)
}

/// The exemptions (FOI) or exceptions (EIR) a refusal may have used, then "not sure".
pub fn grounds(topic: Option<Topic>) -> Vec<&'static str> {
    let listed = match topic {
        Some(Topic::Eir) => EIR_EXCEPTIONS,
        _ => FOI_EXEMPTIONS,
    };
    listed.iter().copied().chain([NOT_SURE]).collect()
}

/// The codes a checkbox question offers: the grounds of a refusal, or the documents the answers
/// so far call for.
pub fn checkbox_options(step: Step, answers: &Answers) -> Vec<String> {
    match step {
        Step::RefusalGrounds => grounds(Topic::of(answers))
            .into_iter()
            .map(str::to_owned)
            .collect(),
        _ => document_options(answers)
            .iter()
            .map(|kind| kind.code().to_owned())
            .collect(),
    }
}

/// FOI/EIR: the person said the authority has no review procedure, so the complaint goes on
/// without one.
pub(super) fn accepted_without_review(answers: &Answers) -> bool {
    matches!(Topic::of(answers), Some(Topic::Foi | Topic::Eir))
        && answers.choice(Step::Review) == Some(NO_PROCEDURE)
        && path(answers).contains(&Step::Review)
}

/// Drops the internal review the rules ask for (the readiness API itself is unchanged) and
/// works the verdict out again from the reasons left.
pub(super) fn waive_internal_review(assessment: &mut Assessment) {
    if !assessment
        .reasons
        .contains(&Reason::InternalReviewNotRequested)
    {
        return;
    }
    assessment
        .reasons
        .retain(|reason| *reason != Reason::InternalReviewNotRequested);
    assessment.verdict = assessment
        .reasons
        .iter()
        .map(Reason::verdict)
        .max()
        .unwrap_or(Verdict::Ready);
}

/// The questions about the request asked when handing an FOI/EIR complaint in: what was asked
/// for; what an authority that replied did; and for a refusal, on what grounds and what it
/// withheld.
pub(super) fn request_steps(answers: &Answers) -> Vec<Step> {
    let mut steps = vec![Step::InformationRequested];
    if answers.yes(Step::Responded) {
        steps.push(Step::AuthorityAction);
        if answers.choice(Step::AuthorityAction) == Some(REFUSED) {
            steps.extend([Step::RefusalGrounds, Step::Withheld]);
        }
    }
    steps
}

/// Where the internal review stands, as a code for the case page.
fn review_status(answers: &Answers) -> &'static str {
    match (
        answers.choice(Step::Review),
        answers.choice(Step::ReviewAnswered),
    ) {
        (Some(NO_PROCEDURE), _) => NO_PROCEDURE,
        (Some("yes"), Some("yes")) => "answered",
        (Some("yes"), Some(REFUSED)) => REFUSED,
        (Some("yes"), _) => "awaited",
        _ => "not_asked",
    }
}

/// The request complained about, for an FOI/EIR complaint handed in on `route`.
pub(super) fn details_for(answers: &Answers, route: Route) -> Option<InformationRequestDetails> {
    if is_route(route) {
        information_request_details(answers)
    } else {
        None
    }
}

/// The request complained about, as the answers describe it (`None` unless FOI or EIR).
pub fn information_request_details(answers: &Answers) -> Option<InformationRequestDetails> {
    let topic = Topic::of(answers).filter(|topic| matches!(topic, Topic::Foi | Topic::Eir))?;
    let responded = answers.yes(Step::Responded);
    let action = if responded {
        answers.choice(Step::AuthorityAction).unwrap_or("other")
    } else {
        NO_RESPONSE
    };
    let refused = action == REFUSED;
    Some(InformationRequestDetails {
        law: topic.code().to_owned(),
        requested: answers
            .text(Step::InformationRequested)
            .unwrap_or_default()
            .to_owned(),
        authority_action: action.to_owned(),
        grounds: if refused {
            answers.many(Step::RefusalGrounds).to_vec()
        } else {
            Vec::new()
        },
        withheld: answers
            .text(Step::Withheld)
            .filter(|_| refused)
            .map(str::to_owned),
        review: responded.then(|| review_status(answers).to_owned()),
    })
}
