use super::{call_form, incident, text_form};
use crate::domain::nuisance::{advice, Advice, IncidentForm, NuisanceReport, Reporter};

fn report(forms: &[IncidentForm]) -> NuisanceReport {
    NuisanceReport {
        incidents: forms.iter().map(incident).collect(),
        reporter: Reporter::default(),
    }
}

#[test]
fn texts_are_forwarded_to_7726_and_the_number_blocked() {
    assert_eq!(
        advice(&report(&[text_form()])),
        [Advice::Forward7726, Advice::BlockNumber]
    );
}

#[test]
fn calls_not_on_the_tps_are_told_to_register() {
    let form = IncidentForm {
        preference_service: "no".into(),
        ..call_form()
    };
    assert_eq!(
        advice(&report(&[form])),
        [Advice::RegisterTps, Advice::BlockNumber]
    );
    let unsure = IncidentForm {
        preference_service: "not_sure".into(),
        ..call_form()
    };
    assert!(advice(&report(&[unsure])).contains(&Advice::RegisterTps));
}

#[test]
fn calls_already_on_the_tps_are_told_to_keep_reporting() {
    let advice = advice(&report(&[call_form()]));
    assert!(advice.contains(&Advice::TpsRegisteredKeepReporting));
    assert!(!advice.contains(&Advice::RegisterTps));
}

#[test]
fn faxes_get_the_fax_preference_service_not_the_tps() {
    let fax = IncidentForm {
        channel: "fax".into(),
        preference_service: "no".into(),
        ..call_form()
    };
    let advice = advice(&report(&[fax]));
    assert!(advice.contains(&Advice::RegisterFps));
    assert!(!advice.contains(&Advice::RegisterTps));
}

#[test]
fn emails_from_unknown_senders_are_not_clicked_and_known_companies_are_told_to_stop() {
    let unknown = IncidentForm {
        channel: "email".into(),
        sender: "offers@greendeal-energy.example.com".into(),
        contacted_on: String::new(),
        ..text_form()
    };
    assert_eq!(
        advice(&report(std::slice::from_ref(&unknown))),
        [Advice::DoNotClickUnknown]
    );
    let known = IncidentForm {
        relationship: "customer".into(),
        ..unknown
    };
    assert_eq!(advice(&report(&[known])), [Advice::TellCompanyToStop]);
}

#[test]
fn scams_are_reported_to_action_fraud_and_advice_is_given_once_per_report() {
    let scam = IncidentForm {
        scam: "not_sure".into(),
        ..text_form()
    };
    let advice = advice(&report(&[scam, text_form(), text_form()]));
    assert_eq!(
        advice,
        [Advice::Forward7726, Advice::BlockNumber, Advice::ReportScam]
    );
    assert_eq!(Advice::ReportScam.contact_code(), Some("action_fraud"));
    assert_eq!(
        Advice::Forward7726.message_key(),
        "nuisance.advice.forward_to_7726"
    );
}

#[test]
fn a_withheld_number_cannot_be_blocked() {
    let withheld = IncidentForm {
        sender: String::new(),
        sender_unknown: "yes".into(),
        ..call_form()
    };
    assert!(!advice(&report(&[withheld])).contains(&Advice::BlockNumber));
}

#[test]
fn automated_calls_need_consent_and_get_no_tps_advice() {
    for registered in ["yes", "no", "not_sure"] {
        let automated = IncidentForm {
            channel: "automated_call".into(),
            preference_service: registered.into(),
            ..call_form()
        };
        let advice = advice(&report(&[automated]));
        assert!(
            advice.contains(&Advice::AutomatedCallsNeedConsent),
            "{registered}"
        );
        assert!(!advice.contains(&Advice::RegisterTps), "{registered}");
        assert!(
            !advice.contains(&Advice::TpsRegisteredKeepReporting),
            "{registered}"
        );
    }
}
