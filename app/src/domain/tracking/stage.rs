//! Where a case is, in the words a member of the public is told: received, waiting for an
//! officer, with an officer, decided, closed, re-opened. Derived from the stored case
//! ([`CaseRecord`]), never stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseRecord, Stage};

code_enum! {
    /// The stage a person tracking their case is shown.
    PublicStage {
        /// Handed in; the Advice Service has not yet read it and sent it to a team.
        Received => "received",
        /// With a team, waiting for a case officer.
        WaitingForOfficer => "waiting",
        /// A case officer is looking at it.
        WithOfficer => "with_officer",
        /// Decided recently (within `decided_days` of the decision).
        Decided => "decided",
        /// Closed.
        Closed => "closed",
        /// Re-opened for a related concern, and not yet with an officer again.
        Reopened => "reopened",
    }
}

impl PublicStage {
    /// `track.stage.<code>`: the stage in plain words.
    pub fn label_key(self) -> String {
        format!("track.stage.{}", self.code())
    }

    /// `track.next.<code>`: what happens next.
    pub fn next_key(self) -> String {
        format!("track.next.{}", self.code())
    }

    /// Whether the case is waiting for an officer (the expected wait is about that).
    pub fn is_waiting(self) -> bool {
        matches!(
            self,
            PublicStage::Received | PublicStage::WaitingForOfficer | PublicStage::Reopened
        )
    }
}

/// The stage of `case` on `today`.
pub fn public_stage(case: &CaseRecord, today: NaiveDate, decided_days: i64) -> PublicStage {
    let reopened = case.instance > 1;
    match case.stage() {
        Stage::Closed => match case.closed_on {
            Some(closed) if (today - closed).num_days() > decided_days => PublicStage::Closed,
            _ => PublicStage::Decided,
        },
        Stage::Allocated => PublicStage::WithOfficer,
        Stage::Sift | Stage::Queue if reopened => PublicStage::Reopened,
        Stage::Sift => PublicStage::Received,
        Stage::Queue => PublicStage::WaitingForOfficer,
    }
}

/// The dates that matter to the person, each shown when it has happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct KeyDates {
    pub received: Option<NaiveDate>,
    /// When the acknowledgement was sent.
    pub acknowledged: Option<NaiveDate>,
    pub allocated: Option<NaiveDate>,
    pub decided: Option<NaiveDate>,
    pub reopened: Option<NaiveDate>,
}

impl KeyDates {
    /// The dates of `case` (the acknowledgement's, if sent, is read elsewhere).
    pub fn of(case: &CaseRecord, acknowledged: Option<NaiveDate>) -> KeyDates {
        KeyDates {
            received: Some(case.created_on),
            acknowledged,
            allocated: case.allocated_on,
            decided: case.closed_on,
            reopened: (case.instance > 1).then_some(case.opened_on),
        }
    }

    /// (i18n key of the label, date), in the order they happened.
    pub fn rows(&self) -> Vec<(&'static str, NaiveDate)> {
        let mut rows: Vec<(&'static str, NaiveDate)> = [
            ("track.date.received", self.received),
            ("track.date.acknowledged", self.acknowledged),
            ("track.date.reopened", self.reopened),
            ("track.date.allocated", self.allocated),
            ("track.date.decided", self.decided),
        ]
        .into_iter()
        .filter_map(|(key, date)| date.map(|date| (key, date)))
        .collect();
        rows.sort_by_key(|(_, date)| *date);
        rows
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::case::{CaseKind, CaseStatus, IntakeChannel, Priority, WorkQueue};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn case() -> CaseRecord {
        CaseRecord {
            reference: "IC-000001-ABCD".to_owned(),
            case_type: CaseKind::from_code("RFA").unwrap(),
            work_queue: WorkQueue::Sift,
            priority: Priority::Normal,
            channel: IntakeChannel::Web,
            status: CaseStatus::Open,
            title: String::new(),
            created_on: day(2),
            instance: 1,
            opened_on: day(2),
            assign_by: day(5),
            first_contact_due: day(20),
            contact_promised_by: day(20),
            close_by: day(28),
            organisation_name: None,
            sector: None,
            assigned_to: None,
            allocated_on: None,
            sifted_on: None,
            closed_on: None,
            outcome: None,
            no_further_contact: None,
        }
    }

    fn queue() -> WorkQueue {
        WorkQueue::numbered(13).unwrap()
    }

    #[test]
    fn a_new_case_is_received_then_waits_then_is_with_an_officer() {
        let mut case = case();
        assert_eq!(public_stage(&case, day(3), 28), PublicStage::Received);
        case.sifted_on = Some(day(3));
        case.work_queue = queue();
        assert_eq!(
            public_stage(&case, day(3), 28),
            PublicStage::WaitingForOfficer
        );
        case.assigned_to = Some("officer".to_owned());
        case.allocated_on = Some(day(4));
        assert_eq!(public_stage(&case, day(4), 28), PublicStage::WithOfficer);
    }

    #[test]
    fn a_closed_case_is_decided_for_a_while_then_closed() {
        let mut case = case();
        case.status = CaseStatus::Closed;
        case.closed_on = Some(day(1));
        assert_eq!(public_stage(&case, day(29), 28), PublicStage::Decided);
        assert_eq!(public_stage(&case, day(30), 28), PublicStage::Closed);
    }

    #[test]
    fn a_reopened_case_says_so_until_an_officer_has_it() {
        let mut case = case();
        case.instance = 2;
        case.opened_on = day(10);
        case.sifted_on = Some(day(3));
        case.work_queue = queue();
        assert_eq!(public_stage(&case, day(11), 28), PublicStage::Reopened);
        case.assigned_to = Some("officer".to_owned());
        assert_eq!(public_stage(&case, day(11), 28), PublicStage::WithOfficer);
        let dates = KeyDates::of(&case, Some(day(2)));
        let keys: Vec<_> = dates.rows().into_iter().map(|(key, _)| key).collect();
        assert_eq!(
            keys,
            [
                "track.date.received",
                "track.date.acknowledged",
                "track.date.reopened"
            ]
        );
    }
}
