//! A page drawn from data the server loads for it: the one way every such page is written.
//!
//! The page's route renders with `SsrMode::Async`, so the response waits for the load and the
//! person gets the whole page at once (nothing is hydrated: there is never a "Loading…" to see).
//! The load runs once per request, as a plain future: no resource, nothing serialised into the page.

use std::future::Future;

use leptos::prelude::*;

/// Draws `page` from what `load` gives, or `problem` from its error.
pub fn loaded<T, E, F>(
    load: F,
    page: impl FnOnce(T) -> AnyView + Send + 'static,
    problem: impl FnOnce(E) -> AnyView + Send + 'static,
) -> impl IntoView
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: Send + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match load.await {
                    Ok(data) => page(data),
                    Err(error) => problem(error),
                }
            })}
        </Suspense>
    }
}

/// A parameter of the page's route ("" without it). Pages render once, on the server: nothing
/// tracks it.
pub fn path_param(name: &str) -> String {
    leptos_router::hooks::use_params_map()
        .read_untracked()
        .get(name)
        .unwrap_or_default()
}

/// A parameter of the page's query string.
pub fn query_param(name: &str) -> Option<String> {
    leptos_router::hooks::use_query_map()
        .read_untracked()
        .get(name)
}
