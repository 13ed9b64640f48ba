//! What a case's timeline records. Every change to a case writes one of these events in the same
//! transaction as the change, with who made it; pages show them in plain words
//! (`workflow.event.<code>`).

code_enum! {
    /// The kind of an event on a case's history, stored as its code.
    CaseEventKind {
        /// Handed in (web, phone, API) or reported (a breach).
        Submitted => "submitted",
        /// A follow-up from the organisation that reported a breach.
        FollowUp => "follow_up",
        /// Information (and perhaps a document) the person added while tracking their case.
        InformationAdded => "information_added",
        /// Enforcement's daily triage of a self-reported incident.
        Triaged => "triaged",
        /// The Advice Service sifted the case: its type confirmed or changed and its work queue.
        Sifted => "sifted",
        /// A sift flag cleared, with the reason.
        FlagCleared => "flag_cleared",
        /// Allocated to a case officer.
        Allocated => "allocated",
        /// Moved to another team's work queue, with the reason.
        MovedQueue => "moved_queue",
        /// The case type changed (FS50 to FER, RFA to SEC, …) while never closed.
        TypeChanged => "type_changed",
        /// A party added to the case.
        PartyAdded => "party_added",
        /// A duplicate party record merged into its main record.
        PartyMerged => "party_merged",
        /// A party's contact arrangements changed (restricted contact, single point of contact).
        PartyChanged => "party_changed",
        /// The 'prepare' work item completed (first contact), 'progress' started.
        Prepared => "prepared",
        /// A work item completed (e.g. Enforcement's 'provide advice').
        WorkItemCompleted => "work_item_completed",
        /// A note by a member of staff.
        Note => "note",
        /// An email sent to a party from the case.
        EmailSent => "email_sent",
        /// An email received whose subject carried the case's reference.
        EmailReceived => "email_received",
        /// Closed with an outcome.
        Closed => "closed",
        /// A follow-on case (ENF, PCB) opened from this one, by its outcome or by Enforcement.
        FollowOnOpened => "follow_on_opened",
        /// Opened as the follow-on of another case.
        OpenedFrom => "opened_from",
        /// Marked a staff case (ECS) by a team manager, naming who may see it.
        MarkedStaffCase => "marked_staff_case",
        /// Re-opened for a second, related concern: a new instance.
        Reopened => "reopened",
        /// An outcome corrected behind the scenes (an admin action, not a re-open).
        OutcomeCorrected => "outcome_corrected",
        /// A callback booked by the helpline.
        CallbackBooked => "callback_booked",
        /// A callback passed up the line because the caller would not wait.
        CallbackEscalated => "callback_escalated",
        /// An attempt to return a call, with its result.
        CallbackAttempted => "callback_attempted",
        /// The caller rang and the officer was told (no callback promised).
        CallerRang => "caller_rang",
        /// A caller asked for the case to be prioritised.
        PriorityRequested => "priority_requested",
        /// A manager granted a prioritisation request: the priority was raised.
        PriorityGranted => "priority_granted",
        /// A manager declined a prioritisation request, with the reason.
        PriorityDeclined => "priority_declined",
        /// Marked 'no further contact' by a manager.
        NoFurtherContact => "no_further_contact",
        /// The acknowledgement printed as a letter (a caller with no email address).
        LetterPrinted => "letter_printed",
        /// A complaint about our service linked to the case it is about (by its reference).
        RelatesTo => "relates_to",
        /// On the case a complaint about our service is about: the complaint's reference.
        ServiceComplaint => "service_complaint",
    }
}

impl CaseEventKind {
    /// The i18n key of the event in plain words.
    pub fn label_key(self) -> String {
        format!("workflow.event.{}", self.code())
    }

    /// Whether the event is contact with a party (the helpline's "last contact").
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            CaseEventKind::EmailSent
                | CaseEventKind::EmailReceived
                | CaseEventKind::CallbackAttempted
                | CaseEventKind::FollowUp
                | CaseEventKind::InformationAdded
                | CaseEventKind::Submitted
        )
    }
}
