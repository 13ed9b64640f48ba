//! Closing a case (manual §11, policy.md §5): the outcomes valid for each case type, the four
//! 'marked for deletion' outcomes every type has, the attributes a closure must record, and the
//! problems that stop a closure (also what the exception report of incomplete closures lists).
//!
//! The manual lists outcomes for RFA, ELE, FS50/FER, COM and ENF. For the other types it lists
//! none; the short lists below for them are this project's (each is the decision such a case
//! ends in), kept here in one place.

use serde::{Deserialize, Serialize};

use super::kind::CaseKind;

code_enum! {
    lenient
    /// A case outcome, stored as its code; words in `workflow.outcome.<code>`.
    Outcome {
        DcOutsideUk => "dc_outside_uk",
        NotDpa => "not_dpa",
        ConcernToBeRaisedWithDc => "concern_to_be_raised_with_dc",
        ResponseNeededFromDc => "response_needed_from_dc",
        NoActionForDc => "no_action_for_dc",
        GeneralAdviceGivenToDc => "general_advice_given_to_dc",
        ComplianceAdviceGivenToDc => "compliance_advice_given_to_dc",
        DcActionRequired => "dc_action_required",
        ImprovementActionPlanAgreed => "improvement_action_plan_agreed",
        UndertakingServed => "undertaking_served",
        AdvisoryVisitRecommended => "advisory_visit_recommended",
        ComplianceAuditRecommended => "compliance_audit_recommended",
        EnforcementNoticePursued => "enforcement_notice_pursued",
        CivilMonetaryPenaltyPursued => "civil_monetary_penalty_pursued",
        CriminalInvestigationPursued => "criminal_investigation_pursued",
        // ELE (PECR)
        InsufficientInformationProvided => "insufficient_information_provided",
        PecrDoesNotApply => "pecr_does_not_apply",
        InsufficientEvidenceOfBreach => "insufficient_evidence_of_breach",
        EnforcementNotRecommended => "enforcement_not_recommended",
        EnforcementPursued => "enforcement_pursued",
        // FS50 and FER
        InsufficientEvidence => "insufficient_evidence",
        NotPa => "not_pa",
        NotS50 => "not_s50",
        NotEir => "not_eir",
        Vexatious => "vexatious",
        Frivolous => "frivolous",
        NoInternalReview => "no_internal_review",
        UndueDelay => "undue_delay",
        Abandoned => "abandoned",
        WithdrawnInformallyResolved => "withdrawn_informally_resolved",
        DecisionNoticeNotUpheld => "decision_notice_not_upheld",
        DecisionNoticeUpheld => "decision_notice_upheld",
        DecisionNoticePartiallyUpheld => "decision_notice_partially_upheld",
        // ENF
        GeneralAdviceGivenToOrg => "general_advice_given_to_org",
        ComplianceAdviceGivenToOrg => "compliance_advice_given_to_org",
        MonitoredSufficientImprovement => "monitored_sufficient_improvement",
        PreliminaryEnforcementNoticeServed => "preliminary_enforcement_notice_served",
        EnforcementNoticeServed => "enforcement_notice_served",
        CmpNoticeOfIntentServed => "cmp_notice_of_intent_served",
        CmpFinalNoticeServed => "cmp_final_notice_served",
        // Types the manual gives no outcomes for (this project's lists).
        AdviceProvided => "advice_provided",
        RetainedForInformation => "retained_for_information",
        InformationProvided => "information_provided",
        InformationNotHeld => "information_not_held",
        InformationWithheld => "information_withheld",
        NoticeOfCorrectionAdded => "notice_of_correction_added",
        NoticeOfCorrectionNotAdded => "notice_of_correction_not_added",
        NoCriminalOffenceIdentified => "no_criminal_offence_identified",
        ServiceComplaintUpheld => "service_complaint_upheld",
        ServiceComplaintNotUpheld => "service_complaint_not_upheld",
        ServiceComplaintPartlyUpheld => "service_complaint_partly_upheld",
        // Marked for deletion: every type (purged at set periods).
        Duplicate => "duplicate",
        DocumentsPastedIntoExistingCase => "documents_pasted_into_existing_case",
        NonCmeh => "non_cmeh",
        ScannedInError => "scanned_in_error",
    }
}

use Outcome::*;

const RFA: &[Outcome] = &[
    DcOutsideUk,
    NotDpa,
    ConcernToBeRaisedWithDc,
    ResponseNeededFromDc,
    NoActionForDc,
    GeneralAdviceGivenToDc,
    ComplianceAdviceGivenToDc,
    DcActionRequired,
    ImprovementActionPlanAgreed,
    UndertakingServed,
    AdvisoryVisitRecommended,
    ComplianceAuditRecommended,
    EnforcementNoticePursued,
    CivilMonetaryPenaltyPursued,
    CriminalInvestigationPursued,
];
const ELE: &[Outcome] = &[
    InsufficientInformationProvided,
    PecrDoesNotApply,
    InsufficientEvidenceOfBreach,
    EnforcementNotRecommended,
    EnforcementPursued,
];
const FOI: &[Outcome] = &[
    InsufficientEvidence,
    NotPa,
    NotS50,
    NotEir,
    Vexatious,
    Frivolous,
    NoInternalReview,
    UndueDelay,
    Abandoned,
    WithdrawnInformallyResolved,
    DecisionNoticeNotUpheld,
    DecisionNoticeUpheld,
    DecisionNoticePartiallyUpheld,
];
const COM: &[Outcome] = &[
    DcOutsideUk,
    NotDpa,
    NoActionForDc,
    DcActionRequired,
    ImprovementActionPlanAgreed,
    UndertakingServed,
    AdvisoryVisitRecommended,
    ComplianceAuditRecommended,
    EnforcementNoticePursued,
    CivilMonetaryPenaltyPursued,
    CriminalInvestigationPursued,
];
const ENF: &[Outcome] = &[
    GeneralAdviceGivenToOrg,
    ComplianceAdviceGivenToOrg,
    MonitoredSufficientImprovement,
    DcActionRequired,
    ImprovementActionPlanAgreed,
    UndertakingServed,
    AdvisoryVisitRecommended,
    ComplianceAuditRecommended,
    PreliminaryEnforcementNoticeServed,
    CriminalInvestigationPursued,
    EnforcementNoticeServed,
    CmpNoticeOfIntentServed,
    CmpFinalNoticeServed,
];
const ENQ: &[Outcome] = &[AdviceProvided];
const INF: &[Outcome] = &[RetainedForInformation];
const IRQ: &[Outcome] = &[InformationProvided, InformationNotHeld, InformationWithheld];
const SEC: &[Outcome] = &[
    NoticeOfCorrectionAdded,
    NoticeOfCorrectionNotAdded,
    NoActionForDc,
    DcActionRequired,
];
const PCB: &[Outcome] = &[CriminalInvestigationPursued, NoCriminalOffenceIdentified];
const RCC: &[Outcome] = &[
    ServiceComplaintUpheld,
    ServiceComplaintNotUpheld,
    ServiceComplaintPartlyUpheld,
];
const MARKED_FOR_DELETION: &[Outcome] = &[
    Duplicate,
    DocumentsPastedIntoExistingCase,
    NonCmeh,
    ScannedInError,
];

impl Outcome {
    /// One of the four 'marked for deletion' outcomes every case type has.
    pub fn marked_for_deletion(self) -> bool {
        MARKED_FOR_DELETION.contains(&self)
    }

    /// The i18n key of the outcome's words (`workflow.outcome.not_pa`).
    pub fn label_key(self) -> String {
        format!("workflow.outcome.{}", self.code())
    }
}

/// The outcomes a case of `case_type` may close with: its own, then the four 'marked for
/// deletion' ones. A staff case (ECS) closes as a data protection concern.
pub fn outcomes_for(case_type: CaseKind) -> Vec<Outcome> {
    let own = match case_type {
        CaseKind::Rfa | CaseKind::Ecs => RFA,
        CaseKind::Ele => ELE,
        CaseKind::Fs50 | CaseKind::Fer => FOI,
        CaseKind::Com => COM,
        CaseKind::Enf => ENF,
        CaseKind::Enq => ENQ,
        CaseKind::Inf => INF,
        CaseKind::Irq => IRQ,
        CaseKind::Sec => SEC,
        CaseKind::Pcb => PCB,
        CaseKind::Rcc => RCC,
    };
    own.iter().chain(MARKED_FOR_DELETION).copied().collect()
}

code_enum! {
    lenient
    /// The nature of the issues a case was about (the published data sets' "nature of the
    /// issues involved"; CMEH's Nature 1 and Nature 2), stored as its code; words in
    /// `workflow.nature.<code>`.
    Nature {
        SubjectAccess => "subject_access",
        Disclosure => "disclosure",
        Accuracy => "accuracy",
        Security => "security",
        Retention => "retention",
        Erasure => "erasure",
        Objection => "objection",
        Fairness => "fairness",
        ExcessiveData => "excessive_data",
        DirectMarketing => "direct_marketing",
        Cctv => "cctv",
        CreditFile => "credit_file",
        NoResponse => "no_response",
        Refusal => "refusal",
        NotHeld => "not_held",
        CostLimit => "cost_limit",
        VexatiousRequest => "vexatious_request",
        AdviceAndAssistance => "advice_and_assistance",
        Other => "other",
    }
}

use Nature::*;

const DATA_PROTECTION_NATURES: &[Nature] = &[
    SubjectAccess,
    Disclosure,
    Accuracy,
    Security,
    Retention,
    Erasure,
    Objection,
    Fairness,
    ExcessiveData,
    DirectMarketing,
    Cctv,
    CreditFile,
    Other,
];
const FOI_NATURES: &[Nature] = &[
    NoResponse,
    Refusal,
    NotHeld,
    CostLimit,
    VexatiousRequest,
    AdviceAndAssistance,
    Other,
];

impl Nature {
    pub fn label_key(self) -> String {
        format!("workflow.nature.{}", self.code())
    }
}

/// The natures staff choose from for a case of `case_type`; empty when the type records none.
pub fn natures_for(case_type: CaseKind) -> &'static [Nature] {
    match case_type {
        CaseKind::Rfa | CaseKind::Ecs | CaseKind::Com | CaseKind::Sec | CaseKind::Enf => {
            DATA_PROTECTION_NATURES
        }
        CaseKind::Ele => &[DirectMarketing, Other],
        CaseKind::Fs50 | CaseKind::Fer => FOI_NATURES,
        CaseKind::Enq | CaseKind::Inf | CaseKind::Irq | CaseKind::Pcb | CaseKind::Rcc => &[],
    }
}

/// What a closure records: the outcome and its attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Closure {
    pub outcome: Option<Outcome>,
    pub nature_1: Option<Nature>,
    pub nature_2: Option<Nature>,
    /// The case was mainly about a delayed subject access request (manual §11): both natures
    /// must then be "Subject access".
    pub subject_access_delay: bool,
}

code_enum! {
    /// Why a closure cannot be recorded; words in `workflow.closure.<code>`.
    ClosureProblem {
        /// No outcome chosen.
        OutcomeMissing => "outcome_missing",
        /// The outcome is not one of this case type's.
        OutcomeNotForType => "outcome_not_for_type",
        /// The type records a nature and none was chosen.
        NatureMissing => "nature_missing",
        /// A nature that is not one of this type's.
        NatureNotForType => "nature_not_for_type",
        /// A delayed subject access case without "Subject access" as both natures.
        SubjectAccessNatures => "subject_access_natures",
    }
}

impl ClosureProblem {
    /// The form field the problem is about (`outcome`, `nature-1`, `nature-2`).
    pub fn field(self) -> &'static str {
        match self {
            ClosureProblem::OutcomeMissing | ClosureProblem::OutcomeNotForType => "outcome",
            ClosureProblem::NatureMissing
            | ClosureProblem::NatureNotForType
            | ClosureProblem::SubjectAccessNatures => "nature-1",
        }
    }

    pub fn label_key(self) -> String {
        format!("workflow.closure.{}", self.code())
    }
}

/// Everything wrong with closing a case of `case_type` as `closure` (empty: it may close).
///
/// - The outcome must be one of [`outcomes_for`] the type.
/// - A type with natures ([`natures_for`]) needs Nature 1, unless the outcome is a 'marked for
///   deletion' one; each nature given must be one of the type's.
/// - A delayed subject access case needs "Subject access" as Nature 1 and Nature 2.
pub fn closure_problems(case_type: CaseKind, closure: &Closure) -> Vec<ClosureProblem> {
    let mut problems = Vec::new();
    match closure.outcome {
        None => problems.push(ClosureProblem::OutcomeMissing),
        Some(outcome) if !outcomes_for(case_type).contains(&outcome) => {
            problems.push(ClosureProblem::OutcomeNotForType)
        }
        Some(_) => {}
    }
    let deleting = closure.outcome.is_some_and(Outcome::marked_for_deletion);
    let natures = natures_for(case_type);
    let foreign = [closure.nature_1, closure.nature_2]
        .into_iter()
        .flatten()
        .any(|nature| !natures.contains(&nature));
    if foreign {
        problems.push(ClosureProblem::NatureNotForType);
    } else if closure.subject_access_delay
        && (closure.nature_1 != Some(SubjectAccess) || closure.nature_2 != Some(SubjectAccess))
    {
        problems.push(ClosureProblem::SubjectAccessNatures);
    } else if !natures.is_empty() && !deleting && closure.nature_1.is_none() {
        problems.push(ClosureProblem::NatureMissing);
    }
    problems
}
