//! The nuisance intelligence feed for partners (`GET /api/v1/nuisance-numbers`: telephone
//! networks, call blockers): which offenders are listed, which are held back, the report windows,
//! the query a partner may send, and when the feed last changed.
//!
//! - Only numbers, SMS sender names and email domains are listed ([`FEED_KINDS`]): an email
//!   address may be a person's own, and a company name is nothing a network can block.
//! - An offender is listed once at least `feed_min_reports` distinct reports name it (one
//!   person's report of five calls from a number is one report).
//! - A personal number (mobile, or a 070 personal number) may be a person's own, reported by
//!   mistake or in a dispute: it is held back until `feed_personal_min_reports` distinct
//!   reports name it.
//! - The window counts are the incidents reported on the last `feed_short_window_days` and
//!   `feed_long_window_days` days, today included (the intelligence's day rows).
//!
//! Pure: `today` and `now` are parameters.

use chrono::{DateTime, Duration, NaiveDate, SubsecRound, Utc};

use super::offender::OffenderKind;
use super::phone::NumberKind;
use super::settings::NuisanceSettings;
use crate::domain::readiness::FieldErrors;

/// The offender kinds the feed lists.
pub const FEED_KINDS: [OffenderKind; 3] = [
    OffenderKind::Number,
    OffenderKind::SenderId,
    OffenderKind::EmailDomain,
];

/// What an offender is, as partners see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedClass {
    /// A phone number or short code, by its kind (mobile, geographic, premium rate…).
    Number(NumberKind),
    /// An SMS sender name (alphanumeric sender ID).
    SenderName,
    /// An email sender's domain.
    EmailDomain,
}

impl FeedClass {
    /// The class of an offender of `kind`; `number_kind` says what a number is (parsing numbers
    /// is the server's). `None` for a kind the feed does not list.
    pub fn of(kind: OffenderKind, number_kind: impl FnOnce() -> NumberKind) -> Option<FeedClass> {
        match kind {
            OffenderKind::Number => Some(FeedClass::Number(number_kind())),
            OffenderKind::SenderId => Some(FeedClass::SenderName),
            OffenderKind::EmailDomain => Some(FeedClass::EmailDomain),
            OffenderKind::EmailSender | OffenderKind::Company => None,
        }
    }

    /// The code partners see: a number's kind (`mobile`, `premium_rate`, …), `sender_name` or
    /// `email_domain`.
    pub fn code(self) -> &'static str {
        match self {
            FeedClass::Number(kind) => kind.code(),
            FeedClass::SenderName => "sender_name",
            FeedClass::EmailDomain => "email_domain",
        }
    }

    /// Whether the number may be a person's own: a mobile or a 070 personal number.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            FeedClass::Number(NumberKind::Mobile | NumberKind::Personal)
        )
    }
}

/// Whether an offender goes into the feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Listed,
    /// Fewer distinct reports than `feed_min_reports`.
    TooFewReports,
    /// A personal number with fewer distinct reports than `feed_personal_min_reports`.
    HeldBack,
}

/// The distinct reports worth counting to decide on an offender of `class`: counting can stop
/// there.
pub fn reports_needed(class: FeedClass, settings: &NuisanceSettings) -> u64 {
    let least = settings.feed_min_reports.max(1);
    if class.is_personal() {
        least.max(settings.feed_personal_min_reports)
    } else {
        least
    }
}

/// Whether an offender of `class` named by `distinct_reports` reports is listed.
pub fn listing(class: FeedClass, distinct_reports: u64, settings: &NuisanceSettings) -> Listing {
    if distinct_reports < settings.feed_min_reports.max(1) {
        Listing::TooFewReports
    } else if class.is_personal() && distinct_reports < settings.feed_personal_min_reports {
        Listing::HeldBack
    } else {
        Listing::Listed
    }
}

/// The days the window counts cover, both ending on `today` (included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedWindows {
    pub today: NaiveDate,
    pub short_days: u32,
    pub short_from: NaiveDate,
    pub long_days: u32,
    pub long_from: NaiveDate,
}

/// The windows on `today`. A window is at least a day; the long one at least the short one.
pub fn feed_windows(today: NaiveDate, settings: &NuisanceSettings) -> FeedWindows {
    let short_days = settings.feed_short_window_days.max(1);
    let long_days = settings.feed_long_window_days.max(short_days);
    let from = |days: u32| {
        today
            .checked_sub_days(chrono::Days::new(u64::from(days) - 1))
            .unwrap_or(NaiveDate::MIN)
    };
    FeedWindows {
        today,
        short_days,
        short_from: from(short_days),
        long_days,
        long_from: from(long_days),
    }
}

/// Reports counted in each window: `days` are (day, incidents reported that day) pairs.
pub fn window_counts(
    windows: &FeedWindows,
    days: impl IntoIterator<Item = (NaiveDate, u64)>,
) -> (u64, u64) {
    let mut counts = (0, 0);
    for (day, reports) in days {
        if day > windows.today || day < windows.long_from {
            continue;
        }
        counts.1 += reports;
        if day >= windows.short_from {
            counts.0 += reports;
        }
    }
    counts
}

/// A partner's query: a page of `limit` offenders after the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedQuery {
    pub limit: usize,
    /// The `cursor` of the page before (an offender's id), if any.
    pub after: Option<i64>,
}

/// The query parameters as sent: `limit` (1 to `feed_max_page_size`, `feed_page_size` if left
/// out) and `cursor` (from the page before). Anything else, or a parameter twice, is an error.
pub fn parse_feed_query(
    params: &[(String, String)],
    settings: &NuisanceSettings,
) -> Result<FeedQuery, FieldErrors> {
    let most = settings.feed_max_page_size.max(1);
    let mut errors = FieldErrors::default();
    let mut query = FeedQuery {
        limit: settings.feed_page_size.clamp(1, most),
        after: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in params {
        if seen.contains(&name.as_str()) {
            errors
                .0
                .insert(name.clone(), "Send this parameter once".to_owned());
            continue;
        }
        seen.push(name);
        match name.as_str() {
            "limit" => match value.trim().parse::<usize>() {
                Ok(limit) if (1..=most).contains(&limit) => query.limit = limit,
                _ => {
                    errors.0.insert(
                        "limit".to_owned(),
                        format!("Enter a whole number from 1 to {most}"),
                    );
                }
            },
            "cursor" => match value.trim().parse::<i64>() {
                Ok(after) if after > 0 => query.after = Some(after),
                _ => {
                    errors.0.insert(
                        "cursor".to_owned(),
                        "Send the cursor exactly as the page before gave it".to_owned(),
                    );
                }
            },
            _ => {
                let shown: String = name.chars().take(40).collect();
                errors.0.insert(
                    shown,
                    "Unknown parameter: send only limit and cursor".to_owned(),
                );
            }
        }
    }
    if errors.0.is_empty() {
        Ok(query)
    } else {
        Err(errors)
    }
}

/// When the feed last changed: the latest report stored, or the start of today if later (the
/// windows moved on then).
pub fn feed_changed_at(
    latest_report: Option<DateTime<Utc>>,
    today_started: DateTime<Utc>,
) -> DateTime<Utc> {
    latest_report.map_or(today_started, |latest| latest.max(today_started))
}

/// The `Last-Modified` to send: the whole second after the last change, so a client sending it
/// back gets 304 until something changes. Never later than `grace_seconds` before `now`: a report
/// received before then may still be on its way to the database, and must count as a change once
/// it lands (until then, the answer is a full page rather than a wrong 304).
pub fn last_modified(
    changed_at: DateTime<Utc>,
    now: DateTime<Utc>,
    grace_seconds: u32,
) -> DateTime<Utc> {
    let after_change = changed_at.trunc_subsecs(0) + Duration::seconds(1);
    let settled = (now - Duration::seconds(i64::from(grace_seconds))).trunc_subsecs(0);
    after_change.min(settled)
}

/// Whether nothing changed since `if_modified_since` (a `Last-Modified` sent before).
pub fn not_modified(changed_at: DateTime<Utc>, if_modified_since: DateTime<Utc>) -> bool {
    changed_at < if_modified_since
}

#[cfg(test)]
mod tests;
