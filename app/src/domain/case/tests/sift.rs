//! The sift: the Welsh language and staff case flags, and how flags are ordered and serialized.

use crate::domain::case::{sift, SiftFlag, SiftFlagKind, SiftInput, SiftText};

pub(super) fn texts(texts: &[&str]) -> SiftInput {
    SiftInput {
        texts: texts
            .iter()
            .enumerate()
            .map(|(index, text)| SiftText::new(format!("text {}", index + 1), *text))
            .collect(),
        ..SiftInput::default()
    }
}

pub(super) fn kinds(input: &SiftInput) -> Vec<SiftFlagKind> {
    sift(input).into_iter().map(|flag| flag.kind).collect()
}

pub(super) fn reason(input: &SiftInput, kind: SiftFlagKind) -> Option<String> {
    sift(input)
        .into_iter()
        .find(|flag| flag.kind == kind)
        .map(|flag| flag.reason)
}

#[test]
fn nothing_in_the_answers_raises_nothing() {
    assert!(sift(&SiftInput::default()).is_empty());
    let input = texts(&[
        "The council has not answered my subject access request.",
        "",
    ]);
    assert!(sift(&input).is_empty());
}

#[test]
fn asking_for_replies_in_welsh_raises_the_welsh_language_flag() {
    let input = SiftInput {
        reply_in_welsh: true,
        ..SiftInput::default()
    };
    assert_eq!(
        reason(&input, SiftFlagKind::WelshLanguage).as_deref(),
        Some("the customer asked for replies in Welsh")
    );
}

#[test]
fn a_text_written_in_welsh_raises_the_welsh_language_flag() {
    let input = texts(&[
        "Dear ICO",
        "Mae'r cyngor wedi gwrthod fy nghais ac nid yw wedi ateb.",
    ]);
    assert_eq!(
        reason(&input, SiftFlagKind::WelshLanguage).as_deref(),
        Some("text 2 reads as Welsh (it uses \"mae\", \"wedi\", \"fy\")")
    );
}

#[test]
fn an_english_text_with_a_stray_y_is_not_welsh() {
    let input = texts(&["I chose option Y on the form, and then the AC unit was mentioned."]);
    assert_eq!(reason(&input, SiftFlagKind::WelshLanguage), None);
}

#[test]
fn an_english_email_with_a_bilingual_footer_is_not_welsh() {
    let email = "I asked the council for a copy of my housing file on 3 March and chased it twice \
        by email and once by phone. They have still not sent anything or told me why, and the \
        deadline has passed. I would like you to look into this for me please. \
        Mae croeso i chi gysylltu â ni yn Gymraeg.";
    assert_eq!(reason(&texts(&[email]), SiftFlagKind::WelshLanguage), None);
}

#[test]
fn two_welsh_words_are_not_enough_for_the_welsh_language_flag() {
    assert_eq!(
        reason(
            &texts(&["Diolch yn fawr, mae"]),
            SiftFlagKind::WelshLanguage
        ),
        None
    );
}

#[test]
fn the_welsh_language_flag_notes_the_case_title() {
    assert_eq!(
        SiftFlagKind::WelshLanguage.case_title_note(),
        Some("Welsh language")
    );
    assert_eq!(SiftFlagKind::StaffCase.case_title_note(), None);
}

#[test]
fn a_staff_customer_raises_the_staff_case_flag() {
    let input = SiftInput {
        customer_is_staff: true,
        ..SiftInput::default()
    };
    assert_eq!(kinds(&input), vec![SiftFlagKind::StaffCase]);
    assert_eq!(
        reason(&input, SiftFlagKind::StaffCase).as_deref(),
        Some("the customer is a member of staff")
    );
    assert!(kinds(&SiftInput::default()).is_empty());
}

#[test]
fn only_the_criminal_breach_flag_creates_an_advice_work_item() {
    for &kind in SiftFlagKind::all() {
        let flag = SiftFlag {
            kind,
            reason: String::new(),
        };
        assert_eq!(
            flag.creates_advice_work_item(),
            kind == SiftFlagKind::PotentialCriminalBreach
        );
    }
}

#[test]
fn flags_come_once_each_in_a_fixed_order() {
    let input = SiftInput {
        reply_in_welsh: true,
        texts: vec![
            SiftText::new(
                "text 1",
                "They sold my data. Someone also snooped. I was abused as a child.",
            ),
            SiftText::new("text 2", "IICSA"),
        ],
        organisation_name: None,
        customer_is_staff: true,
    };
    assert_eq!(
        kinds(&input),
        vec![
            SiftFlagKind::WelshLanguage,
            SiftFlagKind::ChildAbuseInquiry,
            SiftFlagKind::PotentialCriminalBreach,
            SiftFlagKind::StaffCase,
        ]
    );
}

#[test]
fn sift_input_and_flags_use_snake_case_json() {
    let input: SiftInput =
        serde_json::from_str(r#"{"texts": [{"label": "the summary", "text": "sold my data"}]}"#)
            .unwrap();
    assert!(!input.reply_in_welsh);
    let json = serde_json::to_value(sift(&input)).unwrap();
    assert_eq!(json[0]["kind"], "potential_criminal_breach");
    assert_eq!(json[0]["reason"], "the summary mentions \"sold my data\"");
}

#[test]
fn a_reason_names_the_answer_it_came_from() {
    let input = SiftInput {
        texts: vec![SiftText::new(
            "the summary",
            "The shop sold my data to a marketing firm.",
        )],
        ..SiftInput::default()
    };
    let flags = sift(&input);
    assert_eq!(flags[0].reason, "the summary mentions \"sold my data\"");
}

/// Reasons are stored for staff, whose screens are English: a customer using the Welsh pages
/// (the language in context) still gets English reasons, written from the catalogue.
#[test]
fn reasons_are_written_for_staff_in_english_whatever_the_page_language() {
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        leptos::prelude::provide_context(crate::i18n::Lang::Cy);
        let input = SiftInput {
            reply_in_welsh: true,
            texts: vec![SiftText::named("summary", &[], "Nothing of note.")],
            customer_is_staff: true,
            ..SiftInput::default()
        };
        assert_eq!(input.texts[0].label, "the summary");
        assert_eq!(
            reason(&input, SiftFlagKind::WelshLanguage).as_deref(),
            Some("the customer asked for replies in Welsh")
        );
        assert_eq!(
            reason(&input, SiftFlagKind::StaffCase).as_deref(),
            Some("the customer is a member of staff")
        );
    });
    assert_ne!(
        crate::i18n::t_in(crate::i18n::Lang::Cy, "sift.reason.staff"),
        crate::i18n::t_in(crate::i18n::Lang::En, "sift.reason.staff")
    );
}
