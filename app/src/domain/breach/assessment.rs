//! The self-assessment: is this a personal data breach the regulator must be told about?
//!
//! Three questions, in order, each answered on its own page; the answers carry into the report.
//! 1. Was personal data involved? No → not a personal data breach.
//! 2. Was there a breach of security leading to the accidental or unlawful destruction, loss,
//!    alteration, unauthorised disclosure of, or access to, that data (UK GDPR Art. 4(12))?
//!    No → not a personal data breach.
//! 3. Is it likely to result in a risk to people's rights and freedoms (Art. 33(1))?
//!    Unlikely → a breach that need not be reported, but must be recorded (Art. 33(5)).
//!
//! "I don't know" never ends the assessment: an organisation that is unsure should report, so
//! it carries on, and the result says the report is made as a precaution.

use serde::{Deserialize, Serialize};

use super::model::YesNoUnknown;

code_enum! {
    /// The answer to "is it likely to result in a risk to people's rights and freedoms?".
    RiskAnswer {
        Likely => "likely",
        Unlikely => "unlikely",
        DontKnow => "dont_know",
    }
}

code_enum! {
    /// The self-assessment's questions, in the order they are asked.
    AssessmentQuestion {
        PersonalData => "personal-data",
        SecurityBreach => "security-breach",
        Risk => "risk",
    }
}

/// The self-assessment's answers so far.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SelfAssessment {
    pub personal_data: Option<YesNoUnknown>,
    pub security_breach: Option<YesNoUnknown>,
    pub risk: Option<RiskAnswer>,
}

code_enum! {
    /// Why a breach need not be reported.
    NotReportable {
        /// No personal data was involved: not a personal data breach.
        NoPersonalData => "no_personal_data",
        /// No breach of security: not a personal data breach.
        NoSecurityBreach => "no_security_breach",
        /// A personal data breach unlikely to result in a risk: record it, don't report it.
        UnlikelyRisk => "unlikely_risk",
    }
}

impl NotReportable {
    /// Whether it is still a personal data breach the organisation must record (Art. 33(5)).
    pub fn is_breach_to_record(self) -> bool {
        self == NotReportable::UnlikelyRisk
    }
}

/// Where the self-assessment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum AssessmentResult {
    /// This question is next.
    Ask { question: AssessmentQuestion },
    /// No report is needed, for this reason.
    NotReportable { reason: NotReportable },
    /// Report it; `precautionary` when an answer was "I don't know".
    Reportable { precautionary: bool },
}

/// The result of the answers so far.
pub fn assess_breach(answers: &SelfAssessment) -> AssessmentResult {
    use AssessmentResult::{Ask, NotReportable as Not, Reportable};
    let ask = |question| Ask { question };
    let Some(personal_data) = answers.personal_data else {
        return ask(AssessmentQuestion::PersonalData);
    };
    if personal_data == YesNoUnknown::No {
        return Not {
            reason: NotReportable::NoPersonalData,
        };
    }
    let Some(security_breach) = answers.security_breach else {
        return ask(AssessmentQuestion::SecurityBreach);
    };
    if security_breach == YesNoUnknown::No {
        return Not {
            reason: NotReportable::NoSecurityBreach,
        };
    }
    let Some(risk) = answers.risk else {
        return ask(AssessmentQuestion::Risk);
    };
    if risk == RiskAnswer::Unlikely {
        return Not {
            reason: NotReportable::UnlikelyRisk,
        };
    }
    Reportable {
        precautionary: personal_data == YesNoUnknown::DontKnow
            || security_breach == YesNoUnknown::DontKnow
            || risk == RiskAnswer::DontKnow,
    }
}

/// The answers with `question` answered `code` (None: not one of the question's answers). A
/// changed answer drops the later ones, which the new path may not ask; the same answer again
/// keeps them.
pub fn answer(
    answers: &SelfAssessment,
    question: AssessmentQuestion,
    code: &str,
) -> Option<SelfAssessment> {
    let mut next = answers.clone();
    match question {
        AssessmentQuestion::PersonalData => {
            let given = YesNoUnknown::from_code(code.trim())?;
            if next.personal_data != Some(given) {
                next = SelfAssessment {
                    personal_data: Some(given),
                    ..SelfAssessment::default()
                };
            }
        }
        AssessmentQuestion::SecurityBreach => {
            let given = YesNoUnknown::from_code(code.trim())?;
            if next.security_breach != Some(given) {
                next.security_breach = Some(given);
                next.risk = None;
            }
        }
        AssessmentQuestion::Risk => next.risk = Some(RiskAnswer::from_code(code.trim())?),
    }
    Some(next)
}

impl AssessmentQuestion {
    /// The name its answer goes by in forms and addresses.
    pub fn field(self) -> &'static str {
        match self {
            AssessmentQuestion::PersonalData => "personal_data",
            AssessmentQuestion::SecurityBreach => "security_breach",
            AssessmentQuestion::Risk => "risk",
        }
    }
}

impl SelfAssessment {
    /// The code of the answer given to `question`.
    pub fn given(&self, question: AssessmentQuestion) -> Option<&'static str> {
        match question {
            AssessmentQuestion::PersonalData => self.personal_data.map(|a| a.code()),
            AssessmentQuestion::SecurityBreach => self.security_breach.map(|a| a.code()),
            AssessmentQuestion::Risk => self.risk.map(|a| a.code()),
        }
    }

    /// The answers named by `field` (a query or form), each only if every earlier one is there
    /// and valid.
    pub fn from_fields(field: impl Fn(&str) -> Option<String>) -> SelfAssessment {
        let mut answers = SelfAssessment::default();
        for question in AssessmentQuestion::all() {
            let Some(code) = field(question.field()) else {
                break;
            };
            match answer(&answers, *question, &code) {
                Some(next) => answers = next,
                None => break,
            }
        }
        answers
    }

    /// The answers as a query string (`personal_data=yes&security_breach=no`).
    pub fn to_query(&self) -> String {
        AssessmentQuestion::all()
            .iter()
            .filter_map(|question| Some(format!("{}={}", question.field(), self.given(*question)?)))
            .collect::<Vec<_>>()
            .join("&")
    }
}
