//! Whether to send the person to another body instead of, or as well as, recording the report
//! (policy.md §2, manual §9). The signposts are the concerns assistant's own [`Signpost`] codes,
//! and their contact details come from the same data file (`app/data/signposts.json`, read into a
//! [`Signposts`]).
//!
//! | situation | signpost | recorded? |
//! |---|---|---|
//! | a silent or abandoned live call | Ofcom | no: there is no marketing to record, and Ofcom deals with persistent misuse of the network |
//! | an automated call advertising (or made from) a premium-rate **09** number | premium-rate regulator (Ofcom phone-paid services since 1 Feb 2025) | yes: the manual (§9) signposts *instead*, but the automated call itself needs consent under PECR, so the number and company are still intelligence for repeat offenders |
//! | a text quoting a premium-rate 09 number | premium-rate regulator | yes (the data file's entry covers "calls and messages") |
//! | a scam: asked for money or bank details, or impersonated someone (answered yes) | Action Fraud | yes: scam senders often also send marketing, and the numbers help both |
//!
//! 084/087 service numbers are not premium rate (see [`NumberKind`](super::phone::NumberKind)) and
//! are never signposted to the premium-rate regulator.

use serde::{Deserialize, Serialize};

use super::answers::YesNoUnsure;
use super::channel::Channel;
use super::incident::Incident;
use super::phone::mentions_premium_rate_number;
use super::sender::Sender;
use crate::domain::readiness::{is_uk_premium_rate_number, Signpost};
use crate::domain::signposts::{Contact, Signposts};

/// What the journey knows so far, enough to decide on signposts. Pages fill it from the answers
/// given (see [`TriageFacts::from_answers`]); [`Incident::triage_facts`] from a validated
/// incident.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriageFacts {
    pub channel: Option<Channel>,
    /// A live call that was silent or hung up when answered.
    pub silent_or_abandoned: bool,
    /// The person answered yes to "did it ask for money or bank details, or pretend to be
    /// someone else?".
    pub scam: bool,
    /// A premium-rate 09 number was advertised (automated call), quoted (text) or called from.
    pub premium_rate_number: bool,
}

impl TriageFacts {
    /// The facts from raw answers (usable in the browser: no number metadata needed): the
    /// silent and scam answers (`yes`), and any 09 number in the sender, advertised number or
    /// message text.
    pub fn from_answers(
        channel: Option<Channel>,
        silent_or_abandoned: &str,
        scam: &str,
        numbers_and_text: &[&str],
    ) -> TriageFacts {
        TriageFacts {
            channel,
            silent_or_abandoned: channel == Some(Channel::LiveCall)
                && silent_or_abandoned.trim() == YesNoUnsure::Yes.code(),
            scam: scam.trim() == YesNoUnsure::Yes.code(),
            premium_rate_number: numbers_and_text
                .iter()
                .any(|text| is_uk_premium_rate_number(text) || mentions_premium_rate_number(text)),
        }
    }
}

impl Incident {
    /// The triage facts of a validated incident (never silent: those are not recorded).
    pub fn triage_facts(&self) -> TriageFacts {
        let sender_premium = matches!(&self.sender, Sender::Number(n) if n.is_premium_rate());
        let premium_rate_number = sender_premium
            || self
                .advertised_number
                .as_ref()
                .is_some_and(|n| n.is_premium_rate())
            || self.quoted_numbers.iter().any(|n| n.is_premium_rate());
        TriageFacts {
            channel: Some(self.channel),
            silent_or_abandoned: false,
            scam: self.scam == Some(YesNoUnsure::Yes),
            premium_rate_number,
        }
    }
}

/// The decision: where else to send the person, and whether to record the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Triage {
    /// In the order to show them: Ofcom, the premium-rate regulator, Action Fraud.
    pub signposts: Vec<Signpost>,
    /// Whether the report is recorded in the reporting tool.
    pub record: bool,
}

impl Triage {
    /// Whether the person is sent elsewhere *instead of* reporting to us.
    pub fn signpost_instead(&self) -> bool {
        !self.record && !self.signposts.is_empty()
    }

    /// The signposts' contact details from the directory (codes missing from it are skipped).
    pub fn contacts(&self, directory: &Signposts) -> Vec<Contact> {
        self.signposts
            .iter()
            .filter_map(|signpost| directory.find(signpost.code()).cloned())
            .collect()
    }
}

/// Decides the signposts for `facts` (see the module table).
pub fn triage(facts: &TriageFacts) -> Triage {
    if facts.channel == Some(Channel::LiveCall) && facts.silent_or_abandoned {
        return Triage {
            signposts: vec![Signpost::Ofcom],
            record: false,
        };
    }
    let mut signposts = Vec::new();
    let premium_channel = matches!(facts.channel, Some(Channel::AutomatedCall | Channel::Text));
    if premium_channel && facts.premium_rate_number {
        signposts.push(Signpost::PremiumRateRegulator);
    }
    if facts.scam {
        signposts.push(Signpost::ActionFraud);
    }
    Triage {
        signposts,
        record: true,
    }
}
