//! The site's built files and the script that wakes the islands (server side).
//!
//! cargo-leptos names each file by its content (`portal.<hash>.wasm`) and writes the names to
//! `hash.txt` beside the server binary. They are read once per process, not per page.
//!
//! A page whose HTML holds no island fetches no script and no wasm at all: the inline loader
//! looks for `<leptos-island>` first. Only then, when the browser is idle, it imports the
//! wasm-bindgen module, starts the wasm, calls its `hydrate` and hydrates each island with the
//! function the island's `data-component` names (what Leptos's own island script does, minus
//! preloading the code on every page).

use std::sync::OnceLock;

use leptos::prelude::*;

/// The addresses of the stylesheet, the wasm-bindgen module and the wasm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assets {
    pub css: String,
    pub js: String,
    pub wasm: String,
}

/// Where cargo-leptos writes the names (`hash.txt`): beside this binary.
pub fn hash_file_path(options: &LeptosOptions) -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(options.hash_file.as_ref()))
}

impl Assets {
    /// The names for these options: hashed when the build wrote `hash.txt` beside this binary
    /// (or `LEPTOS_HASH_FILES` says so), else `portal.css`, `portal.js`, `portal.wasm`.
    pub fn for_options(options: &LeptosOptions) -> Assets {
        let hashes = hash_file_path(options)
            .and_then(|path| std::fs::read_to_string(path).ok())
            .filter(|_| options.hash_files)
            .unwrap_or_default();
        Assets::named(options, &hashes)
    }

    /// The names given the contents of a `hash.txt` (`css: <hash>` lines; empty for none).
    pub fn named(options: &LeptosOptions, hashes: &str) -> Assets {
        let name = |kind: &str| {
            let hash = hashes.lines().find_map(|line| {
                let (file, hash) = line.trim().split_once(':')?;
                (file.trim() == kind).then(|| hash.trim().to_owned())
            });
            let output = &options.output_name;
            let pkg = &options.site_pkg_dir;
            match hash {
                Some(hash) => format!("/{pkg}/{output}.{hash}.{kind}"),
                None => format!("/{pkg}/{output}.{kind}"),
            }
        };
        Assets {
            css: name("css"),
            js: name("js"),
            wasm: name("wasm"),
        }
    }

    /// This process's names (read once).
    pub fn current(options: &LeptosOptions) -> &'static Assets {
        static ASSETS: OnceLock<Assets> = OnceLock::new();
        ASSETS.get_or_init(|| Assets::for_options(options))
    }
}

/// The loader, with the module's and the wasm's addresses as JSON strings.
fn loader(assets: &Assets) -> String {
    let quoted = |text: &str| serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    format!(
        "(()=>{{const islands=document.querySelectorAll('leptos-island');\
         if(!islands.length){{document.body.dataset.hydrated='true';return}}\
         const wake=()=>import({js}).then(m=>m.default({{module_or_path:{wasm}}}).then(()=>{{\
         m.hydrate();for(const el of islands){{const f=m[el.dataset.component];if(f)f(el)}}}}));\
         'requestIdleCallback'in window?requestIdleCallback(wake):setTimeout(wake)}})()",
        js = quoted(&assets.js),
        wasm = quoted(&assets.wasm),
    )
}

/// The stylesheet and the island loader, for the document's `<head>`. Renders before the page:
/// it turns hydration data off for the whole response (nothing outside an island hydrates).
#[component]
pub fn SiteAssets(options: LeptosOptions) -> impl IntoView {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let assets = Assets::current(&options);
    let nonce = leptos::nonce::use_nonce();
    view! {
        <link rel="stylesheet" id="leptos" href=assets.css.clone()/>
        <script type="module" nonce=nonce>{loader(assets)}</script>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("portal")
            .site_pkg_dir("pkg")
            .build()
    }

    #[test]
    fn hashed_names_come_from_the_hash_file() {
        let assets = Assets::named(&options(), "js: AbC\nwasm: dEf\ncss: x_y-z\n");
        assert_eq!(assets.css, "/pkg/portal.x_y-z.css");
        assert_eq!(assets.js, "/pkg/portal.AbC.js");
        assert_eq!(assets.wasm, "/pkg/portal.dEf.wasm");
    }

    #[test]
    fn without_hashes_the_names_are_plain() {
        let assets = Assets::named(&options(), "");
        assert_eq!(assets.css, "/pkg/portal.css");
        assert_eq!(assets.js, "/pkg/portal.js");
        assert_eq!(assets.wasm, "/pkg/portal.wasm");
    }

    #[test]
    fn the_loader_fetches_nothing_without_an_island() {
        let script = loader(&Assets::named(&options(), ""));
        let early_return = script.find("return").unwrap_or(usize::MAX);
        assert!(
            early_return < script.find("import(").unwrap_or(0),
            "{script}"
        );
        assert!(script.contains(r#"import("/pkg/portal.js")"#), "{script}");
        assert!(
            script.contains(r#"module_or_path:"/pkg/portal.wasm""#),
            "{script}"
        );
    }
}
