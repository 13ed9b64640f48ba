//! The casework case types (manual §3 "Classifying cases", §15 staff cases).
//!
//! [`CaseKind`] is the full list the casework backend uses. The public assistant only ever
//! produces the intake types of [`readiness::CaseType`], which convert losslessly with `From`.

use crate::domain::readiness;

code_enum! {
    lenient
    /// A casework case type, serialized as its code (`"RFA"`, `"FS50"`, ...).
    CaseKind {
        /// INF: miscellaneous correspondence not requiring action but worth retaining.
        Inf => "INF",
        /// ENQ: a request for written advice.
        Enq => "ENQ",
        /// IRQ: a formal request for information held by the regulator.
        Irq => "IRQ",
        /// RFA: a data protection concern.
        Rfa => "RFA",
        /// ELE: a PECR (electronic marketing) concern.
        Ele => "ELE",
        /// FS50: a freedom of information concern (FOIA s50).
        Fs50 => "FS50",
        /// FER: an environmental information concern (set up as FS50, changed after allocation).
        Fer => "FER",
        /// COM: a self-reported incident (personal data breach) reported by an organisation.
        Com => "COM",
        /// ENF: formal regulatory action taken by the regulator.
        Enf => "ENF",
        /// SEC: a Consumer Credit Act s159 request (set up as RFA, changed after allocation).
        Sec => "SEC",
        /// PCB: action taken when a potential criminal breach has been identified.
        Pcb => "PCB",
        /// RCC: a complaint about the regulator's own service.
        Rcc => "RCC",
        /// ECS: a staff case, a shell case with no content and restricted access (§15).
        Ecs => "ECS",
    }
}

impl CaseKind {
    /// The catalogue key of its short description in plain words ("Data protection concern"):
    /// shown through the i18n layer, `t(&kind.description_key())`.
    pub fn description_key(self) -> String {
        format!("case.kind.{}", self.code())
    }
}

impl From<readiness::CaseType> for CaseKind {
    fn from(case_type: readiness::CaseType) -> CaseKind {
        match case_type {
            readiness::CaseType::Rfa => CaseKind::Rfa,
            readiness::CaseType::Fs50 => CaseKind::Fs50,
            readiness::CaseType::Ele => CaseKind::Ele,
            readiness::CaseType::Com => CaseKind::Com,
            readiness::CaseType::Enq => CaseKind::Enq,
            readiness::CaseType::Rcc => CaseKind::Rcc,
        }
    }
}
