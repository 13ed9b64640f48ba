use crate::domain::nuisance::{Category, Channel, Question};

#[test]
fn channels_have_stable_codes() {
    assert_eq!(
        Channel::codes(),
        ["text", "live_call", "automated_call", "email", "fax"]
    );
    assert_eq!(Channel::from_code("live_call"), Some(Channel::LiveCall));
    assert_eq!(Channel::from_code("sms"), None);
}

#[test]
fn every_channel_starts_with_when_except_live_calls_which_ask_about_silence_first() {
    for channel in Channel::all() {
        let first = channel.questions()[0];
        if *channel == Channel::LiveCall {
            assert_eq!(first, Question::SilentOrAbandoned);
            assert_eq!(channel.questions()[1], Question::When);
        } else {
            assert_eq!(first, Question::When, "{channel}");
        }
    }
}

#[test]
fn channel_specific_questions_are_asked_only_where_they_apply() {
    let only = |question: Question| -> Vec<Channel> {
        Channel::all()
            .iter()
            .copied()
            .filter(|c| c.asks(question))
            .collect()
    };
    assert_eq!(only(Question::MessageText), [Channel::Text]);
    assert_eq!(only(Question::EmailEvidence), [Channel::Email]);
    assert_eq!(only(Question::AdvertisedNumber), [Channel::AutomatedCall]);
    assert_eq!(only(Question::SilentOrAbandoned), [Channel::LiveCall]);
    assert_eq!(
        only(Question::PreferenceService),
        [Channel::LiveCall, Channel::AutomatedCall, Channel::Fax]
    );
    for common in [
        Question::When,
        Question::Sender,
        Question::ContactedOn,
        Question::Company,
        Question::Categories,
        Question::Relationship,
        Question::Description,
    ] {
        assert_eq!(only(common).len(), 5, "{common}");
    }
}

#[test]
fn each_journey_lists_a_question_once_and_ends_with_the_description() {
    for channel in Channel::all() {
        let questions = channel.questions();
        let mut sorted = questions.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), questions.len(), "{channel}");
        assert_eq!(questions.last(), Some(&Question::Description));
    }
}

#[test]
fn the_next_question_follows_the_channel_order() {
    assert_eq!(
        Channel::Text.next_question(Question::ContactedOn),
        Some(Question::MessageText)
    );
    assert_eq!(Channel::Fax.next_question(Question::Description), None);
    assert_eq!(Channel::Email.next_question(Question::MessageText), None);
}

#[test]
fn categories_cover_the_usual_uk_marketing_complaints_and_other() {
    for code in [
        "accident_claims",
        "financial_claims",
        "debt_management",
        "energy",
        "home_improvements",
        "insurance",
        "loans_credit",
        "lottery_prizes",
        "health_beauty",
        "telecoms",
        "charity",
        "political",
        "other",
    ] {
        assert!(Category::from_code(code).is_some(), "{code}");
    }
}
