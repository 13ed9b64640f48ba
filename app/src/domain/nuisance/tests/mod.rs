//! Tests of the nuisance reporting rules. Test numbers are real-format numbers from
//! libphonenumber's example numbers and the SMS Spam Collection (Ofcom's drama ranges, such as
//! 07700 900xxx, are invalid to libphonenumber).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod catalogue;
mod channels;
mod email;
mod names;
mod triage;
mod when;

#[cfg(feature = "ssr")]
mod advice;
#[cfg(feature = "ssr")]
mod extract;
#[cfg(feature = "ssr")]
mod offenders;
#[cfg(feature = "ssr")]
mod phone;
#[cfg(feature = "ssr")]
mod properties;
#[cfg(feature = "ssr")]
mod reports;
#[cfg(feature = "ssr")]
mod sms_collection;
#[cfg(feature = "ssr")]
mod validation;

use chrono::{NaiveDate, NaiveDateTime};

use super::IncidentForm;
#[cfg(feature = "ssr")]
use super::{validate_incident, Incident, NuisanceSettings};

/// The incident `form` makes, which must be valid.
#[cfg(feature = "ssr")]
pub(super) fn incident(form: &IncidentForm) -> Incident {
    validate_incident(form, now(), &NuisanceSettings::default(), "").unwrap()
}

/// 2 March 2026, 14:30 (UK local time).
pub(super) fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .unwrap()
        .and_hms_opt(14, 30, 0)
        .unwrap()
}

/// A complete text message report, as typed.
pub(super) fn text_form() -> IncidentForm {
    IncidentForm {
        channel: "text".into(),
        day: "1".into(),
        month: "3".into(),
        year: "2026".into(),
        hour: "9".into(),
        minute: "05".into(),
        sender: "07400 123456".into(),
        contacted_on: "07911 123456".into(),
        message_text: "WINNER!! To claim your prize call 09061701461 now. Claim code KL341.".into(),
        company: "Green Deal Energy Ltd".into(),
        categories: vec!["lottery_prizes".into()],
        scam: "no".into(),
        relationship: "none".into(),
        ..IncidentForm::default()
    }
}

/// A complete live call report, as typed.
pub(super) fn call_form() -> IncidentForm {
    IncidentForm {
        channel: "live_call".into(),
        silent_or_abandoned: "no".into(),
        day: "27".into(),
        month: "2".into(),
        year: "2026".into(),
        sender: "020 7946 0123".into(),
        contacted_on: "01212345678".into(),
        company: "Sunny Solar (UK) Limited".into(),
        categories: vec!["energy".into()],
        scam: "no".into(),
        relationship: "none".into(),
        preference_service: "yes".into(),
        ..IncidentForm::default()
    }
}

/// A small marketing email with folded and encoded headers.
pub(super) const SAMPLE_EML: &str = "Return-Path: <bounce-123@mailer.example.net>\r\n\
Received: from mx.example.net (mx.example.net [192.0.2.1])\r\n\
\tby mail.example.org with ESMTP id abc123;\r\n\
\tMon, 2 Mar 2026 09:00:00 +0000\r\n\
From: =?UTF-8?B?R3JlZW4gRGVhbCDDiW5lcmd5?= <offers@greendeal-energy.example.com>\r\n\
Reply-To: claims@solar-claims.example.co.uk\r\n\
Subject: =?iso-8859-1?Q?Free_solar_panels_=96_act_now?=\r\n\
\x20for your home\r\n\
Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n\
MIME-Version: 1.0\r\n\
Content-Type: text/plain\r\n\
\r\n\
Dear homeowner, From: not-a-header@example.com\r\n";
