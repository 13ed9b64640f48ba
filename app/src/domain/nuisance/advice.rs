//! The advice at the end of a report, chosen from what was reported.

use super::answers::YesNoUnsure;
use super::channel::Channel;
use super::incident::{Incident, NuisanceReport};
use super::sender::Sender;

code_enum! {
    /// One piece of advice; [`Advice::message_key`] is its text, [`Advice::contact_code`] the
    /// directory entry (`app/data/signposts.json`) with the contact details, if any.
    Advice {
        /// Texts: forward the text to 7726 (free), so the network can block the sender.
        Forward7726 => "forward_to_7726",
        /// Calls, not (known to be) on the TPS: register with the Telephone Preference Service.
        RegisterTps => "register_tps",
        /// Calls already on the TPS: live sales calls to you are then unlawful without your
        /// consent, so reporting each one helps.
        TpsRegisteredKeepReporting => "tps_registered_keep_reporting",
        /// Automated (recorded) marketing calls: lawful only with the person's specific consent
        /// to that company, whether or not the number is on the TPS (which covers live calls
        /// only); tell a company you agreed to before to stop, and keep reporting.
        AutomatedCallsNeedConsent => "automated_calls_need_consent",
        /// Faxes, not (known to be) on the FPS: register with the Fax Preference Service.
        RegisterFps => "register_fps",
        /// A company the person knows: tell it to stop (they must), or unsubscribe from emails.
        TellCompanyToStop => "tell_company_to_stop",
        /// Emails from an unknown sender: do not click links or unsubscribe, delete it.
        DoNotClickUnknown => "do_not_click_unknown",
        /// Calls and texts from a visible number: block it on the phone.
        BlockNumber => "block_number",
        /// A scam (or maybe one): report it to Action Fraud, never give bank details.
        ReportScam => "report_scam",
    }
}

impl Advice {
    /// The i18n key of the advice text.
    pub fn message_key(self) -> String {
        format!("nuisance.advice.{}", self.code())
    }

    /// The directory code of the body the advice points to, if it is in the signposts file.
    pub fn contact_code(self) -> Option<&'static str> {
        match self {
            Advice::Forward7726 => Some("text_7726"),
            Advice::RegisterTps | Advice::TpsRegisteredKeepReporting => {
                Some("telephone_preference_service")
            }
            Advice::ReportScam => Some("action_fraud"),
            _ => None,
        }
    }
}

/// The advice that fits `report`: every piece any incident calls for, once, in declaration order.
pub fn advice(report: &NuisanceReport) -> Vec<Advice> {
    let mut all: Vec<Advice> = report.incidents.iter().flat_map(incident_advice).collect();
    all.sort();
    all.dedup();
    all
}

/// The advice one incident calls for.
pub fn incident_advice(incident: &Incident) -> Vec<Advice> {
    let mut advice = Vec::new();
    let channel = incident.channel;
    let registered = incident.preference_service == Some(YesNoUnsure::Yes);
    match channel {
        Channel::Text => advice.push(Advice::Forward7726),
        Channel::AutomatedCall => advice.push(Advice::AutomatedCallsNeedConsent),
        Channel::LiveCall if registered => advice.push(Advice::TpsRegisteredKeepReporting),
        Channel::LiveCall => advice.push(Advice::RegisterTps),
        Channel::Fax if !registered => advice.push(Advice::RegisterFps),
        Channel::Fax | Channel::Email => {}
    }
    if incident.relationship.knows_company() {
        advice.push(Advice::TellCompanyToStop);
    } else if channel == Channel::Email {
        advice.push(Advice::DoNotClickUnknown);
    }
    if channel != Channel::Email && matches!(incident.sender, Sender::Number(_)) {
        advice.push(Advice::BlockNumber);
    }
    if incident.maybe_scam() {
        advice.push(Advice::ReportScam);
        if channel == Channel::Email {
            advice.push(Advice::DoNotClickUnknown);
        }
    }
    advice.sort();
    advice.dedup();
    advice
}
