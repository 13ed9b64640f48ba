//! `/staff/helpline`: find the case while the caller waits, by reference (a mistyped one caught
//! by its check character, with the cases probably meant), name, email, phone or organisation.

use leptos::prelude::*;

use super::views::ConsoleView;
use crate::server_fns::staff::StaffError;

/// The most results shown.
#[cfg(feature = "ssr")]
const LIMIT: i64 = 25;

/// Runs the search typed in `q` (as `kind`, else guessed) for the console.
#[server(prefix = "/staff/api/helpline", endpoint = "search")]
pub async fn load_console(
    q: Option<String>,
    kind: Option<String>,
) -> Result<ConsoleView, StaffError> {
    use super::{services, store};
    use crate::domain::case::{read_reference, reference_error_key};
    use crate::domain::helpline::{classify, SearchKind, SearchQuery, MAX_QUERY_CHARS};
    use crate::server_fns::staff::require_access;

    let current = require_access(super::AREA)?;
    let me = current.member;
    let typed = q.unwrap_or_default();
    let asked = kind.as_deref().and_then(SearchKind::from_code);
    let mut view = ConsoleView {
        me: me.clone(),
        typed: typed.clone(),
        asked: asked.map(|k| k.code().to_owned()).unwrap_or_default(),
        kind: None,
        hits: Vec::new(),
        error: None,
        suggestions: Vec::new(),
    };
    if typed.chars().count() > MAX_QUERY_CHARS {
        view.error = Some("helpline.search.error.too_long".to_owned());
        return Ok(view);
    }
    let Some(query) = classify(&typed, asked) else {
        if q_was_given(&typed, &kind) {
            view.error = Some("helpline.search.error.empty".to_owned());
        }
        return Ok(view);
    };
    view.kind = Some(query.kind);
    let services = services()?;
    let query = if query.kind == SearchKind::Reference {
        match read_reference(&query.text) {
            Ok(reference) => SearchQuery {
                kind: SearchKind::Reference,
                text: reference.as_str().to_owned(),
            },
            Err((error, likely)) => {
                let likely: Vec<String> = likely.iter().map(|r| r.as_str().to_owned()).collect();
                view.suggestions = services
                    .helpline
                    .existing(&likely, &me)
                    .await
                    .map_err(store)?;
                view.error = Some(reference_error_key(&error).to_owned());
                return Ok(view);
            }
        }
    } else {
        query
    };
    view.hits = services
        .helpline
        .search(&query, &me, LIMIT)
        .await
        .map_err(store)?;
    if view.hits.is_empty() && query.kind == SearchKind::Reference {
        view.error = Some("helpline.search.error.unknown_reference".to_owned());
    }
    Ok(view)
}

/// Whether the search form was sent (an empty search is then a problem to show).
#[cfg(feature = "ssr")]
fn q_was_given(typed: &str, kind: &Option<String>) -> bool {
    !typed.is_empty() || kind.is_some()
}
