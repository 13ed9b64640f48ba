//! The submission part of a `POST /api/v1/cases` body (`customer`, `acting_for`,
//! `organisation.id`, `summary`, `timeline`, `harm`, `late_reason`), decoded field by field into
//! [`CaseDetails`] with every problem reported on its API field path. Text is cleaned the way
//! the web journey cleans it; the rules themselves are [`validate_details`]'s.
//!
//! [`validate_details`]: app::domain::submission::validate_details

use app::domain::case::Sector;
use app::domain::organisations::Directory as Organisations;
use app::domain::readiness::{parse_date, FieldErrors};
use app::domain::submission::{
    clean_line, clean_text, ActingFor, CaseDetails, ContactBy, Customer, OrganisationAnswer,
    Relationship, TimelineEvent,
};
use serde_json::{Map, Value};

const BAD_TEXT: &str = "Enter text";
const BAD_BOOL: &str = "Answer true or false";
const BAD_DATE: &str = "Enter a real date in the format YYYY-MM-DD";
const BAD_OBJECT: &str = "Send this as a JSON object";
const BAD_LIST: &str = "Send this as a JSON list";

/// A search score at or above which a name is the directory record's own name or alias (exact,
/// or exact but for words like "council" and "Ltd").
const SAME_NAME_SCORE: u32 = 900;

/// Reads typed fields of one JSON object, recording errors under `prefix` + field name.
struct Reader<'a, 'e> {
    fields: Option<&'a Map<String, Value>>,
    prefix: String,
    errors: &'e mut FieldErrors,
}

impl<'a, 'e> Reader<'a, 'e> {
    /// The object at `value` (absent or `null`: no fields; anything else is an error on `path`).
    fn object(value: Option<&'a Value>, path: &str, errors: &'e mut FieldErrors) -> Self {
        let fields = match value {
            None | Some(Value::Null) => None,
            Some(Value::Object(fields)) => Some(fields),
            Some(_) => {
                errors.add(path, BAD_OBJECT);
                None
            }
        };
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        Reader {
            fields,
            prefix,
            errors,
        }
    }

    fn get(&self, field: &str) -> Option<&'a Value> {
        self.fields?.get(field).filter(|value| !value.is_null())
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.add(format!("{}{field}", self.prefix), message);
    }

    fn text(&mut self, field: &str) -> Option<&'a str> {
        let value = self.get(field)?;
        let text = value.as_str();
        if text.is_none() {
            self.fail(field, BAD_TEXT);
        }
        text
    }

    /// One line of text, cleaned; `None` when absent or blank.
    fn line(&mut self, field: &str) -> Option<String> {
        self.text(field)
            .map(clean_line)
            .filter(|text| !text.is_empty())
    }

    /// Several lines of text, cleaned; `None` when absent or blank.
    fn paragraphs(&mut self, field: &str) -> Option<String> {
        self.text(field)
            .map(clean_text)
            .filter(|text| !text.is_empty())
    }

    fn bool(&mut self, field: &str) -> Option<bool> {
        let value = self.get(field)?;
        let decoded = value.as_bool();
        if decoded.is_none() {
            self.fail(field, BAD_BOOL);
        }
        decoded
    }

    fn date(&mut self, field: &str) -> Option<chrono::NaiveDate> {
        let value = self.get(field)?;
        let decoded = value.as_str().and_then(parse_date);
        if decoded.is_none() {
            self.fail(field, BAD_DATE);
        }
        decoded
    }

    fn code<T>(
        &mut self,
        field: &str,
        from_code: fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Option<T> {
        let value = self.get(field)?;
        let decoded = value.as_str().and_then(from_code);
        if decoded.is_none() {
            self.fail(field, format!("Choose one of: {}", codes.join(", ")));
        }
        decoded
    }
}

/// The submission in `body` (a JSON object), with problems of shape in `errors`.
pub(super) fn details_from(
    body: &Value,
    organisations: &Organisations,
    errors: &mut FieldErrors,
) -> CaseDetails {
    let mut top = Reader::object(Some(body), "", errors);
    let summary = top.paragraphs("summary").unwrap_or_default();
    let harm = top.paragraphs("harm").unwrap_or_default();
    let late_reason = top.paragraphs("late_reason");
    CaseDetails {
        customer: customer(body.get("customer"), errors),
        acting_for: acting_for(body.get("acting_for"), errors),
        organisation: organisation(body.get("organisation"), organisations, errors),
        summary,
        timeline: timeline(body.get("timeline"), errors),
        harm,
        late_reason,
        evidence: Vec::new(),
    }
}

fn customer(value: Option<&Value>, errors: &mut FieldErrors) -> Customer {
    let mut reader = Reader::object(value, "customer", errors);
    Customer {
        name: reader.line("name").unwrap_or_default(),
        email: reader.text("email").unwrap_or_default().trim().to_owned(),
        phone: reader.line("phone"),
        address: reader.paragraphs("address"),
        // Email unless the caller says otherwise: every customer gives an email address.
        contact_by: reader
            .code("contact_by", ContactBy::from_code, ContactBy::codes())
            .or(Some(ContactBy::Email)),
        adjustments: reader.paragraphs("adjustments"),
        reply_in_welsh: reader.bool("reply_in_welsh").unwrap_or(false),
    }
}

fn acting_for(value: Option<&Value>, errors: &mut FieldErrors) -> Option<ActingFor> {
    let mut reader = Reader::object(value, "acting_for", errors);
    reader.fields?;
    Some(ActingFor {
        name: reader.line("name").unwrap_or_default(),
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
        let mut reader = Reader::object(Some(item), &path, errors);
        if reader.fields.is_none() {
            broken = true;
            continue;
        }
        let what = reader.paragraphs("what").unwrap_or_default();
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
    organisations: &Organisations,
    errors: &mut FieldErrors,
) -> OrganisationAnswer {
    let mut reader = Reader::object(value, "organisation", errors);
    let id = reader.line("id");
    let given_name = reader.line("name").unwrap_or_default();
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
