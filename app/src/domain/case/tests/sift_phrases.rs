//! The sift's phrase lists: the child abuse inquiry and criminal breach flags, and whole-word
//! matching.

use super::sift::{kinds, reason, texts};
use crate::domain::case::{sift, SiftFlag, SiftFlagKind, SiftInput, WorkQueue};

#[test]
fn child_abuse_phrases_raise_the_inquiry_flag_quoting_only_the_phrase() {
    let input = texts(&[
        "Summary",
        "I was abused as a child while living in a children's home.",
    ]);
    assert_eq!(
        reason(&input, SiftFlagKind::ChildAbuseInquiry).as_deref(),
        Some("text 2 mentions \"abused as a child\"")
    );
    for text in [
        "This relates to IICSA.",
        "My records about HISTORIC ABUSE were withheld.",
        "the Children\u{2019}s Home I lived in",
        "minutes of a child protection conference",
        "records of my time in foster care",
    ] {
        assert!(
            kinds(&texts(&[text])).contains(&SiftFlagKind::ChildAbuseInquiry),
            "{text}"
        );
    }
}

#[test]
fn the_organisation_name_can_raise_the_inquiry_flag() {
    let input = SiftInput {
        organisation_name: Some("St Anne's Children's Home Trust".to_owned()),
        ..SiftInput::default()
    };
    assert_eq!(
        reason(&input, SiftFlagKind::ChildAbuseInquiry).as_deref(),
        Some("the organisation name mentions \"Children's Home\"")
    );
}

#[test]
fn words_that_only_contain_an_inquiry_phrase_do_not_raise_the_flag() {
    for text in [
        "My grandchildren's homework was shared with another school.",
        "the children's homework club",
        "an abuse of process by the child benefit office",
        "I was well groomed for the interview",
    ] {
        assert!(
            !kinds(&texts(&[text])).contains(&SiftFlagKind::ChildAbuseInquiry),
            "{text}"
        );
    }
}

#[test]
fn criminal_breach_phrases_raise_the_flag_and_an_investigations_work_item() {
    let input = texts(&["The company sold my data to a claims firm."]);
    let flag = sift(&input).into_iter().next().unwrap();
    assert_eq!(
        flag,
        SiftFlag {
            kind: SiftFlagKind::PotentialCriminalBreach,
            reason: "text 1 mentions \"sold my data\"".to_owned(),
        }
    );
    assert!(flag.creates_advice_work_item());
    assert_eq!(
        flag.advice_work_item_queue(),
        Some(WorkQueue::Investigations)
    );
}

#[test]
fn each_kind_of_criminal_breach_is_recognised() {
    for (text, phrase) in [
        (
            "A receptionist looked at my medical records.",
            "looked at my medical records",
        ),
        (
            "someone accessed my records without a reason",
            "accessed my records without",
        ),
        ("My ex was Snooping on the system", "Snooping"),
        ("the data was unlawfully obtained", "unlawfully obtained"),
        ("a caller tried blagging my address", "blagging"),
        (
            "they passed my details to my landlord",
            "passed my details to",
        ),
        ("the survey answers were re-identified", "re-identified"),
        (
            "they altered records to avoid giving them to me",
            "altered records to avoid",
        ),
        (
            "staff deleted the records to prevent me seeing them",
            "deleted the records to prevent",
        ),
    ] {
        assert_eq!(
            reason(&texts(&[text]), SiftFlagKind::PotentialCriminalBreach),
            Some(format!("text 1 mentions \"{phrase}\"")),
            "{text}"
        );
    }
}

#[test]
fn a_matched_phrase_is_quoted_with_its_whitespace_collapsed() {
    let input = texts(&["They SOLD   my\ndata."]);
    assert_eq!(
        reason(&input, SiftFlagKind::PotentialCriminalBreach).as_deref(),
        Some("text 1 mentions \"SOLD my data\"")
    );
}

#[test]
fn phrases_do_not_match_across_word_boundaries() {
    for text in [
        "playsold my database",
        "unsold my data",
        "they sold my database licence",
        "the tool is called playsnoop",
        "they altered my records after I complained",
        "my data was sold",
    ] {
        assert!(
            !kinds(&texts(&[text])).contains(&SiftFlagKind::PotentialCriminalBreach),
            "{text}"
        );
    }
}
