//! A complete axum server receiving every vendor's webhooks on 127.0.0.1.
//!
//! ```sh
//! cargo run --example axum --features axum      # terminal 1: the server, on 127.0.0.1:3000
//! cargo run --example send                      # terminal 2: signed sample deliveries
//! ```
//!
//! Two routes, two styles:
//!
//! * `POST /webhooks`: the callback registry. The handler takes the raw body
//!   (`Bytes`, never `Json`: a re-serialised body no longer matches its
//!   signature), the headers and the URI (for query tokens), and
//!   `Webhooks::handle_incoming_async` verifies, confirms Ignisign's token and
//!   runs the typed callbacks of `examples/common/mod.rs`.
//! * `POST /webhooks/events`: the `VerifiedEvent` extractor (feature `axum`):
//!   the handler receives a verified `Event` and matches on it.
//!
//! Both answer the whole answer each vendor requires (`Report::response()`
//! for the registry, `Event::success_response()` for the extractor:
//! eSignGlobal's JSON, Dropbox Sign's `Hello API Event Received`, Adobe's
//! client-id echo), and `Error::response()` (the status and its reason
//! phrase) for a refusal. `GET /webhooks`
//! answers Adobe's verification of intent (`Webhooks::intent_response_incoming`).
//!
//! Configuration, from environment variables with demo defaults (the full
//! table is at the top of `examples/common/mod.rs`): `LISTEN_ADDR`
//! (`127.0.0.1:3000`), `MAX_BODY_SIZE` (unset: the vendors' documented maximum), `ESIGNGLOBAL_SECRET`,
//! `ESIGNGLOBAL_SIGNATURE_HEADER`, `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`,
//! `IGNISIGN_API_KEY` (unset: demo mode), `SIGNPLUS_TOKEN`,
//! `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD`, and one or two per other
//! vendor (`DOCUSIGN_HMAC_KEY`, `DROPBOXSIGN_API_KEY`, `ADOBESIGN_CLIENT_ID`, …).
//!
//! `--fleet` (features `axum,inbox`) hands deliveries to an inbox and runs
//! the callbacks in a worker instead (see `manual::fleet`).
//!
//! `tests/roundtrip.rs` starts this router on an ephemeral port and sends it
//! signed deliveries over HTTP.

pub mod common; // `pub`: tests/roundtrip.rs reuses this file

use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRef, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use esign_webhooks::integrations::axum::VerifiedEvent;
use esign_webhooks::{AsyncHandlers, Event, Incoming, Webhooks};

/// What every request shares.
#[derive(Clone)]
pub struct AppState {
    pub webhooks: Webhooks,
    pub handlers: Arc<AsyncHandlers>,
    pub config: Arc<common::Config>,
}

/// Lets the `VerifiedEvent` extractor find the `Webhooks` in the state.
impl FromRef<AppState> for Webhooks {
    fn from_ref(state: &AppState) -> Webhooks {
        state.webhooks.clone()
    }
}

/// The routes, reusable by tests.
pub fn router(state: AppState) -> Router {
    let limit = state.webhooks.max_body_size();
    Router::new()
        .route("/webhooks", post(with_registry).get(intent))
        .route("/webhooks/events", post(with_extractor))
        // axum's own limit (2 MB by default) must not be below the crate's:
        // both answer 413 for larger bodies.
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

/// The callback registry: verify, confirm, run every matching typed callback.
async fn with_registry(State(state): State<AppState>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let incoming = Incoming::new(&body, &headers).with_uri(&uri);
    match state.webhooks.handle_incoming_async(&state.handlers, &incoming).await {
        Ok(report) => {
            for failure in report.failures() {
                eprintln!("callback failed: {failure}");
            }
            // The whole answer the vendor requires: status, headers, body.
            report.into_response()
        }
        Err(err) => {
            // The detail is for the logs; the sender gets the status and its reason phrase.
            eprintln!("refused: {err}");
            err.into_response()
        }
    }
}

/// Adobe Acrobat Sign's GET verification of intent: the client-id echo.
async fn intent(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    // The URI too: a URL token configured for Adobe is checked on the GET as on a POST.
    match state
        .webhooks
        .intent_response_incoming(&Incoming::new(&[], &headers).with_uri(&uri))
    {
        Some(response) => response.map(axum::body::Body::from).into_response(),
        None => StatusCode::METHOD_NOT_ALLOWED.into_response(),
    }
}

/// The extractor: a verified `Event`, or the request is answered with the
/// error's status before this runs.
async fn with_extractor(State(state): State<AppState>, VerifiedEvent(event): VerifiedEvent) -> Response {
    match event {
        Event::EsignGlobal(ref e) => {
            println!("eSignGlobal {} (extractor)", e.kind());
            success(&event)
        }
        Event::Ignisign(delivery) => match state.config.confirm_ignisign(delivery).await {
            Ok(message) => {
                println!("Ignisign {} / {} (extractor)", message.topic, message.action);
                StatusCode::OK.into_response()
            }
            Err(refused) => refused.into_response(),
        },
        Event::SignPlus(event) => {
            println!("Sign.Plus {} (extractor)", event.kind());
            StatusCode::OK.into_response()
        }
        Event::Constellation(update) => {
            println!("Constellation1 {:?} (extractor)", update.data.status);
            StatusCode::OK.into_response()
        }
        other => {
            println!("a {} event (extractor)", other.vendor());
            success(&other)
        }
    }
}

/// The answer the event's vendor requires (eSignGlobal's JSON, Dropbox
/// Sign's `Hello API Event Received`, Adobe's client-id echo, …).
fn success(event: &Event) -> Response {
    event.success_response().map(axum::body::Body::from).into_response()
}

/// Builds the state from a configuration; callbacks report to `log`.
pub fn state(config: common::Config, log: common::Log) -> Result<AppState, Box<dyn std::error::Error>> {
    Ok(AppState {
        webhooks: config.webhooks()?,
        handlers: Arc::new(config.handlers(log)?),
        config: Arc::new(config),
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("axum example failed: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = common::Config::from_env()?;
    let listener = tokio::net::TcpListener::bind(&config.listen_addr).await?;
    config.print_banner("axum");
    let log: common::Log = Arc::new(|line| println!("{line}"));
    if std::env::args().any(|arg| arg == "--fleet") {
        return fleet::serve(listener, state(config, log)?).await;
    }
    axum::serve(listener, router(state(config, log)?)).await?;
    Ok(())
}

/// `--fleet` (feature `inbox`): `POST /webhooks` verifies and hands each
/// delivery to an inbox, answering once the inbox holds it; a worker in the
/// same binary runs the same callbacks (see `manual::fleet`). The inbox here
/// is `MemoryInbox` (not durable): a fleet uses `PostgresInbox` or
/// `RedisInbox`, with receivers and workers in processes of their own.
///
/// ```sh
/// cargo run --example axum --features axum,inbox -- --fleet
/// ```
mod fleet {
    use super::AppState;

    #[cfg(feature = "inbox")]
    pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> Result<(), Box<dyn std::error::Error>> {
        use std::sync::Arc;

        use axum::body::Bytes;
        use axum::extract::State;
        use axum::http::{HeaderMap, Uri};
        use axum::response::{IntoResponse, Response};
        use esign_webhooks::Incoming;
        use esign_webhooks::inbox::{Inbox, MemoryInbox, Receiver, Worker};

        async fn receive(State(receiver): State<Arc<Receiver>>, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
            let incoming = Incoming::new(&body, &headers).with_uri(&uri);
            let answer = match receiver.receive_incoming(&incoming).await {
                Ok(handoff) => handoff.response(),
                Err(err) => err.response(),
            };
            answer.map(axum::body::Body::from).into_response()
        }

        let inbox: Arc<dyn Inbox> = Arc::new(MemoryInbox::new());
        let worker = Worker::new(inbox.clone(), state.handlers.clone());
        tokio::spawn(async move { worker.run(std::future::pending()).await });
        let receiver = Arc::new(Receiver::new(Arc::new(state.webhooks.clone()), inbox));
        let limit = state.webhooks.max_body_size();
        let app = axum::Router::new()
            .route("/webhooks", axum::routing::post(receive))
            .layer(axum::extract::DefaultBodyLimit::max(limit))
            .with_state(receiver);
        println!("fleet mode: receiver and worker in one process, on an in-memory inbox");
        axum::serve(listener, app).await?;
        Ok(())
    }

    #[cfg(not(feature = "inbox"))]
    pub async fn serve(_: tokio::net::TcpListener, _: AppState) -> Result<(), Box<dyn std::error::Error>> {
        Err("--fleet needs the `inbox` feature: cargo run --example axum --features axum,inbox -- --fleet".into())
    }
}
