//! The parts of a case submission (manual §2): the customer, who they act for, the organisation,
//! what happened and the evidence.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::Sector;
use crate::domain::evidence::FileType;
use crate::domain::readiness::DocumentKind;

code_enum! {
    /// How the customer would like us to contact them.
    ContactBy {
        /// By email.
        Email => "email",
        /// By telephone.
        Phone => "phone",
        /// By post.
        Post => "post",
    }
}

code_enum! {
    /// How a representative is related to the person the concern is about.
    Relationship {
        /// A parent or guardian.
        ParentOrGuardian => "parent_or_guardian",
        /// A relative or friend.
        RelativeOrFriend => "relative_or_friend",
        /// A solicitor or other legal representative.
        LegalRepresentative => "legal_representative",
        /// An advocate, carer or charity.
        Advocate => "advocate",
        /// An MP or other elected representative.
        ElectedRepresentative => "elected_representative",
        /// Anything else.
        Other => "other",
    }
}

/// The person who gets the reference and the replies: the customer, or their representative.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Customer {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub contact_by: Option<ContactBy>,
    /// Reasonable adjustments the person asked for, in their words.
    pub adjustments: Option<String>,
    pub reply_in_welsh: bool,
}

/// Raising a concern for someone else: who, and how the submitter is related to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub name: String,
    pub relationship: Relationship,
}

/// The organisation the concern is about: a directory record, or the person's own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationAnswer {
    /// The directory id (`la:LDS`), when the person picked a record.
    pub id: Option<String>,
    pub name: String,
    /// From the record or, failing that, the person's answer (policy §3).
    pub sector: Option<Sector>,
}

/// One dated event of what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    pub on: NaiveDate,
    pub what: String,
}

/// What a piece of evidence is: one of the route's required documents, consent from the person
/// a representative acts for, or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EvidenceKind {
    Required(DocumentKind),
    Other(OtherEvidence),
}

code_enum! {
    /// Evidence that is not one of the route's required documents.
    OtherEvidence {
        /// The consent or authority of the person a representative acts for.
        Consent => "consent",
        /// Anything else that helps.
        Other => "other",
    }
}

impl EvidenceKind {
    pub const CONSENT: EvidenceKind = EvidenceKind::Other(OtherEvidence::Consent);
    pub const OTHER: EvidenceKind = EvidenceKind::Other(OtherEvidence::Other);

    pub fn code(self) -> &'static str {
        match self {
            EvidenceKind::Required(kind) => kind.code(),
            EvidenceKind::Other(other) => other.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<EvidenceKind> {
        OtherEvidence::from_code(code)
            .map(EvidenceKind::Other)
            .or_else(|| DocumentKind::from_code(code).map(EvidenceKind::Required))
    }
}

/// An uploaded file, already checked by content and kept in the file store under `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub kind: EvidenceKind,
    pub file_name: String,
    pub file_type: FileType,
    pub size: u64,
    /// The file store key (content-addressed).
    pub key: String,
}

/// Everything a person tells us to hand a ready (or late) concern in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseDetails {
    pub customer: Customer,
    pub acting_for: Option<ActingFor>,
    pub organisation: OrganisationAnswer,
    /// What happened, up to 2,000 characters.
    pub summary: String,
    pub timeline: Vec<TimelineEvent>,
    /// How it has affected them.
    pub harm: String,
    /// For a late concern: why they waited.
    pub late_reason: Option<String>,
    /// What they would like to happen (asked on the web; optional through the API).
    pub wanted: Option<String>,
    pub evidence: Vec<EvidenceFile>,
    /// FOI/EIR: the request complained about (asked on the web; absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_request: Option<InformationRequestDetails>,
}

/// FOI/EIR in depth (s50 guidance, "What do you expect us to do?"): what was asked for, what the
/// authority did, the exemptions (FOI Part II) or exceptions (EIR regulations 12 and 13) it
/// used, what it withheld and where the internal review stands. Every value is a code the case
/// page puts into words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InformationRequestDetails {
    /// `foi` or `eir`.
    pub law: String,
    /// The information asked for, in the person's words.
    pub requested: String,
    /// What the authority did: `no_response`, `refused`, `not_held`, `cost`, `vexatious`,
    /// `extended` or `other`.
    pub authority_action: String,
    /// With `refused`: the exemption or exception codes (`s40`, `r12_5_e`, `not_sure`).
    pub grounds: Vec<String>,
    /// With `refused`: what was withheld, in the person's words.
    pub withheld: Option<String>,
    /// The internal review: `answered`, `awaited`, `refused`, `no_procedure` or `not_asked`
    /// (`None` when the authority never replied, so no review was needed).
    pub review: Option<String>,
}
