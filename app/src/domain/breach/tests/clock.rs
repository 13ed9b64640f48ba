use proptest::prelude::*;

use super::support::at;
use crate::domain::breach::*;

#[test]
fn exactly_72_hours_is_in_time_and_a_minute_later_is_late() {
    let settings = BreachSettings::default();
    let aware = at(2026, 3, 2, 9, 30);
    let on_deadline = reporting_clock(aware, at(2026, 3, 5, 9, 30), &settings);
    assert_eq!(on_deadline.deadline, at(2026, 3, 5, 9, 30));
    assert!(!on_deadline.late);
    assert_eq!(on_deadline.hours_since, 72);
    assert_eq!(on_deadline.hours_left, 0);
    let after = reporting_clock(aware, at(2026, 3, 5, 9, 31), &settings);
    assert!(after.late);
}

#[test]
fn the_clock_counts_hours_since_and_left() {
    let clock = reporting_clock(
        at(2026, 3, 2, 9, 0),
        at(2026, 3, 3, 15, 45),
        &BreachSettings::default(),
    );
    assert_eq!(
        (clock.hours_since, clock.hours_left, clock.late),
        (30, 41, false)
    );
}

#[test]
fn the_hours_allowed_are_a_setting() {
    let settings = BreachSettings {
        report_within_hours: 24,
        ..BreachSettings::default()
    };
    let clock = reporting_clock(at(2026, 3, 2, 9, 0), at(2026, 3, 3, 9, 1), &settings);
    assert!(clock.late);
}

proptest! {
    /// Late exactly when more than the hours allowed have passed; the deadline is always that
    /// many hours after awareness; the hours never go negative.
    #[test]
    fn late_is_more_than_the_hours_allowed(minutes in 0i64..20_000, hours in 1i64..200) {
        let settings = BreachSettings { report_within_hours: hours, ..BreachSettings::default() };
        let aware = at(2026, 3, 27, 22, 15);
        let now = aware + chrono::Duration::minutes(minutes);
        let clock = reporting_clock(aware, now, &settings);
        prop_assert_eq!(clock.late, minutes > hours * 60);
        prop_assert_eq!(clock.deadline, aware + chrono::Duration::hours(hours));
        prop_assert!(clock.hours_since >= 0 && clock.hours_left >= 0);
        prop_assert_eq!(clock.hours_since, minutes / 60);
    }
}
