use crate::domain::nuisance::{triage, Channel, Triage, TriageFacts};
use crate::domain::readiness::Signpost;
use crate::domain::signposts::Signposts;

fn facts(channel: Channel) -> TriageFacts {
    TriageFacts {
        channel: Some(channel),
        ..TriageFacts::default()
    }
}

#[test]
fn an_ordinary_report_is_recorded_without_signposts() {
    for channel in Channel::all() {
        let decision = triage(&facts(*channel));
        assert_eq!(
            decision,
            Triage {
                signposts: vec![],
                record: true
            }
        );
        assert!(!decision.signpost_instead());
    }
}

#[test]
fn a_silent_or_abandoned_live_call_goes_to_ofcom_instead() {
    let decision = triage(&TriageFacts {
        silent_or_abandoned: true,
        ..facts(Channel::LiveCall)
    });
    assert_eq!(decision.signposts, [Signpost::Ofcom]);
    assert!(!decision.record);
    assert!(decision.signpost_instead());
}

#[test]
fn an_automated_call_advertising_an_09_number_is_signposted_and_recorded() {
    let facts = TriageFacts::from_answers(
        Some(Channel::AutomatedCall),
        "",
        "no",
        &["+44 (0)909 879 0123"],
    );
    assert!(facts.premium_rate_number);
    let decision = triage(&facts);
    assert_eq!(decision.signposts, [Signpost::PremiumRateRegulator]);
    assert!(decision.record);
}

#[test]
fn a_text_quoting_an_09_number_is_signposted_to_the_premium_rate_regulator() {
    let text = "URGENT! You have won a £900 prize. Call 0906 170 1461 now";
    let facts = TriageFacts::from_answers(Some(Channel::Text), "", "", &["07400123456", text]);
    assert_eq!(triage(&facts).signposts, [Signpost::PremiumRateRegulator]);
}

#[test]
fn service_numbers_084_and_087_are_not_premium_rate() {
    let text = "To claim call 08719180248 or 0845 281 0075";
    let facts = TriageFacts::from_answers(Some(Channel::AutomatedCall), "", "", &[text]);
    assert!(!facts.premium_rate_number);
    assert!(triage(&facts).signposts.is_empty());
}

#[test]
fn a_scam_goes_to_action_fraud_and_is_recorded() {
    let facts = TriageFacts::from_answers(Some(Channel::Email), "", "yes", &[]);
    let decision = triage(&facts);
    assert_eq!(decision.signposts, [Signpost::ActionFraud]);
    assert!(decision.record);
}

#[test]
fn silence_only_counts_for_live_calls() {
    let facts = TriageFacts::from_answers(Some(Channel::Text), "yes", "", &[]);
    assert!(!facts.silent_or_abandoned);
}

#[test]
fn every_signpost_has_contact_details_in_the_shared_data_file() {
    let directory = Signposts::from_json(include_str!("../../../../data/signposts.json")).unwrap();
    let all = Triage {
        signposts: vec![
            Signpost::Ofcom,
            Signpost::PremiumRateRegulator,
            Signpost::ActionFraud,
        ],
        record: true,
    };
    let contacts = all.contacts(&directory);
    assert_eq!(contacts.len(), 3);
    assert!(contacts[1].helps_with.contains("09"));
}
