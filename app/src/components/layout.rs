//! The page frame (header, phase banner, main, footer), back link, error summary and panel.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// Every page's frame: skip link, header with the service name, phase banner, main, footer.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a href="#main-content" class="govuk-skip-link">{t("layout.skip")}</a>
        <header>
            <div class="govuk-header">
                <div class="govuk-header__container govuk-width-container">
                    <a href="/" class="govuk-header__service-name">{t("service.name")}</a>
                </div>
            </div>
            <div class="govuk-width-container">
                <div class="govuk-phase-banner">
                    <strong class="govuk-tag">{t("layout.phase")}</strong>
                    <span class="govuk-phase-banner__text">{t("layout.phase_text")}</span>
                </div>
            </div>
        </header>
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                {children()}
            </main>
        </div>
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <ul class="govuk-footer__list">
                    <li><a class="govuk-footer__link" href="/about/data">{t("layout.footer.data")}</a></li>
                </ul>
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
