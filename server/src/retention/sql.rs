//! Small helpers for the retention queries.

use chrono::NaiveDate;

/// `$start, $start+1, …` for `count` values (at least one placeholder, so `IN ()` never occurs:
/// callers never pass an empty list).
pub(super) fn placeholders(start: usize, count: usize) -> String {
    (start..start + count.max(1))
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Europe/London date of a Unix time in `unit`s per second (1 or 1000).
pub(super) fn london_date(time: i64, per_second: i64) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(time.div_euclid(per_second), 0)
        .map(|at| at.with_timezone(&chrono_tz::Europe::London).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_count_from_start() {
        assert_eq!(placeholders(3, 3), "$3, $4, $5");
        assert_eq!(placeholders(1, 0), "$1");
    }

    #[test]
    fn a_time_just_after_midnight_in_summer_is_that_day_in_london() {
        // 2026-06-30 23:30 UTC is 1 July 00:30 in London.
        let at = 1_782_862_200;
        assert_eq!(london_date(at, 1), NaiveDate::from_ymd_opt(2026, 7, 1));
        assert_eq!(
            london_date(at * 1000, 1000),
            NaiveDate::from_ymd_opt(2026, 7, 1)
        );
    }
}
