//! `GET /data-sets/<set>/<period>.csv`: a published data set's file (the index is the Leptos page
//! `/data-sets`). The rows are streamed from the database to the response body in chunks
//! (`crate::db::data_sets`), so a file of a million rows is sent in flat memory; at most
//! [`CONCURRENT_EXPORTS`] are read at once (each holds a database connection while it streams),
//! and a further one is answered 503 with `Retry-After`. An unknown set or a period that is not
//! complete is the 404 page.

use std::sync::Arc;

use app::domain::data_sets::{published_file, PublishSettings};
use app::ports::Services;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use leptos::config::LeptosOptions;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::db::Database;

/// Downloads streamed at once by one process.
pub const CONCURRENT_EXPORTS: usize = 4;

/// What the downloads share: the database, the publication settings and the permits.
pub struct DataSetExports {
    database: Database,
    pub settings: PublishSettings,
    permits: Arc<Semaphore>,
}

impl DataSetExports {
    pub fn new(database: Database, settings: PublishSettings) -> DataSetExports {
        DataSetExports {
            database,
            settings,
            permits: Arc::new(Semaphore::new(CONCURRENT_EXPORTS)),
        }
    }
}

pub async fn file(
    Extension(services): Extension<Arc<Services>>,
    Extension(exports): Extension<Arc<DataSetExports>>,
    Path((set, file)): Path<(String, String)>,
    State(options): State<LeptosOptions>,
    uri: Uri,
    request: Request,
) -> Response {
    let Some((set, period)) = published_file(&set, &file, services.clock.today()) else {
        return not_found(uri, options, request).await;
    };
    let Ok(permit) = exports.permits.clone().try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "30")],
            "Too many downloads at once. Try again in a minute.",
        )
            .into_response();
    };
    let chunks = exports
        .database
        .data_set_chunks(set, period, exports.settings.clone());
    let body = Body::from_stream(stream(chunks, permit));
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}-{}.csv\"",
                    set.code(),
                    period.slug()
                ),
            ),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// The chunks as the body's stream; the permit goes when the body does.
fn stream(
    chunks: tokio::sync::mpsc::Receiver<Result<axum::body::Bytes, std::io::Error>>,
    permit: OwnedSemaphorePermit,
) -> impl futures_util::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    futures_util::stream::unfold((chunks, permit), |(mut chunks, permit)| async move {
        chunks.recv().await.map(|chunk| (chunk, (chunks, permit)))
    })
}

/// The site's 404 page, as for any address that does not exist.
async fn not_found(uri: Uri, options: LeptosOptions, request: Request) -> Response {
    let handler = leptos_axum::file_and_error_handler(app::shell);
    let mut response = handler(uri, State(options), request).await;
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}
