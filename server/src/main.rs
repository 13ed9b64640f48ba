//! Starts the portal: reads the configuration, opens and migrates the database, serves HTTP.
//! `server create-admin --email … --name …` creates an admin account instead (`auth::create_admin`).

use anyhow::Context;
use server::{build_router, db, mail, Config};
use tracing_subscriber::EnvFilter;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(("create-admin", rest)) = args.split_first().map(|(c, r)| (c.as_str(), r)) {
        return server::auth::create_admin::run(rest).await;
    }
    let config = Config::from_env().context("reading the configuration")?;
    let leptos = leptos::config::get_configuration(None)
        .context("reading the Leptos configuration")?
        .leptos_options;
    let leptos = server::http::assets::with_hashed_names(leptos);
    let addr = leptos.site_addr;
    let database = db::Database::connect(&config.database_url)
        .await
        .context("opening the database")?;
    database.sweep_in_background();
    server::auth::StaffAuth::new(database.clone(), config.staff_sessions).sweep_in_background();
    let mailer = mail::Mailer::new(&config.mail, &config.mail_from).context("setting up mail")?;
    mail::run_outbox_worker(database.clone(), mailer, std::time::Duration::from_secs(2));
    let files = server::files::open(&config.file_store)
        .await
        .context("opening the file store")?;
    tracing::info!(store = %files.describe(), "evidence file store");
    server::retention::run_in_background(database.clone(), files.clone(), &config);
    let router = build_router(&config, leptos, database, files).context("building the router")?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("binding {addr}"))?;
    tracing::info!("listening on http://{addr}");
    server::http::serve(listener, router, config.header_read_timeout, shutdown())
        .await
        .context("serving HTTP")
}

/// Finishes in-flight requests on Ctrl-C or SIGTERM (what a load balancer or orchestrator sends).
async fn shutdown() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
