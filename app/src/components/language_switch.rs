//! "English | Cymraeg" on every public page (the GOV.UK / HMRC language select): the language
//! the page is in, marked as current, and a plain link to the other one that keeps the person's
//! place (see [`crate::i18n::switch_href`]). Each language's name, and the hidden words saying
//! what the link does, are written in that language, whatever the page's.

use leptos::prelude::*;

use crate::i18n::{current_lang, switch_href, t, t_in, Lang};

#[cfg(feature = "ssr")]
fn here() -> String {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.uri.path_and_query().map(|pq| pq.as_str().to_owned()))
        .unwrap_or_else(|| "/".to_owned())
}

/// Public pages are drawn on the server only (no island holds the switch).
#[cfg(not(feature = "ssr"))]
fn here() -> String {
    "/".to_owned()
}

fn item(lang: Lang, current: Lang, here: &str) -> impl IntoView {
    let name = t_in(lang, "layout.language.name");
    let code = lang.code();
    let view = if lang == current {
        view! {
            <span class="app-language-select__current" aria-current="true" lang=code>{name}</span>
        }
        .into_any()
    } else {
        view! {
            <a class="govuk-link app-language-select__link" href=switch_href(lang, here) hreflang=code lang=code>
                <span class="govuk-visually-hidden">{t_in(lang, "layout.language.change")}</span>
                <span aria-hidden="true">{name}</span>
            </a>
        }
        .into_any()
    };
    view! { <li class="app-language-select__item">{view}</li> }
}

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let current = current_lang();
    let here = here();
    view! {
        <nav class="app-language-select" aria-label=t("layout.language.label")>
            <ul class="app-language-select__list">
                {item(Lang::En, current, &here)}
                {item(Lang::Cy, current, &here)}
            </ul>
        </nav>
    }
}
