//! The portal's app crate: pure domain rules, the i18n layer, and the Leptos pages and server
//! functions shared by server-side rendering (`ssr`) and the browser (`hydrate`).

// A form's view type nests every field it holds: the longest staff forms go past 128 levels.
#![recursion_limit = "256"]

#[cfg(feature = "ssr")]
pub mod assets;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod letters;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod server_fns;

use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::MetaTags;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

use crate::i18n::t;
use crate::pages::{
    about_data, breach, case, casework, concern, data_sets, helpline, home, info, intelligence,
    not_found, nuisance, staff, track,
};

/// The HTML document around every page (server-rendered). Pages are islands: the server renders
/// all of them, and the browser gets only the code of the interactive parts (`#[island]`s),
/// hydrated on idle, and only on a page that has one (`assets::SiteAssets`, before `App`).
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::current_lang().code() class="govuk-template">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b0c0c"/>
                // `public/`: served by `server/src/http/public_files.rs`.
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <AutoReload options=options.clone()/>
                <assets::SiteAssets options/>
                <MetaTags/>
            </head>
            <body class="govuk-template__body">
                <App/>
            </body>
        </html>
    }
}

/// The router: one route per page.
#[component]
pub fn App() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::i18n::provide_request_lang();
    provide_meta_context();
    #[cfg(feature = "ssr")]
    content_security_policy();
    view! {
        <Title formatter=|title: String| {
            let service = t("service.name");
            let title = if title == service { title } else { format!("{title} - {service}") };
            title_text(title)
        }/>
        <Router>
            <Routes fallback=not_found::NotFound>
                <Route path=path!("/") view=home::HomePage/>
                <Route path=path!("/about/data") view=about_data::AboutDataPage/>
                <Route path=path!("/data-sets") view=data_sets::DataSetsPage ssr=SsrMode::Async/>
                <Route path=path!("/privacy") view=info::PrivacyPage/>
                <Route path=path!("/cookies") view=info::CookiesPage/>
                <Route path=path!("/accessibility") view=info::AccessibilityPage/>
                <Route path=path!("/contact") view=info::ContactPage/>
                <Route path=path!("/track") view=track::TrackStartPage ssr=SsrMode::Async/>
                <Route path=path!("/track/link-sent") view=track::TrackLinkSentPage ssr=SsrMode::Async/>
                <Route path=path!("/track/link/:token") view=track::TrackLinkPage/>
                <Route path=path!("/track/case") view=track::StatusPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/check") view=concern::check::CheckAnswersPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/letter") view=concern::letter::LetterPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/submit") view=concern::submit::SubmitPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/confirmation") view=concern::submit::ConfirmationPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/confirmation/print") view=concern::submit::ConfirmationPrintPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/result/:verdict") view=concern::verdict::VerdictPage ssr=SsrMode::Async/>
                <Route path=path!("/concern/:step") view=concern::question::QuestionPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sign-in") view=staff::SignInPage/>
                <Route path=path!("/staff") view=staff::StaffHomePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/users") view=staff::UsersPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/users/new") view=staff::NewStaffPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/users/:id") view=staff::EditStaffPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/nuisance") view=intelligence::OffendersPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/nuisance/add") view=intelligence::AddReportPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/nuisance/report") view=intelligence::ReportLookupPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/nuisance/offenders/:id") view=intelligence::OffenderPage ssr=SsrMode::Async/>
                <Route path=path!("/report-nuisance") view=nuisance::start::StartPage/>
                <Route path=path!("/report-breach") view=breach::start::BreachStartPage/>
                <Route path=path!("/report-breach/assess") view=breach::assess::AssessPage/>
                <Route path=path!("/report-breach/report") view=breach::report::TasksPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/check") view=breach::report::CheckPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/sent") view=breach::report::SentPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/sent/print") view=breach::report::SentPrintPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/save") view=breach::report::SavePage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/saved") view=breach::report::SavedPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/report/:part") view=breach::report::PartPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/resume/:token") view=breach::report::ResumePage/>
                <Route path=path!("/report-breach/link-not-found") view=breach::report::LinkNotFoundPage/>
                <Route path=path!("/report-breach/problem") view=breach::report::ProblemPage/>
                <Route path=path!("/report-breach/follow-up") view=breach::report::FollowUpPage ssr=SsrMode::Async/>
                <Route path=path!("/report-breach/follow-up/sent") view=breach::report::FollowUpSentPage/>
                <Route path=path!("/staff/breaches") view=breach::triage::TriagePage ssr=SsrMode::Async/>
                // The case officer's workspace: static paths before `:reference`.
                <Route path=path!("/staff/cases") view=case::FindCasePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/close-several") view=case::CloseSeveralPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:reference") view=case::CasePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:reference/email") view=case::EmailPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:reference/close") view=case::CloseCasePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:reference/reopen") view=case::ReopenPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/cases/:reference/confirm") view=case::ConfirmPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/staff-cases/:reference") view=case::StaffCasePage ssr=SsrMode::Async/>
                // The sift, the work queues and the exception reports: static paths first.
                <Route path=path!("/staff/sift") view=casework::SiftListPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sift/correspondence") view=case::CorrespondencePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/sift/:reference") view=casework::SiftCasePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/queues") view=casework::QueuesPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/queues/:queue") view=casework::QueuePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/queues/:queue/:reference") view=casework::AllocationPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/exceptions") view=casework::ExceptionsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/corrections/:reference") view=case::CorrectionPage ssr=SsrMode::Async/>
                // The helpline (manual §12): static paths before `:reference`.
                <Route path=path!("/staff/helpline") view=helpline::ConsolePage ssr=SsrMode::Async/>
                <Route path=path!("/staff/helpline/assist") view=helpline::AssistPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/helpline/:reference") view=helpline::SummaryPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/callbacks") view=helpline::CallbacksPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/priority-requests") view=helpline::PriorityRequestsPage ssr=SsrMode::Async/>
                <Route path=path!("/staff/nfc/:reference") view=helpline::NfcPage ssr=SsrMode::Async/>
                <Route path=path!("/report-nuisance/:page") view=nuisance::NuisancePage ssr=SsrMode::Async/>
            </Routes>
        </Router>
    }
}

/// Titles can carry what a person typed (an organisation's name).
fn title_text(title: String) -> String {
    components::rcdata(title)
}

/// Sends a Content-Security-Policy allowing only this site's files and the inline scripts that
/// carry this response's nonce (Leptos's hydration and resource scripts), plus wasm compilation.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    );
    if let Ok(value) = http::HeaderValue::from_str(&policy) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The browser entry point, called by the island loader (`assets`) once the wasm has loaded; the
/// loader then hydrates each island on the page. The page says when that is done (the end-to-end tests
/// wait for it): islands hydrate in the microtasks after this returns, before the timeout fires.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    leptos::prelude::set_timeout(
        || {
            if let Some(body) = leptos::prelude::document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}
