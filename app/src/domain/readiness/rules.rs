//! The readiness rules (readiness-api.md, "Reason codes"): which rules fire for a concern, and the
//! deadlines they used.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use super::codes::{Reason, Route, Verdict};
use super::documents::{documents_checked_on, missing_documents, required_documents};
use super::errors::AssessError;
use super::settings::ReadinessSettings;
use super::signposts::stopping_rule;
use super::types::{Assessment, Concern};
use crate::domain::calendar::{add_calendar_days, add_calendar_months, Calendar, Period};

/// What the rules found so far for a concern that was not stopped.
#[derive(Debug, Default)]
struct Findings {
    reasons: Vec<Reason>,
    response_due: Option<NaiveDate>,
    can_complain_from: Option<NaiveDate>,
    complain_by: Option<NaiveDate>,
}

/// Everything the rules need besides the concern.
struct Context<'a> {
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    calendar: &'a Calendar,
    settings: &'a ReadinessSettings,
}

/// Assesses whether `concern` can be handed to the casework backend on `today`.
///
/// `now` is the instant a breach report is made when the concern gives no `reported_at`. Fails
/// only when a clock needs a date outside the bank holiday data.
pub fn assess(
    concern: &Concern,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
    calendar: &Calendar,
    settings: &ReadinessSettings,
) -> Result<Assessment, AssessError> {
    if let Some((reason, signpost)) = stopping_rule(concern) {
        return Ok(Assessment::stopped(reason, signpost));
    }
    let context = Context {
        today,
        now,
        calendar,
        settings,
    };
    let mut findings = Findings::default();
    match concern.route {
        Route::DataProtection | Route::CreditFile => {
            raise_first_rules(concern, &mut findings);
            response_clock(concern, &context, &mut findings)?;
            undue_delay_rule(concern, &context, settings.undue_delay, &mut findings);
        }
        Route::Foi | Route::Eir => {
            if concern.raised_on.is_none() {
                findings.reasons.push(Reason::NoRequestMade);
            }
            response_clock(concern, &context, &mut findings)?;
            internal_review_rules(concern, &context, &mut findings)?;
            undue_delay_rule(concern, &context, settings.foi_undue_delay, &mut findings);
        }
        Route::CctvHousehold => {
            raise_first_rules(concern, &mut findings);
            if concern.consent_to_be_named == Some(false) {
                findings
                    .reasons
                    .push(Reason::AnonymousCannotContactOperator);
            }
        }
        Route::Breach => breach_rule(concern, &context, &mut findings),
        Route::ServiceComplaint => complaint_window_rule(concern, &context, &mut findings),
        Route::Advice | Route::Marketing => {}
    }
    let required = required_documents(concern);
    let missing = missing_documents(&required, concern.documents.as_deref());
    if documents_checked_on(concern.route) && !missing.is_empty() {
        findings.reasons.push(Reason::MissingDocuments);
    }
    findings.reasons.sort();
    findings.reasons.dedup();
    let verdict = findings
        .reasons
        .iter()
        .map(Reason::verdict)
        .max()
        .unwrap_or(Verdict::Ready);
    Ok(Assessment {
        verdict,
        case_type: concern.route.case_type(),
        reasons: findings.reasons,
        response_due: findings.response_due,
        can_complain_from: findings.can_complain_from,
        complain_by: findings.complain_by,
        required_documents: required,
        missing_documents: missing,
        signpost: None,
    })
}

/// Not raised with the organisation yet: a step to take first, unless it need not be raised.
fn raise_first_rules(concern: &Concern, findings: &mut Findings) {
    if concern.raised_on.is_some() {
        return;
    }
    let exempt = concern.whistleblower || concern.serious_or_many_affected;
    match concern.route {
        Route::CreditFile => findings.reasons.push(Reason::NotRaisedWithOrganisation),
        Route::CctvHousehold => findings.reasons.push(Reason::RaiseFirstNotRequired),
        Route::DataProtection if exempt => findings.reasons.push(Reason::RaiseFirstNotRequired),
        Route::DataProtection => findings.reasons.push(Reason::NotRaisedWithOrganisation),
        _ => {}
    }
}

/// Raised but not answered: awaiting_response up to and including the deadline, then
/// response_overdue.
fn response_clock(
    concern: &Concern,
    context: &Context<'_>,
    findings: &mut Findings,
) -> Result<(), AssessError> {
    let (Some(raised_on), None) = (concern.raised_on, concern.response_on) else {
        return Ok(());
    };
    let deadline = response_deadline(concern, raised_on, context)?;
    let waiting = context.today <= deadline;
    findings.reasons.push(if waiting {
        Reason::AwaitingResponse
    } else {
        Reason::ResponseOverdue
    });
    findings.response_due = Some(deadline);
    findings.can_complain_from = waiting.then(|| add_calendar_days(deadline, 1));
    Ok(())
}

/// The organisation's response deadline for a request made on `raised_on`.
fn response_deadline(
    concern: &Concern,
    raised_on: NaiveDate,
    context: &Context<'_>,
) -> Result<NaiveDate, AssessError> {
    let settings = context.settings;
    let deadline = match concern.route {
        Route::DataProtection if concern.subject_access => {
            let statutory = add_calendar_months(raised_on, settings.subject_access_wait_months);
            context
                .calendar
                .next_working_day_on_or_after(statutory, settings.other_division)?
        }
        Route::DataProtection => add_calendar_days(raised_on, settings.dp_response_wait_days),
        Route::CreditFile => add_calendar_days(raised_on, settings.credit_response_wait_days),
        _ => context.calendar.add_working_days(
            raised_on,
            settings.foi_response_working_days,
            settings.foi_division,
        )?,
    };
    Ok(deadline)
}

/// foi/eir: a response needs an internal review, which may be awaited for a while.
fn internal_review_rules(
    concern: &Concern,
    context: &Context<'_>,
    findings: &mut Findings,
) -> Result<(), AssessError> {
    match (
        concern.internal_review_requested_on,
        concern.internal_review_outcome_on,
    ) {
        (None, None) if concern.response_on.is_some() => {
            findings.reasons.push(Reason::InternalReviewNotRequested);
        }
        (Some(requested_on), None) => {
            let deadline = context.calendar.add_working_days(
                requested_on,
                context.settings.internal_review_wait_working_days,
                context.settings.foi_division,
            )?;
            let pending = context.today <= deadline;
            findings.reasons.push(if pending {
                Reason::InternalReviewPending
            } else {
                Reason::InternalReviewOverdue
            });
            findings.response_due = Some(deadline);
            findings.can_complain_from = pending.then(|| add_calendar_days(deadline, 1));
        }
        _ => {}
    }
    Ok(())
}

/// More than the undue-delay window since the last meaningful contact: late.
fn undue_delay_rule(
    concern: &Concern,
    context: &Context<'_>,
    window: Period,
    findings: &mut Findings,
) {
    findings.complain_by = concern
        .last_meaningful_contact()
        .map(|contact| window.after(contact));
    if findings.complain_by.is_some_and(|by| context.today > by) {
        findings.reasons.push(Reason::UndueDelay);
    }
}

/// service_complaint: more than the complaint window after the incident: late.
fn complaint_window_rule(concern: &Concern, context: &Context<'_>, findings: &mut Findings) {
    findings.complain_by = concern
        .incident_on
        .map(|incident| context.settings.complaint_window.after(incident));
    if findings.complain_by.is_some_and(|by| context.today > by) {
        findings.reasons.push(Reason::ComplaintOutOfTime);
    }
}

/// breach: reported more than the set hours (72) after becoming aware; exactly 72 is in time.
fn breach_rule(concern: &Concern, context: &Context<'_>, findings: &mut Findings) {
    let Some(aware_at) = concern.aware_at else {
        return;
    };
    let reported_at = concern.reported_at.unwrap_or(context.now);
    let limit = TimeDelta::try_hours(i64::from(context.settings.breach_report_hours))
        .unwrap_or(TimeDelta::MAX);
    if reported_at.signed_duration_since(aware_at) > limit {
        findings.reasons.push(Reason::ReportedAfter72Hours);
    }
}
