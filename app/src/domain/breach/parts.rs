//! The report's parts, in the order of the task list, and which are still to do.

use super::model::BreachReport;

code_enum! {
    /// A part of the report (a task on the task list), by its page slug.
    Part {
        Organisation => "organisation",
        Contact => "contact",
        WhatHappened => "what-happened",
        Timing => "timing",
        Data => "data",
        Scale => "scale",
        Consequences => "consequences",
        Containment => "containment",
        Telling => "telling",
    }
}

impl Part {
    /// Whether `report` has this part answered.
    pub fn is_done(self, report: &BreachReport) -> bool {
        match self {
            Part::Organisation => report.organisation.is_some(),
            Part::Contact => report.contact.is_some(),
            Part::WhatHappened => report.what_happened.is_some(),
            Part::Timing => report.timing.is_some(),
            Part::Data => report.data.is_some(),
            Part::Scale => report.scale.is_some(),
            Part::Consequences => report.consequences.is_some(),
            Part::Containment => report.containment.is_some(),
            Part::Telling => report.telling.is_some(),
        }
    }
}

/// The parts not yet answered, in task-list order: a report is sent only when this is empty.
pub fn missing_parts(report: &BreachReport) -> Vec<Part> {
    Part::all()
        .iter()
        .copied()
        .filter(|part| !part.is_done(report))
        .collect()
}
