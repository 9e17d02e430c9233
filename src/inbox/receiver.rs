//! [`Receiver`]: verifies a request, answers setup handshakes, and hands the
//! verified delivery to an [`Inbox`]; [`Handoff`] is what to answer.

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderValue, Response, StatusCode};

use super::engine::{Inbox, timed_out};
use super::message::{InboxMessage, MessageId};
use super::trace;
use crate::dedup::StoreError;
use crate::dispatch::Webhooks;
use crate::error::{Error, reason_response};
use crate::headers::{Headers, Incoming};
use crate::vendor::Vendor;

/// How long a receiver waits for the inbox to acknowledge a push by default:
/// well inside every vendor's answer deadline (BoldSign's 10 s, eSignGlobal's 5 s).
pub const DEFAULT_PUSH_TIMEOUT: Duration = Duration::from_secs(4);

/// The `Retry-After` (seconds) of the 503 answered when the inbox did not take a delivery.
const RETRY_AFTER_SECONDS: u64 = 5;

/// The receiving half of a fleet: [`receive`](Receiver::receive) verifies a
/// request exactly as [`Webhooks::verify`] does (a setup handshake is the
/// `Err` whose [`Error::response`] is the vendor's expected answer; a
/// forged or malformed request is refused), pushes the verified delivery to
/// the inbox as an [`InboxMessage`], and gives the [`Handoff`] whose
/// [`response`](Handoff::response) is the vendor's required success answer
/// **only once the inbox acknowledged the write**, and a retryable 503
/// otherwise (the inbox failed or did not answer within the
/// [push timeout](Receiver::with_push_timeout)). A verified delivery is never
/// answered 2xx and then lost, on a durable inbox.
///
/// Callbacks do not run here: [`Worker`](super::Worker)s run them, so the
/// vendor's answer never waits for them.
///
/// See [`Worker`](super::Worker) for a receiver and a worker together.
#[derive(Debug, Clone)]
pub struct Receiver {
    webhooks: Arc<Webhooks>,
    inbox: Arc<dyn Inbox>,
    push_timeout: Duration,
}

impl Receiver {
    /// A receiver verifying with `webhooks` and pushing to `inbox`.
    pub fn new(webhooks: Arc<Webhooks>, inbox: Arc<dyn Inbox>) -> Self {
        Receiver {
            webhooks,
            inbox,
            push_timeout: DEFAULT_PUSH_TIMEOUT,
        }
    }

    /// Answers 503 when the inbox has not acknowledged a push after `timeout`
    /// (default [`DEFAULT_PUSH_TIMEOUT`]). Keep it under the vendors' deadline.
    pub fn with_push_timeout(mut self, timeout: Duration) -> Self {
        self.push_timeout = timeout;
        self
    }

    /// The inbox pushed to.
    pub fn inbox(&self) -> &Arc<dyn Inbox> {
        &self.inbox
    }

    /// Verifies a request and hands it to the inbox. `Err` when it is not a
    /// delivery to hand off: a setup handshake (answer [`Error::response`],
    /// the vendor's expected answer) or a refused request (the same).
    pub async fn receive<H: Headers + ?Sized>(&self, body: &[u8], headers: &H) -> Result<Handoff, Error> {
        self.receive_incoming_for(None, &Incoming::new(body, headers)).await
    }

    /// Like [`receive`](Receiver::receive), for a request that may carry a query string.
    pub async fn receive_incoming<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<Handoff, Error> {
        self.receive_incoming_for(None, incoming).await
    }

    /// Like [`receive`](Receiver::receive), reading the URI's query string too.
    pub async fn receive_request<B: AsRef<[u8]>>(&self, request: &http::Request<B>) -> Result<Handoff, Error> {
        self.receive_incoming_for(None, &Incoming::from_request(request)).await
    }

    /// Like [`receive_incoming`](Receiver::receive_incoming), recording the
    /// tenant the delivery is for in the message ([`InboxMessage::tenant`]).
    pub async fn receive_incoming_for<H: Headers + ?Sized>(
        &self,
        tenant: Option<&str>,
        incoming: &Incoming<'_, H>,
    ) -> Result<Handoff, Error> {
        let (message, success) = self.prepare(tenant, incoming)?;
        let (id, vendor) = (message.id(), message.vendor());
        let span = trace::push_span(id, vendor);
        let pushed = trace::within(span, async {
            let pushed = match tokio::time::timeout(self.push_timeout, self.inbox.push(&message)).await {
                Ok(pushed) => pushed,
                Err(_) => Err(timed_out("push")),
            };
            trace::outcome(
                if pushed.is_ok() { "pushed" } else { "push failed" },
                pushed.as_ref().err().map(ToString::to_string).as_deref(),
            );
            pushed
        })
        .await;
        Ok(Handoff {
            id,
            vendor,
            pushed,
            success,
        })
    }

    /// Verification and the message, before anything is awaited.
    fn prepare<H: Headers + ?Sized>(
        &self,
        tenant: Option<&str>,
        incoming: &Incoming<'_, H>,
    ) -> Result<(InboxMessage, Response<Vec<u8>>), Error> {
        let verified = self.webhooks.verify_incoming(incoming)?;
        // The vendor's success answer is the event's (Adobe echoes its client
        // id): parsed here for it alone. A delivery the model cannot read is
        // still handed off (a worker gives it to `on_unreadable` or the dead
        // letters) and answered as `handle` answers one `on_unreadable` took.
        let success = verified
            .parse()
            .map(|event| event.success_response())
            .unwrap_or_else(|_| empty_ok());
        let message = InboxMessage::of(&verified).with_tenant(tenant.map(str::to_owned));
        Ok((message, success))
    }
}

fn empty_ok() -> Response<Vec<u8>> {
    Response::new(Vec::new())
}

/// The outcome of [`Receiver::receive`]: whether the inbox holds the delivery,
/// and the answer to give the vendor.
///
/// Its `Debug` shows the status only: Adobe's success answer echoes its client id.
pub struct Handoff {
    id: MessageId,
    vendor: Vendor,
    pushed: Result<(), StoreError>,
    success: Response<Vec<u8>>,
}

impl std::fmt::Debug for Handoff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handoff")
            .field("id", &self.id)
            .field("vendor", &self.vendor)
            .field("pushed", &self.pushed)
            .field("status", &self.status())
            .finish()
    }
}

impl Handoff {
    /// The message's id (in the receiver's and the worker's spans).
    pub fn id(&self) -> MessageId {
        self.id
    }

    /// The vendor of the delivery.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// `true` when the inbox acknowledged the write.
    pub fn is_durable(&self) -> bool {
        self.pushed.is_ok()
    }

    /// Why the inbox did not take it, when it did not.
    pub fn error(&self) -> Option<&StoreError> {
        self.pushed.as_ref().err()
    }

    /// The status to answer: the vendor's success status once the inbox holds
    /// the delivery, 503 otherwise.
    pub fn status(&self) -> StatusCode {
        match self.pushed {
            Ok(()) => self.success.status(),
            Err(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The whole answer to send: the vendor's required success answer (as
    /// [`Report::response`](crate::Report::response) gives it: Dropbox
    /// Sign's text, Adobe's client-id echo…) once the inbox acknowledged the
    /// write; otherwise 503 with `Retry-After`, which every vendor retries,
    /// and no detail.
    pub fn response(&self) -> Response<Vec<u8>> {
        if self.pushed.is_err() {
            let mut response = reason_response(StatusCode::SERVICE_UNAVAILABLE);
            response
                .headers_mut()
                .insert(http::header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECONDS));
            return response;
        }
        let mut response = Response::new(self.success.body().clone());
        *response.status_mut() = self.success.status();
        *response.headers_mut() = self.success.headers().clone();
        response
    }
}
