//! An honest expected wait for an officer: worked out from how many cases the work queue's team
//! actually allocated in each of the last complete weeks and how many cases are ahead of this
//! one, shown as a range (fastest week to slowest week) with the figures behind it, and never a
//! promise. With too little history it says so instead of inventing a number.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::case::Priority;

/// The expected wait, with the figures it was worked out from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaitEstimate {
    /// The queue allocated too few cases recently to say anything honest.
    TooLittleHistory { weeks: u32, allocations: u32 },
    /// Between `low_weeks` and `high_weeks` weeks; `high_weeks` is `None` when the slowest recent
    /// week allocated nothing (no upper limit can honestly be given).
    Range {
        /// Cases waiting ahead of this one in its queue.
        ahead: u32,
        weeks: u32,
        allocations: u32,
        /// Cases allocated in the fastest and the slowest of those weeks.
        fastest: u32,
        slowest: u32,
        low_weeks: u32,
        high_weeks: Option<u32>,
    },
}

/// Weeks to allocate `position` cases at `per_week` a week (at least one week).
fn weeks_for(position: u32, per_week: u32) -> Option<u32> {
    (per_week > 0).then(|| position.div_ceil(per_week).max(1))
}

/// The wait of a case with `ahead` cases before it, from the allocations in each recent week.
pub fn expected_wait(ahead: u32, weekly_allocations: &[u32], min_allocations: u32) -> WaitEstimate {
    let weeks = u32::try_from(weekly_allocations.len()).unwrap_or(u32::MAX);
    let allocations: u32 = weekly_allocations
        .iter()
        .fold(0u32, |sum, week| sum.saturating_add(*week));
    let fastest = weekly_allocations.iter().copied().max().unwrap_or(0);
    let slowest = weekly_allocations.iter().copied().min().unwrap_or(0);
    if weeks == 0 || allocations < min_allocations.max(1) {
        return WaitEstimate::TooLittleHistory { weeks, allocations };
    }
    // This case itself is allocated after those ahead of it.
    let position = ahead.saturating_add(1);
    let low_weeks = weeks_for(position, fastest).unwrap_or(1);
    WaitEstimate::Range {
        ahead,
        weeks,
        allocations,
        fastest,
        slowest,
        low_weeks,
        high_weeks: weeks_for(position, slowest),
    }
}

/// The priorities whose waiting cases go to an officer before a case of `priority` whatever
/// their age: the higher ones. Cases of its own priority go first when they arrived earlier
/// (by reference on the same day); lower ones wait behind it. So a case the manager prioritised
/// counts only the cases still above or level with it, and a normal case counts a prioritised
/// one that arrived after it.
pub fn picked_up_before(priority: Priority) -> Vec<Priority> {
    [Priority::High, Priority::Medium, Priority::Normal]
        .into_iter()
        .filter(|other| *other < priority)
        .collect()
}

/// The last `weeks` complete weeks (Monday to Sunday) before the week of `today`, oldest
/// first, as (Monday, Sunday).
pub fn week_starts(today: NaiveDate, weeks: u32) -> Vec<(NaiveDate, NaiveDate)> {
    let this_monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    (1..=i64::from(weeks))
        .rev()
        .map(|back| {
            let monday = this_monday - Duration::weeks(back);
            (monday, monday + Duration::days(6))
        })
        .collect()
}

/// How many of `dates` fall in each of the `weeks` (from [`week_starts`]).
pub fn weekly_counts(weeks: &[(NaiveDate, NaiveDate)], dates: &[NaiveDate]) -> Vec<u32> {
    weeks
        .iter()
        .map(|(first, last)| {
            let count = dates
                .iter()
                .filter(|date| *date >= first && *date <= last)
                .count();
            u32::try_from(count).unwrap_or(u32::MAX)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn higher_priorities_go_first_whatever_their_age() {
        assert_eq!(picked_up_before(Priority::High), Vec::<Priority>::new());
        assert_eq!(picked_up_before(Priority::Medium), vec![Priority::High]);
        assert_eq!(
            picked_up_before(Priority::Normal),
            vec![Priority::High, Priority::Medium]
        );
    }

    #[test]
    fn the_range_runs_from_the_fastest_week_to_the_slowest() {
        // 9 ahead: this case is the 10th. Fastest week 5 (2 weeks), slowest 2 (5 weeks).
        let wait = expected_wait(9, &[2, 5, 3, 4], 4);
        assert_eq!(
            wait,
            WaitEstimate::Range {
                ahead: 9,
                weeks: 4,
                allocations: 14,
                fastest: 5,
                slowest: 2,
                low_weeks: 2,
                high_weeks: Some(5),
            }
        );
    }

    #[test]
    fn too_little_history_is_said_not_guessed() {
        assert_eq!(
            expected_wait(3, &[0, 1, 0, 2], 4),
            WaitEstimate::TooLittleHistory {
                weeks: 4,
                allocations: 3
            }
        );
        assert!(matches!(
            expected_wait(3, &[], 4),
            WaitEstimate::TooLittleHistory { weeks: 0, .. }
        ));
    }

    #[test]
    fn a_week_with_nothing_allocated_leaves_no_upper_limit() {
        let WaitEstimate::Range { high_weeks, .. } = expected_wait(0, &[0, 6, 2], 4) else {
            panic!("a range")
        };
        assert_eq!(high_weeks, None);
    }

    #[test]
    fn weeks_are_the_complete_ones_before_this_week() {
        // Thursday 10 December 2026.
        let today = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let weeks = week_starts(today, 2);
        let monday = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
        assert_eq!(weeks[0].0, monday(23));
        assert_eq!(weeks[1].0, monday(30));
        assert_eq!(weeks[1].1, NaiveDate::from_ymd_opt(2026, 12, 6).unwrap());
        let dates = [monday(23), monday(29), monday(30), today];
        assert_eq!(weekly_counts(&weeks, &dates), vec![2, 1]);
    }

    proptest! {
        #[test]
        fn low_is_never_above_high(ahead in 0u32..10_000, weeks in proptest::collection::vec(0u32..200, 1..20)) {
            if let WaitEstimate::Range { low_weeks, high_weeks: Some(high), .. } = expected_wait(ahead, &weeks, 1) {
                prop_assert!(low_weeks <= high);
                prop_assert!(low_weeks >= 1);
            }
        }

        #[test]
        fn more_cases_ahead_never_gives_a_shorter_wait(ahead in 0u32..10_000, more in 0u32..1000, weeks in proptest::collection::vec(0u32..200, 1..20)) {
            let first = expected_wait(ahead, &weeks, 1);
            let second = expected_wait(ahead + more, &weeks, 1);
            match (first, second) {
                (WaitEstimate::Range { low_weeks: a, high_weeks: ha, .. }, WaitEstimate::Range { low_weeks: b, high_weeks: hb, .. }) => {
                    prop_assert!(a <= b);
                    if let (Some(ha), Some(hb)) = (ha, hb) { prop_assert!(ha <= hb); }
                }
                (WaitEstimate::TooLittleHistory { .. }, WaitEstimate::TooLittleHistory { .. }) => {}
                _ => prop_assert!(false, "the history decides whether there is a range, not the position"),
            }
        }
    }
}
