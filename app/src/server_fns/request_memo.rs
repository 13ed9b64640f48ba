//! What one request works out once, however often the renderer asks.
//!
//! During server rendering, Leptos may run a page's children (and so its resources' loaders) more
//! than once: `<Suspense>` walks them again to find every resource read. Loaders with effects
//! (taking the one-view form kept after a refused post, recording that a member of staff viewed a
//! case) must not repeat: a second take finds nothing, so the page could lose its error summary,
//! and a second view would be audited twice. [`once_per_request`] runs such work once per request
//! and hands every later caller in the same request the first result.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use leptos::prelude::use_context;
use tokio::sync::OnceCell;

type Cell = Arc<dyn Any + Send + Sync>;

/// One request's results, by kind and key. The server makes a new one for each request.
#[derive(Clone, Default)]
pub struct RequestMemo {
    cells: Arc<Mutex<HashMap<(TypeId, String), Cell>>>,
}

impl RequestMemo {
    /// The cell for `key` holding a `T`, made on first use; `None` if the lock is poisoned.
    fn cell<T: Send + Sync + 'static>(&self, key: String) -> Option<Arc<OnceCell<T>>> {
        let mut cells = self.cells.lock().ok()?;
        let cell = cells
            .entry((TypeId::of::<T>(), key))
            .or_insert_with(|| Arc::new(OnceCell::<T>::new()))
            .clone();
        cell.downcast::<OnceCell<T>>().ok()
    }
}

/// This request's memo: the server puts one in each request's extensions (shared by a stalled
/// page render and its second try); tests may provide one as context.
fn current() -> Option<RequestMemo> {
    use_context::<RequestMemo>().or_else(|| {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<RequestMemo>()
            .cloned()
    })
}

/// Runs `work` the first time this request asks for `key`; later asks wait for and share its
/// result. A failure is not kept, so a later ask tries again. Outside a request (no
/// [`RequestMemo`] in context) the work simply runs.
pub async fn once_per_request<T, E, F, Fut>(key: String, work: F) -> Result<T, E>
where
    T: Clone + Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    match current().and_then(|memo| memo.cell::<T>(key)) {
        Some(cell) => cell.get_or_try_init(work).await.cloned(),
        None => work().await,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]

    use std::sync::atomic::{AtomicUsize, Ordering};

    use leptos::prelude::{provide_context, Owner};

    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    }

    async fn count(runs: &AtomicUsize, key: &str) -> Result<usize, ()> {
        once_per_request(key.to_owned(), || async {
            tokio::task::yield_now().await;
            Ok(runs.fetch_add(1, Ordering::SeqCst) + 1)
        })
        .await
    }

    #[test]
    fn concurrent_asks_in_one_request_share_one_run() {
        let owner = Owner::new();
        owner.set();
        provide_context(RequestMemo::default());
        let runs = AtomicUsize::new(0);
        let (first, second) = runtime()
            .block_on(async { tokio::join!(count(&runs, "flash"), count(&runs, "flash")) });
        assert_eq!((first, second), (Ok(1), Ok(1)));
        assert_eq!(runs.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn each_key_and_each_request_runs_its_own_work() {
        let runs = AtomicUsize::new(0);
        let owner = Owner::new();
        owner.set();
        provide_context(RequestMemo::default());
        let rt = runtime();
        assert_eq!(rt.block_on(count(&runs, "a")), Ok(1));
        assert_eq!(rt.block_on(count(&runs, "b")), Ok(2));
        assert_eq!(rt.block_on(count(&runs, "a")), Ok(1));
        // The next request has a memo of its own.
        provide_context(RequestMemo::default());
        assert_eq!(rt.block_on(count(&runs, "a")), Ok(3));
    }

    #[test]
    fn without_a_memo_the_work_runs_every_time() {
        let owner = Owner::new();
        owner.set();
        let runs = AtomicUsize::new(0);
        let rt = runtime();
        assert_eq!(rt.block_on(count(&runs, "a")), Ok(1));
        assert_eq!(rt.block_on(count(&runs, "a")), Ok(2));
    }

    #[test]
    fn a_failure_is_not_kept() {
        let owner = Owner::new();
        owner.set();
        provide_context(RequestMemo::default());
        let rt = runtime();
        let failed: Result<u8, &str> =
            rt.block_on(once_per_request("x".to_owned(), || async { Err("down") }));
        assert_eq!(failed, Err("down"));
        let next: Result<u8, &str> =
            rt.block_on(once_per_request("x".to_owned(), || async { Ok(7) }));
        assert_eq!(next, Ok(7));
    }
}
