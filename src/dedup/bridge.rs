//! The small tokio runtime a network store owns: its client's connection
//! tasks run there, so the store serves blocking callers (`handle`, from any
//! thread, with or without a runtime of their own) and async callers alike,
//! and every command is bounded as a whole by one timeout.

use std::future::Future;
use std::sync::mpsc;
use std::time::Duration;

use super::StoreError;
use super::sanitize::SanitizedError;

/// A one-worker runtime, shut down in the background when dropped (so a
/// store may be dropped inside an async context).
pub(crate) struct Bridge {
    runtime: Option<tokio::runtime::Runtime>,
}

impl Bridge {
    pub(crate) fn new(name: &str) -> Result<Self, StoreError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(name)
            .enable_all()
            .build()
            .map_err(|err| SanitizedError::wrap("cannot start the store's runtime: ", &err))?;
        Ok(Bridge { runtime: Some(runtime) })
    }

    pub(crate) fn handle(&self) -> &tokio::runtime::Handle {
        match &self.runtime {
            Some(runtime) => runtime.handle(),
            None => unreachable!("the runtime lives until the bridge is dropped"),
        }
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
            Err(err) => Err(Box::new(SanitizedError::wrap(
                &format!("the store's {what} task failed: "),
                &err,
            ))),
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
    Box::new(SanitizedError::new(format_args!(
        "the store did not answer {what} within {} ms",
        timeout.as_millis()
    )))
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}
