//! One test per reason code: the rule fires, with the verdict, case type and signpost it carries.

use super::*;

fn stopped(assessment: &Assessment, reason: Reason, signpost: Option<Signpost>) {
    assert_eq!(assessment.verdict, Verdict::NotForUs);
    assert_eq!(assessment.reasons, [reason]);
    assert_eq!(assessment.signpost, signpost);
    assert_eq!(assessment.case_type, None);
    assert_eq!(
        (
            assessment.response_due,
            assessment.can_complain_from,
            assessment.complain_by
        ),
        (None, None, None)
    );
    assert!(assessment.required_documents.is_empty());
    assert!(assessment.missing_documents.is_empty());
}

#[test]
fn an_eea_organisation_not_processing_data_in_the_uk_goes_to_its_own_authority() {
    let mut dp = concern(Route::DataProtection);
    dp.organisation.country = "FR".to_owned();
    dp.raised_on = Some(date("2025-01-01"));
    dp.documents = Some(Vec::new());
    stopped(
        &assess_on(&dp, "2026-03-02"),
        Reason::OrganisationInEea,
        Some(Signpost::EeaDataProtectionAuthority),
    );
    dp.data_processed_in_uk = Some(false);
    dp.organisation.country = "NO".to_owned();
    assert_eq!(
        assess_on(&dp, "2026-03-02").reasons,
        [Reason::OrganisationInEea]
    );
}

#[test]
fn an_eea_organisation_processing_data_in_the_uk_is_ours() {
    let mut dp = concern(Route::DataProtection);
    dp.organisation.country = "IE".to_owned();
    dp.data_processed_in_uk = Some(true);
    dp.raised_on = Some(date("2026-02-01"));
    let assessment = assess_on(&dp, "2026-02-20");
    assert_eq!(assessment.case_type, Some(CaseType::Rfa));
    assert_eq!(assessment.reasons, [Reason::AwaitingResponse]);
}

#[test]
fn an_organisation_outside_the_uk_and_the_eea_is_not_for_us_without_a_signpost() {
    let mut dp = concern(Route::DataProtection);
    dp.organisation.country = "US".to_owned();
    dp.data_processed_in_uk = Some(true);
    stopped(
        &assess_on(&dp, "2026-03-02"),
        Reason::OrganisationOutsideEea,
        None,
    );
}

#[test]
fn country_matters_only_for_data_protection() {
    let mut credit = concern(Route::CreditFile);
    credit.organisation.country = "US".to_owned();
    assert_eq!(
        assess_on(&credit, "2026-03-02").reasons,
        [Reason::NotRaisedWithOrganisation]
    );
}

#[test]
fn a_scottish_public_authority_goes_to_the_scottish_information_commissioner() {
    let mut foi = concern(Route::Foi);
    foi.organisation.scottish_public_authority = true;
    foi.organisation.public_authority = Some(false);
    stopped(
        &assess_on(&foi, "2026-03-02"),
        Reason::ScottishPublicAuthority,
        Some(Signpost::ScottishInformationCommissioner),
    );
}

#[test]
fn a_body_that_is_not_a_public_authority_is_not_for_us() {
    let mut eir = concern(Route::Eir);
    eir.organisation.public_authority = Some(false);
    eir.raised_on = Some(date("2026-01-05"));
    stopped(
        &assess_on(&eir, "2026-03-02"),
        Reason::NotPublicAuthority,
        None,
    );
}

#[test]
fn an_unknown_public_authority_status_is_not_a_reason_to_stop() {
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    let assessment = assess_on(&foi, "2026-02-02");
    assert_eq!(assessment.reasons, [Reason::AwaitingResponse]);
    assert_eq!(assessment.case_type, Some(CaseType::Fs50));
}

#[test]
fn an_automated_call_advertising_a_09_number_goes_to_the_premium_rate_regulator() {
    for number in [
        "09098790123",
        "0909 879 0123",
        "+44 909 879 0123",
        "0044909 879 0123",
        "+44 (0)909-879-0123",
    ] {
        let mut call = concern(Route::Marketing);
        call.channel = Some(Channel::AutomatedCall);
        call.advertised_number = Some(number.to_owned());
        stopped(
            &assess_on(&call, "2026-03-02"),
            Reason::PremiumRateSignpost,
            Some(Signpost::PremiumRateRegulator),
        );
    }
}

#[test]
fn a_silent_call_goes_to_ofcom() {
    let mut call = concern(Route::Marketing);
    call.channel = Some(Channel::SilentCall);
    stopped(
        &assess_on(&call, "2026-03-02"),
        Reason::SilentCallSignpost,
        Some(Signpost::Ofcom),
    );
}

#[test]
fn other_marketing_is_reported_with_the_tool() {
    let cases = [
        (Some(Channel::AutomatedCall), Some("0800 123 4567")),
        (Some(Channel::AutomatedCall), Some("+33 9 09 87 90 12")),
        (Some(Channel::Sms), Some("09098790123")),
        (Some(Channel::LiveCall), None),
        (None, None),
    ];
    for (channel, number) in cases {
        let mut marketing = concern(Route::Marketing);
        marketing.channel = channel;
        marketing.advertised_number = number.map(str::to_owned);
        let assessment = assess_on(&marketing, "2026-03-02");
        assert_eq!(assessment.verdict, Verdict::ReportInstead);
        assert_eq!(assessment.reasons, [Reason::ReportWithTool]);
        assert_eq!((assessment.case_type, assessment.signpost), (None, None));
    }
}

#[test]
fn an_foi_complaint_without_a_request_is_not_yet_ready() {
    let assessment = assess_on(&concern(Route::Foi), "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(assessment.reasons, [Reason::NoRequestMade]);
    assert_eq!(assessment.complain_by, None);
    assert!(assessment.required_documents.is_empty());
}

#[test]
fn a_data_protection_concern_not_yet_raised_must_be_raised_first() {
    let assessment = assess_on(&concern(Route::DataProtection), "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(assessment.reasons, [Reason::NotRaisedWithOrganisation]);
    assert_eq!(assessment.case_type, Some(CaseType::Rfa));
}

#[test]
fn a_credit_file_entry_must_be_raised_with_the_agency_even_by_a_whistleblower() {
    let mut credit = concern(Route::CreditFile);
    credit.whistleblower = true;
    credit.serious_or_many_affected = true;
    let assessment = assess_on(&credit, "2026-03-02");
    assert_eq!(assessment.reasons, [Reason::NotRaisedWithOrganisation]);
    assert_eq!(
        assessment.required_documents,
        [DocumentKind::CreditFileExtract]
    );
}

#[test]
fn whistleblowers_and_serious_matters_need_not_be_raised_first() {
    for (whistleblower, serious) in [(true, false), (false, true)] {
        let mut dp = concern(Route::DataProtection);
        dp.whistleblower = whistleblower;
        dp.serious_or_many_affected = serious;
        let assessment = assess_on(&dp, "2026-03-02");
        assert_eq!(assessment.verdict, Verdict::Ready);
        assert_eq!(assessment.reasons, [Reason::RaiseFirstNotRequired]);
    }
}

#[test]
fn household_cctv_need_not_be_raised_with_the_operator_first() {
    let assessment = assess_on(&concern(Route::CctvHousehold), "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.reasons, [Reason::RaiseFirstNotRequired]);
    assert_eq!(assessment.case_type, Some(CaseType::Rfa));
    assert_eq!(assessment.complain_by, None);
}

#[test]
fn a_data_protection_concern_awaiting_a_response_can_come_back_after_30_days() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2026-02-01"));
    let assessment = assess_on(&dp, "2026-02-20");
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(assessment.reasons, [Reason::AwaitingResponse]);
    assert_eq!(assessment.response_due, Some(date("2026-03-03")));
    assert_eq!(assessment.can_complain_from, Some(date("2026-03-04")));
    assert_eq!(assessment.complain_by, Some(date("2026-05-01")));
    assert_eq!(
        assessment.required_documents,
        [DocumentKind::ConcernToOrganisation]
    );
}

#[test]
fn an_overdue_response_is_ready_with_the_deadline_and_no_come_back_date() {
    let mut credit = concern(Route::CreditFile);
    credit.raised_on = Some(date("2026-02-01"));
    let assessment = assess_on(&credit, "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.reasons, [Reason::ResponseOverdue]);
    assert_eq!(assessment.response_due, Some(date("2026-03-01")));
    assert_eq!(assessment.can_complain_from, None);
}

#[test]
fn a_refusal_not_taken_to_internal_review_is_not_yet_ready() {
    let mut eir = concern(Route::Eir);
    eir.raised_on = Some(date("2026-01-05"));
    eir.response_on = Some(date("2026-01-30"));
    let assessment = assess_on(&eir, "2026-03-02");
    assert_eq!(assessment.reasons, [Reason::InternalReviewNotRequested]);
    assert_eq!(assessment.response_due, None);
}

#[test]
fn a_pending_internal_review_gives_its_40_working_day_deadline() {
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    foi.response_on = Some(date("2026-01-30"));
    foi.internal_review_requested_on = Some(date("2026-02-02"));
    let assessment = assess_on(&foi, "2026-03-31");
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(assessment.reasons, [Reason::InternalReviewPending]);
    // UK-wide: St Patrick's Day (Northern Ireland) pushes it from 30 to 31 March.
    assert_eq!(assessment.response_due, Some(date("2026-03-31")));
    assert_eq!(assessment.can_complain_from, Some(date("2026-04-01")));
    assert_eq!(
        assessment.required_documents,
        [
            DocumentKind::InformationRequest,
            DocumentKind::AuthorityResponse,
            DocumentKind::InternalReviewRequest
        ]
    );
}

#[test]
fn an_overdue_internal_review_is_ready() {
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    foi.response_on = Some(date("2026-01-30"));
    foi.internal_review_requested_on = Some(date("2026-02-02"));
    let assessment = assess_on(&foi, "2026-04-01");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.reasons, [Reason::InternalReviewOverdue]);
    assert_eq!(assessment.response_due, Some(date("2026-03-31")));
    assert_eq!(assessment.can_complain_from, None);
}

#[test]
fn a_completed_internal_review_is_ready_with_no_deadline() {
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    foi.response_on = Some(date("2026-01-30"));
    foi.internal_review_requested_on = Some(date("2026-02-02"));
    foi.internal_review_outcome_on = Some(date("2026-02-20"));
    let assessment = assess_on(&foi, "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert!(assessment.reasons.is_empty());
    assert_eq!(assessment.response_due, None);
    assert_eq!(assessment.complain_by, Some(date("2026-05-20")));
    assert_eq!(
        assessment.required_documents.last(),
        Some(&DocumentKind::InternalReviewOutcome)
    );
}

#[test]
fn more_than_three_months_since_the_last_contact_is_late() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2025-10-01"));
    dp.response_on = Some(date("2025-10-20"));
    let assessment = assess_on(&dp, "2026-01-21");
    assert_eq!(assessment.verdict, Verdict::Late);
    assert_eq!(assessment.reasons, [Reason::UndueDelay]);
    assert_eq!(assessment.complain_by, Some(date("2026-01-20")));
}

#[test]
fn a_later_contact_restarts_the_undue_delay_window() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2025-10-01"));
    dp.response_on = Some(date("2025-10-20"));
    dp.last_contact_on = Some(date("2025-12-31"));
    let assessment = assess_on(&dp, "2026-01-21");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.complain_by, Some(date("2026-03-31")));
}

#[test]
fn a_service_complaint_more_than_three_months_after_the_incident_is_out_of_time() {
    let mut complaint = concern(Route::ServiceComplaint);
    complaint.incident_on = Some(date("2025-11-30"));
    let in_time = assess_on(&complaint, "2026-02-28");
    assert_eq!(in_time.verdict, Verdict::Ready);
    assert_eq!(in_time.case_type, Some(CaseType::Rcc));
    assert_eq!(in_time.complain_by, Some(date("2026-02-28")));
    let late = assess_on(&complaint, "2026-03-01");
    assert_eq!(late.verdict, Verdict::Late);
    assert_eq!(late.reasons, [Reason::ComplaintOutOfTime]);
}

#[test]
fn a_breach_reported_more_than_72_hours_after_awareness_is_ready_but_flagged() {
    let mut breach = concern(Route::Breach);
    breach.aware_at = Some(instant("2026-03-01T10:00:00+01:00"));
    breach.reported_at = Some(instant("2026-03-04T09:00:01Z"));
    let assessment = assess_on(&breach, "2026-03-04");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.case_type, Some(CaseType::Com));
    assert_eq!(assessment.reasons, [Reason::ReportedAfter72Hours]);
}

#[test]
fn a_breach_reported_exactly_72_hours_after_awareness_is_in_time() {
    let mut breach = concern(Route::Breach);
    breach.aware_at = Some(instant("2026-03-01T09:00:00Z"));
    breach.reported_at = Some(instant("2026-03-04T09:00:00Z"));
    assert!(assess_on(&breach, "2026-03-04").reasons.is_empty());
}

#[test]
fn a_breach_without_a_report_time_is_reported_now() {
    let mut breach = concern(Route::Breach);
    breach.aware_at = Some(instant("2026-03-01T11:59:59Z"));
    // assess_on runs at noon on today.
    assert_eq!(
        assess_on(&breach, "2026-03-04").reasons,
        [Reason::ReportedAfter72Hours]
    );
    assert!(assess_on(&breach, "2026-03-03").reasons.is_empty());
}

#[test]
fn a_cctv_complainant_who_will_not_be_named_can_only_be_advised() {
    let mut cctv = concern(Route::CctvHousehold);
    cctv.consent_to_be_named = Some(false);
    let assessment = assess_on(&cctv, "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(
        assessment.reasons,
        [
            Reason::RaiseFirstNotRequired,
            Reason::AnonymousCannotContactOperator
        ]
    );
    cctv.consent_to_be_named = None;
    assert_eq!(
        assess_on(&cctv, "2026-03-02").reasons,
        [Reason::RaiseFirstNotRequired]
    );
}

#[test]
fn missing_documents_are_listed_and_make_it_not_yet_ready() {
    let mut credit = concern(Route::CreditFile);
    credit.raised_on = Some(date("2026-01-05"));
    credit.response_on = Some(date("2026-01-20"));
    credit.documents = Some(vec![DocumentKind::AgencyResponse]);
    let assessment = assess_on(&credit, "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(assessment.reasons, [Reason::MissingDocuments]);
    assert_eq!(
        assessment.required_documents,
        [
            DocumentKind::CreditFileExtract,
            DocumentKind::RequestToCreditReferenceAgency,
            DocumentKind::AgencyResponse
        ]
    );
    assert_eq!(
        assessment.missing_documents,
        [
            DocumentKind::CreditFileExtract,
            DocumentKind::RequestToCreditReferenceAgency
        ]
    );
}

#[test]
fn documents_not_given_are_not_checked() {
    let mut dp = concern(Route::DataProtection);
    dp.subject_access = true;
    dp.raised_on = Some(date("2026-01-05"));
    dp.response_on = Some(date("2026-01-20"));
    let assessment = assess_on(&dp, "2026-03-02");
    assert!(assessment.reasons.is_empty());
    assert_eq!(
        assessment.required_documents,
        [
            DocumentKind::SubjectAccessRequest,
            DocumentKind::OrganisationResponse
        ]
    );
    assert!(assessment.missing_documents.is_empty());
}

#[test]
fn advice_requests_are_ready_as_enquiries() {
    let assessment = assess_on(&concern(Route::Advice), "2026-03-02");
    assert_eq!(assessment.verdict, Verdict::Ready);
    assert_eq!(assessment.case_type, Some(CaseType::Enq));
    assert!(assessment.reasons.is_empty());
}
