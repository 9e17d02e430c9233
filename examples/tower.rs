//! A complete tower stack on hyper 1, receiving every vendor's webhooks on
//! 127.0.0.1: `VerifyLayer` (feature `tower`) reads the body with the size
//! limit, verifies and parses it, and the inner service gets
//! `http::Request<Event>`; refused deliveries never reach it.
//!
//! ```sh
//! cargo run --example tower --features tower   # terminal 1: the server, on 127.0.0.1:3000
//! cargo run --example send                     # terminal 2: signed sample deliveries
//! ```
//!
//! `serve_registry` serves the callback registry instead, through
//! `HandlersService`: it answers `Report::response()`, the whole answer each
//! vendor requires, and a GET with Adobe's verification of intent.
//!
//! The inner service confirms Ignisign's single-use token and answers what
//! each vendor requires (`Event::success_response()`: eSignGlobal's JSON,
//! Dropbox Sign's `Hello API Event Received`, Adobe's client-id echo, an
//! empty 200 for the others). The layer verifies every request it gets: put
//! Adobe's GET verification of intent (`Webhooks::intent_response_incoming`) on a
//! route of its own, as the axum and hyper examples do. The same layer goes on an axum `Router` (`.layer(VerifyLayer::new(webhooks))`)
//! or any tower stack.
//!
//! Configuration, from environment variables with demo defaults (the full
//! table is at the top of `examples/common/mod.rs`): `LISTEN_ADDR`
//! (`127.0.0.1:3000`), `MAX_BODY_SIZE` (unset: the vendors' documented maximum), `ESIGNGLOBAL_SECRET`,
//! `ESIGNGLOBAL_SIGNATURE_HEADER`, `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`,
//! `IGNISIGN_API_KEY` (unset: demo mode), `SIGNPLUS_TOKEN`,
//! `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD`, and one or two per other
//! vendor (`DOCUSIGN_HMAC_KEY`, `DROPBOXSIGN_API_KEY`, `ADOBESIGN_CLIENT_ID`, …).

pub mod common; // `pub`: tests/roundtrip.rs reuses this file

use std::convert::Infallible;
use std::process::ExitCode;
use std::sync::Arc;

use esign_webhooks::Event;
use esign_webhooks::integrations::tower::{HandlersService, VerifyLayer};
use http::{Request, Response, StatusCode};
use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tower::{Layer, service_fn};

/// The inner service: only verified, typed deliveries get here.
async fn receive(
    config: Arc<common::Config>,
    log: common::Log,
    request: Request<Event>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    Ok(match request.into_body() {
        Event::Ignisign(delivery) => match config.confirm_ignisign(delivery).await {
            Ok(message) => {
                log(format!("Ignisign {} / {} (tower)", message.topic, message.action));
                reply(StatusCode::OK, "")
            }
            Err((status, reason)) => reply(status, &reason),
        },
        other => {
            log(format!("{} {} (tower)", other.vendor(), other.kind_name()));
            other.success_response().map(|body| Full::new(Bytes::from(body)))
        }
    })
}

fn reply(status: StatusCode, body: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body.to_owned())));
    *response.status_mut() = status;
    response
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("tower example failed: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = common::Config::from_env()?;
    let listener = tokio::net::TcpListener::bind(&config.listen_addr).await?;
    config.print_banner("tower");
    serve(listener, config, Arc::new(|line| println!("{line}"))).await
}

/// Serves HTTP/1 connections from `listener` through the layered service.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: common::Config,
    log: common::Log,
) -> Result<(), Box<dyn std::error::Error>> {
    let layer = VerifyLayer::new(config.webhooks()?);
    let config = Arc::new(config);
    loop {
        let (stream, _) = listener.accept().await?;
        let (config, log) = (Arc::clone(&config), Arc::clone(&log));
        let inner = service_fn(move |request: Request<Event>| receive(Arc::clone(&config), Arc::clone(&log), request));
        spawn_connection(stream, TowerToHyperService::new(layer.layer(inner)));
    }
}

/// Serves HTTP/1 connections from `listener` with the callback registry:
/// `HandlersService` (feature `tower`) reads, verifies, deduplicates, runs
/// the typed callbacks of `examples/common/mod.rs` and answers
/// `Report::response()` (or `Error::response()`), the answer each vendor
/// requires.
pub async fn serve_registry(
    listener: tokio::net::TcpListener,
    config: common::Config,
    log: common::Log,
) -> Result<(), Box<dyn std::error::Error>> {
    let service: HandlersService = HandlersService::new_async(config.webhooks()?, Arc::new(config.handlers(log)?));
    loop {
        let (stream, _) = listener.accept().await?;
        spawn_connection(stream, TowerToHyperService::new(service.clone()));
    }
}

/// Serves one connection on its own task.
fn spawn_connection<S>(stream: tokio::net::TcpStream, service: S)
where
    S: hyper::service::Service<Request<hyper::body::Incoming>, Response = Response<Full<Bytes>>> + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    tokio::spawn(async move {
        if let Err(err) = http1::Builder::new()
            .serve_connection(TokioIo::new(stream), service)
            .await
        {
            eprintln!("connection error: {err}");
        }
    });
}
