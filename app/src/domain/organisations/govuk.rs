//! Organisations from the GOV.UK government-organisation register (2017), with their sectors.
//!
//! Each row becomes `govuk:<slug>`, named by its name, with its abbreviation as an alias and its
//! first parent as `parent`. All are public authorities.
//!
//! # Sector rules
//!
//! Words are compared after normalisation (see `normalise.rs`); "family" means the body itself or
//! any body above it through `parent-govuks`. The first rule that matches wins:
//!
//! 1. `bbc`: the BBC and BBC-named bodies, and the other public service broadcasters (Channel 4,
//!    S4C), which share the BBC's limited FOI coverage (FOIA Schedule 1: not journalism, art or
//!    literature).
//! 2. `police`: names with "police", "policing", "constabulary", "crime agency", "crime squad",
//!    "criminal intelligence", "counter terrorism" (HM Inspectorate of Constabulary, the NCA).
//! 3. `home_office`: the Home Office family (UK Visas and Immigration, HM Passport Office, Border
//!    Force, DBS, MI5…) and its predecessors without a parent (Criminal Records Bureau, Identity
//!    and Passport Service…).
//! 4. `ministry_of_justice`: the Ministry of Justice family (HMCTS and its courts and tribunals,
//!    the prison and probation services, Legal Aid Agency, Office of the Public Guardian…), every
//!    court, and its predecessors (Department for Constitutional Affairs, Lord Chancellor's
//!    Department, HM Courts Service…).
//! 5. `criminal_justice`: other bodies named for prosecution, prisons, probation, parole,
//!    forensics, courts, tribunals, the judiciary, justice, law commissions or legal services
//!    (Crown Prosecution Service, Serious Fraud Office, Northern Ireland Prison Service, the
//!    Supreme Court).
//! 6. `central_government`: ministerial departments, executive offices, devolved
//!    administrations, the Civil Service and sub-organisations, bodies named "Department …", and
//!    the Ministry of Defence and Civil Service families (except the service museums).
//! 7. `regulator`: names with "regulator", "regulation", "regulatory", "ombudsman",
//!    "inspectorate", "adjudicator", "commissioner", Ofcom, Ofgem, Ofwat, Ofsted, Ofqual, Oftel,
//!    Estyn, and a named list of regulators whose names do not say so (Financial Conduct
//!    Authority, Civil Aviation Authority, Health and Safety Executive, Care Quality Commission,
//!    Charity Commission, Gambling Commission, Electoral Commission, Competition and Markets
//!    Authority, Food Standards Agency, Human Tissue Authority…); never the few named bodies that
//!    plainly are not regulators (`NOT_REGULATORS`: Planning Inspectorate, UK Atomic Energy
//!    Authority, Child Maintenance and Enforcement Commission…).
//! 8. `health`: names with "NHS", "patient", "public health", "health protection" (NHS England,
//!    Public Health England, National Patient Safety Agency), even for executive agencies.
//! 9. `central_government`: the remaining non-ministerial departments and executive agencies
//!    (HMRC, DVLA, Companies House, Land Registry, Animal and Plant Health Agency…).
//! 10. `health`, `transport`, `education`, `leisure`, `environment` (in that order): the
//!     remaining bodies (NDPBs, public corporations, "other") by words in their names (health,
//!     hospital, medical, clinical, dental, nursing, blood…; transport, rail, road, highways,
//!     aviation, accident investigation…; school, education, university, student, skills…;
//!     sport, museum, gallery, arts, heritage, library, lottery…; environment, natural,
//!     forestry, national park, marine, fisheries, agriculture…).
//! 11. `regulator`: the remaining non-advisory bodies called an "Authority" or a "Commission",
//!     except those in `NOT_REGULATORS`.
//! 12. The theme of the department above them: Department of Health → `health`, Department for
//!     Transport → `transport`, Department for Education → `education`, Defra → `environment`,
//!     DCMS → `leisure` (museums, arts bodies).
//! 13. Otherwise `central_government` (including the Bank of England: a public authority whose
//!     FOI complaints need the central government queue, which `finance` lacks).
//!
//! # Nation
//!
//! `Scotland` (and a Scottish public authority) for the Scottish Government, bodies whose only
//! parent is it, and bodies named for Scotland other than the UK bodies about Scotland (Scotland
//! Office, Office of the Advocate General for Scotland, Boundary Commission for Scotland, the
//! pre-devolution Scottish Office). `Wales` / `Northern Ireland` for the Welsh Government and the
//! Northern Ireland Executive and bodies whose only parent is one of them. Otherwise none.

use super::delimited::{field, Table};
use super::model::{DirectoryError, Organisation};
use super::normalise::tokens;
use std::collections::{HashMap, HashSet};

const SOURCE: &str = "GOV.UK organisations TSV";

const HOME_OFFICE: &str = "home-office";
const MINISTRY_OF_JUSTICE: &str = "ministry-of-justice";
const SCOTTISH_GOVERNMENT: &str = "the-scottish-government";

const PUBLIC_SERVICE_BROADCASTERS: [&str; 3] = ["BBC", "Channel 4", "S4C"];

const POLICE_WORDS: [&str; 3] = ["police", "policing", "constabulary"];
const POLICE_PHRASES: [&str; 4] = [
    "crime agency",
    "crime squad",
    "criminal intelligence",
    "counter terrorism",
];

const HOME_OFFICE_PREDECESSORS: [&str; 5] = [
    "Criminal Records Bureau",
    "Identity and Passport Service",
    "UK Passport Service",
    "Independent Safeguarding Authority",
    "Assets Recovery Agency",
];

const MOJ_PREDECESSORS: [&str; 8] = [
    "Department for Constitutional Affairs",
    "Department of Constitutional Affairs",
    "Lord Chancellor's Department",
    "HM Courts Service",
    "Her Majesty's Prison and Probation Service",
    "Legal Aid Board",
    "Office of the Legal Services Ombudsman",
    "Office of the Legal Services Complaints Commissioner",
];

const JUSTICE_WORDS: [&str; 17] = [
    "prosecution",
    "prosecutions",
    "prosecuting",
    "prosecutor",
    "prison",
    "prisons",
    "probation",
    "parole",
    "forensic",
    "court",
    "courts",
    "tribunal",
    "tribunals",
    "judicial",
    "judicature",
    "justice",
    "criminal",
];
const JUSTICE_PHRASES: [&str; 4] = [
    "serious fraud office",
    "sentence review",
    "law commission",
    "legal services",
];

const DEPARTMENT_KINDS: [&str; 5] = [
    "Ministerial department",
    "Executive office",
    "Devolved administration",
    "Civil Service",
    "Sub-organisation",
];
const CENTRAL_FAMILIES: [&str; 2] = ["ministry-of-defence", "civil-service"];
/// Bodies in the central families that still follow their own theme (service museums).
const NOT_CENTRAL_WORDS: [&str; 2] = ["museum", "museums"];
const AGENCY_KINDS: [&str; 2] = ["Non-ministerial department", "Executive agency"];
const ADVISORY_KINDS: [&str; 2] = [
    "Advisory non-departmental public body",
    "Ad-hoc advisory group",
];

const REGULATOR_WORDS: [&str; 16] = [
    "regulator",
    "regulation",
    "regulatory",
    "ombudsman",
    "inspectorate",
    "adjudicator",
    "adjudicators",
    "commissioner",
    "commissioners",
    "ofcom",
    "ofgem",
    "ofwat",
    "ofsted",
    "ofqual",
    "oftel",
    "estyn",
];
const REGULATORS: [&str; 35] = [
    "Financial Conduct Authority",
    "Civil Aviation Authority",
    "Health and Safety Executive",
    "Care Quality Commission",
    "The Charity Commission",
    "Gambling Commission",
    "The Electoral Commission",
    "Competition and Markets Authority",
    "Competition Commission",
    "Office of Fair Trading",
    "Monopolies and Mergers Commission",
    "Food Standards Agency",
    "Human Fertilisation and Embryology Authority",
    "Human Tissue Authority",
    "Monitor",
    "Architects Registration Board",
    "Legal Services Board",
    "Certification Officer",
    "Sports Grounds Safety Authority",
    "Football Licensing Authority",
    "Gaming Board for Great Britain",
    "Hearing Aid Council",
    "General Social Care Council",
    "Northern Ireland Social Care Council",
    "Professional Standards Authority for Health and Social Care",
    "Oil and Gas Authority",
    "UK Statistics Authority",
    "Office of Rail and Road",
    "Equality and Human Rights Commission",
    "Audit Commission",
    "Standards Board for England",
    "Office for Tenants and Social Landlords",
    "Tenant Services Authority",
    "Office of the Data Protection Registrar",
    "Office of Telecommunications",
];
const NOT_REGULATORS: [&str; 13] = [
    "UK Atomic Energy Authority",
    "Personal Accounts Delivery Authority",
    "Covent Garden Market Authority",
    "Millennium Commission",
    "Child Maintenance and Enforcement Commission",
    "Commonwealth Scholarship Commission in the UK",
    "Marshall Aid Commemoration Commission",
    "Foreign Compensation Commission",
    "National Infrastructure Commission",
    "Fire Authority for Northern Ireland",
    "Commission for the Compact",
    "The McKay Commission",
    "Planning Inspectorate",
];
const GENERIC_REGULATOR_WORDS: [&str; 2] = ["authority", "commission"];

/// Health words strong enough to outrank "executive agencies are central government".
const NHS_WORDS: [&str; 3] = ["nhs", "patient", "patients"];
const NHS_PHRASES: [&str; 2] = ["public health", "health protection"];
const HEALTH_WORDS: [&str; 18] = [
    "nhs",
    "health",
    "healthcare",
    "hospital",
    "hospitals",
    "medical",
    "medicines",
    "clinical",
    "patient",
    "patients",
    "dental",
    "dentists",
    "doctors",
    "nursing",
    "blood",
    "transplant",
    "pharmacopoeia",
    "prescription",
];
const TRANSPORT_WORDS: [&str; 20] = [
    "transport",
    "rail",
    "railway",
    "railways",
    "road",
    "roads",
    "highways",
    "aviation",
    "airport",
    "airports",
    "maritime",
    "coastguard",
    "shipping",
    "ports",
    "lighthouse",
    "driving",
    "driver",
    "vehicle",
    "traffic",
    "passenger",
];
const TRANSPORT_PHRASES: [&str; 2] = ["high speed", "accident investigation"];
const EDUCATION_WORDS: [&str; 17] = [
    "education",
    "educational",
    "school",
    "schools",
    "teaching",
    "teachers",
    "teacher",
    "university",
    "universities",
    "college",
    "colleges",
    "learning",
    "skills",
    "curriculum",
    "student",
    "students",
    "apprenticeships",
];
const ENVIRONMENT_WORDS: [&str; 30] = [
    "environment",
    "environmental",
    "natural",
    "nature",
    "countryside",
    "forestry",
    "forest",
    "broads",
    "rivers",
    "water",
    "waterways",
    "marine",
    "fisheries",
    "fish",
    "waste",
    "pollution",
    "climate",
    "conservation",
    "conservancy",
    "botanic",
    "agriculture",
    "agricultural",
    "rural",
    "pesticides",
    "veterinary",
    "livestock",
    "cereals",
    "horticultural",
    "decommissioning",
    "kew",
];
const ENVIRONMENT_PHRASES: [&str; 1] = ["national park"];
const LEISURE_WORDS: [&str; 23] = [
    "sport",
    "sports",
    "museum",
    "museums",
    "gallery",
    "galleries",
    "arts",
    "heritage",
    "library",
    "libraries",
    "lottery",
    "tourist",
    "tourism",
    "visitbritain",
    "visitengland",
    "film",
    "theatres",
    "olympic",
    "doping",
    "horserace",
    "creative",
    "screen",
    "monuments",
];

/// Departments whose bodies share their theme when nothing else decides (rule 12).
const DEPARTMENT_THEMES: [(&str, &str); 5] = [
    ("department-of-health", "health"),
    ("department-for-transport", "transport"),
    ("department-for-education", "education"),
    (
        "department-for-environment-food-rural-affairs",
        "environment",
    ),
    ("department-for-culture-media-sport", "leisure"),
];

const UK_BODIES_ABOUT_SCOTLAND: [&str; 4] = [
    "Scotland Office",
    "Office of the Advocate General for Scotland",
    "Boundary Commission for Scotland",
    "Scottish Office",
];
const DEVOLVED: [(&str, &str); 3] = [
    (SCOTTISH_GOVERNMENT, "Scotland"),
    ("welsh-government", "Wales"),
    ("northern-ireland-executive", "Northern Ireland"),
];

struct Row {
    slug: String,
    name: String,
    abbreviation: String,
    kind: String,
    parents: Vec<String>,
}

/// The normalised words of a name, and the same joined with single spaces.
struct Words {
    tokens: Vec<String>,
    joined: String,
}

impl Words {
    fn of(name: &str) -> Words {
        let tokens = tokens(name);
        let joined = tokens.join(" ");
        Words { tokens, joined }
    }

    fn any(&self, words: &[&str]) -> bool {
        self.tokens.iter().any(|t| words.contains(&t.as_str()))
    }

    fn phrase(&self, phrases: &[&str]) -> bool {
        let padded = format!(" {} ", self.joined);
        phrases.iter().any(|p| padded.contains(&format!(" {p} ")))
    }
}

/// Name lists, normalised once per load.
struct Lists {
    broadcasters: HashSet<String>,
    home_office: HashSet<String>,
    moj: HashSet<String>,
    regulators: HashSet<String>,
    not_regulators: HashSet<String>,
    about_scotland: HashSet<String>,
}

fn normalised_set(names: &[&str]) -> HashSet<String> {
    names.iter().map(|n| Words::of(n).joined).collect()
}

impl Lists {
    fn new() -> Lists {
        Lists {
            broadcasters: normalised_set(&PUBLIC_SERVICE_BROADCASTERS),
            home_office: normalised_set(&HOME_OFFICE_PREDECESSORS),
            moj: normalised_set(&MOJ_PREDECESSORS),
            regulators: normalised_set(&REGULATORS),
            not_regulators: normalised_set(&NOT_REGULATORS),
            about_scotland: normalised_set(&UK_BODIES_ABOUT_SCOTLAND),
        }
    }
}

/// Reads the register; see the module documentation for the rules.
pub(crate) fn load(tsv: &str) -> Result<Vec<Organisation>, DirectoryError> {
    let table = Table::tsv(SOURCE, tsv);
    let slug = table.column("govuk")?;
    let name = table.column("name")?;
    let abbreviation = table.column("abbreviation")?;
    let kind = table.column("government-organisation-type")?;
    let parents = table.column("parent-govuks")?;
    let mut rows = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        if field(row, slug).is_empty() || field(row, name).is_empty() {
            return Err(DirectoryError::Malformed {
                source: SOURCE,
                line: *line,
                reason: "an organisation without a GOV.UK slug or name".to_owned(),
            });
        }
        rows.push(Row {
            slug: field(row, slug).to_owned(),
            name: field(row, name).to_owned(),
            abbreviation: field(row, abbreviation).to_owned(),
            kind: field(row, kind).to_owned(),
            parents: field(row, parents)
                .split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
        });
    }

    let by_slug: HashMap<&str, &Row> = rows.iter().map(|r| (r.slug.as_str(), r)).collect();
    let lists = Lists::new();
    let mut organisations = Vec::with_capacity(rows.len());
    for row in &rows {
        let family = family(row, &by_slug);
        let words = Words::of(&row.name);
        let nation = nation(row, &words, &lists);
        let mut organisation = Organisation {
            id: format!("govuk:{}", row.slug),
            name: row.name.clone(),
            aliases: Vec::new(),
            sector: sector(row, &words, &family, &lists).to_owned(),
            scottish_public_authority: nation == Some("Scotland"),
            nation: nation.map(str::to_owned),
            parent: row.parents.first().map(|p| format!("govuk:{p}")),
            public_authority: true,
        };
        if !row.abbreviation.is_empty() {
            super::add_alias(&mut organisation, &row.abbreviation);
        }
        organisations.push(organisation);
    }
    Ok(organisations)
}

/// The slugs of `row` and of every body above it.
fn family<'a>(row: &'a Row, by_slug: &HashMap<&str, &'a Row>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = vec![row.slug.as_str()];
    let mut next = 0;
    while next < seen.len() {
        if let Some(current) = by_slug.get(seen[next]) {
            for parent in &current.parents {
                if !seen.contains(&parent.as_str()) {
                    seen.push(parent.as_str());
                }
            }
        }
        next += 1;
    }
    seen
}

/// The sector of a GOV.UK organisation (rules 1 to 13 of the module documentation).
fn sector(row: &Row, words: &Words, family: &[&str], lists: &Lists) -> &'static str {
    let kind = row.kind.as_str();
    let in_family = |slug: &str| family.contains(&slug);
    if words.tokens.first().is_some_and(|t| t == "bbc")
        || lists.broadcasters.contains(&words.joined)
    {
        return "bbc";
    }
    if words.any(&POLICE_WORDS) || words.phrase(&POLICE_PHRASES) {
        return "police";
    }
    if in_family(HOME_OFFICE) || lists.home_office.contains(&words.joined) {
        return "home_office";
    }
    if in_family(MINISTRY_OF_JUSTICE) || kind == "Court" || lists.moj.contains(&words.joined) {
        return "ministry_of_justice";
    }
    if words.any(&JUSTICE_WORDS) || words.phrase(&JUSTICE_PHRASES) {
        return "criminal_justice";
    }
    if DEPARTMENT_KINDS.contains(&kind)
        || words.tokens.first().is_some_and(|t| t == "department")
        || (CENTRAL_FAMILIES.iter().any(|slug| in_family(slug)) && !words.any(&NOT_CENTRAL_WORDS))
    {
        return "central_government";
    }
    let not_regulator = lists.not_regulators.contains(&words.joined);
    if (words.any(&REGULATOR_WORDS) || lists.regulators.contains(&words.joined)) && !not_regulator {
        return "regulator";
    }
    if words.any(&NHS_WORDS) || words.phrase(&NHS_PHRASES) {
        return "health";
    }
    if AGENCY_KINDS.contains(&kind) {
        return "central_government";
    }
    if words.any(&HEALTH_WORDS) {
        return "health";
    }
    if words.any(&TRANSPORT_WORDS) || words.phrase(&TRANSPORT_PHRASES) {
        return "transport";
    }
    if words.any(&EDUCATION_WORDS) {
        return "education";
    }
    if words.any(&LEISURE_WORDS) {
        return "leisure";
    }
    if words.any(&ENVIRONMENT_WORDS) || words.phrase(&ENVIRONMENT_PHRASES) {
        return "environment";
    }
    if words.any(&GENERIC_REGULATOR_WORDS) && !ADVISORY_KINDS.contains(&kind) && !not_regulator {
        return "regulator";
    }
    // The body's own slug is first in `family`; only bodies above it pass on a theme.
    for slug in family.iter().skip(1) {
        if let Some((_, theme)) = DEPARTMENT_THEMES.iter().find(|(d, _)| d == slug) {
            return theme;
        }
    }
    "central_government"
}

/// Where the body works when the register lets us tell (see the module documentation).
fn nation(row: &Row, words: &Words, lists: &Lists) -> Option<&'static str> {
    if let Some((_, nation)) = DEVOLVED.iter().find(|(slug, _)| *slug == row.slug) {
        return Some(nation);
    }
    if let Some(first) = row.parents.first() {
        if row.parents.iter().all(|p| p == first) {
            if let Some((_, nation)) = DEVOLVED.iter().find(|(slug, _)| slug == first) {
                return Some(nation);
            }
        }
    }
    if words.any(&["scotland", "scottish"]) && !lists.about_scotland.contains(&words.joined) {
        return Some("Scotland");
    }
    None
}
