//! A data set's period: a calendar month (`2026-11`) or quarter (`2026-q3`), its first and last
//! days, and which periods are complete on a day (only whole periods are published).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// A month or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PeriodKind {
    Month,
    Quarter,
}

/// One period: `part` is the month (1–12) or the quarter (1–4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DataSetPeriod {
    pub kind: PeriodKind,
    pub year: i32,
    pub part: u32,
}

impl DataSetPeriod {
    /// Reads `2026-11` (a month) or `2026-q3` (a quarter), as `kind` wants; nothing else.
    pub fn parse(slug: &str, kind: PeriodKind) -> Option<DataSetPeriod> {
        let (year, part) = slug.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let (digits, max) = match kind {
            PeriodKind::Month if part.len() == 2 => (part, 12),
            PeriodKind::Quarter if part.len() == 2 && part.starts_with('q') => (&part[1..], 4),
            _ => return None,
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let part: u32 = digits.parse().ok()?;
        (1..=max)
            .contains(&part)
            .then_some(DataSetPeriod { kind, year, part })
    }

    /// The period's part of an address: `2026-11` or `2026-q3`.
    pub fn slug(&self) -> String {
        match self.kind {
            PeriodKind::Month => format!("{:04}-{:02}", self.year, self.part),
            PeriodKind::Quarter => format!("{:04}-q{}", self.year, self.part),
        }
    }

    /// The first day.
    pub fn first_day(&self) -> Option<NaiveDate> {
        let month = match self.kind {
            PeriodKind::Month => self.part,
            PeriodKind::Quarter => self.part * 3 - 2,
        };
        NaiveDate::from_ymd_opt(self.year, month, 1)
    }

    /// The first day of the next period (the end, exclusive).
    pub fn next_first_day(&self) -> Option<NaiveDate> {
        let months = match self.kind {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
        };
        self.first_day()?
            .checked_add_months(chrono::Months::new(months))
    }

    /// The last day.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.next_first_day()?.pred_opt()
    }

    /// The period of `kind` a day falls in.
    pub fn containing(day: NaiveDate, kind: PeriodKind) -> DataSetPeriod {
        let part = match kind {
            PeriodKind::Month => day.month(),
            PeriodKind::Quarter => (day.month() - 1) / 3 + 1,
        };
        DataSetPeriod {
            kind,
            year: day.year(),
            part,
        }
    }

    /// The quarter of a `YYYY-MM-DD` day.
    pub fn quarter_of(day: &str) -> Option<DataSetPeriod> {
        let day = day.get(..10)?.parse::<NaiveDate>().ok()?;
        Some(DataSetPeriod::containing(day, PeriodKind::Quarter))
    }

    /// Whether the period has ended before `today` (only whole periods are published).
    pub fn complete_on(&self, today: NaiveDate) -> bool {
        self.next_first_day().is_some_and(|next| next <= today)
    }
}
