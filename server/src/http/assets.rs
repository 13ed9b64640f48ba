//! The site's built files (`/pkg`: the stylesheet, the island script and its wasm).
//!
//! cargo-leptos names each file by its content (`portal.<hash>.wasm`, `hash-files = true`) and
//! writes the names to `hash.txt` beside the server binary, which the shell reads once
//! (`app::assets`). A named file never changes, so a browser may keep it for a year without
//! asking again; anything else under `/pkg` (a 404 for a file not deployed yet, unhashed names in a
//! build without hashes) must not be kept.

use std::path::PathBuf;

use axum::http::{header, HeaderValue, Response};
use axum::Router;
use leptos::config::LeptosOptions;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";

/// The `hash.txt` cargo-leptos wrote beside this binary, if it did.
fn hash_file(options: &LeptosOptions) -> Option<PathBuf> {
    app::assets::hash_file_path(options).filter(|path| path.exists())
}

/// Turns hashed names on when the build made them (so no deployment can forget
/// `LEPTOS_HASH_FILES`, and pages never name files that are not there).
pub fn with_hashed_names(mut options: LeptosOptions) -> LeptosOptions {
    if !options.hash_files && hash_file(&options).is_some() {
        options.hash_files = true;
    }
    options
}

/// The stylesheet's address, in the request's extensions for documents the middleware makes.
pub struct Stylesheet(pub String);

/// The stylesheet's address, as the shell writes it (for documents made outside the shell: the
/// 403 page).
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    app::assets::Assets::current(options).css.clone()
}

/// `/pkg/…`: the built files, precompressed copies when the build made them (`--precompress`).
pub fn routes<S: Clone + Send + Sync + 'static>(options: &LeptosOptions) -> Router<S> {
    let dir = PathBuf::from(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let hashed = options.hash_files;
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    Router::new()
        .nest_service(&format!("/{}", options.site_pkg_dir), files)
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            move |response: &Response<_>| {
                let keep = hashed && response.status().is_success();
                Some(HeaderValue::from_static(if keep {
                    IMMUTABLE
                } else {
                    NO_CACHE
                }))
            },
        ))
}
