//! Tests of the organisation directory against the files the portal ships with.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::*;
use crate::domain::case::Sector;
use proptest::prelude::*;
use std::sync::OnceLock;

const COUNCILS_CSV: &str =
    include_str!("../../../data/organisations/uk_local_authorities_current.csv");
const LOOKUP_CSV: &str = include_str!("../../../data/organisations/lookup_name_to_registry.csv");
const GOVUK_TSV: &str = include_str!("../../../data/organisations/govuk-organisations-2017.tsv");
const EXTRA_JSON: &str = include_str!("../../../data/organisations/extra.json");

fn directory() -> &'static OrganisationDirectory {
    static DIRECTORY: OnceLock<OrganisationDirectory> = OnceLock::new();
    DIRECTORY.get_or_init(|| {
        OrganisationDirectory::from_sources(COUNCILS_CSV, LOOKUP_CSV, GOVUK_TSV, EXTRA_JSON)
            .expect("the shipped organisation data loads")
    })
}

/// The best match for `query`, which must exist.
fn first(query: &str) -> Match<'static> {
    directory()
        .search(query, 5)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing found for {query:?}"))
}

fn organisation(id: &str) -> &'static Organisation {
    directory()
        .get(id)
        .unwrap_or_else(|| panic!("no organisation {id}"))
}

fn sector_of(id: &str) -> &'static str {
    organisation(id).sector.as_str()
}

// Loading

#[test]
fn loading_the_shipped_files_gives_at_least_1400_organisations() {
    let directory = directory();
    println!(
        "{} organisations: {:?}",
        directory.len(),
        directory.sector_counts()
    );
    assert!(directory.len() >= 1400, "{}", directory.len());
    assert!(!directory.is_empty());
}

#[test]
fn every_organisation_has_a_unique_id_a_name_and_a_policy_sector() {
    let mut ids = HashSet::new();
    for organisation in directory().organisations() {
        assert!(ids.insert(organisation.id.as_str()), "{}", organisation.id);
        assert!(!organisation.name.is_empty());
        assert!(is_sector(&organisation.sector), "{organisation:?}");
    }
}

#[test]
fn only_current_councils_are_loaded_and_all_are_public_authorities() {
    let councils: Vec<_> = directory()
        .organisations()
        .iter()
        .filter(|o| o.id.starts_with("la:"))
        .collect();
    assert_eq!(councils.len(), 397);
    assert!(councils.iter().all(|c| c.public_authority));
    assert!(
        directory().get("la:HAG").is_none(),
        "Harrogate was abolished in 2023"
    );
    let scottish = councils
        .iter()
        .filter(|c| c.scottish_public_authority)
        .count();
    assert_eq!(scottish, 32);
}

#[test]
fn the_thirty_two_london_boroughs_and_the_city_of_london_are_london_boroughs() {
    let counts = directory().sector_counts();
    assert_eq!(counts.get("london_borough"), Some(&33));
    assert_eq!(sector_of("la:LND"), "london_borough");
    assert_eq!(sector_of("la:WSM"), "london_borough");
    assert_eq!(
        sector_of("la:GLA"),
        "local_government",
        "the GLA is not a borough"
    );
}

#[test]
fn every_govuk_organisation_is_a_public_authority() {
    let govuk: Vec<_> = directory()
        .organisations()
        .iter()
        .filter(|o| o.id.starts_with("govuk:") && o.id != "govuk:royal-mail")
        .collect();
    assert_eq!(govuk.len(), 1015);
    assert!(govuk.iter().all(|o| o.public_authority));
}

// The searches the portal relies on

#[test]
fn leeds_finds_leeds_city_council_in_local_government() {
    let found = first("leeds");
    assert_eq!(found.organisation.name, "Leeds City Council");
    assert_eq!(found.organisation.sector, "local_government");
    assert_eq!(found.score, 1000);
}

#[test]
fn camden_finds_the_london_borough_of_camden_as_a_london_borough() {
    let found = first("Camden");
    assert_eq!(found.organisation.name, "London Borough of Camden");
    assert_eq!(found.organisation.sector, "london_borough");
}

#[test]
fn glasgow_city_council_is_a_scottish_public_authority() {
    let found = first("glasgow city council");
    assert_eq!(found.organisation.name, "Glasgow City Council");
    assert!(found.organisation.scottish_public_authority);
    assert!(found.organisation.public_authority);
    assert_eq!(found.organisation.nation.as_deref(), Some("Scotland"));
}

#[test]
fn hmrc_finds_hm_revenue_and_customs_in_central_government() {
    let found = first("HMRC");
    assert_eq!(found.organisation.name, "HM Revenue & Customs");
    assert_eq!(found.organisation.sector, "central_government");
    assert_eq!(found.matched, "HMRC");
    assert_eq!(
        first("Her Majesty's Revenue and Customs").organisation.id,
        "govuk:hm-revenue-customs"
    );
}

#[test]
fn home_office_is_in_the_home_office_sector() {
    let found = first("home office");
    assert_eq!(found.organisation.id, "govuk:home-office");
    assert_eq!(found.organisation.sector, "home_office");
}

#[test]
fn experian_is_a_credit_reference_agency_and_so_are_equifax_and_transunion() {
    assert_eq!(
        first("experian").organisation.sector,
        "credit_reference_agencies"
    );
    assert_eq!(
        first("Equifax").organisation.sector,
        "credit_reference_agencies"
    );
    let callcredit = first("callcredit");
    assert_eq!(
        callcredit.organisation.name,
        "TransUnion International UK Ltd"
    );
    assert_eq!(callcredit.organisation.sector, "credit_reference_agencies");
}

#[test]
fn a_typo_in_birmingham_still_finds_birmingham_city_council() {
    let found = first("Birmingam city council");
    assert_eq!(found.organisation.name, "Birmingham City Council");
    assert!(
        found.score < 600,
        "a typo ranks below exact words: {}",
        found.score
    );
}

#[test]
fn garbage_and_empty_queries_find_nothing_without_panicking() {
    for query in [
        "",
        "   ",
        "!!!",
        "&&& the and of",
        "xqzvvw plmkjh",
        "zzzzzzzzzzzzzzzzzzzzzzzz",
    ] {
        assert!(directory().search(query, 10).is_empty(), "{query:?}");
    }
    assert!(directory().search("leeds", 0).is_empty());
}

#[test]
fn typo_matches_are_not_offered_when_a_name_matched_exactly() {
    let found = directory().search("leeds", 10);
    assert!(found.iter().all(|m| m.score > 400), "{found:?}");
    assert!(!found.iter().any(|m| m.organisation.name.contains("Seeds")));
}

#[test]
fn welsh_and_accented_names_match_with_or_without_accents() {
    assert_eq!(first("Ynys Môn").organisation.id, "la:AGY");
    assert_eq!(first("ynys mon").organisation.id, "la:AGY");
    assert_eq!(
        first("Telefónica UK").organisation.id,
        "extra:virgin-media-o2"
    );
}

#[test]
fn names_garbled_by_a_wrong_encoding_in_the_source_are_dropped() {
    for organisation in directory().organisations() {
        for alias in &organisation.aliases {
            assert!(
                !alias.contains('\u{fffd}') && !alias.contains("\u{bf}\u{bd}"),
                "{alias}"
            );
        }
    }
}

#[test]
fn the_sector_list_is_the_twenty_two_codes_of_policy_section_three() {
    let unique: HashSet<_> = Sector::all().iter().map(|sector| sector.code()).collect();
    assert_eq!(unique.len(), 22);
    assert!(is_sector("london_borough") && is_sector("credit_reference_agencies"));
    assert!(!is_sector("banks") && !is_sector(""));
}

// Tolerance

#[test]
fn council_and_city_may_be_left_out_added_or_reordered() {
    for query in [
        "Leeds Council",
        "council of leeds",
        "LEEDS CITY",
        "the leeds city council",
    ] {
        assert_eq!(first(query).organisation.id, "la:LDS", "{query:?}");
    }
    assert_eq!(first("camden council").organisation.id, "la:CMD");
}

#[test]
fn a_query_of_only_generic_words_finds_only_exact_names() {
    assert!(directory().search("council", 10).is_empty());
    assert!(directory().search("city council", 10).is_empty());
}

#[test]
fn the_start_of_a_name_finds_it_while_typing() {
    let found = first("home off");
    assert_eq!(found.organisation.id, "govuk:home-office");
    assert!((700..=800).contains(&found.score));
}

#[test]
fn all_words_in_any_order_find_a_name_and_the_last_may_be_unfinished() {
    assert_eq!(
        first("revenue customs hm").organisation.id,
        "govuk:hm-revenue-customs"
    );
    assert_eq!(
        first("driver vehicle licen").organisation.id,
        "govuk:driver-and-vehicle-licensing-agency"
    );
}

#[test]
fn abbreviations_and_common_names_are_aliases() {
    let dvla = first("DVLA");
    assert_eq!(
        dvla.organisation.name,
        "Driver and Vehicle Licensing Agency"
    );
    assert_eq!(dvla.organisation.sector, "central_government");
    assert_eq!(first("TfL").organisation.sector, "transport");
    assert_eq!(
        first("the met").organisation.id,
        "extra:metropolitan-police"
    );
    assert_eq!(
        first("National Highways").organisation.id,
        "govuk:highways-england"
    );
}

#[test]
fn a_former_council_finds_the_council_that_replaced_it() {
    let found = first("Harrogate Borough Council");
    assert_eq!(found.organisation.id, "la:NYE");
    assert_eq!(found.matched, "Harrogate Borough Council");
    // Cumbria County Council was split in two: both successors are offered.
    let cumbria: Vec<_> = directory()
        .search("Cumbria County Council", 5)
        .into_iter()
        .filter(|m| m.score == 1000)
        .map(|m| m.organisation.id.as_str())
        .collect();
    assert_eq!(cumbria, ["la:CBD", "la:WAF"]);
}

#[test]
fn results_are_ordered_by_score_then_name_and_respect_the_limit() {
    let found = directory().search("london", 20);
    assert_eq!(found.len(), 20);
    for pair in found.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            a.score > b.score || (a.score == b.score && a.organisation.name <= b.organisation.name),
            "{} {} / {} {}",
            a.score,
            a.organisation.name,
            b.score,
            b.organisation.name
        );
    }
    assert_eq!(directory().search("london", 20), found, "deterministic");
}

#[test]
fn each_organisation_appears_once_with_its_best_name() {
    let found = directory().search("camden", 50);
    let camden: Vec<_> = found
        .iter()
        .filter(|m| m.organisation.id == "la:CMD")
        .collect();
    assert_eq!(camden.len(), 1);
}

// Sectors of GOV.UK bodies

#[test]
fn home_office_and_ministry_of_justice_agencies_follow_their_parent() {
    assert_eq!(sector_of("govuk:uk-visas-and-immigration"), "home_office");
    assert_eq!(sector_of("govuk:hm-passport-office"), "home_office");
    assert_eq!(
        sector_of("govuk:disclosure-and-barring-service"),
        "home_office"
    );
    assert_eq!(
        sector_of("govuk:ministry-of-justice"),
        "ministry_of_justice"
    );
    assert_eq!(
        sector_of("govuk:hm-courts-and-tribunals-service"),
        "ministry_of_justice"
    );
    assert_eq!(sector_of("govuk:legal-aid-agency"), "ministry_of_justice");
    assert_eq!(
        first("Employment Tribunal").organisation.sector,
        "ministry_of_justice"
    );
}

#[test]
fn police_and_prosecutors_are_police_and_criminal_justice() {
    assert_eq!(
        first("Police Service of Northern Ireland")
            .organisation
            .sector,
        "police"
    );
    assert_eq!(first("National Crime Agency").organisation.sector, "police");
    assert_eq!(
        first("HM Inspectorate of Constabulary").organisation.sector,
        "police"
    );
    assert_eq!(
        first("Crown Prosecution Service").organisation.sector,
        "criminal_justice"
    );
    assert_eq!(
        first("Serious Fraud Office").organisation.sector,
        "criminal_justice"
    );
    let scotland = first("Police Scotland").organisation;
    assert_eq!(scotland.sector, "police");
    assert!(scotland.scottish_public_authority);
}

#[test]
fn regulators_are_regulators() {
    for query in [
        "Ofcom",
        "Ofgem",
        "Ofwat",
        "Ofsted",
        "Ofqual",
        "Financial Conduct Authority",
        "Information Commissioner's Office",
        "Care Quality Commission",
        "Charity Commission",
        "Gambling Commission",
        "Competition and Markets Authority",
        "The Pensions Regulator",
        "Civil Aviation Authority",
        "Financial Ombudsman Service",
    ] {
        assert_eq!(first(query).organisation.sector, "regulator", "{query}");
    }
}

#[test]
fn health_transport_education_environment_and_leisure_bodies_get_their_themes() {
    let cases = [
        ("NHS England", "health"),
        ("Public Health England", "health"),
        (
            "National Institute for Health and Care Excellence",
            "health",
        ),
        ("Network Rail", "transport"),
        ("High Speed Two", "transport"),
        ("Student Loans Company", "education"),
        ("Higher Education Funding Council for England", "education"),
        ("Environment Agency", "environment"),
        ("Natural England", "environment"),
        ("Peak District National Park Authority", "environment"),
        ("British Museum", "leisure"),
        ("Sport England", "leisure"),
        ("BBC", "bbc"),
        ("Channel 4", "bbc"),
    ];
    for (query, sector) in cases {
        assert_eq!(first(query).organisation.sector, sector, "{query}");
    }
}

#[test]
fn departments_and_executive_agencies_are_central_government() {
    for id in [
        "govuk:cabinet-office",
        "govuk:department-for-work-pensions",
        "govuk:department-for-transport",
        "govuk:companies-house",
        "govuk:land-registry",
        "govuk:ministry-of-defence",
    ] {
        assert_eq!(sector_of(id), "central_government", "{id}");
    }
}

#[test]
fn the_scottish_government_is_a_scottish_public_authority_but_the_scotland_office_is_not() {
    assert!(organisation("govuk:the-scottish-government").scottish_public_authority);
    assert!(
        first("National Records of Scotland")
            .organisation
            .scottish_public_authority
    );
    assert!(!organisation("govuk:scotland-office").scottish_public_authority);
    assert!(!organisation("govuk:hm-revenue-customs").scottish_public_authority);
}

#[test]
fn the_extra_list_corrects_royal_mail_and_adds_businesses() {
    let royal_mail = organisation("govuk:royal-mail");
    assert_eq!(royal_mail.sector, "general_business");
    assert!(!royal_mail.public_authority);
    assert_eq!(
        first("parcelforce worldwide").organisation.id,
        "govuk:royal-mail"
    );
    assert_eq!(first("Vodafone").organisation.sector, "telecoms");
    assert_eq!(first("O2").organisation.sector, "telecoms");
    assert_eq!(first("Barclays").organisation.sector, "finance");
    assert_eq!(first("Vanquis").organisation.sector, "lenders");
    assert!(!first("Experian").organisation.public_authority);
}

#[test]
fn get_finds_organisations_by_id_and_parents_are_ids() {
    assert_eq!(organisation("la:LDS").name, "Leeds City Council");
    assert_eq!(
        organisation("govuk:driver-and-vehicle-licensing-agency")
            .parent
            .as_deref(),
        Some("govuk:department-for-transport")
    );
    assert_eq!(
        organisation("la:ADU").parent.as_deref(),
        Some("la:WSX"),
        "a district's county"
    );
    assert!(directory().get("nope").is_none());
    for organisation in directory().organisations() {
        if let Some(parent) = &organisation.parent {
            assert!(
                directory().get(parent).is_some(),
                "{} → {parent}",
                organisation.id
            );
        }
    }
}

#[test]
fn organisations_round_trip_through_json() {
    let leeds = organisation("la:LDS");
    let json = serde_json::to_string(leeds).unwrap();
    let back: Organisation = serde_json::from_str(&json).unwrap();
    assert_eq!(&back, leeds);
    let found = first("leeds");
    let json = serde_json::to_value(&found).unwrap();
    assert_eq!(json["organisation"]["id"], "la:LDS");
    assert_eq!(json["matched"], "Leeds");
}

// Errors

#[test]
fn a_missing_column_is_reported_not_panicked_on() {
    let error =
        OrganisationDirectory::from_sources("code,name\nX,Y\n", LOOKUP_CSV, GOVUK_TSV, "[]")
            .unwrap_err();
    assert!(
        matches!(error, DirectoryError::MissingColumn { .. }),
        "{error}"
    );
    let error =
        OrganisationDirectory::from_sources(COUNCILS_CSV, LOOKUP_CSV, "", "[]").unwrap_err();
    assert!(error.to_string().contains("missing column"), "{error}");
}

#[test]
fn bad_extra_json_is_reported() {
    let load =
        |json: &str| OrganisationDirectory::from_sources(COUNCILS_CSV, LOOKUP_CSV, GOVUK_TSV, json);
    assert!(matches!(
        load("{").unwrap_err(),
        DirectoryError::ExtraJson(_)
    ));
    assert!(matches!(
        load(r#"[{"id":"x:1","name":"X","sector":"banks"}]"#).unwrap_err(),
        DirectoryError::UnknownSector { .. }
    ));
    assert!(matches!(
        load(r#"[{"id":"x:1","name":"X","sector":"finance","typo_field":1}]"#).unwrap_err(),
        DirectoryError::ExtraJson(_)
    ));
    assert!(matches!(
        load(r#"[{"id":"x:1","name":" ","sector":"finance"}]"#).unwrap_err(),
        DirectoryError::EmptyField { field: "name", .. }
    ));
    let twice = r#"[{"id":"x:1","name":"X","sector":"finance"},{"id":"x:1","name":"Y","sector":"finance"}]"#;
    assert_eq!(
        load(twice).unwrap_err(),
        DirectoryError::DuplicateId("x:1".into())
    );
    assert_eq!(load("[]").unwrap().len(), 397 + 1016);
}

#[test]
fn an_unclosed_quote_in_the_councils_file_is_reported() {
    let broken = format!("{COUNCILS_CSV}\"ZZZ,unclosed\n");
    let error =
        OrganisationDirectory::from_sources(&broken, LOOKUP_CSV, GOVUK_TSV, "[]").unwrap_err();
    assert!(
        matches!(error, DirectoryError::Malformed { line: 472, .. }),
        "{error}"
    );
}

// Speed

/// Not a timing assertion (machines differ): prints how long searches take over 2,000
/// organisations so a regression is visible in `cargo test -- --nocapture`.
#[test]
fn searching_two_thousand_organisations_is_cheap() {
    let padding: Vec<String> = (0..600)
        .map(|i| {
            format!(
                r#"{{"id":"test:{i}","name":"Example Trading Company Number {i} Ltd","aliases":["Example {i}"],"sector":"general_business"}}"#
            )
        })
        .collect();
    let extra = format!("[{}]", padding.join(","));
    let big =
        OrganisationDirectory::from_sources(COUNCILS_CSV, LOOKUP_CSV, GOVUK_TSV, &extra).unwrap();
    assert!(big.len() >= 2000, "{}", big.len());

    let queries = [
        "birmingham council",
        "revenue customs",
        "birmingam citty",
        "example trading",
    ];
    let rounds = 50;
    let started = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..rounds {
        for query in queries {
            found += big.search(query, 10).len();
        }
    }
    let elapsed = started.elapsed();
    let searches = rounds * queries.len();
    println!(
        "{searches} searches over {} organisations in {elapsed:?} ({:?} each)",
        big.len(),
        elapsed / searches as u32
    );
    assert!(found > 0);
}

// Properties

proptest! {
    #[test]
    fn search_never_panics_and_keeps_its_promises(query in "\\PC{0,40}", limit in 0usize..30) {
        let found = directory().search(&query, limit);
        prop_assert!(found.len() <= limit);
        for pair in found.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
        }
        for m in &found {
            prop_assert!(m.score > 0 && m.score <= 1000);
        }
    }

    #[test]
    fn search_never_panics_on_any_string_at_all(query in any::<String>()) {
        let _ = directory().search(&query, 10);
    }

    #[test]
    fn loading_never_panics_on_arbitrary_files(
        councils in "\\PC{0,200}",
        govuk in "\\PC{0,200}",
        extra in "\\PC{0,100}",
    ) {
        let _ = OrganisationDirectory::from_sources(&councils, &councils, &govuk, &extra);
    }

    #[test]
    fn a_name_always_finds_itself_first_or_tied(index in 0usize..1460) {
        let organisations = directory().organisations();
        let organisation = &organisations[index % organisations.len()];
        let found = directory().search(&organisation.name, 50);
        prop_assert!(!found.is_empty());
        prop_assert_eq!(found[0].score, 1000);
        prop_assert!(
            found.iter().any(|m| m.organisation.id == organisation.id && m.score == 1000),
            "{} not found by its own name", organisation.name
        );
    }
}

/// The FOI questions skip "is it a public authority?" for these names (issue 18), and ask it for
/// names the directory does not list as one.
#[test]
fn listed_public_authorities_are_known_by_name() {
    for name in [
        "Leeds City Council",
        "Glasgow City Council",
        "Environment Agency",
    ] {
        assert!(directory().listed_public_authority(name), "{name}");
    }
    for name in [
        "Acme Energy Ltd",
        "Riverside Water Trust",
        "Experian",
        "LCC",
    ] {
        assert!(!directory().listed_public_authority(name), "{name}");
    }
}
