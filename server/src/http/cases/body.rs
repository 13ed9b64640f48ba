//! The submission part of a `POST /api/v1/cases` body (`customer`, `acting_for`,
//! `organisation.id`, `summary`, `timeline`, `harm`, `late_reason`), decoded field by field into
//! [`CaseDetails`] with every problem reported on its API field path. Text is cleaned the way
//! the web journey cleans it; the rules themselves are [`validate_details`]'s.
//!
//! [`validate_details`]: app::domain::submission::validate_details

use app::domain::case::Sector;
use app::domain::json_fields::FieldReader;
use app::domain::organisations::OrganisationDirectory;
use app::domain::readiness::FieldErrors;
use app::domain::submission::{
    clean_line, clean_text, ActingFor, CaseDetails, ContactBy, Customer, OrganisationAnswer,
    Relationship, TimelineEvent,
};
use serde_json::Value;

const BAD_LIST: &str = "Send this as a JSON list";

/// A search score at or above which a name is the directory record's own name or alias (exact,
/// or exact but for words like "council" and "Ltd").
const SAME_NAME_SCORE: u32 = 900;

/// One line of text, cleaned as on the web; `None` when absent or blank.
fn line(reader: &mut FieldReader<'_, '_>, field: &str) -> Option<String> {
    reader
        .text(field)
        .map(clean_line)
        .filter(|text| !text.is_empty())
}

/// Several lines of text, cleaned as on the web; `None` when absent or blank.
fn paragraphs(reader: &mut FieldReader<'_, '_>, field: &str) -> Option<String> {
    reader
        .text(field)
        .map(clean_text)
        .filter(|text| !text.is_empty())
}

/// The submission in `body` (a JSON object), with problems of shape in `errors`.
pub(super) fn details_from(
    body: &Value,
    organisations: &OrganisationDirectory,
    errors: &mut FieldErrors,
) -> CaseDetails {
    let mut top = FieldReader::object(Some(body), "", errors);
    let summary = paragraphs(&mut top, "summary").unwrap_or_default();
    let harm = paragraphs(&mut top, "harm").unwrap_or_default();
    let late_reason = paragraphs(&mut top, "late_reason");
    let wanted = paragraphs(&mut top, "wanted");
    CaseDetails {
        customer: customer(body.get("customer"), errors),
        acting_for: acting_for(body.get("acting_for"), errors),
        organisation: organisation(body.get("organisation"), organisations, errors),
        summary,
        timeline: timeline(body.get("timeline"), errors),
        harm,
        late_reason,
        wanted,
        evidence: Vec::new(),
        information_request: None,
    }
}

fn customer(value: Option<&Value>, errors: &mut FieldErrors) -> Customer {
    let mut reader = FieldReader::object(value, "customer", errors);
    Customer {
        name: line(&mut reader, "name").unwrap_or_default(),
        email: reader.text("email").unwrap_or_default().trim().to_owned(),
        phone: line(&mut reader, "phone"),
        address: paragraphs(&mut reader, "address"),
        // Email unless the caller says otherwise: every customer gives an email address.
        contact_by: reader
            .code("contact_by", ContactBy::from_code, ContactBy::codes())
            .or(Some(ContactBy::Email)),
        adjustments: paragraphs(&mut reader, "adjustments"),
        reply_in_welsh: reader.bool("reply_in_welsh").unwrap_or(false),
    }
}

fn acting_for(value: Option<&Value>, errors: &mut FieldErrors) -> Option<ActingFor> {
    let mut reader = FieldReader::object(value, "acting_for", errors);
    reader.fields?;
    Some(ActingFor {
        name: line(&mut reader, "name").unwrap_or_default(),
        // As on the web, a relationship not given is "other".
        relationship: reader
            .code(
                "relationship",
                Relationship::from_code,
                Relationship::codes(),
            )
            .unwrap_or(Relationship::Other),
    })
}

fn timeline(value: Option<&Value>, errors: &mut FieldErrors) -> Vec<TimelineEvent> {
    let items = match value {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.add("timeline", BAD_LIST);
            return Vec::new();
        }
    };
    let mut events = Vec::with_capacity(items.len());
    let mut broken = false;
    for (i, item) in items.iter().enumerate() {
        let path = format!("timeline[{i}]");
        let mut reader = FieldReader::object(Some(item), &path, errors);
        if reader.fields.is_none() {
            broken = true;
            continue;
        }
        let what = paragraphs(&mut reader, "what").unwrap_or_default();
        match reader.date("on") {
            Some(on) => events.push(TimelineEvent { on, what }),
            None => {
                if reader.get("on").is_none() {
                    reader.fail("on", "Enter the date it happened");
                }
                broken = true;
            }
        }
    }
    // With an event left out, the rules' `timeline[i]` paths would point at the wrong event:
    // the shape errors are reported first.
    if broken {
        events.clear();
    }
    events
}

/// The organisation: the directory record named by `id` (or by its exact name or alias) gives
/// the sector; failing that, the caller's `sector` answer does (policy §3). The readiness
/// decoding has already checked `name` and `sector` are text.
fn organisation(
    value: Option<&Value>,
    organisations: &OrganisationDirectory,
    errors: &mut FieldErrors,
) -> OrganisationAnswer {
    let mut reader = FieldReader::object(value, "organisation", errors);
    let id = line(&mut reader, "id");
    let given_name = line(&mut reader, "name").unwrap_or_default();
    let answer = reader.text("sector").and_then(Sector::from_code);
    let record = id
        .as_deref()
        .and_then(|id| organisations.get(id))
        .or_else(|| {
            organisations
                .search(&given_name, 1)
                .into_iter()
                .find(|found| found.score >= SAME_NAME_SCORE)
                .map(|found| found.organisation)
        });
    match record {
        Some(record) => OrganisationAnswer {
            id: Some(record.id.clone()),
            name: if given_name.is_empty() {
                record.name.clone()
            } else {
                given_name
            },
            sector: Sector::from_code(&record.sector).or(answer),
        },
        None => OrganisationAnswer {
            id: None,
            name: given_name,
            sector: answer,
        },
    }
}
