//! What the case pages load: a case as its officer works it, and the pages around it (email,
//! close, close several, re-open, the sift list's correspondence, outcome corrections).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseKind, CaseRecord, SimilarReason};
use crate::domain::staff::StaffMember;
use crate::server_fns::staff::FormFlash;

/// Another party record that looks like the same one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateView {
    pub party_id: String,
    /// The case the other record is on.
    pub reference: String,
    pub name: String,
    pub email: Option<String>,
    /// What makes it look like the same person, strongest first.
    pub evidence: Vec<crate::domain::duplicates::Evidence>,
    /// Staff may merge the two (evidence about the person, not the organisation alone).
    pub mergeable: bool,
}

/// The organisation directory's entry a party is (or probably is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub id: String,
    pub name: String,
    pub sector: String,
    /// The party names this entry (its directory id); else it is the best match by name.
    pub linked: bool,
}

/// A party to the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyView {
    pub id: String,
    /// Its role on this case.
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// Reasonable adjustments, in the person's words.
    pub adjustments: Option<String>,
    pub reply_in_welsh: bool,
    pub restricted_contact: Option<String>,
    pub single_point_of_contact: Option<String>,
    /// The record is another case's main record, linked here by a merge.
    pub linked: bool,
    /// How many cases the record is on.
    pub cases: usize,
    pub directory: Option<DirectoryEntry>,
    pub duplicates: Vec<DuplicateView>,
}

/// An evidence document on the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: String,
    pub kind: String,
    pub file_name: String,
    pub file_type: String,
    pub size_bytes: i64,
}

/// One part of the submitted answers, question by question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerSection {
    pub heading: String,
    pub lines: Vec<(String, String)>,
}

/// A sift flag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagView {
    pub kind: String,
    pub reason: String,
    pub cleared_at: Option<NaiveDateTime>,
    pub cleared_reason: Option<String>,
}

/// One event on the timeline, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Europe/London.
    pub at: NaiveDateTime,
    /// The event kind's code (`note`, `closed`, …).
    pub code: String,
    /// The event kind in words.
    pub kind: String,
    pub who: String,
    pub details: Vec<(String, String)>,
}

/// A work item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItemView {
    pub id: String,
    pub kind: String,
    pub queue: String,
    pub due_on: NaiveDate,
    pub completed_at: Option<NaiveDateTime>,
    pub completed_by: Option<String>,
    pub note: Option<String>,
}

/// Another open case that looks like the same matter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarCase {
    pub reference: String,
    pub case_type: CaseKind,
    pub reason: SimilarReason,
}

/// An email on the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageView {
    pub id: String,
    /// `out` or `in`.
    pub direction: String,
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub at: NaiveDateTime,
    /// `queued`, `sent`, `retrying` (out); `attached`, `unattached` (in).
    pub status: String,
    /// The attachments of an email received, in order: kept (a case document) or refused.
    #[serde(default)]
    pub attachments: Vec<MessageAttachment>,
}

/// An attachment of an email received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageAttachment {
    pub file_name: String,
    /// The case document it became (download it as one).
    pub document_id: Option<String>,
    /// Why it was refused: the i18n key of the reason.
    pub refused: Option<String>,
}

/// A case as its officer works it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseWorkspace {
    pub record: CaseRecord,
    pub officer: Option<String>,
    pub queue_name: String,
    pub parties: Vec<PartyView>,
    pub documents: Vec<DocumentView>,
    pub answers: Vec<AnswerSection>,
    pub flags: Vec<FlagView>,
    pub timeline: Vec<TimelineEntry>,
    pub work_items: Vec<WorkItemView>,
    pub similar: Vec<SimilarCase>,
    pub messages: Vec<MessageView>,
    /// Every instance: (number, opened on, closed on, outcome code).
    pub instances: Vec<InstanceView>,
    /// Intake said: a subject access request with no response.
    pub delayed_subject_access: bool,
}

/// One instance of the case (a re-open starts another).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceView {
    pub number: u32,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<String>,
}

/// What the signed-in member of staff may do on the case.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseAbilities {
    /// The allocated officer: prepare, email, close, re-open, change the type.
    pub officer: bool,
    /// A team manager: close and re-open too.
    pub manager: bool,
    /// Enforcement: complete the 'provide advice' item.
    pub enforcement: bool,
}

/// `/staff/cases/<reference>` and its sub-pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePageView {
    pub me: StaffMember,
    pub today: NaiveDate,
    /// The case's service levels as every page reads them.
    pub clocks: crate::domain::casework::CaseClocks,
    pub case: CaseWorkspace,
    pub may: CaseAbilities,
    pub flash: Option<FormFlash>,
    /// The sign-off kept for the signed-in member (job title, direct dial).
    pub sign_off: (String, String),
}

/// A message waiting on the sift list's correspondence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxMessage {
    pub id: String,
    pub from: String,
    pub subject: String,
    pub body: String,
    pub at: NaiveDateTime,
    /// What the subject's `[Ref. …]` said, when it had one.
    pub typed_reference: Option<String>,
    /// References probably meant (the check character caught a mistype), or the open case of
    /// the sender's address.
    pub suggestions: Vec<String>,
    /// Its attachments: kept ones become the case's documents once it is attached.
    #[serde(default)]
    pub attachments: Vec<MessageAttachment>,
}

/// `/staff/sift/correspondence`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrespondenceView {
    pub me: StaffMember,
    pub messages: Vec<InboxMessage>,
    pub flash: Option<FormFlash>,
}

/// `/staff/cases` (find a case) and `/staff/cases/close-several`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimplePageView {
    pub me: StaffMember,
    pub flash: Option<FormFlash>,
}
