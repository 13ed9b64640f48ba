use crate::domain::breach::*;

fn answers(personal: &str, breach: &str, risk: &str) -> SelfAssessment {
    let mut answers = SelfAssessment::default();
    for (question, code) in [
        (AssessmentQuestion::PersonalData, personal),
        (AssessmentQuestion::SecurityBreach, breach),
        (AssessmentQuestion::Risk, risk),
    ] {
        if !code.is_empty() {
            answers = answer(&answers, question, code).unwrap();
        }
    }
    answers
}

#[test]
fn each_question_is_asked_in_turn() {
    let ask = |question| AssessmentResult::Ask { question };
    assert_eq!(
        assess_breach(&SelfAssessment::default()),
        ask(AssessmentQuestion::PersonalData)
    );
    assert_eq!(
        assess_breach(&answers("yes", "", "")),
        ask(AssessmentQuestion::SecurityBreach)
    );
    assert_eq!(
        assess_breach(&answers("yes", "yes", "")),
        ask(AssessmentQuestion::Risk)
    );
}

#[test]
fn no_personal_data_or_no_security_breach_is_not_a_personal_data_breach() {
    let not = |reason| AssessmentResult::NotReportable { reason };
    assert_eq!(
        assess_breach(&answers("no", "", "")),
        not(NotReportable::NoPersonalData)
    );
    assert_eq!(
        assess_breach(&answers("yes", "no", "")),
        not(NotReportable::NoSecurityBreach)
    );
    assert!(!NotReportable::NoPersonalData.is_breach_to_record());
}

#[test]
fn an_unlikely_risk_is_recorded_not_reported() {
    assert_eq!(
        assess_breach(&answers("yes", "yes", "unlikely")),
        AssessmentResult::NotReportable {
            reason: NotReportable::UnlikelyRisk
        }
    );
    assert!(NotReportable::UnlikelyRisk.is_breach_to_record());
}

#[test]
fn a_likely_risk_is_reported_and_not_knowing_reports_as_a_precaution() {
    assert_eq!(
        assess_breach(&answers("yes", "yes", "likely")),
        AssessmentResult::Reportable {
            precautionary: false
        }
    );
    for (personal, breach, risk) in [
        ("dont_know", "yes", "likely"),
        ("yes", "dont_know", "likely"),
        ("yes", "yes", "dont_know"),
    ] {
        assert_eq!(
            assess_breach(&answers(personal, breach, risk)),
            AssessmentResult::Reportable {
                precautionary: true
            },
            "{personal} {breach} {risk}"
        );
    }
}

#[test]
fn a_changed_answer_drops_the_later_ones_and_the_same_answer_keeps_them() {
    let full = answers("yes", "yes", "likely");
    let same = answer(&full, AssessmentQuestion::PersonalData, "yes").unwrap();
    assert_eq!(same, full);
    let changed = answer(&full, AssessmentQuestion::PersonalData, "dont_know").unwrap();
    assert_eq!(changed.security_breach, None);
    assert_eq!(changed.risk, None);
    assert_eq!(answer(&full, AssessmentQuestion::Risk, "perhaps"), None);
}

#[test]
fn a_report_is_complete_when_every_part_is_answered() {
    let report = super::support::report(super::support::Incident::default());
    assert_eq!(
        missing_parts(&report),
        vec![Part::Contact, Part::Timing, Part::Telling]
    );
    assert_eq!(
        missing_parts(&BreachReport::default()).len(),
        Part::all().len()
    );
}
