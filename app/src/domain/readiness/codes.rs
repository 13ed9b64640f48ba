//! The codes the readiness contract speaks in (readiness-api.md): routes, channels, document
//! kinds, verdicts, case types, reasons and signposts.
//!
//! Each enum is a [`code_enum!`](crate::domain::codes) with exact matching, so web pages use
//! exactly the same codes as the API.

code_enum! {
    /// What the concern is about: the route the public assistant follows.
    Route {
        /// A data protection concern, including subject access.
        DataProtection => "data_protection",
        /// Household CCTV.
        CctvHousehold => "cctv_household",
        /// A credit reference file entry (CCA s159).
        CreditFile => "credit_file",
        /// Freedom of information.
        Foi => "foi",
        /// Environmental information.
        Eir => "eir",
        /// Marketing calls, texts, emails and faxes (PECR).
        Marketing => "marketing",
        /// A personal data breach reported by an organisation.
        Breach => "breach",
        /// A request for written advice.
        Advice => "advice",
        /// A complaint about the regulator's own service.
        ServiceComplaint => "service_complaint",
    }
}

code_enum! {
    /// How unwanted marketing reached the person.
    Channel {
        /// A text message.
        Sms => "sms",
        /// A call with a person on the line.
        LiveCall => "live_call",
        /// A recorded message.
        AutomatedCall => "automated_call",
        /// A call with nobody on the line.
        SilentCall => "silent_call",
        /// An email.
        Email => "email",
        /// A fax.
        Fax => "fax",
    }
}

code_enum! {
    /// A document the person can upload with their concern.
    DocumentKind {
        /// The person's subject access request.
        SubjectAccessRequest => "subject_access_request",
        /// The person's concern as raised with the organisation.
        ConcernToOrganisation => "concern_to_organisation",
        /// The organisation's response.
        OrganisationResponse => "organisation_response",
        /// An extract of the credit file.
        CreditFileExtract => "credit_file_extract",
        /// The request to the credit reference agency.
        RequestToCreditReferenceAgency => "request_to_credit_reference_agency",
        /// The credit reference agency's response.
        AgencyResponse => "agency_response",
        /// The information request made to the public authority.
        InformationRequest => "information_request",
        /// The public authority's response.
        AuthorityResponse => "authority_response",
        /// The request for an internal review.
        InternalReviewRequest => "internal_review_request",
        /// The internal review outcome.
        InternalReviewOutcome => "internal_review_outcome",
    }
}

code_enum! {
    /// The answer: can the concern be handed to the casework backend now?
    ///
    /// Declared in increasing precedence, so the verdict of several rules is their maximum.
    Verdict {
        /// It can be handed over now.
        Ready => "ready",
        /// It can be submitted, but outside the undue-delay window: the person must say why.
        Late => "late",
        /// The person must take a step first.
        NotYet => "not_yet",
        /// Use the nuisance reporting tool.
        ReportInstead => "report_instead",
        /// Another body or nobody: signpost.
        NotForUs => "not_for_us",
    }
}

code_enum! {
    /// The intake case type.
    CaseType {
        /// Request for assessment (data protection concern).
        Rfa => "RFA",
        /// FOI/EIR complaint under s50.
        Fs50 => "FS50",
        /// Electronic marketing (PECR).
        Ele => "ELE",
        /// Self-reported personal data breach.
        Com => "COM",
        /// Request for written advice.
        Enq => "ENQ",
        /// Complaint about the regulator's service.
        Rcc => "RCC",
    }
}

code_enum! {
    /// Why a rule fired, in the order of the contract's reason table.
    Reason {
        /// The organisation is in the EEA and the data is not processed in the UK.
        OrganisationInEea => "organisation_in_eea",
        /// The organisation is neither in the UK nor in the EEA.
        OrganisationOutsideEea => "organisation_outside_eea",
        /// A Scottish public authority: the Scottish Information Commissioner's remit.
        ScottishPublicAuthority => "scottish_public_authority",
        /// Not a public authority.
        NotPublicAuthority => "not_public_authority",
        /// An automated call advertising a premium-rate (09) number.
        PremiumRateSignpost => "premium_rate_signpost",
        /// A silent call.
        SilentCallSignpost => "silent_call_signpost",
        /// Other marketing: use the nuisance reporting tool.
        ReportWithTool => "report_with_tool",
        /// No information request has been made yet.
        NoRequestMade => "no_request_made",
        /// The concern has not been raised with the organisation yet.
        NotRaisedWithOrganisation => "not_raised_with_organisation",
        /// Raising it with the organisation first is not required.
        RaiseFirstNotRequired => "raise_first_not_required",
        /// The organisation still has time to respond.
        AwaitingResponse => "awaiting_response",
        /// The organisation's response is overdue.
        ResponseOverdue => "response_overdue",
        /// The response has not been taken to internal review.
        InternalReviewNotRequested => "internal_review_not_requested",
        /// The internal review is still within its time.
        InternalReviewPending => "internal_review_pending",
        /// The internal review is overdue.
        InternalReviewOverdue => "internal_review_overdue",
        /// More than the undue-delay window since the last meaningful contact.
        UndueDelay => "undue_delay",
        /// A service complaint made more than the complaint window after the incident.
        ComplaintOutOfTime => "complaint_out_of_time",
        /// A breach reported more than 72 hours after the organisation became aware.
        ReportedAfter72Hours => "reported_after_72_hours",
        /// The person does not consent to being named to the CCTV operator.
        AnonymousCannotContactOperator => "anonymous_cannot_contact_operator",
        /// A required document is missing from those the person has ready.
        MissingDocuments => "missing_documents",
    }
}

code_enum! {
    /// Where to send the person instead.
    Signpost {
        /// The data protection authority of the organisation's EEA country.
        EeaDataProtectionAuthority => "eea_data_protection_authority",
        /// The Scottish Information Commissioner.
        ScottishInformationCommissioner => "scottish_information_commissioner",
        /// The premium-rate services regulator.
        PremiumRateRegulator => "premium_rate_regulator",
        /// Ofcom.
        Ofcom => "ofcom",
        /// Action Fraud (scams; web pages only, not produced by the rules).
        ActionFraud => "action_fraud",
        /// The Telephone Preference Service (live calls; web pages only, not produced by the rules).
        TelephonePreferenceService => "telephone_preference_service",
    }
}

impl Reason {
    /// The verdict this reason carries on its own.
    pub fn verdict(&self) -> Verdict {
        match self {
            Reason::OrganisationInEea
            | Reason::OrganisationOutsideEea
            | Reason::ScottishPublicAuthority
            | Reason::NotPublicAuthority
            | Reason::PremiumRateSignpost
            | Reason::SilentCallSignpost => Verdict::NotForUs,
            Reason::ReportWithTool => Verdict::ReportInstead,
            Reason::NoRequestMade
            | Reason::NotRaisedWithOrganisation
            | Reason::AwaitingResponse
            | Reason::InternalReviewNotRequested
            | Reason::InternalReviewPending
            | Reason::MissingDocuments => Verdict::NotYet,
            Reason::UndueDelay | Reason::ComplaintOutOfTime => Verdict::Late,
            Reason::RaiseFirstNotRequired
            | Reason::ResponseOverdue
            | Reason::InternalReviewOverdue
            | Reason::ReportedAfter72Hours
            | Reason::AnonymousCannotContactOperator => Verdict::Ready,
        }
    }
}

impl Route {
    /// The intake case type, for routes that reach the casework backend (marketing never does).
    pub fn case_type(&self) -> Option<CaseType> {
        match self {
            Route::DataProtection | Route::CctvHousehold | Route::CreditFile => Some(CaseType::Rfa),
            Route::Foi | Route::Eir => Some(CaseType::Fs50),
            Route::Breach => Some(CaseType::Com),
            Route::Advice => Some(CaseType::Enq),
            Route::ServiceComplaint => Some(CaseType::Rcc),
            Route::Marketing => None,
        }
    }

    /// FOI or EIR: the routes on the s50 rules.
    pub fn is_information_access(&self) -> bool {
        matches!(self, Route::Foi | Route::Eir)
    }
}
