//! Tests of the calendar against the GOV.UK bank holiday data the portal ships with.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::*;
use proptest::prelude::*;

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../data/bank-holidays.json");

fn calendar() -> Calendar {
    Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).expect("the shipped bank holiday data is valid")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn working(d: NaiveDate, division: Division) -> bool {
    calendar()
        .is_working_day(d, division)
        .expect("a covered date")
}

#[test]
fn the_shipped_data_covers_2012_to_2028() {
    let calendar = calendar();
    assert_eq!((calendar.first_year(), calendar.last_year()), (2012, 2028));
}

#[test]
fn second_of_january_is_a_holiday_only_in_scotland() {
    let day = date(2026, 1, 2); // a Friday
    assert!(!working(day, Division::UkWide));
    assert!(working(day, Division::EnglandAndWales));
}

#[test]
fn st_andrews_day_substitute_is_not_a_working_day_for_foi_clocks() {
    let day = date(2025, 12, 1); // Monday, substitute for Sunday 30 November
    assert!(!working(day, Division::UkWide));
    assert!(working(day, Division::EnglandAndWales));
}

#[test]
fn st_patricks_day_and_the_twelfth_are_holidays_only_in_northern_ireland() {
    for day in [date(2026, 3, 17), date(2026, 7, 13)] {
        assert!(!working(day, Division::UkWide), "{day}");
        assert!(working(day, Division::EnglandAndWales), "{day}");
    }
}

#[test]
fn good_friday_and_easter_monday_are_not_working_days_anywhere() {
    for day in [date(2026, 4, 3), date(2026, 4, 6)] {
        assert!(!working(day, Division::UkWide));
        assert!(!working(day, Division::EnglandAndWales));
    }
}

#[test]
fn christmas_and_boxing_day_substitutes_are_not_working_days() {
    for day in [date(2027, 12, 27), date(2027, 12, 28), date(2026, 12, 28)] {
        assert!(!working(day, Division::EnglandAndWales), "{day}");
    }
    assert!(working(date(2027, 12, 29), Division::EnglandAndWales));
}

#[test]
fn weekends_are_not_working_days_and_ordinary_weekdays_are() {
    assert!(!working(date(2026, 3, 7), Division::EnglandAndWales));
    assert!(!working(date(2026, 3, 8), Division::UkWide));
    assert!(working(date(2026, 3, 9), Division::UkWide));
}

#[test]
fn one_working_day_after_the_thursday_before_easter_is_the_tuesday_after() {
    let next = calendar()
        .add_working_days(date(2026, 4, 2), 1, Division::EnglandAndWales)
        .expect("covered");
    assert_eq!(next, date(2026, 4, 7));
}

#[test]
fn one_working_day_after_a_friday_is_the_monday() {
    let next = calendar()
        .add_working_days(date(2026, 3, 6), 1, Division::UkWide)
        .expect("covered");
    assert_eq!(next, date(2026, 3, 9));
}

#[test]
fn zero_working_days_after_a_saturday_is_that_saturday() {
    let same = calendar()
        .add_working_days(date(2026, 3, 7), 0, Division::UkWide)
        .expect("covered");
    assert_eq!(same, date(2026, 3, 7));
}

#[test]
fn a_holiday_only_in_northern_ireland_pushes_an_foi_deadline_one_day() {
    let calendar = calendar();
    let from = date(2026, 3, 2);
    let uk = calendar.add_working_days(from, 20, Division::UkWide);
    let ew = calendar.add_working_days(from, 20, Division::EnglandAndWales);
    // 20 working days in England and Wales end on 30 March; UK-wide, St Patrick's Day
    // (17 March, Northern Ireland only) is not a working day, so they end a day later.
    assert_eq!(ew, Ok(date(2026, 3, 30)));
    assert_eq!(uk, Ok(date(2026, 3, 31)));
}

#[test]
fn the_next_working_day_on_or_after_a_working_day_is_that_day() {
    let calendar = calendar();
    let monday = date(2026, 3, 9);
    assert_eq!(
        calendar.next_working_day_on_or_after(monday, Division::EnglandAndWales),
        Ok(monday)
    );
    assert_eq!(
        calendar.next_working_day_on_or_after(date(2026, 4, 3), Division::EnglandAndWales),
        Ok(date(2026, 4, 7))
    );
}

#[test]
fn a_date_after_2028_is_an_explicit_error() {
    let error = calendar().is_working_day(date(2029, 1, 2), Division::EnglandAndWales);
    assert_eq!(
        error,
        Err(CalendarError::BeyondData {
            date: date(2029, 1, 2),
            first_year: 2012,
            last_year: 2028
        })
    );
}

#[test]
fn a_date_before_2012_is_an_explicit_error() {
    let error = calendar().add_working_days(date(2011, 12, 30), 0, Division::UkWide);
    assert!(matches!(error, Err(CalendarError::BeyondData { .. })));
}

#[test]
fn counting_working_days_past_the_end_of_the_data_is_an_error() {
    let calendar = calendar();
    let error = calendar.add_working_days(date(2028, 12, 20), 10, Division::UkWide);
    assert!(matches!(error, Err(CalendarError::BeyondData { date, .. }) if date.year() == 2029));
    let error = calendar.next_working_day_on_or_after(date(2028, 12, 30), Division::UkWide);
    assert!(matches!(error, Err(CalendarError::BeyondData { .. })));
}

#[test]
fn data_that_is_not_govuk_json_is_invalid() {
    for json in [
        "not json",
        "{}",
        r#"{"england-and-wales":{"events":[]},"scotland":{"events":[]},"northern-ireland":{"events":[]}}"#,
        r#"{"england-and-wales":{"events":[{"date":"2026-02-30"}]},"scotland":{"events":[]},"northern-ireland":{"events":[]}}"#,
    ] {
        assert!(matches!(
            Calendar::from_govuk_json(json),
            Err(CalendarError::InvalidData(_))
        ));
    }
}

#[test]
fn one_month_after_31_january_is_the_last_day_of_february() {
    assert_eq!(add_calendar_months(date(2026, 1, 31), 1), date(2026, 2, 28));
    assert_eq!(add_calendar_months(date(2028, 1, 31), 1), date(2028, 2, 29));
    assert_eq!(add_calendar_months(date(2024, 1, 30), 1), date(2024, 2, 29));
}

#[test]
fn calendar_months_keep_the_day_where_the_month_has_it() {
    assert_eq!(add_calendar_months(date(2026, 1, 30), 3), date(2026, 4, 30));
    assert_eq!(add_calendar_months(date(2026, 3, 31), 1), date(2026, 4, 30));
    assert_eq!(
        add_calendar_months(date(2026, 12, 31), 2),
        date(2027, 2, 28)
    );
    assert_eq!(
        add_calendar_months(date(2026, 1, 15), 12),
        date(2027, 1, 15)
    );
    assert_eq!(add_calendar_months(date(2026, 1, 15), 0), date(2026, 1, 15));
}

#[test]
fn calendar_days_cross_month_ends() {
    assert_eq!(add_calendar_days(date(2026, 2, 27), 2), date(2026, 3, 1));
    assert_eq!(add_calendar_days(date(2026, 1, 5), 30), date(2026, 2, 4));
}

#[test]
fn date_arithmetic_saturates_instead_of_panicking() {
    assert_eq!(add_calendar_days(NaiveDate::MAX, u32::MAX), NaiveDate::MAX);
    assert_eq!(
        add_calendar_months(NaiveDate::MAX, u32::MAX),
        NaiveDate::MAX
    );
    assert_eq!(
        Period::Weeks(u32::MAX).after(NaiveDate::MAX),
        NaiveDate::MAX
    );
}

#[test]
fn periods_count_months_weeks_and_days() {
    let from = date(2026, 1, 30);
    assert_eq!(Period::Months(1).after(from), date(2026, 2, 28));
    assert_eq!(Period::Weeks(6).after(from), date(2026, 3, 13));
    assert_eq!(Period::Days(30).after(from), date(2026, 3, 1));
}

#[test]
fn periods_serialize_as_a_unit_and_a_number() {
    let json = serde_json::to_string(&Period::Weeks(6)).expect("serializable");
    assert_eq!(json, r#"{"weeks":6}"#);
}

fn covered_date() -> impl Strategy<Value = NaiveDate> {
    // 2012-01-01 to about mid 2027, leaving room for the counts below.
    (0u64..5660).prop_map(|offset| date(2012, 1, 1) + Days::new(offset))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0u64..100_000).prop_map(|offset| date(1900, 1, 1) + Days::new(offset))
}

fn division() -> impl Strategy<Value = Division> {
    prop_oneof![Just(Division::EnglandAndWales), Just(Division::UkWide)]
}

proptest! {
    #[test]
    fn adding_working_days_lands_on_a_working_day_after_the_start(
        from in covered_date(), n in 1u32..120, division in division()
    ) {
        let calendar = calendar();
        let answer = calendar.add_working_days(from, n, division).expect("covered");
        prop_assert!(answer > from);
        prop_assert!(calendar.is_working_day(answer, division).expect("covered"));
    }

    #[test]
    fn adding_working_days_is_strictly_monotonic_in_n(
        from in covered_date(), n in 0u32..120, division in division()
    ) {
        let calendar = calendar();
        let this = calendar.add_working_days(from, n, division).expect("covered");
        let next = calendar.add_working_days(from, n + 1, division).expect("covered");
        prop_assert!(next > this);
    }

    #[test]
    fn uk_wide_working_days_never_end_before_england_and_wales_ones(
        from in covered_date(), n in 0u32..120
    ) {
        let calendar = calendar();
        let uk = calendar.add_working_days(from, n, Division::UkWide).expect("covered");
        let ew = calendar.add_working_days(from, n, Division::EnglandAndWales).expect("covered");
        prop_assert!(uk >= ew);
    }

    #[test]
    fn the_next_working_day_on_or_after_a_date_is_a_working_day_not_before_it(
        day in covered_date(), division in division()
    ) {
        let calendar = calendar();
        let answer = calendar.next_working_day_on_or_after(day, division).expect("covered");
        prop_assert!(answer >= day);
        prop_assert!(calendar.is_working_day(answer, division).expect("covered"));
        prop_assert_eq!(answer == day, calendar.is_working_day(day, division).expect("covered"));
    }

    #[test]
    fn calendar_months_keep_the_day_or_clamp_it_to_the_month_end(
        day in any_date(), n in 0u32..1200
    ) {
        let answer = add_calendar_months(day, n);
        prop_assert!(answer.day() <= day.day());
        let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
        prop_assert_eq!(months(answer) - months(day), i64::from(n));
        let month_has_the_day =
            NaiveDate::from_ymd_opt(answer.year(), answer.month(), day.day()).is_some();
        if month_has_the_day {
            prop_assert_eq!(answer.day(), day.day());
        } else {
            prop_assert!(answer.succ_opt().map(|next| next.day()) == Some(1));
        }
    }
}
