//! `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of the JSON API
//! (`POST /api/v1/readiness` and `POST /api/v1/cases`), kept by hand in `openapi.json` next to
//! this file. Change it with the handlers.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The document, exactly as served.
pub const DOCUMENT: &str = include_str!("openapi.json");

pub async fn document() -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        DOCUMENT,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]

    use serde_json::Value;

    use super::DOCUMENT;

    fn document() -> Value {
        serde_json::from_str(DOCUMENT).expect("openapi.json is JSON")
    }

    fn enum_of(document: &Value, schema: &str) -> Vec<String> {
        document["components"]["schemas"][schema]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{schema} has an enum"))
            .iter()
            .map(|code| code.as_str().unwrap().to_owned())
            .collect()
    }

    fn codes(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|code| (*code).to_owned()).collect()
    }

    #[test]
    fn the_document_is_openapi_3_1_and_describes_both_endpoints() {
        let document = document();
        assert_eq!(document["openapi"], "3.1.0");
        assert!(document["paths"]["/api/v1/readiness"]["post"].is_object());
        assert!(document["paths"]["/api/v1/cases"]["post"].is_object());
    }

    #[test]
    fn every_reference_points_at_a_schema_that_exists() {
        fn walk(value: &Value, document: &Value) {
            match value {
                Value::Object(fields) => {
                    if let Some(Value::String(target)) = fields.get("$ref") {
                        let name = target
                            .strip_prefix("#/components/schemas/")
                            .unwrap_or_else(|| panic!("local schema reference: {target}"));
                        assert!(
                            document["components"]["schemas"][name].is_object(),
                            "{target} exists"
                        );
                    }
                    fields.values().for_each(|field| walk(field, document));
                }
                Value::Array(items) => items.iter().for_each(|item| walk(item, document)),
                _ => {}
            }
        }
        let document = document();
        walk(&document, &document);
    }

    #[test]
    fn the_code_lists_are_those_the_domain_speaks() {
        use app::domain::case::{CaseKind, Sector, SiftFlagKind};
        use app::domain::readiness::{Channel, DocumentKind, Reason, Route, Signpost, Verdict};
        use app::domain::submission::{ContactBy, OtherEvidence, Relationship};
        let document = document();
        assert_eq!(enum_of(&document, "Route"), codes(Route::codes()));
        assert_eq!(enum_of(&document, "Channel"), codes(Channel::codes()));
        assert_eq!(
            enum_of(&document, "DocumentKind"),
            codes(DocumentKind::codes())
        );
        let mut evidence = codes(DocumentKind::codes());
        evidence.extend(codes(OtherEvidence::codes()));
        assert_eq!(enum_of(&document, "EvidenceKind"), evidence);
        assert_eq!(enum_of(&document, "Sector"), codes(Sector::codes()));
        assert_eq!(
            enum_of(&document, "Relationship"),
            codes(Relationship::codes())
        );
        assert_eq!(enum_of(&document, "ContactBy"), codes(ContactBy::codes()));
        assert_eq!(enum_of(&document, "Verdict"), codes(Verdict::codes()));
        assert_eq!(enum_of(&document, "Reason"), codes(Reason::codes()));
        assert_eq!(enum_of(&document, "Signpost"), codes(Signpost::codes()));
        assert_eq!(enum_of(&document, "SiftFlag"), codes(SiftFlagKind::codes()));
        for case_type in enum_of(&document, "CaseType") {
            assert!(CaseKind::from_code(&case_type).is_some(), "{case_type}");
        }
    }

    #[test]
    fn the_security_schemes_name_the_sandbox_key_and_the_setting() {
        let document = document();
        let bearer = document["components"]["securitySchemes"]["bearerAuth"].to_string();
        assert!(bearer.contains(crate::config::SANDBOX_API_KEY));
        assert!(bearer.contains("PORTAL_API_KEYS"));
        assert!(bearer.contains("PORTAL_DEVELOPMENT"));
        assert!(bearer.contains("name:scopes:secret"));
        let cases = &document["paths"]["/api/v1/cases"]["post"];
        assert_eq!(cases["parameters"][0]["name"], "Idempotency-Key");
        assert_eq!(cases["parameters"][0]["required"], true);
        for path in ["/api/v1/cases", "/api/v1/nuisance-reports"] {
            let forbidden = &document["paths"][path]["post"]["responses"]["403"];
            assert!(forbidden.is_object(), "{path} documents its 403");
        }
        assert_eq!(
            document["components"]["securitySchemes"]["apiKeyHeader"]["name"],
            "X-Api-Key"
        );
    }
}
