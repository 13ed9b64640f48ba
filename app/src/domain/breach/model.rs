//! The parts of a personal data breach report, each answered on its own pages and saved as it is
//! answered (so every part is optional until the report is sent).
//!
//! Stored as JSON in the draft and, once sent, in the case's answers under `"breach"`; the
//! Enforcement triage reads the same structure.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::case::Sector;

code_enum! {
    /// Yes, no or don't know (the regulator's form offers all three for several questions).
    YesNoUnknown {
        Yes => "yes",
        No => "no",
        DontKnow => "dont_know",
    }
}

code_enum! {
    /// How many people work for the organisation.
    OrganisationSize {
        /// Fewer than 10.
        Micro => "micro",
        /// 10 to 49.
        Small => "small",
        /// 50 to 249.
        Medium => "medium",
        /// 250 or more.
        Large => "large",
    }
}

code_enum! {
    /// Who the regulator should contact about the breach.
    ContactRole {
        /// The organisation's data protection officer.
        Dpo => "dpo",
        /// Someone else.
        Other => "other",
    }
}

code_enum! {
    /// Categories of personal data involved (the regulator's form, "tick all that apply").
    DataCategory {
        RacialOrEthnicOrigin => "racial_or_ethnic_origin",
        PoliticalOpinions => "political_opinions",
        ReligiousOrPhilosophicalBeliefs => "religious_or_philosophical_beliefs",
        TradeUnionMembership => "trade_union_membership",
        SexLife => "sex_life",
        SexualOrientation => "sexual_orientation",
        GenderReassignment => "gender_reassignment",
        Health => "health",
        GeneticOrBiometric => "genetic_or_biometric",
        CriminalOffences => "criminal_offences",
        BasicIdentifiers => "basic_identifiers",
        IdentificationData => "identification_data",
        EconomicOrFinancial => "economic_or_financial",
        OfficialDocuments => "official_documents",
        Location => "location",
        NotYetKnown => "not_yet_known",
        Other => "other",
    }
}

impl DataCategory {
    /// Special category data (UK GDPR Art. 9).
    pub fn is_special_category(self) -> bool {
        matches!(
            self,
            DataCategory::RacialOrEthnicOrigin
                | DataCategory::PoliticalOpinions
                | DataCategory::ReligiousOrPhilosophicalBeliefs
                | DataCategory::TradeUnionMembership
                | DataCategory::SexLife
                | DataCategory::SexualOrientation
                | DataCategory::GenderReassignment
                | DataCategory::Health
                | DataCategory::GeneticOrBiometric
        )
    }

    /// Criminal offence data (UK GDPR Art. 10).
    pub fn is_criminal_offence(self) -> bool {
        self == DataCategory::CriminalOffences
    }
}

code_enum! {
    /// Groups of people affected (the regulator's form, "tick all that apply").
    SubjectGroup {
        Employees => "employees",
        Users => "users",
        Subscribers => "subscribers",
        Students => "students",
        Customers => "customers",
        Patients => "patients",
        Children => "children",
        VulnerableAdults => "vulnerable_adults",
        NotYetKnown => "not_yet_known",
        Other => "other",
    }
}

impl SubjectGroup {
    /// Children or vulnerable adults: people less able to protect themselves.
    pub fn is_vulnerable(self) -> bool {
        matches!(
            self,
            SubjectGroup::Children | SubjectGroup::VulnerableAdults
        )
    }
}

code_enum! {
    /// How likely the people affected are to suffer significant consequences.
    Likelihood {
        VeryLikely => "very_likely",
        Likely => "likely",
        Neutral => "neutral",
        Unlikely => "unlikely",
        VeryUnlikely => "very_unlikely",
    }
}

code_enum! {
    /// Whether the people affected have been told.
    PeopleTold {
        Yes => "yes",
        /// Not yet, but they will be.
        Planned => "planned",
        /// No, and the organisation decided they need not be (Art. 34(3)); reasons required.
        NotTelling => "not_telling",
        DontKnow => "dont_know",
    }
}

code_enum! {
    /// Who else the organisation has told.
    OtherBody {
        Police => "police",
        /// The National Cyber Security Centre.
        Ncsc => "ncsc",
        /// Another UK regulator (FCA, CQC, Ofcom, …).
        OtherRegulator => "other_regulator",
        /// A data protection authority outside the UK.
        OverseasAuthority => "overseas_authority",
        /// Insurers, banks, Action Fraud, …
        Other => "other",
    }
}

/// Part 1: about the organisation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationPart {
    pub name: String,
    /// The data protection fee registration number (e.g. `ZA123456`), if registered.
    pub registration_number: Option<String>,
    pub sector: Option<Sector>,
    pub size: Option<OrganisationSize>,
    /// A member of the regulator's staff already spoken to about this breach.
    pub staff_spoken_to: Option<String>,
}

/// Part 2: who the regulator should contact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactPart {
    pub role: Option<ContactRole>,
    pub name: String,
    pub job_title: Option<String>,
    pub email: String,
    pub phone: String,
}

/// Part 3: what happened.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhatHappened {
    /// What went wrong and how (no personal data, the form asks).
    pub description: String,
    pub cyber_incident: Option<YesNoUnknown>,
    pub how_discovered: String,
    /// Was the confidentiality, integrity or availability of the systems affected?
    pub systems_affected: Option<YesNoUnknown>,
    /// Was a member of staff involved, and what data protection training had they had?
    pub staff_involved: Option<String>,
}

/// Part 4: when it happened and when the organisation became aware (Europe/London local times).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Timing {
    /// When the breach happened (or began), if known (midnight when only the date is known).
    pub occurred_at: Option<NaiveDateTime>,
    /// Whether `occurred_at` has a time of day, or only a date.
    pub occurred_time_known: bool,
    /// The breach is still going on.
    pub ongoing: bool,
    /// When the organisation became aware: the 72-hour clock starts here.
    pub aware_at: Option<NaiveDateTime>,
    /// Why the report is later than 72 hours after awareness (required then).
    pub delay_reason: Option<String>,
}

/// Part 5: the personal data involved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataPart {
    pub categories: Vec<DataCategory>,
    /// Required when `Other` is ticked.
    pub other: Option<String>,
}

impl DataPart {
    pub fn has_special_category(&self) -> bool {
        self.categories.iter().any(|c| c.is_special_category())
    }

    pub fn has_criminal_offence(&self) -> bool {
        self.categories.iter().any(|c| c.is_criminal_offence())
    }
}

/// Part 6: how many records and people, and which groups.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scale {
    /// Number of personal data records concerned (None: not yet known).
    pub records: Option<u64>,
    /// Number of people who could be affected (None: not yet known).
    pub people: Option<u64>,
    pub groups: Vec<SubjectGroup>,
    /// Required when `Other` is ticked.
    pub other_group: Option<String>,
}

/// Part 7: the likely consequences.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consequences {
    pub description: String,
    pub likelihood: Option<Likelihood>,
}

/// Part 8: what has been done to contain it and to help the people affected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Containment {
    /// Has the breach been contained?
    pub contained: Option<YesNoUnknown>,
    /// What was done (or is being done) to contain it and recover the data.
    pub actions: String,
    /// What was in place beforehand to prevent it.
    pub preventative_measures: Option<String>,
    /// What has been done to help the people affected.
    pub help_for_people: Option<String>,
}

/// Part 9: whether the people were told, and who else was told.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Telling {
    pub people_told: Option<PeopleTold>,
    /// How they were told, or why not.
    pub people_told_details: Option<String>,
    pub others: Vec<OtherBody>,
    /// Which other bodies, and any reference they gave.
    pub others_details: Option<String>,
}

/// A whole report, as far as it has been answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreachReport {
    pub organisation: Option<OrganisationPart>,
    pub contact: Option<ContactPart>,
    pub what_happened: Option<WhatHappened>,
    pub timing: Option<Timing>,
    pub data: Option<DataPart>,
    pub scale: Option<Scale>,
    pub consequences: Option<Consequences>,
    pub containment: Option<Containment>,
    pub telling: Option<Telling>,
}
