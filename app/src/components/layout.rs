//! The page frame (header, phase banner, main, footer), back link, error summary and panel.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// The public services the portal runs, each with its own name in the header and `<title>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicService {
    /// The concerns assistant and handing a concern in (and the pages shared by all three).
    Concerns,
    /// Reporting nuisance calls and messages.
    Nuisance,
    /// Reporting a personal data breach.
    Breach,
}

impl PublicService {
    /// The service a page at `path` belongs to.
    pub fn for_path(path: &str) -> PublicService {
        let under = |prefix: &str| {
            path == prefix
                || path
                    .strip_prefix(prefix)
                    .is_some_and(|rest| rest.starts_with('/'))
        };
        if under("/report-nuisance") {
            PublicService::Nuisance
        } else if under("/report-breach") {
            PublicService::Breach
        } else {
            PublicService::Concerns
        }
    }

    /// The service's name (i18n key `service.name`, `service.name.nuisance`, …).
    pub fn name(self) -> String {
        match self {
            PublicService::Concerns => t("service.name"),
            PublicService::Nuisance => t("service.name.nuisance"),
            PublicService::Breach => t("service.name.breach"),
        }
    }

    /// Where the service starts (the header's link).
    pub fn start(self) -> &'static str {
        match self {
            PublicService::Concerns => "/",
            PublicService::Nuisance => "/report-nuisance",
            PublicService::Breach => "/report-breach",
        }
    }

    /// The service of the page being drawn (from the request; the concerns service without one).
    pub fn current() -> PublicService {
        PublicService::for_path(&request_path())
    }
}

#[cfg(feature = "ssr")]
fn request_path() -> String {
    use_context::<http::request::Parts>()
        .map(|parts| parts.uri.path().to_owned())
        .unwrap_or_default()
}

/// Public pages are drawn on the server only (no island holds the frame).
#[cfg(not(feature = "ssr"))]
fn request_path() -> String {
    String::new()
}

/// A page title followed by the service's name (the title alone when it is the name).
pub fn titled(title: String, service: &str) -> String {
    let title = if title == service {
        title
    } else {
        format!("{title} - {service}")
    };
    crate::components::rcdata(title)
}

/// The links in every public page's footer: (href, i18n key).
pub const FOOTER_LINKS: [(&str, &str); 6] = [
    ("/privacy", "layout.footer.privacy"),
    ("/cookies", "layout.footer.cookies"),
    ("/accessibility", "layout.footer.accessibility"),
    ("/contact", "layout.footer.contact"),
    ("/data-sets", "layout.footer.data_sets"),
    ("/about/data", "layout.footer.data"),
];

/// Every page's frame: skip link, header with the service's name, phase banner with a link to
/// give feedback, main, footer with the service's information pages.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let service = PublicService::current();
    let name = service.name();
    let for_title = name.clone();
    let links = FOOTER_LINKS
        .iter()
        .map(|(href, key)| {
            view! {
                <li class="govuk-footer__inline-list-item">
                    <a class="govuk-footer__link" href=*href>{t(key)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <Title formatter=move |title: String| titled(title, &for_title)/>
        <a href="#main-content" class="govuk-skip-link">{t("layout.skip")}</a>
        <header>
            <div class="govuk-header">
                <div class="govuk-header__container govuk-width-container">
                    <a href=service.start() class="govuk-header__service-name">{name}</a>
                </div>
            </div>
            <div class="govuk-width-container">
                <div class="govuk-phase-banner">
                    <p class="govuk-phase-banner__content">
                        <strong class="govuk-tag govuk-phase-banner__content__tag">{t("layout.phase")}</strong>
                        <span class="govuk-phase-banner__text">
                            {t("layout.phase_before")}
                            <a class="govuk-link" href="/contact#feedback">{t("layout.phase_link")}</a>
                            {t("layout.phase_after")}
                        </span>
                    </p>
                </div>
                <super::LanguageSwitch/>
            </div>
        </header>
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                {children()}
            </main>
        </div>
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <h2 class="govuk-visually-hidden">{t("layout.footer.title")}</h2>
                <ul class="govuk-footer__inline-list">{links}</ul>
                <p class="govuk-footer__meta">{t("layout.footer.licence")}</p>
            </div>
        </footer>
    }
}

/// A back link to the previous page.
#[component]
pub fn BackLink(href: String) -> impl IntoView {
    view! { <a href=href class="govuk-back-link">{t("common.back")}</a> }
}

/// "There is a problem": one link per error, to the field it is about, same words as inline.
#[component]
pub fn ErrorSummary(errors: Vec<(String, String)>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="govuk-error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 class="govuk-error-summary__title" id="error-summary-title">{t("error.summary_title")}</h2>
                <ul class="govuk-error-summary__list">
                    {errors
                        .into_iter()
                        .map(|(field, message)| {
                            view! { <li><a href=format!("#{field}")>{message}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// A confirmation panel.
#[component]
pub fn Panel(title: String, children: Children) -> impl IntoView {
    view! {
        <div class="govuk-panel">
            <h1 class="govuk-panel__title">{title}</h1>
            <div class="govuk-panel__body">{children()}</div>
        </div>
    }
}

/// A question page: its title ("Error: " first when it shows problems), back link, error summary
/// and body, in the two-thirds column.
pub fn page_frame(
    title: String,
    back: Option<String>,
    errors: Vec<(String, String)>,
    body: AnyView,
) -> AnyView {
    let page_title = if errors.is_empty() {
        title
    } else {
        format!("{} {title}", t("error.title_prefix"))
    };
    view! {
        <Title text=page_title/>
        <Layout>
            {back.map(|href| view! { <BackLink href/> })}
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors/>
                    {body}
                </div>
            </div>
        </Layout>
    }
    .into_any()
}
