//! The small tokio runtime a network store owns: its client's connection
//! tasks run there, so the store serves blocking callers (`handle`, from any
//! thread, with or without a runtime of their own) and async callers alike,
//! and every command is bounded as a whole by one timeout.
//!
//! A network store writes only its three operations, as `'static` futures
//! ([`BridgedBackend`]); the blanket impls below turn them into
//! [`DedupStore`] (waiting on the caller's thread) and [`AsyncDedupStore`]
//! (awaiting the task), so that the Redis and PostgreSQL stores do not each
//! repeat that wiring (tower's habit: one blanket impl over a narrow trait).

use core::fmt;
use std::future::Future;
use std::sync::mpsc;
use std::time::Duration;

use super::sanitize::SanitizedError;
use super::{AsyncDedupStore, ClaimOutcome, ClaimToken, DedupKey, DedupStore, StoreError, StoreErrorKind, StoreFuture};

/// A store whose operations run on its own [`Bridge`]. Each future owns what
/// it needs (`'static`), since it runs on the store's runtime, not the caller's.
///
/// Private to the crate: it is how this crate's stores are built, not a
/// contract for users, who implement [`DedupStore`] / [`AsyncDedupStore`].
pub(crate) trait BridgedBackend: Send + Sync + fmt::Debug {
    /// The runtime the futures run on.
    fn bridge(&self) -> &Bridge;

    /// The bound on each operation as a whole.
    fn timeout(&self) -> Duration;

    /// [`DedupStore::claim`], as a future.
    fn claim_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> impl Future<Output = Result<ClaimOutcome, StoreError>> + Send + 'static;

    /// [`DedupStore::complete`], as a future.
    fn complete_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
        ttl: Duration,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static;

    /// [`DedupStore::release`], as a future.
    fn release_future(
        &self,
        key: &DedupKey,
        token: ClaimToken,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send + 'static;
}

impl<B: BridgedBackend> DedupStore for B {
    fn claim(&self, key: &DedupKey, token: ClaimToken, lease: Duration) -> Result<ClaimOutcome, StoreError> {
        let future = self.claim_future(key, token, lease);
        self.bridge().block(self.timeout(), "the claim", future)
    }

    fn complete(&self, key: &DedupKey, token: ClaimToken, ttl: Duration) -> Result<bool, StoreError> {
        let future = self.complete_future(key, token, ttl);
        self.bridge().block(self.timeout(), "the completion", future)
    }

    fn release(&self, key: &DedupKey, token: ClaimToken) -> Result<bool, StoreError> {
        let future = self.release_future(key, token);
        self.bridge().block(self.timeout(), "the release", future)
    }
}

impl<B: BridgedBackend> AsyncDedupStore for B {
    fn claim_async<'a>(
        &'a self,
        key: &'a DedupKey,
        token: ClaimToken,
        lease: Duration,
    ) -> StoreFuture<'a, ClaimOutcome> {
        let future = self.claim_future(key, token, lease);
        Box::pin(self.bridge().run(self.timeout(), "the claim", future))
    }

    fn complete_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken, ttl: Duration) -> StoreFuture<'a, bool> {
        let future = self.complete_future(key, token, ttl);
        Box::pin(self.bridge().run(self.timeout(), "the completion", future))
    }

    fn release_async<'a>(&'a self, key: &'a DedupKey, token: ClaimToken) -> StoreFuture<'a, bool> {
        let future = self.release_future(key, token);
        Box::pin(self.bridge().run(self.timeout(), "the release", future))
    }

    /// Starts the release on the store's runtime: it runs to its end (or its
    /// timeout) even though nobody awaits it.
    fn release_detached(&self, key: &DedupKey, token: ClaimToken) {
        let future = self.release_future(key, token);
        self.bridge().detach(self.timeout(), async move {
            let _ = future.await;
        });
    }
}

/// A one-worker runtime, shut down in the background when dropped (so a
/// store may be dropped inside an async context).
pub(crate) struct Bridge {
    runtime: Option<tokio::runtime::Runtime>,
    /// The runtime's handle, kept apart so that using it never meets the
    /// `None` that only `Drop` leaves behind.
    handle: tokio::runtime::Handle,
}

impl Bridge {
    pub(crate) fn new(name: &str) -> Result<Self, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(name)
            .enable_all()
            .build()
            .map_err(|err| {
                StoreError::sanitized(
                    StoreErrorKind::Other,
                    SanitizedError::wrap("cannot start the store's runtime: ", &err),
                )
            })?;
        let handle = runtime.handle().clone();
        Ok(Bridge {
            runtime: Some(runtime),
            handle,
        })
    }

    pub(crate) fn handle(&self) -> &tokio::runtime::Handle {
        &self.handle
    }

    /// Runs `future` on the store's runtime, bounded by `timeout` as a whole.
    pub(crate) async fn run<T, F>(&self, timeout: Duration, what: &'static str, future: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let task = self.handle().spawn(tokio::time::timeout(timeout, future));
        match task.await {
            Ok(Ok(result)) => result,
            Ok(Err(_elapsed)) => Err(timed_out(what, timeout)),
            Err(err) => Err(StoreError::sanitized(
                StoreErrorKind::Other,
                SanitizedError::wrap(&format!("the store's {what} task failed: "), &err),
            )),
        }
    }

    /// [`run`](Bridge::run), waiting on this thread: for blocking callers.
    pub(crate) fn block<T, F>(&self, timeout: Duration, what: &'static str, future: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let (send, receive) = mpsc::sync_channel(1);
        self.handle().spawn(async move {
            let result = tokio::time::timeout(timeout, future).await;
            let _ = send.send(result);
        });
        // The task enforces the timeout; the margin only covers scheduling.
        match receive.recv_timeout(timeout + Duration::from_millis(250)) {
            Ok(Ok(result)) => result,
            Ok(Err(_)) | Err(_) => Err(timed_out(what, timeout)),
        }
    }

    /// Starts `future` on the store's runtime and does not wait.
    pub(crate) fn detach<F>(&self, timeout: Duration, future: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.handle().spawn(async move {
            let _ = tokio::time::timeout(timeout, future).await;
        });
    }
}

fn timed_out(what: &str, timeout: Duration) -> StoreError {
    StoreError::text(
        StoreErrorKind::Timeout,
        format_args!("the store did not answer {what} within {} ms", timeout.as_millis()),
    )
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}
