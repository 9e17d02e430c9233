//! A vendor simulator: a model of each vendor's **sender**, to drive your
//! endpoint the way the vendor will, before you register it for real.
//!
//! A [`Simulator`] sends, for one vendor: the setup handshake(s) the vendor
//! sends while its webhook is registered (Adobe Acrobat Sign's GET
//! verification of intent, BoldSign's `Verification`), a signed delivery, and
//! the same delivery again (a duplicate, as a retry or a resend would be).
//! It [`check`](Simulator::check)s every answer against what the vendor
//! requires (a 2xx, plus Dropbox Sign's `Hello API Event Received`, Adobe's
//! client-id echo…) and, for an answer the vendor would count as failed,
//! says what the vendor does about it ([`Failure::vendor_would`]: its
//! retries, a disabled webhook…).
//!
//! What each vendor's sender does is the vendor's own, stated in its plug-in
//! ([`Plugin::SENDER`](crate::plugin::Plugin::SENDER), a [`SenderModel`]) from its module's documentation;
//! this module holds none of it. How a delivery is signed is the caller's
//! choice of `sign` function: [`Simulator::demo`] signs as
//! [`demo::signer`](super::demo::signer) for the [`demo`](super::demo)
//! receiver, and the command-line tool (`esign-webhooks check`) signs with a
//! configuration file's secrets.
//!
//! The target is reached through a [`Transport`] (a closure from
//! `http::Request<Vec<u8>>` to `http::Response<Vec<u8>>` will do) or an
//! [`AsyncTransport`] (a closure returning a future), so the same scenario
//! runs against `dispatch_request`, `handle`, a framework's router, or a
//! deployed URL.
//!
//! ```
//! use esign_webhooks::dedup::Deduplicator;
//! use esign_webhooks::testing::{demo, simulator::Simulator};
//! use esign_webhooks::{Handlers, Vendor};
//!
//! let webhooks = demo::webhooks();
//! let mut handlers = Handlers::new();
//! handlers.on_any(|_| Ok(()));
//! handlers.deduplicate_with(Deduplicator::in_memory());
//!
//! // Your endpoint, in process: the registry's answer, or the error's.
//! let mut endpoint = |request: http::Request<Vec<u8>>| match webhooks.handle_request(&handlers, &request) {
//!     Ok(report) => report.response(),
//!     Err(err) => err.response(),
//! };
//!
//! let simulator = Simulator::demo(Vendor::DropboxSign);
//! let body = include_bytes!("../../tests/fixtures/dropboxsign/signature_request_all_signed.json");
//! let outcomes = simulator.run(body, &mut endpoint);
//! assert_eq!(outcomes.len(), 2); // the delivery, then the same delivery again
//! for outcome in &outcomes {
//!     assert!(outcome.result.is_ok(), "{}", outcome.result.as_ref().unwrap_err());
//! }
//!
//! // An answer without Dropbox Sign's required text is one it retries.
//! let delivery = simulator.delivery(body);
//! let bare = http::Response::new(Vec::new());
//! let failure = simulator.check(simulator.delivery_step(), &delivery, &bare).unwrap_err();
//! assert!(failure.reason().contains("Hello API Event Received"));
//! assert!(failure.vendor_would().starts_with("Dropbox Sign counts"));
//! ```

use core::fmt;
use core::future::Future;
use std::sync::Arc;

use http::{Request, Response, StatusCode};

use super::SignedRequest;
use crate::plugin::{SenderModel, SenderSetup};
use crate::vendor::Vendor;

/// Sends a request to the target and returns its answer, blocking.
///
/// Implemented for every `FnMut(http::Request<Vec<u8>>) -> http::Response<Vec<u8>>`.
pub trait Transport {
    /// Sends `request`; `Err` when no answer came (a refused connection, a timeout).
    fn send(&mut self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError>;
}

impl<F> Transport for F
where
    F: FnMut(Request<Vec<u8>>) -> Response<Vec<u8>>,
{
    fn send(&mut self, request: Request<Vec<u8>>) -> Result<Response<Vec<u8>>, TransportError> {
        Ok(self(request))
    }
}

/// Sends a request to the target and returns its answer, asynchronously.
///
/// Implemented for every `FnMut(http::Request<Vec<u8>>) -> Fut` where `Fut`
/// resolves to an `http::Response<Vec<u8>>` (no `Send` bound: actix-web's
/// test services are not `Send`).
pub trait AsyncTransport {
    /// Sends `request`; `Err` when no answer came.
    fn send(&mut self, request: Request<Vec<u8>>) -> impl Future<Output = Result<Response<Vec<u8>>, TransportError>>;
}

impl<F, Fut> AsyncTransport for F
where
    F: FnMut(Request<Vec<u8>>) -> Fut,
    Fut: Future<Output = Response<Vec<u8>>>,
{
    fn send(&mut self, request: Request<Vec<u8>>) -> impl Future<Output = Result<Response<Vec<u8>>, TransportError>> {
        let answer = self(request);
        async move { Ok(answer.await) }
    }
}

/// No answer came: why, in words that hold no credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError(String);

impl TransportError {
    /// An error saying `reason` (keep credentials and query values out of it).
    pub fn new(reason: impl Into<String>) -> Self {
        TransportError(reason.into())
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TransportError {}

/// One step of a simulated sender's scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// A setup handshake, named in the vendor's words.
    Setup(&'static str),
    /// The first delivery of an event.
    Delivery,
    /// The same delivery again, byte for byte: it must get the vendor's
    /// success answer without running the callbacks twice.
    Duplicate,
    /// The delivery sent again after an answer the vendor counted as failed.
    Retry,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Setup(what) => write!(f, "setup ({what})"),
            Step::Delivery => f.write_str("delivery"),
            Step::Duplicate => f.write_str("duplicate delivery"),
            Step::Retry => f.write_str("retry"),
        }
    }
}

/// An answer the vendor would count as failed, or no answer at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    vendor: Vendor,
    step: Step,
    status: Option<StatusCode>,
    reason: String,
    on_failure: &'static str,
}

impl Failure {
    /// The step that failed.
    pub fn step(&self) -> Step {
        self.step
    }

    /// The status answered, if an answer came.
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// What is wrong with the answer, without any value of the request or
    /// the answer (a client id or a token is a credential).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// What the vendor does about it, from its documentation: "Dropbox Sign
    /// counts an answer without 200 and `Hello API Event Received` … as
    /// failed and retries it up to 6 times …".
    pub fn vendor_would(&self) -> String {
        format!("{} {}", self.vendor.name(), self.on_failure)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}; {}", self.step, self.reason, self.vendor_would())
    }
}

impl std::error::Error for Failure {}

/// What one step sent and how it went.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Outcome {
    /// The step.
    pub step: Step,
    /// The status answered, if an answer came.
    pub status: Option<StatusCode>,
    /// `Ok` when the vendor would count the answer as a success.
    pub result: Result<(), Failure>,
}

/// The signing function: a body in, the delivery a vendor would send out.
type Sign = Arc<dyn Fn(&[u8]) -> SignedRequest + Send + Sync>;

/// A model of one vendor's sender: see the [module](self) docs.
#[derive(Clone)]
pub struct Simulator {
    vendor: Vendor,
    model: SenderModel,
    receiver_asks_retry: bool,
    url: String,
    sign: Sign,
}

/// The vendor only: the URL may hold a token.
impl fmt::Debug for Simulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Simulator")
            .field("vendor", &self.vendor)
            .field("model", &self.model)
            .finish_non_exhaustive()
    }
}

impl Simulator {
    /// `vendor`'s sender, sending to `url` (an absolute URL, or a path such as
    /// `/webhooks` for an in-process target), signing each body with `sign`
    /// (its query string, if any, is appended to `url`). A vendor not
    /// compiled in gets [`SenderModel::UNPUBLISHED`].
    pub fn new(
        vendor: Vendor,
        url: impl Into<String>,
        sign: impl Fn(&[u8]) -> SignedRequest + Send + Sync + 'static,
    ) -> Self {
        let (model, receiver_asks_retry) = model_of(vendor).unwrap_or((SenderModel::UNPUBLISHED, true));
        Simulator {
            vendor,
            model,
            receiver_asks_retry,
            url: url.into(),
            sign: Arc::new(sign),
        }
    }

    /// `vendor`'s sender for the [`demo`](super::demo) receiver: its demo
    /// credentials, at [`demo::NOW`](super::demo::NOW), to `/webhooks`.
    pub fn demo(vendor: Vendor) -> Self {
        let signer = super::demo::signer(vendor);
        Simulator::new(vendor, "/webhooks", move |body| signer.sign(body))
    }

    /// The vendor simulated.
    pub fn vendor(&self) -> Vendor {
        self.vendor
    }

    /// What the vendor's sender does (its plug-in's [`SenderModel`]).
    pub fn model(&self) -> &SenderModel {
        &self.model
    }

    /// `true` when this crate answers a delivery whose callback failed with
    /// a retryable 5xx, so that the vendor sends it again; `false` for a
    /// vendor whose delivery could not be verified twice (Ignisign's
    /// single-use token), which gets its success answer instead.
    pub fn failed_callback_is_retried(&self) -> bool {
        self.receiver_asks_retry
    }

    /// The setup handshakes, in the order the vendor sends them, each with its step.
    pub fn setup_requests(&self) -> Vec<(Step, Request<Vec<u8>>)> {
        self.model
            .setup
            .iter()
            .map(|setup| (Step::Setup(setup.what), self.setup_request(setup)))
            .collect()
    }

    fn setup_request(&self, setup: &SenderSetup) -> Request<Vec<u8>> {
        let signed = if setup.carries_credentials {
            (self.sign)(setup.body)
        } else {
            SignedRequest {
                body: setup.body.to_vec(),
                headers: Vec::new(),
                query: None,
            }
        };
        let mut request = self.request(setup.method, signed);
        for (name, value) in setup.headers {
            if let (Ok(name), Ok(value)) = (
                http::HeaderName::from_bytes(name.as_bytes()),
                http::HeaderValue::from_str(value),
            ) {
                request.headers_mut().insert(name, value);
            }
        }
        request
    }

    /// The signed delivery of `body` (a `POST`), as the vendor sends it.
    pub fn delivery(&self, body: &[u8]) -> Request<Vec<u8>> {
        self.request("POST", (self.sign)(body))
    }

    /// The step of the first delivery ([`Step::Delivery`]), for [`check`](Simulator::check).
    pub fn delivery_step(&self) -> Step {
        Step::Delivery
    }

    fn request(&self, method: &str, signed: SignedRequest) -> Request<Vec<u8>> {
        let uri = match &signed.query {
            Some(query) if self.url.contains('?') => format!("{}&{query}", self.url),
            Some(query) => format!("{}?{query}", self.url),
            None => self.url.clone(),
        };
        let method = http::Method::from_bytes(method.as_bytes()).unwrap_or(http::Method::POST);
        let has_content_type = signed
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("content-type"));
        let mut builder = Request::builder().method(method).uri(uri.as_str());
        if !has_content_type && !signed.body.is_empty() {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
        }
        for (name, value) in &signed.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        // An unusable URL or header still yields the request's body, so the
        // target's answer (or the transport) says what is wrong.
        builder
            .body(signed.body.clone())
            .unwrap_or_else(|_| Request::new(signed.body))
    }

    /// `Ok` when the vendor would count `answer` to `sent` as a success: a
    /// 2xx, and what the vendor requires beyond it. Otherwise the
    /// [`Failure`], with what the vendor does about it.
    pub fn check(&self, step: Step, sent: &Request<Vec<u8>>, answer: &Response<Vec<u8>>) -> Result<(), Failure> {
        let fail = |reason: String| Failure {
            vendor: self.vendor,
            step,
            status: Some(answer.status()),
            reason,
            on_failure: self.model.on_failure,
        };
        if !answer.status().is_success() {
            return Err(fail(format!("answered {}, not a 2xx", answer.status())));
        }
        (self.model.answer_check)(sent.headers(), answer).map_err(|reason| fail(reason.to_owned()))
    }

    /// The failure of a step that got no answer.
    fn unanswered(&self, step: Step, err: &TransportError) -> Failure {
        Failure {
            vendor: self.vendor,
            step,
            status: None,
            reason: format!("no answer: {err}"),
            on_failure: self.model.on_failure,
        }
    }

    /// The scenario: the setup handshakes, the delivery of `body`, the same
    /// delivery again.
    pub fn scenario(&self, body: &[u8]) -> Vec<(Step, Request<Vec<u8>>)> {
        let mut steps = self.setup_requests();
        let delivery = self.delivery(body);
        steps.push((Step::Delivery, delivery.clone()));
        steps.push((Step::Duplicate, delivery));
        steps
    }

    /// Runs the [`scenario`](Simulator::scenario) through `transport`: one
    /// [`Outcome`] per step, every step run even after a failure.
    pub fn run(&self, body: &[u8], transport: &mut impl Transport) -> Vec<Outcome> {
        self.scenario(body)
            .into_iter()
            .map(|(step, request)| {
                let answer = transport.send(request.clone());
                self.outcome(step, &request, answer)
            })
            .collect()
    }

    /// [`run`](Simulator::run), through an [`AsyncTransport`].
    pub async fn run_async(&self, body: &[u8], transport: &mut impl AsyncTransport) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        for (step, request) in self.scenario(body) {
            let answer = transport.send(request.clone()).await;
            outcomes.push(self.outcome(step, &request, answer));
        }
        outcomes
    }

    /// Sends one request through `transport` and checks its answer.
    pub fn send(&self, step: Step, request: Request<Vec<u8>>, transport: &mut impl Transport) -> Outcome {
        let answer = transport.send(request.clone());
        self.outcome(step, &request, answer)
    }

    /// [`send`](Simulator::send), through an [`AsyncTransport`].
    pub async fn send_async(
        &self,
        step: Step,
        request: Request<Vec<u8>>,
        transport: &mut impl AsyncTransport,
    ) -> Outcome {
        let answer = transport.send(request.clone()).await;
        self.outcome(step, &request, answer)
    }

    fn outcome(
        &self,
        step: Step,
        request: &Request<Vec<u8>>,
        answer: Result<Response<Vec<u8>>, TransportError>,
    ) -> Outcome {
        match answer {
            Ok(answer) => Outcome {
                step,
                status: Some(answer.status()),
                result: self.check(step, request, &answer),
            },
            Err(err) => Outcome {
                step,
                status: None,
                result: Err(self.unanswered(step, &err)),
            },
        }
    }
}

/// Each vendor's sender model, read from its plug-in (the vendor table), and
/// whether this crate asks it to retry a failed callback; `None` for a
/// vendor not compiled in.
macro_rules! sender_models {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        fn model_of(vendor: Vendor) -> Option<(SenderModel, bool)> {
            #[allow(unused_imports)] // unused when every vendor feature is off
            use crate::plugin::Plugin;
            match vendor {
                $(
                    Vendor::$variant => {
                        #[cfg(feature = $feature)]
                        let model = Some((
                            <crate::$module::$marker as Plugin>::SENDER,
                            <crate::$module::$marker as Plugin>::RETRY_ON_FAILURE,
                        ));
                        #[cfg(not(feature = $feature))]
                        let model = None;
                        model
                    }
                )*
            }
        }
    };
}

crate::vendor::vendor_table!(sender_models);
