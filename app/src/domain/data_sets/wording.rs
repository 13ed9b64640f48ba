//! The regulator's published wording: dates (`dd/mm/yyyy`), sectors (the incident-trends
//! vocabulary), decisions and the bands of the breach data set (`ico-reference.json`).

use crate::domain::case::{Nature, Outcome};

/// A stored `YYYY-MM-DD` day as published: `dd/mm/yyyy` (empty when unreadable).
pub fn published_date(day: &str) -> String {
    match (day.get(0..4), day.get(5..7), day.get(8..10)) {
        (Some(y), Some(m), Some(d)) if day.as_bytes().get(4) == Some(&b'-') => {
            format!("{d}/{m}/{y}")
        }
        _ => String::new(),
    }
}

/// A sector code in the published vocabulary ("Local government"); "Unknown" without one.
pub fn published_sector(code: Option<&str>) -> &'static str {
    match code.unwrap_or_default() {
        "telecoms" => "Online Technology and Telecoms",
        "direct_marketing" => "Marketing",
        "lenders" | "credit_reference_agencies" | "finance" => "Finance, insurance and credit",
        "general_business" => "General business",
        "motor_industry" => "Retail and manufacture",
        "central_government" | "ministry_of_justice" | "home_office" => "Central Government",
        "police" | "criminal_justice" => "Justice",
        "london_borough" | "local_government" => "Local government",
        "education" => "Education and childcare",
        "leisure" | "transport" => "Transport and leisure",
        "environment" => "Utilities",
        "charity" => "Charitable and voluntary",
        "regulator" => "Regulators",
        "bbc" => "Media",
        "health" => "Health",
        _ => "Unknown",
    }
}

/// The finer sub-sector the published files carry beside the sector.
pub(super) fn sub_sector(code: Option<&str>) -> &'static str {
    match code.unwrap_or_default() {
        "telecoms" => "Telecoms",
        "direct_marketing" => "Direct marketing",
        "lenders" => "Lenders",
        "credit_reference_agencies" => "Credit reference agencies",
        "finance" => "Finance",
        "general_business" => "General business",
        "motor_industry" => "Motor industry",
        "central_government" => "Central government",
        "ministry_of_justice" => "Ministry of Justice",
        "home_office" => "Home Office",
        "police" => "Police",
        "criminal_justice" => "Criminal justice",
        "london_borough" => "London borough",
        "local_government" => "Local authority",
        "education" => "Education",
        "leisure" => "Leisure",
        "transport" => "Transport",
        "environment" => "Environment",
        "charity" => "Charity",
        "regulator" => "Regulator",
        "bbc" => "BBC",
        "health" => "Health",
        _ => "",
    }
}

/// An FS50/FER outcome as the FOI/EIR file's `Decision`.
pub fn foi_decision(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::DecisionNoticeUpheld => "Upheld",
        Outcome::DecisionNoticeNotUpheld => "Not upheld",
        Outcome::DecisionNoticePartiallyUpheld => "Partially upheld",
        Outcome::WithdrawnInformallyResolved => "Informally resolved",
        Outcome::Abandoned => "Withdrawn",
        Outcome::NotPa | Outcome::NotS50 | Outcome::NotEir => "Not eligible",
        Outcome::Vexatious | Outcome::Frivolous => "Not progressed: vexatious or frivolous",
        Outcome::NoInternalReview | Outcome::UndueDelay | Outcome::InsufficientEvidence => {
            "Not progressed"
        }
        _ => "Other",
    }
}

/// `DecisionDetail1`: when a decision notice was served.
pub fn foi_decision_detail(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::DecisionNoticeUpheld
        | Outcome::DecisionNoticeNotUpheld
        | Outcome::DecisionNoticePartiallyUpheld => "Decision notice served",
        _ => "",
    }
}

/// `Decision_Primary_Reason1` from the case's first nature.
pub fn foi_primary_reason(nature: Option<Nature>) -> &'static str {
    match nature {
        Some(Nature::NoResponse) => "No response to request",
        Some(Nature::Refusal) => "Exemption or exception applied",
        Some(Nature::NotHeld) => "Information not held",
        Some(Nature::CostLimit) => "Cost limit",
        Some(Nature::VexatiousRequest) => "Vexatious request",
        Some(Nature::AdviceAndAssistance) => "Advice and assistance",
        Some(_) => "Other",
        None => "",
    }
}

/// The four decisions of the data protection complaints file.
pub fn dp_decision(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::GeneralAdviceGivenToDc
        | Outcome::ComplianceAdviceGivenToDc
        | Outcome::DcActionRequired
        | Outcome::ImprovementActionPlanAgreed
        | Outcome::AdvisoryVisitRecommended
        | Outcome::ComplianceAuditRecommended => "Informal Action Taken",
        Outcome::EnforcementNoticePursued
        | Outcome::CivilMonetaryPenaltyPursued
        | Outcome::CriminalInvestigationPursued => "Investigation Pursued",
        Outcome::UndertakingServed => "Regulatory Action",
        _ => "No Further Action",
    }
}

/// The breach file's `Decision Taken` (its own wording of regulatory action).
pub fn breach_decision(outcome: Outcome) -> &'static str {
    match dp_decision(outcome) {
        "Regulatory Action" => "Regulatory action taken",
        other => other,
    }
}

/// `Decision Primary Reason` and `Decision Articles` (UK GDPR) from the first nature.
pub fn dp_primary_reason(nature: Option<Nature>) -> (&'static str, &'static str) {
    match nature {
        Some(Nature::SubjectAccess) => ("Right of access", "Article 15"),
        Some(Nature::Disclosure) => ("Disclosure of data", "Article 5(1)(f)"),
        Some(Nature::Accuracy) => ("Right to rectification", "Article 16"),
        Some(Nature::Security) => ("Security", "Article 32"),
        Some(Nature::Retention) => ("Retention of data", "Article 5(1)(e)"),
        Some(Nature::Erasure) => ("Right to erasure", "Article 17"),
        Some(Nature::Objection) => ("Right to object", "Article 21"),
        Some(Nature::Fairness) => ("Lawfulness, fairness and transparency", "Article 5(1)(a)"),
        Some(Nature::ExcessiveData) => ("Data minimisation", "Article 5(1)(c)"),
        Some(Nature::DirectMarketing) => ("Direct marketing", "Article 21(2)"),
        Some(Nature::Cctv) => ("CCTV", ""),
        Some(Nature::CreditFile) => ("Credit file", ""),
        Some(_) => ("Other", ""),
        None => ("", ""),
    }
}

/// A subject group code in the breach file's `Data Subject Type` vocabulary.
pub fn subject_group(code: &str) -> &'static str {
    match code {
        "employees" => "Employees",
        "users" => "Users",
        "subscribers" => "Subscribers",
        "students" => "Students",
        "customers" => "Customers or prospective customers",
        "patients" => "Patients",
        "children" => "Children",
        "vulnerable_adults" => "Vulnerable adults",
        _ => "Unknown",
    }
}

/// A data category code in the breach file's `Data Type` vocabulary.
pub fn data_category(code: &str) -> &'static str {
    match code {
        "racial_or_ethnic_origin" => "Data revealing racial or ethnic origin",
        "political_opinions" => "Political opinions",
        "religious_or_philosophical_beliefs" => "Religious or philosophical beliefs",
        "trade_union_membership" => "Trade union membership",
        "sex_life" => "Sex life data",
        "sexual_orientation" => "Sexual orientation data",
        "gender_reassignment" => "Gender Reassignment Data",
        "health" => "Health data",
        "genetic_or_biometric" => "Genetic or biometric data",
        "criminal_offences" => "Criminal convictions or offences",
        "basic_identifiers" => "Basic personal identifiers",
        "identification_data" => "Identification data",
        "economic_or_financial" => "Economic and financial data",
        "official_documents" => "Official documents",
        "location" => "Location data",
        _ => "Unknown",
    }
}

/// `No. Data Subjects Affected` as its band.
pub fn people_band(people: Option<u64>) -> &'static str {
    match people {
        None | Some(0) => "Unknown",
        Some(1..=9) => "1 to 9",
        Some(10..=99) => "10 to 99",
        Some(100..=999) => "100 to 1k",
        Some(1_000..=9_999) => "1k to 10k",
        Some(10_000..=99_999) => "10k to 100k",
        Some(_) => "100k and above",
    }
}

/// `Time Taken to Report` from the hours between awareness and the report.
pub fn report_time_band(hours: Option<i64>) -> &'static str {
    match hours {
        None => "Unknown",
        Some(h) if h < 24 => "Less than 24 hours",
        Some(h) if h < 72 => "24 hours to 72 hours",
        Some(h) if h < 168 => "72 hours to 1 week",
        Some(_) => "More than 1 week",
    }
}
