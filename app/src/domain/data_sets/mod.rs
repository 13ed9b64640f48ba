//! The published data sets (the regulator's "complaints and concerns data sets" page, seed 004):
//! one row per piece of work completed — a case instance closed in the period — in the
//! regulator's published columns and order, with its wording for dates, sectors and outcomes.
//!
//! - `foi-eir-complaints`: FS50 and FER cases, a file a month, the FOI/EIR completed-cases CSV.
//! - `data-protection-complaints`: RFA cases, a file a month, the data protection complaints CSV.
//! - `personal-data-breaches`: COM cases, a file a quarter, the incident-trends shape (one report
//!   can span several rows: a row per group of people and kind of data).
//! - `nuisance-reports`: counts of nuisance calls and messages reported, a file a month, by kind.
//!
//! What never goes out: a private individual's name. The organisation's name is published only
//! when the party is an organisation or public body that is not also a person on the case (a
//! customer who typed their own name, or a sole trader named as themselves); a name that reads
//! as a person's ("Mr …", "Mrs …") is withheld too. Counts below the threshold (a setting,
//! default 3) are shown as "<3". Cases closed as 'marked for deletion' (duplicates, documents
//! pasted in error) are not work completed and are left out.

mod period;
mod wording;

#[cfg(test)]
mod tests;

pub use period::{DataSetPeriod, PeriodKind};
pub use wording::{
    breach_decision, data_category, dp_decision, dp_primary_reason, foi_decision,
    foi_decision_detail, foi_primary_reason, people_band, published_date, published_sector,
    report_time_band, subject_group,
};

use crate::domain::case::{CaseKind, Closure, Outcome};
use crate::domain::csv;

code_enum! {
    /// A published data set, by the slug of its address (`/data-sets/<slug>/<period>.csv`).
    DataSet {
        FoiEirComplaints => "foi-eir-complaints",
        DataProtectionComplaints => "data-protection-complaints",
        PersonalDataBreaches => "personal-data-breaches",
        NuisanceReports => "nuisance-reports",
    }
}

impl DataSet {
    /// The exact header of the regulator's published file, in its order.
    pub fn header(self) -> &'static [&'static str] {
        match self {
            DataSet::FoiEirComplaints => &[
                "Case_Reference2",
                "CaseStatus1",
                "Legislation",
                "Received_Datetime1",
                "Completed_DateTime1",
                "Sector",
                "SubSector",
                "Decision_Primary_Reason1",
                "Submitted_About_Account",
                "Submitted_About_Account_Region",
                "Decision",
                "DecisionDetail1",
                "DecisionDetail2",
                "PriorityCase1",
            ],
            DataSet::DataProtectionComplaints => &[
                "Date Received",
                "Completed Date",
                "Sector",
                "Sub Sector",
                "Decision",
                "Decision Primary Reason",
                "Decision Articles",
                "Submitted About Account",
            ],
            DataSet::PersonalDataBreaches => &[
                "BI Reference",
                "Year",
                "Quarter",
                "Data Subject Type",
                "Data Type",
                "Decision Taken",
                "Incident Category",
                "Incident Type",
                "No. Data Subjects Affected",
                "Sector",
                "Time Taken to Report",
            ],
            DataSet::NuisanceReports => &["Month", "Concern Type", "Number of Concerns Reported"],
        }
    }

    /// The case types whose completed work the set lists (none for the nuisance counts).
    pub fn case_types(self) -> &'static [CaseKind] {
        match self {
            DataSet::FoiEirComplaints => &[CaseKind::Fs50, CaseKind::Fer],
            DataSet::DataProtectionComplaints => &[CaseKind::Rfa],
            DataSet::PersonalDataBreaches => &[CaseKind::Com],
            DataSet::NuisanceReports => &[],
        }
    }

    /// A file a quarter (breaches) or a month (the rest).
    pub fn period_kind(self) -> PeriodKind {
        match self {
            DataSet::PersonalDataBreaches => PeriodKind::Quarter,
            _ => PeriodKind::Month,
        }
    }

    /// The set a case type's completed work is published in.
    pub fn for_case_type(case_type: CaseKind) -> Option<DataSet> {
        DataSet::all()
            .iter()
            .copied()
            .find(|set| set.case_types().contains(&case_type))
    }

    /// The i18n key of the set's name (`data_sets.set.foi-eir-complaints`).
    pub fn label_key(self) -> String {
        format!("data_sets.set.{}", self.code())
    }

    /// The i18n key of what the set holds.
    pub fn about_key(self) -> String {
        format!("data_sets.about.{}", self.code())
    }

    /// The file's address.
    pub fn path(self, period: DataSetPeriod) -> String {
        format!("/data-sets/{}/{}.csv", self.code(), period.slug())
    }
}

/// The publication settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishSettings {
    /// Counts below this are suppressed (they could identify a person).
    pub suppress_below: u64,
    /// What a suppressed count shows.
    pub suppressed_text: String,
}

impl Default for PublishSettings {
    fn default() -> Self {
        PublishSettings {
            suppress_below: 3,
            suppressed_text: "<3".to_owned(),
        }
    }
}

/// A count as published: the number, or the suppressed text when it is below the threshold
/// (zero is published: it identifies nobody).
pub fn published_count(count: u64, settings: &PublishSettings) -> String {
    if count > 0 && count < settings.suppress_below {
        settings.suppressed_text.clone()
    } else {
        count.to_string()
    }
}

/// Words that open a person's name: a name starting with one is a person's, never published.
const PERSONAL_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "sir",
    "dame",
    "lady",
    "lord",
    "prof",
    "professor",
];

/// The organisation's name as published, or `None` (the cell is left empty).
///
/// `organisation_party` says the case's organisation party exists with the `organisation` role;
/// `named_as_person` that the same name is a customer's, representative's or reporter's on the
/// case.
pub fn published_organisation(
    name: Option<&str>,
    organisation_party: bool,
    named_as_person: bool,
) -> Option<String> {
    let name = name.map(str::trim).filter(|name| !name.is_empty())?;
    if !organisation_party || named_as_person {
        return None;
    }
    let first = name
        .split(|c: char| c.is_whitespace() || c == '.')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if PERSONAL_TITLES.contains(&first.as_str()) {
        return None;
    }
    Some(name.to_owned())
}

/// Whether a closure is published: work completed with an outcome, not 'marked for deletion'.
pub fn published_outcome(closure: &Closure) -> Option<Outcome> {
    closure
        .outcome
        .filter(|outcome| !outcome.marked_for_deletion())
}

/// A completed FS50/FER or RFA case instance as read for publication.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompletedCase {
    pub reference: String,
    pub case_type: Option<CaseKind>,
    pub received_on: String,
    pub completed_on: String,
    /// The sector code (`local_government`).
    pub sector: Option<String>,
    pub organisation: Option<String>,
    pub organisation_party: bool,
    pub named_as_person: bool,
    pub high_priority: bool,
    pub closure: Closure,
}

/// The CSV line of the header.
pub fn header_line(set: DataSet) -> String {
    csv::row(set.header())
}

/// Appends the case's line of `set` to `out` (nothing when it is not published).
pub fn push_case_line(out: &mut String, set: DataSet, case: &CompletedCase) {
    let Some(outcome) = published_outcome(&case.closure) else {
        return;
    };
    let organisation = published_organisation(
        case.organisation.as_deref(),
        case.organisation_party,
        case.named_as_person,
    )
    .unwrap_or_default();
    let sector = case.sector.as_deref();
    let (sector_words, sub_sector) = (published_sector(sector), wording::sub_sector(sector));
    let received = published_date(&case.received_on);
    let completed = published_date(&case.completed_on);
    match set {
        DataSet::FoiEirComplaints => {
            let legislation = if case.case_type == Some(CaseKind::Fer) {
                "EIR"
            } else {
                "FOI"
            };
            csv::push_row(
                out,
                &[
                    case.reference.as_str(),
                    "Closed",
                    legislation,
                    &received,
                    &completed,
                    sector_words,
                    sub_sector,
                    foi_primary_reason(case.closure.nature_1),
                    &organisation,
                    "",
                    foi_decision(outcome),
                    foi_decision_detail(outcome),
                    "",
                    if case.high_priority { "Yes" } else { "No" },
                ],
            );
        }
        DataSet::DataProtectionComplaints => {
            let (reason, articles) = dp_primary_reason(case.closure.nature_1);
            csv::push_row(
                out,
                &[
                    received.as_str(),
                    &completed,
                    sector_words,
                    sub_sector,
                    dp_decision(outcome),
                    reason,
                    articles,
                    &organisation,
                ],
            );
        }
        DataSet::PersonalDataBreaches | DataSet::NuisanceReports => {}
    }
}

/// What a completed breach report (COM) gives the incident-trends rows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompletedBreach {
    pub reference: String,
    /// When the report was received (the row's year and quarter), `YYYY-MM-DD`.
    pub received_on: String,
    pub sector: Option<String>,
    pub closure: Closure,
    /// `yes`, `no`, `dont_know` or none.
    pub cyber: Option<String>,
    /// Subject group codes (`employees`), data category codes (`health`).
    pub groups: Vec<String>,
    pub categories: Vec<String>,
    pub people: Option<u64>,
    /// Hours from awareness to the report, when both are known.
    pub hours_to_report: Option<i64>,
}

/// Appends the breach's rows: one per group of people and kind of data it names.
pub fn push_breach_lines(out: &mut String, breach: &CompletedBreach) {
    let Some(outcome) = published_outcome(&breach.closure) else {
        return;
    };
    let received = DataSetPeriod::quarter_of(&breach.received_on);
    let (year, quarter) = received
        .map(|period| (period.year.to_string(), format!("Qtr {}", period.part)))
        .unwrap_or_default();
    let category = match breach.cyber.as_deref() {
        Some("yes") => "Cyber",
        Some("no") => "Non Cyber",
        _ => "Unknown",
    };
    let unknown = ["Unknown"];
    let groups: Vec<&str> = breach.groups.iter().map(|g| subject_group(g)).collect();
    let kinds: Vec<&str> = breach.categories.iter().map(|c| data_category(c)).collect();
    let groups = if groups.is_empty() {
        &unknown[..]
    } else {
        &groups
    };
    let kinds = if kinds.is_empty() {
        &unknown[..]
    } else {
        &kinds
    };
    let people = people_band(breach.people);
    let time = report_time_band(breach.hours_to_report);
    let sector = published_sector(breach.sector.as_deref());
    for group in groups {
        for kind in kinds {
            csv::push_row(
                out,
                &[
                    breach.reference.as_str(),
                    &year,
                    &quarter,
                    group,
                    kind,
                    breach_decision(outcome),
                    category,
                    "Not Provided",
                    people,
                    sector,
                    time,
                ],
            );
        }
    }
}

/// The nuisance counts' concern type for a channel code.
pub fn nuisance_concern_type(channel: &str) -> &'static str {
    match channel {
        "live_call" => "Live calls",
        "automated_call" => "Automated calls",
        "text" => "Texts",
        "email" => "Emails",
        "fax" => "Faxes",
        _ => "Other",
    }
}

/// The nuisance counts file: a line per concern type (in a fixed order, zero included), each
/// count suppressed below the threshold.
pub fn nuisance_lines(
    month: DataSetPeriod,
    counts: &[(String, u64)],
    settings: &PublishSettings,
) -> String {
    let mut out = header_line(DataSet::NuisanceReports);
    let label = format!("{:04}-{:02}", month.year, month.part);
    for channel in ["live_call", "automated_call", "text", "email", "fax"] {
        let count: u64 = counts
            .iter()
            .filter(|(code, _)| code == channel)
            .map(|(_, n)| n)
            .sum();
        csv::push_row(
            &mut out,
            &[
                label.as_str(),
                nuisance_concern_type(channel),
                &published_count(count, settings),
            ],
        );
    }
    out
}

/// One file in the index: its set, period, address and how many lines of data it has.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataSetFile {
    pub set: String,
    pub period: DataSetPeriod,
    pub path: String,
    pub rows: u64,
}

/// Every file of every set: each period from the set's first with records to the last complete
/// one, newest first, with its records (periods without any are listed with 0).
pub fn index_files(
    counts: &[(DataSet, chrono::NaiveDate, u64)],
    today: chrono::NaiveDate,
) -> Vec<DataSetFile> {
    let mut files = Vec::new();
    for &set in DataSet::all() {
        let kind = set.period_kind();
        let mut periods: std::collections::BTreeMap<DataSetPeriod, u64> = Default::default();
        for (_, day, n) in counts.iter().filter(|(s, _, _)| *s == set) {
            let period = DataSetPeriod::containing(*day, kind);
            if period.complete_on(today) {
                *periods.entry(period).or_default() += n;
            }
        }
        let Some(first) = periods.keys().next().and_then(DataSetPeriod::first_day) else {
            continue;
        };
        let mut day = first;
        let mut all = Vec::new();
        loop {
            let period = DataSetPeriod::containing(day, kind);
            if !period.complete_on(today) {
                break;
            }
            all.push(DataSetFile {
                set: set.code().to_owned(),
                period,
                path: set.path(period),
                rows: periods.get(&period).copied().unwrap_or(0),
            });
            match period.next_first_day() {
                Some(next) => day = next,
                None => break,
            }
        }
        all.reverse();
        files.extend(all);
    }
    files
}

/// The first year a file can be asked for.
pub const FIRST_YEAR: i32 = 2000;

/// The set and period a file's address names (`foi-eir-complaints`, `2026-10.csv`), if it is a
/// file that exists on `today`: a known set, a period of its kind, complete, from [`FIRST_YEAR`].
pub fn published_file(
    set: &str,
    file: &str,
    today: chrono::NaiveDate,
) -> Option<(DataSet, DataSetPeriod)> {
    let set = DataSet::from_code(set)?;
    let period = DataSetPeriod::parse(file.strip_suffix(".csv")?, set.period_kind())?;
    (period.year >= FIRST_YEAR && period.complete_on(today)).then_some((set, period))
}
