//! A page render that stalls is rendered again.
//!
//! Under load, a small share of Leptos server renders stop making progress before the response
//! starts: the page's data has loaded but the `<Suspense>` waiting for it is never woken (measured
//! here at about 1 page in 3,000 during the PostgreSQL test run; upstream reports of the same
//! fault: leptos-rs/leptos#4673, #4851). Without this, the person would wait for the request
//! timeout and get a 503. A GET or HEAD whose response has not started within the stall window is
//! dropped and rendered once more. Both tries share one [`RequestMemo`] (put in the request's
//! extensions here), so a one-view form taken by the stalled try still shows on the second, and a
//! case view is audited once.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use app::server_fns::request_memo::RequestMemo;
use axum::body::Body;
use axum::extract::Request;
use axum::http::Method;
use axum::response::Response;
use tower::{Layer, Service, ServiceExt};

/// Wraps the routes in [`RetryStalled`].
#[derive(Clone, Copy)]
pub struct RetryStalledLayer {
    pub after: Duration,
}

impl<S> Layer<S> for RetryStalledLayer {
    type Service = RetryStalled<S>;

    fn layer(&self, inner: S) -> RetryStalled<S> {
        RetryStalled {
            inner,
            after: self.after,
        }
    }
}

#[derive(Clone)]
pub struct RetryStalled<S> {
    inner: S,
    after: Duration,
}

impl<S> Service<Request> for RetryStalled<S>
where
    S: Service<Request, Response = Response, Error = Infallible> + Clone + Send + 'static,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        request.extensions_mut().insert(RequestMemo::default());
        let inner = self.inner.clone();
        let after = self.after;
        Box::pin(async move {
            if !matches!(*request.method(), Method::GET | Method::HEAD) {
                return inner.oneshot(request).await;
            }
            let (parts, body) = request.into_parts();
            let again = Request::from_parts(parts.clone(), Body::empty());
            let first = inner.clone().oneshot(Request::from_parts(parts, body));
            match tokio::time::timeout(after, first).await {
                Ok(response) => response,
                Err(_) => {
                    tracing::warn!(
                        stall_seconds = after.as_secs_f32(),
                        "a page render stalled; rendering it again"
                    );
                    inner.oneshot(again).await
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    use axum::routing::{get, post};
    use axum::Router;

    use super::*;

    /// A page whose first render never finishes, and a post that must not be repeated.
    fn router(renders: Arc<AtomicUsize>, posts: Arc<AtomicUsize>) -> Router {
        let page = {
            let renders = renders.clone();
            move || async move {
                if renders.fetch_add(1, Ordering::SeqCst) == 0 {
                    std::future::pending::<()>().await;
                }
                "rendered"
            }
        };
        let slow_post = move || async move {
            posts.fetch_add(1, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(300)).await;
            "posted once"
        };
        Router::new()
            .route("/page", get(page))
            .route("/post", post(slow_post))
            .layer(RetryStalledLayer {
                after: Duration::from_millis(100),
            })
    }

    async fn text(response: Response) -> String {
        let bytes = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        String::from_utf8(bytes.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn a_stalled_page_is_rendered_again() {
        let renders = Arc::new(AtomicUsize::new(0));
        let request = Request::get("/page").body(Body::empty()).unwrap();
        let response = router(renders.clone(), Arc::default())
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(text(response).await, "rendered");
        assert_eq!(renders.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn a_slow_post_is_left_to_finish_and_never_repeated() {
        let request = Request::post("/post").body(Body::empty()).unwrap();
        let posts = Arc::new(AtomicUsize::new(0));
        let response = router(Arc::default(), posts.clone())
            .oneshot(request)
            .await
            .unwrap();
        assert_eq!(text(response).await, "posted once");
        assert_eq!(posts.load(Ordering::SeqCst), 1);
    }
}
