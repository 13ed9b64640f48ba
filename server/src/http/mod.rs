//! The HTTP surface: pages and server functions (Leptos), the `/api/v1` JSON API, downloads,
//! static files, and the layers every response passes through.

pub mod assets;
mod body_limit;
mod breach_record;
mod case_routes;
mod cases;
mod casework_csv;
mod copies;
mod csrf;
mod data_sets;
mod downloads;
mod intelligence;
mod language;
mod nuisance_feed;
mod nuisance_reports;
mod openapi;
mod public_files;
mod readiness;
mod redirects;
mod refused_cookie;
mod response_policy;
mod serve;
mod server_fn_errors;
pub mod throttle;

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use anyhow::Context;
use app::domain::calendar::Calendar;
use app::domain::signposts::Signposts;
use app::ports::{Clock, Services};
use app::{shell, App};
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{Extension, Router};
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::auth::{self, StaffAuth};
use crate::clock::{FixedClock, LondonClock};
use crate::config::Config;
use crate::db::Database;
use crate::files::FileStore;
use crate::intake::Intake;
use crate::nuisance::{NuisanceIntake, ReportWriter};
use app::domain::organisations::OrganisationDirectory;

use crate::breach::BreachStore;
pub use serve::{serve, DEFAULT_HEADER_READ_TIMEOUT};

/// The app's page routes, worked out once per process.
///
/// Working them out renders the route tree with `leptos::server::SuppressResourceLoad` held, and
/// that guard is one flag for the whole process: a page rendered on another thread meanwhile
/// creates resources that never load, and its `<Suspense>` waits until the request times out.
/// Building a second router in a running process (every test portal does) must not do it again.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

const BANK_HOLIDAYS: &str = include_str!("../../../app/data/bank-holidays.json");

/// The organisation directory's shipped sources (`app/data/organisations/README.md`).
fn organisations() -> anyhow::Result<OrganisationDirectory> {
    OrganisationDirectory::from_sources(
        include_str!("../../../app/data/organisations/uk_local_authorities_current.csv"),
        include_str!("../../../app/data/organisations/lookup_name_to_registry.csv"),
        include_str!("../../../app/data/organisations/govuk-organisations-2017.tsv"),
        include_str!("../../../app/data/organisations/extra.json"),
    )
    .map_err(|error| anyhow::anyhow!("organisation directory: {error:?}"))
}

/// Builds the services the app uses from the configuration and the database.
pub fn services(
    config: &Config,
    database: Database,
    files: Arc<dyn FileStore>,
) -> anyhow::Result<Services> {
    let clock: Arc<dyn Clock> = match config.fixed_today {
        Some(date) => Arc::new(FixedClock(date)),
        None => Arc::new(LondonClock),
    };
    let calendar = Arc::new(Calendar::from_govuk_json(BANK_HOLIDAYS).context("bank holidays")?);
    let window_days = config.nuisance_settings.feedback_window_days;
    let staff = Arc::new(
        StaffAuth::new(database.clone(), config.staff_sessions)
            .with_hashes(config.password_hashes.clone()),
    );
    let organisations = Arc::new(organisations()?);
    let (calendar_for_cases, organisations_for_cases) = (calendar.clone(), organisations.clone());
    Ok(Services {
        journeys: Arc::new(database.clone()),
        nuisance: Arc::new(NuisanceIntake {
            database: database.clone(),
            writer: ReportWriter::start(database.clone(), window_days),
            clock: clock.clone(),
            window_days,
        }),
        nuisance_settings: Arc::new(config.nuisance_settings.clone()),
        evidence: Arc::new(crate::files::Evidence(files)),
        upload_limits: Arc::new(config.upload_limits.clone()),
        breach: Arc::new(BreachStore {
            database: database.clone(),
            calendar: calendar.clone(),
            settings: config.case_settings.clone(),
        }),
        breach_settings: Arc::new(config.breach_settings.clone()),
        case_settings: Arc::new(config.case_settings.clone()),
        clock,
        organisations: organisations.clone(),
        intake: Arc::new(Intake {
            database: database.clone(),
            calendar: calendar.clone(),
            settings: config.case_settings.clone(),
            track_links: Some(crate::intake::TrackLinks {
                public_url: config.public_url.clone(),
                days: config.tracking_settings.acknowledgement_link_days,
            }),
        }),
        calendar,
        settings: Arc::new(config.settings.clone()),
        signposts: Arc::new(
            Signposts::from_json(&config.signposts_json).map_err(anyhow::Error::msg)?,
        ),
        secure_cookies: config.secure_cookies,
        public_url: config.public_url.clone(),
        staff,
        sift_and_queues: Arc::new(crate::db::casework::SiftAndQueuesStore {
            database: database.clone(),
            calendar: calendar_for_cases.clone(),
            settings: config.case_settings.clone(),
        }),
        helpline: Arc::new(crate::db::helpline::HelplineStore {
            database: database.clone(),
        }),
        my_work: Arc::new(crate::db::casework::MyWorkStore(database.clone())),
        data_sets: Arc::new(crate::db::data_sets::DataSetStore::new(database.clone())),
        tracking: Arc::new(crate::tracking::TrackingStore {
            database: database.clone(),
        }),
        tracking_settings: Arc::new(config.tracking_settings.clone()),
        workspaces: Arc::new(crate::case::CaseStore {
            database,
            calendar: calendar_for_cases,
            settings: config.case_settings.clone(),
            organisations: organisations_for_cases,
            mail_from: config.mail_from.clone(),
        }),
    })
}

/// The whole application router.
pub fn build_router(
    config: &Config,
    leptos: LeptosOptions,
    database: Database,
    files: Arc<dyn FileStore>,
) -> anyhow::Result<Router> {
    // One for the process: every request (its context, its extensions) shares it.
    let services = Arc::new(services(config, database.clone(), files.clone())?);
    // Stateless over the pool: the middleware's and the services' are the same thing.
    let staff = Arc::new(StaffAuth::new(database.clone(), config.staff_sessions));
    let limits = Arc::new(config.upload_limits.clone());
    // The cases API carries files: its own, larger, body limit.
    let file_routes = Router::new()
        .route("/api/v1/cases", post(cases::create))
        .route(
            "/staff/cases/{reference}/documents/{id}",
            get(case_routes::document),
        )
        .layer(RequestBodyLimitLayer::new(body_limit::for_files(&limits)))
        // axum's own 2 MB default would cut uploads short: the layer above is the limit.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(Extension(files.clone()))
        .layer(Extension(limits.clone()))
        .layer(Extension(database.clone()))
        .layer(Extension(Arc::new(config.api_keys.clone())));
    // Raw emails from the MTA's pipe: their own limit (the layer), axum's default lifted.
    let mail_routes = Router::new()
        .route("/api/v1/inbound-email", post(case_routes::inbound_email))
        .layer(RequestBodyLimitLayer::new(
            case_routes::MAX_INBOUND_BYTES + 1024,
        ))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(Extension(Arc::new(crate::case::MailIntake {
            database: database.clone(),
            files,
            limits: config.mail_attachments,
            calendar: services.calendar.clone(),
            settings: config.case_settings.clone(),
            clock: services.clock.clone(),
        })))
        .layer(Extension(Arc::new(case_routes::InboundMail {
            authserv_id: config.mail_authserv_id.clone(),
        })))
        .layer(Extension(Arc::new(config.api_keys.clone())));
    let routes = ROUTES.clone();
    let context = {
        let services = services.clone();
        move || provide_context(services.clone())
    };
    let stylesheet = assets::Stylesheet(assets::stylesheet_href(&leptos));
    let throttles = Arc::new(throttle::Throttles::new(
        &config.throttles,
        stylesheet.0.clone(),
    ));
    let router = Router::new()
        .route("/api/v1/readiness", post(readiness::readiness))
        .route("/api/v1/openapi.json", get(openapi::document))
        .route("/api/v1/nuisance-reports", post(nuisance_reports::create))
        .route(
            "/api/v1/nuisance-numbers",
            get(nuisance_feed::list).layer(Extension(database.clone())),
        )
        .route(
            "/staff/nuisance/offenders.csv",
            get(intelligence::offenders),
        )
        .route(
            "/staff/nuisance/offenders/{id}/incidents.csv",
            get(intelligence::incidents),
        )
        .route(
            "/staff/exceptions/incomplete-closures.csv",
            get(casework_csv::incomplete_closures),
        )
        .route(
            "/staff/exceptions/reopened-same-day.csv",
            get(casework_csv::reopened_same_day),
        )
        .route(
            "/staff/exceptions/past-service-levels.csv",
            get(casework_csv::past_service_levels),
        )
        .route(
            "/data-sets/{set}/{file}",
            get(data_sets::file).layer(Extension(Arc::new(data_sets::DataSetExports::new(
                database.clone(),
                config.publish_settings.clone(),
            )))),
        )
        .route("/language/{code}", get(language::switch))
        .route("/concern/letter.txt", get(downloads::letter))
        .route("/concern/confirmation/copy.pdf", get(copies::concern))
        .route("/report-breach/report/sent/copy.pdf", get(copies::breach))
        .route("/report-breach/assess/record", get(breach_record::record))
        .route("/concern/reminder.ics", get(downloads::reminder))
        .route("/health", get(move || health(database.clone())))
        .leptos_routes_with_context(&leptos, routes, context, {
            let leptos = leptos.clone();
            move || shell(leptos.clone())
        })
        .merge(assets::routes(&leptos))
        .merge(public_files::routes(
            &config.public_url,
            config.security_contact.as_deref(),
        ))
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(leptos)
        // Server functions whose arguments cannot be read: 400 with a plain message, not 500.
        .layer(axum::middleware::from_fn(
            server_fn_errors::plain_argument_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(body_limit::BodyLimits::new(&limits)),
            body_limit::limit,
        ))
        .merge(file_routes)
        .merge(mail_routes)
        // Every /staff path (pages and server functions) passes the access table here.
        .layer(axum::middleware::from_fn_with_state(staff, auth::guard))
        // Outside the guard: its 403 page names the stylesheet.
        .layer(Extension(Arc::new(stylesheet)))
        .layer(Extension(services))
        .layer(Extension(Arc::new(config.api_keys.clone())))
        // Sign-in and every anonymous post draw on their buckets (429 when one is empty).
        .layer(axum::middleware::from_fn_with_state(
            throttles,
            throttle::limit,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(axum::middleware::from_fn(redirects::real_redirects))
        .layer(axum::middleware::from_fn_with_state(
            config.secure_cookies,
            refused_cookie::end_on_accepted_post,
        ))
        .layer(axum::middleware::from_fn(csrf::same_origin_only))
        .layer(CompressionLayer::new().compress_when(compress_when()))
        // `no-store` unless a response chose its own caching; HSTS behind HTTPS.
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(response_policy::ResponsePolicy::new(
                config.secure_cookies,
                config.hsts_max_age_seconds,
            )),
            response_policy::apply,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ));
    Ok(router)
}

/// Which responses are compressed as they are sent: pages and API answers, never the wasm. The
/// wasm is compressed once at build time (`cargo leptos build --release --precompress` writes
/// `.br` and `.gz` copies, which the static file handler serves as they are); compressing it per
/// request cost a core 0.5 to 2 seconds for each new visitor.
fn compress_when() -> impl tower_http::compression::Predicate {
    use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};
    DefaultPredicate::new().and(NotForContentType::const_new("application/wasm"))
}

/// `GET /health`: 200 when this process can reach the database, else 503.
async fn health(database: Database) -> (StatusCode, &'static str) {
    if database.ping().await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
