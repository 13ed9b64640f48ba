//! Repeat-offender keys: what an incident counts against when reports are added up.

use serde::{Deserialize, Serialize};

use super::email::EmailEvidence;
use super::incident::Incident;
use super::phone::PhoneNumber;
use super::sender::{EmailAddress, Sender};

code_enum! {
    /// What a key identifies.
    OffenderKind {
        /// A phone number in E.164 (`+447400123456`) or a short code (`87121`).
        Number => "number",
        /// An SMS sender ID, normalised (`greendeal`).
        SenderId => "sender_id",
        /// An email sender address, lower case.
        EmailSender => "email_sender",
        /// An email sender's domain, unless a free webmail provider.
        EmailDomain => "email_domain",
        /// A company or brand name, normalised (`greendealenergy`).
        Company => "company",
    }
}

/// One thing an incident counts against in the repeat-offender ranking.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OffenderKey {
    pub kind: OffenderKind,
    pub key: String,
}

impl OffenderKey {
    fn number(number: &PhoneNumber) -> OffenderKey {
        OffenderKey {
            kind: OffenderKind::Number,
            key: number.canonical().to_owned(),
        }
    }
}

/// Every key `incident` contributes, each once, in this order: who contacted (the number, the
/// sender ID, or the email address and its domain), the email evidence's `From` and `Reply-To`
/// (and their domains), the advertised number, the numbers quoted in the text, then the company.
///
/// Never a key: a withheld sender, the person's own number (texts often quote it: "Your
/// account statement for 07742676969"), a webmail domain (gmail.com says nothing about who
/// sent it), the `Return-Path` (usually the bulk mailer's bounce address, shared by innocent
/// senders), an empty normalised name.
pub fn offender_keys(incident: &Incident) -> Vec<OffenderKey> {
    let mut keys: Vec<OffenderKey> = Vec::new();
    let own = incident.own_number();
    let push_number = |keys: &mut Vec<OffenderKey>, number: &PhoneNumber| {
        if own != Some(number) {
            keys.push(OffenderKey::number(number));
        }
    };
    match &incident.sender {
        Sender::Number(number) => push_number(&mut keys, number),
        Sender::SenderId(id) => {
            let key = id.key();
            if !key.is_empty() {
                keys.push(OffenderKey {
                    kind: OffenderKind::SenderId,
                    key,
                });
            }
        }
        Sender::Email(address) => push_email(&mut keys, address),
        Sender::Withheld => {}
    }
    if let Some(EmailEvidence { from, reply_to, .. }) = &incident.email {
        push_email(&mut keys, from);
        if let Some(reply_to) = reply_to {
            push_email(&mut keys, reply_to);
        }
    }
    if let Some(number) = &incident.advertised_number {
        push_number(&mut keys, number);
    }
    for number in &incident.quoted_numbers {
        push_number(&mut keys, number);
    }
    if let Some(company) = &incident.company {
        keys.push(OffenderKey {
            kind: OffenderKind::Company,
            key: company.key().to_owned(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    keys.retain(|key| seen.insert(key.clone()));
    keys
}

fn push_email(keys: &mut Vec<OffenderKey>, address: &EmailAddress) {
    keys.push(OffenderKey {
        kind: OffenderKind::EmailSender,
        key: address.key(),
    });
    if !address.is_webmail() {
        keys.push(OffenderKey {
            kind: OffenderKind::EmailDomain,
            key: address.domain().to_owned(),
        });
    }
}
