//! The pages after a call or message is saved: "report another?" and "your details" (server
//! only).

use super::flow::reject;
use super::pages::{At, Page};
use super::state::{NuisanceJourney, PageFlash};
use crate::domain::nuisance::{validate_reporter, NuisanceSettings, ReporterForm, YesNoUnsure};
use crate::domain::readiness::FieldErrors;

pub fn another(state: &mut NuisanceJourney, value: &str, settings: &NuisanceSettings) -> String {
    let full = state.incidents.len() >= settings.max_incidents;
    match YesNoUnsure::from_code(value.trim()) {
        Some(YesNoUnsure::Yes) if !full => {
            state.current = None;
            Page::Channel.href()
        }
        Some(YesNoUnsure::Yes | YesNoUnsure::No) => Page::YourDetails.href(),
        _ if full => Page::YourDetails.href(),
        _ => {
            let errors = vec![(
                "another".to_owned(),
                "nuisance.error.another.required".to_owned(),
            )];
            reject(
                state,
                Page::Another,
                At::default(),
                PageFlash {
                    errors,
                    ..PageFlash::default()
                },
            )
        }
    }
}

pub fn your_details(
    state: &mut NuisanceJourney,
    reporter: ReporterForm,
    remember: bool,
    settings: &NuisanceSettings,
) -> String {
    let mut errors = FieldErrors::new();
    if validate_reporter(&reporter, settings, &mut errors).is_none() {
        let errors = errors
            .iter()
            .map(|(field, key)| {
                (
                    field.trim_start_matches("reporter.").to_owned(),
                    key.to_owned(),
                )
            })
            .collect();
        let flash = PageFlash {
            reporter,
            errors,
            ..PageFlash::default()
        };
        return reject(state, Page::YourDetails, At::default(), flash);
    }
    state.reporter = reporter;
    state.remember = remember;
    state.reporter_done = true;
    Page::Check.href()
}
