//! A complete hyper 1 server (no framework) receiving every vendor's webhooks
//! on 127.0.0.1. `http::HeaderMap` implements the crate's `Headers`, so no
//! feature is needed.
//!
//! ```sh
//! cargo run --example hyper      # terminal 1: the server, on 127.0.0.1:3000
//! cargo run --example send       # terminal 2: signed sample deliveries
//! ```
//!
//! `POST /webhooks` reads the raw body (up to the configured limit: larger
//! bodies get 413 without being read further), hands body, headers and URI to
//! `Webhooks::handle_parts_async`, which verifies, confirms Ignisign's token
//! and runs the typed callbacks of `examples/common/mod.rs`, and answers the
//! status the crate suggests, with the body each vendor requires
//! (`Report::response()`). `GET /webhooks` answers Adobe Acrobat
//! Sign's verification of intent (`Webhooks::intent_response_incoming`).
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

use esign_webhooks::{AsyncHandlers, Incoming, Webhooks};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming as HyperBody};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

/// What every request shares.
pub struct App {
    webhooks: Webhooks,
    handlers: AsyncHandlers,
}

async fn route(app: Arc<App>, request: Request<HyperBody>) -> Result<Response<Full<Bytes>>, Infallible> {
    if request.uri().path() != "/webhooks" {
        return Ok(reply(StatusCode::NOT_FOUND, "not found"));
    }
    if request.method() == Method::GET {
        // Adobe Acrobat Sign's verification of intent.
        // The whole request: a URL token configured for Adobe is checked on the GET too.
        return Ok(
            match app
                .webhooks
                .intent_response_incoming(&Incoming::new(&[], request.headers()).with_uri(request.uri()))
            {
                Some(response) => response.map(|body| Full::new(Bytes::from(body))),
                None => reply(StatusCode::METHOD_NOT_ALLOWED, ""),
            },
        );
    }
    if request.method() != Method::POST {
        return Ok(reply(StatusCode::METHOD_NOT_ALLOWED, ""));
    }
    let (parts, body) = request.into_parts();
    // The raw bytes, never more than the limit.
    let body = match Limited::new(body, app.webhooks.max_body_size()).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.is::<LengthLimitError>() => return Ok(reply(StatusCode::PAYLOAD_TOO_LARGE, "body too large")),
        Err(_) => return Ok(reply(StatusCode::BAD_REQUEST, "unreadable body")),
    };
    // `parts` carries the URI: a token in the registered URL is checked.
    Ok(
        match app.webhooks.handle_parts_async(&app.handlers, &parts, &body).await {
            Ok(report) => {
                for failure in report.failures() {
                    eprintln!("callback failed: {failure}");
                }
                // The whole answer the vendor requires: status, headers, body.
                report.response().map(|body| Full::new(Bytes::from(body)))
            }
            Err(err) => {
                // The detail is for the logs; the sender gets the status and its reason phrase.
                eprintln!("refused: {err}");
                err.response().map(|body| Full::new(Bytes::from(body)))
            }
        },
    )
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
            eprintln!("hyper example failed: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = common::Config::from_env()?;
    let app = app(&config, Arc::new(|line| println!("{line}")))?;
    let listener = tokio::net::TcpListener::bind(&config.listen_addr).await?;
    config.print_banner("hyper");
    serve(listener, app).await
}

/// Builds what the requests share; callbacks report to `log`.
pub fn app(config: &common::Config, log: common::Log) -> Result<Arc<App>, Box<dyn std::error::Error>> {
    Ok(Arc::new(App {
        webhooks: config.webhooks()?,
        handlers: config.handlers(log)?,
    }))
}

/// Serves HTTP/1 connections from `listener` until it fails.
pub async fn serve(listener: tokio::net::TcpListener, app: Arc<App>) -> Result<(), Box<dyn std::error::Error>> {
    loop {
        let (stream, _) = listener.accept().await?;
        let app = Arc::clone(&app);
        tokio::spawn(async move {
            let service = service_fn(move |request| route(Arc::clone(&app), request));
            if let Err(err) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                eprintln!("connection error: {err}");
            }
        });
    }
}
