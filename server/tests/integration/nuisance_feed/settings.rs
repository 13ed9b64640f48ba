//! The partner feed's documentation and settings.

use serde_json::{json, Value};
use server::config::{ApiKeys, Config};

use super::{
    by_key, page, portal, store_reports, today, FEEDS, GEOGRAPHIC_FEW, MOBILE_HELD, MOBILE_LISTED,
    ONE_REPORTER, PREMIUM,
};
use crate::support::{database_url, spawn_portal_with};

#[tokio::test]
async fn the_documented_page_has_the_fields_the_feed_sends() {
    let portal = portal().await;
    store_reports(&portal).await;
    let document: Value =
        serde_json::from_str(include_str!("../../../src/http/openapi.json")).unwrap();
    let operation = &document["paths"]["/api/v1/nuisance-numbers"]["get"];
    let documented = &operation["responses"]["200"]["content"]["application/json"]["example"];
    let schemas = &document["components"]["schemas"];
    let keys = |value: &Value| {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    let required = |schema: &str| {
        let mut keys: Vec<String> = schemas[schema]["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap().to_owned())
            .collect();
        keys.sort();
        keys
    };
    let body = page(&portal, "?limit=2").await;
    assert_eq!(keys(&body), keys(documented));
    assert_eq!(keys(&body), required("NuisanceFeedPage"));
    let offender = &body["offenders"][0];
    assert_eq!(keys(offender), keys(&documented["offenders"][0]));
    assert_eq!(keys(offender), required("NuisanceFeedOffender"));
    let classes = schemas["NuisanceFeedOffender"]["properties"]["class"]["enum"].clone();
    let mut spoken: Vec<&str> = app::domain::nuisance::NumberKind::codes().to_vec();
    spoken.extend(["sender_name", "email_domain"]);
    assert_eq!(classes, json!(spoken));
    for listed in body["offenders"].as_array().unwrap() {
        assert!(
            classes.as_array().unwrap().contains(&listed["class"]),
            "{listed}"
        );
    }
}

#[tokio::test]
async fn the_thresholds_are_settings() {
    let keys = format!("blocker:feeds:{FEEDS}");
    let portal = spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(today()),
        api_keys: ApiKeys::parse(&keys).unwrap(),
        nuisance_settings: app::domain::nuisance::NuisanceSettings {
            feed_min_reports: 1,
            feed_personal_min_reports: 5,
            feed_short_window_days: 1,
            feed_long_window_days: 10,
            ..Default::default()
        },
        ..Config::default()
    })
    .await;
    store_reports(&portal).await;
    let body = page(&portal, "").await;
    assert_eq!(
        (&body["short_window_days"], &body["long_window_days"]),
        (&json!(1), &json!(10))
    );
    let listed = by_key(&body);
    for key in [GEOGRAPHIC_FEW, ONE_REPORTER, MOBILE_HELD, MOBILE_LISTED] {
        assert!(listed.contains_key(key), "{key} is not listed");
    }
    // Today's two texts; 5 March as well in the 10 days (from 1 March).
    assert_eq!(listed[PREMIUM]["reports_short_window"], 2);
    assert_eq!(listed[PREMIUM]["reports_long_window"], 3);
    assert_eq!(listed.len(), 14, "{body}");
}
