//! The published data sets: columns, wording, names withheld, counts suppressed, periods.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::domain::case::Nature;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn closed(outcome: Outcome) -> Closure {
    Closure {
        outcome: Some(outcome),
        nature_1: Some(Nature::Refusal),
        ..Closure::default()
    }
}

fn foi_case() -> CompletedCase {
    CompletedCase {
        reference: "IC-295703-W9L0".to_owned(),
        case_type: Some(CaseKind::Fs50),
        received_on: "2026-08-01".to_owned(),
        completed_on: "2026-10-19".to_owned(),
        sector: Some("local_government".to_owned()),
        organisation: Some("Leicester City Council".to_owned()),
        organisation_party: true,
        named_as_person: false,
        high_priority: false,
        closure: closed(Outcome::DecisionNoticeUpheld),
    }
}

#[test]
fn headers_are_the_published_columns_in_order() {
    assert_eq!(DataSet::FoiEirComplaints.header().len(), 14);
    assert_eq!(DataSet::FoiEirComplaints.header()[0], "Case_Reference2");
    assert_eq!(DataSet::FoiEirComplaints.header()[13], "PriorityCase1");
    assert_eq!(
        header_line(DataSet::DataProtectionComplaints),
        "Date Received,Completed Date,Sector,Sub Sector,Decision,Decision Primary Reason,\
         Decision Articles,Submitted About Account\r\n"
    );
    assert_eq!(
        DataSet::PersonalDataBreaches.header()[10],
        "Time Taken to Report"
    );
}

#[test]
fn an_foi_case_is_one_line_in_the_published_wording() {
    let mut out = String::new();
    push_case_line(&mut out, DataSet::FoiEirComplaints, &foi_case());
    assert_eq!(
        out,
        "IC-295703-W9L0,Closed,FOI,01/08/2026,19/10/2026,Local government,Local authority,\
         Exemption or exception applied,Leicester City Council,,Upheld,Decision notice served,,No\r\n"
    );
}

#[test]
fn a_person_is_never_named_as_the_organisation() {
    assert_eq!(
        published_organisation(Some("Leeds City Council"), true, false).as_deref(),
        Some("Leeds City Council")
    );
    // The same name as a customer on the case.
    assert_eq!(published_organisation(Some("Alex Jones"), true, true), None);
    // Not an organisation party.
    assert_eq!(
        published_organisation(Some("Alex Jones"), false, false),
        None
    );
    // A name that reads as a person's.
    assert_eq!(
        published_organisation(Some("Mr A. Jones"), true, false),
        None
    );
    assert_eq!(published_organisation(Some("Dr. Patel"), true, false), None);
    assert_eq!(published_organisation(Some("   "), true, false), None);
    // A word that only starts like a title is kept.
    assert!(published_organisation(Some("Mrsmith Ltd"), true, false).is_some());
    let mut case = foi_case();
    case.named_as_person = true;
    let mut out = String::new();
    push_case_line(&mut out, DataSet::FoiEirComplaints, &case);
    assert!(!out.contains("Leicester"));
}

#[test]
fn formula_looking_names_are_neutralised() {
    let mut case = foi_case();
    case.organisation = Some("=HYPERLINK(\"http://x\",\"y\")".to_owned());
    let mut out = String::new();
    push_case_line(&mut out, DataSet::FoiEirComplaints, &case);
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));
}

#[test]
fn marked_for_deletion_and_open_instances_are_not_published() {
    let mut case = foi_case();
    case.closure = closed(Outcome::Duplicate);
    let mut out = String::new();
    push_case_line(&mut out, DataSet::FoiEirComplaints, &case);
    case.closure = Closure::default();
    push_case_line(&mut out, DataSet::FoiEirComplaints, &case);
    assert!(out.is_empty());
}

#[test]
fn small_counts_are_suppressed() {
    let settings = PublishSettings::default();
    assert_eq!(published_count(0, &settings), "0");
    assert_eq!(published_count(1, &settings), "<3");
    assert_eq!(published_count(2, &settings), "<3");
    assert_eq!(published_count(3, &settings), "3");
    let stricter = PublishSettings {
        suppress_below: 5,
        suppressed_text: "fewer than 5".to_owned(),
    };
    assert_eq!(published_count(4, &stricter), "fewer than 5");
    let month = DataSetPeriod::parse("2026-10", PeriodKind::Month).unwrap();
    let file = nuisance_lines(
        month,
        &[("text".to_owned(), 2), ("live_call".to_owned(), 40)],
        &settings,
    );
    assert_eq!(
        file,
        "Month,Concern Type,Number of Concerns Reported\r\n2026-10,Live calls,40\r\n\
         2026-10,Automated calls,0\r\n2026-10,Texts,<3\r\n2026-10,Emails,0\r\n2026-10,Faxes,0\r\n"
    );
}

#[test]
fn data_protection_decisions_use_the_four_published_values() {
    assert_eq!(dp_decision(Outcome::NotDpa), "No Further Action");
    assert_eq!(
        dp_decision(Outcome::DcActionRequired),
        "Informal Action Taken"
    );
    assert_eq!(
        dp_decision(Outcome::EnforcementNoticePursued),
        "Investigation Pursued"
    );
    assert_eq!(dp_decision(Outcome::UndertakingServed), "Regulatory Action");
    assert_eq!(
        breach_decision(Outcome::UndertakingServed),
        "Regulatory action taken"
    );
    assert_eq!(published_date("2026-03-07"), "07/03/2026");
    assert_eq!(published_date("nonsense"), "");
}

#[test]
fn a_breach_spans_a_row_per_group_and_kind_of_data() {
    let breach = CompletedBreach {
        reference: "IC-100001-ABCD".to_owned(),
        received_on: "2026-08-30".to_owned(),
        sector: Some("health".to_owned()),
        closure: closed(Outcome::NoActionForDc),
        cyber: Some("yes".to_owned()),
        groups: vec!["patients".to_owned(), "employees".to_owned()],
        categories: vec!["health".to_owned()],
        people: Some(250),
        hours_to_report: Some(30),
    };
    let mut out = String::new();
    push_breach_lines(&mut out, &breach);
    assert_eq!(
        out,
        "IC-100001-ABCD,2026,Qtr 3,Patients,Health data,No Further Action,Cyber,Not Provided,\
         100 to 1k,Health,24 hours to 72 hours\r\nIC-100001-ABCD,2026,Qtr 3,Employees,Health data,\
         No Further Action,Cyber,Not Provided,100 to 1k,Health,24 hours to 72 hours\r\n"
    );
    assert_eq!(people_band(None), "Unknown");
    assert_eq!(report_time_band(Some(200)), "More than 1 week");
}

#[test]
fn periods_parse_strictly_and_are_published_when_complete() {
    let month = DataSetPeriod::parse("2026-11", PeriodKind::Month).unwrap();
    assert_eq!(month.first_day(), Some(day(2026, 11, 1)));
    assert_eq!(month.last_day(), Some(day(2026, 11, 30)));
    assert!(!month.complete_on(day(2026, 11, 30)));
    assert!(month.complete_on(day(2026, 12, 1)));
    let quarter = DataSetPeriod::parse("2026-q4", PeriodKind::Quarter).unwrap();
    assert_eq!(quarter.first_day(), Some(day(2026, 10, 1)));
    assert_eq!(quarter.next_first_day(), Some(day(2027, 1, 1)));
    assert_eq!(quarter.slug(), "2026-q4");
    for bad in [
        "2026-13", "2026-00", "2026-1", "26-11", "2026-q1", "x026-11", "2026-11x",
    ] {
        assert_eq!(DataSetPeriod::parse(bad, PeriodKind::Month), None, "{bad}");
    }
    for bad in ["2026-q5", "2026-q0", "2026-11", "2026-Q1"] {
        assert_eq!(
            DataSetPeriod::parse(bad, PeriodKind::Quarter),
            None,
            "{bad}"
        );
    }
    assert_eq!(
        DataSet::FoiEirComplaints.path(month),
        "/data-sets/foi-eir-complaints/2026-11.csv"
    );
    assert_eq!(
        DataSet::for_case_type(CaseKind::Fer),
        Some(DataSet::FoiEirComplaints)
    );
    assert_eq!(DataSet::for_case_type(CaseKind::Enq), None);
}

#[test]
fn the_index_lists_every_complete_period_from_the_first_newest_first() {
    let counts = [
        (DataSet::FoiEirComplaints, day(2026, 8, 1), 4),
        (DataSet::FoiEirComplaints, day(2026, 10, 1), 2),
        // The current month is not complete: not listed.
        (DataSet::FoiEirComplaints, day(2026, 12, 1), 9),
        (DataSet::PersonalDataBreaches, day(2026, 8, 1), 1),
        (DataSet::PersonalDataBreaches, day(2026, 9, 1), 2),
    ];
    let files = index_files(&counts, day(2026, 12, 7));
    let listed: Vec<(&str, String, u64)> = files
        .iter()
        .map(|file| (file.set.as_str(), file.period.slug(), file.rows))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("foi-eir-complaints", "2026-11".to_owned(), 0),
            ("foi-eir-complaints", "2026-10".to_owned(), 2),
            ("foi-eir-complaints", "2026-09".to_owned(), 0),
            ("foi-eir-complaints", "2026-08".to_owned(), 4),
            ("personal-data-breaches", "2026-q3".to_owned(), 3),
        ]
    );
    assert_eq!(files[1].path, "/data-sets/foi-eir-complaints/2026-10.csv");
}

#[test]
fn only_complete_periods_of_known_sets_are_files() {
    let today = day(2026, 12, 7);
    assert!(published_file("foi-eir-complaints", "2026-11.csv", today).is_some());
    assert!(published_file("personal-data-breaches", "2026-q3.csv", today).is_some());
    for (set, file) in [
        ("foi-eir-complaints", "2026-12.csv"),
        ("foi-eir-complaints", "2027-01.csv"),
        ("foi-eir-complaints", "2026-11"),
        ("foi-eir-complaints", "1999-11.csv"),
        ("personal-data-breaches", "2026-q4.csv"),
        ("personal-data-breaches", "2026-09.csv"),
        ("FOI-EIR-COMPLAINTS", "2026-11.csv"),
        ("unknown", "2026-11.csv"),
    ] {
        assert_eq!(published_file(set, file, today), None, "{set}/{file}");
    }
}
