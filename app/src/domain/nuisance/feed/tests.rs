//! The partner feed's rules.

#![allow(clippy::unwrap_used)]

use chrono::TimeZone;

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn settings() -> NuisanceSettings {
    NuisanceSettings::default()
}

const PREMIUM: FeedClass = FeedClass::Number(NumberKind::PremiumRate);
const MOBILE: FeedClass = FeedClass::Number(NumberKind::Mobile);
const PERSONAL_070: FeedClass = FeedClass::Number(NumberKind::Personal);

#[test]
fn the_defaults_are_three_reports_and_ten_for_a_personal_number() {
    let settings = settings();
    assert_eq!(settings.feed_min_reports, 3);
    assert_eq!(settings.feed_personal_min_reports, 10);
    assert_eq!(
        (
            settings.feed_short_window_days,
            settings.feed_long_window_days
        ),
        (7, 30)
    );
}

#[test]
fn an_offender_is_listed_from_the_threshold_on() {
    let settings = settings();
    for class in [PREMIUM, FeedClass::SenderName, FeedClass::EmailDomain] {
        assert_eq!(listing(class, 2, &settings), Listing::TooFewReports);
        assert_eq!(listing(class, 3, &settings), Listing::Listed);
        assert_eq!(reports_needed(class, &settings), 3);
    }
    assert_eq!(listing(PREMIUM, 0, &settings), Listing::TooFewReports);
}

#[test]
fn personal_numbers_are_held_back_until_many_reports() {
    let settings = settings();
    for class in [MOBILE, PERSONAL_070] {
        assert!(class.is_personal());
        assert_eq!(listing(class, 2, &settings), Listing::TooFewReports);
        assert_eq!(listing(class, 3, &settings), Listing::HeldBack);
        assert_eq!(listing(class, 9, &settings), Listing::HeldBack);
        assert_eq!(listing(class, 10, &settings), Listing::Listed);
        assert_eq!(reports_needed(class, &settings), 10);
    }
    for kind in [NumberKind::Geographic, NumberKind::Pager, NumberKind::Voip] {
        assert!(!FeedClass::Number(kind).is_personal(), "{kind:?}");
    }
}

#[test]
fn a_threshold_of_zero_still_needs_one_report() {
    let settings = NuisanceSettings {
        feed_min_reports: 0,
        feed_personal_min_reports: 0,
        ..settings()
    };
    assert_eq!(listing(MOBILE, 0, &settings), Listing::TooFewReports);
    assert_eq!(listing(MOBILE, 1, &settings), Listing::Listed);
    assert_eq!(reports_needed(MOBILE, &settings), 1);
}

#[test]
fn only_numbers_sender_names_and_email_domains_have_a_class() {
    let mobile = || NumberKind::Mobile;
    assert_eq!(FeedClass::of(OffenderKind::Number, mobile), Some(MOBILE));
    assert_eq!(
        FeedClass::of(OffenderKind::SenderId, mobile).map(FeedClass::code),
        Some("sender_name")
    );
    assert_eq!(
        FeedClass::of(OffenderKind::EmailDomain, mobile).map(FeedClass::code),
        Some("email_domain")
    );
    assert_eq!(FeedClass::of(OffenderKind::EmailSender, mobile), None);
    assert_eq!(FeedClass::of(OffenderKind::Company, mobile), None);
    assert_eq!(PREMIUM.code(), "premium_rate");
    for kind in FEED_KINDS {
        assert!(FeedClass::of(kind, mobile).is_some());
    }
}

#[test]
fn the_windows_end_today_and_include_it() {
    let windows = feed_windows(day(31), &settings());
    assert_eq!(windows.short_from, day(25));
    assert_eq!(windows.long_from, day(2));
    let counts = window_counts(
        &windows,
        [
            (day(1), 100),                                      // 31 days ago: outside both
            (day(2), 1),                                        // 30th day: the long window only
            (day(24), 2), // 8th day back: the long window only
            (day(25), 4), // 7th day: both
            (day(31), 8), // today: both
            (NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(), 16), // tomorrow: neither
        ],
    );
    assert_eq!(counts, (12, 15));
}

#[test]
fn odd_window_settings_stay_sensible() {
    let settings = NuisanceSettings {
        feed_short_window_days: 0,
        feed_long_window_days: 0,
        ..settings()
    };
    let windows = feed_windows(day(10), &settings);
    assert_eq!((windows.short_from, windows.long_from), (day(10), day(10)));
    let settings = NuisanceSettings {
        feed_short_window_days: 14,
        feed_long_window_days: 7,
        ..NuisanceSettings::default()
    };
    let windows = feed_windows(day(20), &settings);
    assert_eq!((windows.short_days, windows.long_days), (14, 14));
}

fn params(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn a_query_has_a_default_limit_and_a_cursor() {
    let settings = settings();
    assert_eq!(
        parse_feed_query(&[], &settings),
        Ok(FeedQuery {
            limit: 100,
            after: None
        })
    );
    assert_eq!(
        parse_feed_query(&params(&[("limit", "500"), ("cursor", "42")]), &settings),
        Ok(FeedQuery {
            limit: 500,
            after: Some(42)
        })
    );
}

#[test]
fn bad_parameters_are_named() {
    let settings = settings();
    for (pairs, field) in [
        (vec![("limit", "0")], "limit"),
        (vec![("limit", "501")], "limit"),
        (vec![("limit", "ten")], "limit"),
        (vec![("limit", "-1")], "limit"),
        (vec![("cursor", "abc")], "cursor"),
        (vec![("cursor", "0")], "cursor"),
        (vec![("cursor", "99999999999999999999")], "cursor"),
        (vec![("since", "2026-01-01")], "since"),
        (vec![("limit", "5"), ("limit", "6")], "limit"),
    ] {
        let errors = parse_feed_query(&params(&pairs), &settings).unwrap_err();
        assert!(errors.0.contains_key(field), "{pairs:?}: {errors:?}");
    }
    let errors =
        parse_feed_query(&params(&[("limit", "x"), ("cursor", "y")]), &settings).unwrap_err();
    assert_eq!(errors.0.len(), 2);
}

fn at(h: u32, m: u32, s: u32, ms: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, h, m, s).unwrap() + Duration::milliseconds(ms.into())
}

#[test]
fn the_feed_changes_with_each_report_and_each_new_day() {
    let midnight = at(0, 0, 0, 0);
    assert_eq!(feed_changed_at(None, midnight), midnight);
    assert_eq!(
        feed_changed_at(Some(at(9, 0, 0, 0)), midnight),
        at(9, 0, 0, 0)
    );
    assert_eq!(
        feed_changed_at(Some(at(0, 0, 0, 0) - Duration::days(1)), midnight),
        midnight
    );
}

#[test]
fn last_modified_gives_304_until_something_changes() {
    let changed = at(9, 0, 0, 200);
    let sent = last_modified(changed, at(12, 0, 0, 0), 60);
    assert_eq!(sent, at(9, 0, 1, 0));
    assert!(not_modified(changed, sent));
    // Any report after the answer was made is a change.
    assert!(!not_modified(at(9, 0, 1, 0), sent));
    assert!(!not_modified(at(10, 0, 0, 0), sent));
}

#[test]
fn a_recent_change_is_never_promised_as_settled() {
    // A report received 10 seconds ago may still be on its way to the database: the
    // Last-Modified stays before it, so once it lands it counts as a change.
    let now = at(12, 0, 10, 0);
    let sent = last_modified(at(12, 0, 0, 0), now, 60);
    assert_eq!(sent, at(11, 59, 10, 0));
    assert!(!not_modified(at(12, 0, 0, 0), sent));
    assert!(!not_modified(at(11, 59, 30, 0), sent));
}
