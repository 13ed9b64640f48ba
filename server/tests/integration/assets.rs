//! `/pkg`: a file named by its content is kept by browsers for a year; nothing else is kept.

use leptos::config::LeptosOptions;
use server::http::assets;

/// Serves `assets::routes` over a site folder holding one built file.
async fn serve(hash_files: bool) -> (String, std::path::PathBuf) {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("site-{}", crate::support::unique()));
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("pkg/portal.abc123.wasm"), b"\0asm").unwrap();
    let options = LeptosOptions::builder()
        .output_name("portal")
        .site_root(root.to_string_lossy().into_owned())
        .site_pkg_dir("pkg")
        .hash_files(hash_files)
        .build();
    let router: axum::Router = assets::routes(&options);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, root)
}

fn cache_control(response: &reqwest::Response) -> &str {
    response
        .headers()
        .get("cache-control")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}

#[tokio::test]
async fn a_hashed_file_is_immutable_and_a_missing_one_is_not_kept() {
    let (url, root) = serve(true).await;
    let found = reqwest::get(format!("{url}/pkg/portal.abc123.wasm"))
        .await
        .unwrap();
    assert_eq!(found.status(), 200);
    assert_eq!(cache_control(&found), "public, max-age=31536000, immutable");
    assert_eq!(found.bytes().await.unwrap().as_ref(), b"\0asm");

    // A page of a newer build may name a file this server does not have yet.
    let missing = reqwest::get(format!("{url}/pkg/portal.def456.wasm"))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(cache_control(&missing), "no-cache");
    std::fs::remove_dir_all(root).unwrap();
}

#[tokio::test]
async fn without_hashed_names_nothing_is_kept() {
    let (url, root) = serve(false).await;
    let found = reqwest::get(format!("{url}/pkg/portal.abc123.wasm"))
        .await
        .unwrap();
    assert_eq!(found.status(), 200);
    assert_eq!(cache_control(&found), "no-cache");
    std::fs::remove_dir_all(root).unwrap();
}

/// The stylesheet is served as cargo-leptos writes it, which keeps an `@import` as it is: the
/// browser would then ask for a file the site does not have, and lose its rules (the staff
/// navigation lost its 44 px targets that way). Everything is in the one file.
#[test]
fn the_stylesheet_imports_nothing() {
    let css = include_str!("../../../style/main.css");
    assert!(!css.contains("@import"), "style/main.css has an @import");
}
