//! A complete actix-web server receiving every vendor's webhooks on
//! 127.0.0.1, with the `actix` feature's glue: `integrations::actix::incoming`
//! (body, headers and query string) and the `VerifiedEvent` extractor.
//!
//! ```sh
//! cargo run --example actix --features actix    # terminal 1: the server, on 127.0.0.1:3000
//! cargo run --example send                      # terminal 2: signed sample deliveries
//! ```
//!
//! * `POST /webhooks` takes the raw body as `web::Bytes` (never `web::Json`: a
//!   re-serialised body no longer matches its signature; actix's payload limit
//!   is set to the crate's, so larger bodies get 413), hands body, headers and
//!   query string to `Webhooks::handle_incoming_async`, which verifies, confirms
//!   Ignisign's token and runs the typed callbacks of `examples/common/mod.rs`,
//!   and answers the status the crate suggests, with the body each vendor
//!   requires (`Report::response()`). `GET /webhooks` answers Adobe
//!   Acrobat Sign's verification of intent (`Webhooks::intent_response_incoming`).
//! * `POST /webhooks/events` takes a `VerifiedEvent`, matches on it and
//!   answers `Event::success_response()`.
//!
//! Configuration, from environment variables with demo defaults (the full
//! table is at the top of `examples/common/mod.rs`): `LISTEN_ADDR`
//! (`127.0.0.1:3000`), `MAX_BODY_SIZE` (unset: the vendors' documented maximum), `ESIGNGLOBAL_SECRET`,
//! `ESIGNGLOBAL_SIGNATURE_HEADER`, `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`,
//! `IGNISIGN_API_KEY` (unset: demo mode), `SIGNPLUS_TOKEN`,
//! `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD`, and one or two per other
//! vendor (`DOCUSIGN_HMAC_KEY`, `DROPBOXSIGN_API_KEY`, `ADOBESIGN_CLIENT_ID`, …).

pub mod common; // `pub`: tests/roundtrip.rs reuses this file

use std::process::ExitCode;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use esign_webhooks::integrations::actix::{VerifiedEvent, incoming, to_actix};
use esign_webhooks::{AsyncHandlers, Event, Webhooks};

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    webhooks: web::Data<Webhooks>,
    handlers: web::Data<AsyncHandlers>,
) -> HttpResponse {
    match webhooks.handle_incoming_async(&handlers, &incoming(&req, &body)).await {
        Ok(report) => {
            for failure in report.failures() {
                eprintln!("callback failed: {failure}");
            }
            // The whole answer the vendor requires: status, headers, body.
            to_actix(report.response())
        }
        Err(err) => {
            // The detail is for the logs; the sender gets the status and its reason phrase.
            eprintln!("refused: {err}");
            to_actix(err.response())
        }
    }
}

/// The extractor: a verified `Event`, or the request was answered with the
/// error's status before this runs.
async fn with_extractor(VerifiedEvent(event): VerifiedEvent, config: web::Data<common::Config>) -> HttpResponse {
    match event {
        Event::Ignisign(delivery) => match config.confirm_ignisign(delivery).await {
            Ok(message) => {
                println!("Ignisign {} / {} (extractor)", message.topic, message.action);
                HttpResponse::Ok().finish()
            }
            Err((code, reason)) => HttpResponse::build(status(code)).body(reason),
        },
        other => {
            println!("{} {} (extractor)", other.vendor(), other.kind_name());
            to_actix(other.success_response())
        }
    }
}

/// Adobe Acrobat Sign's GET verification of intent: the client-id echo.
async fn intent(req: HttpRequest, webhooks: web::Data<Webhooks>) -> HttpResponse {
    // The query too: a URL token configured for Adobe is checked on the GET as on a POST.
    match webhooks.intent_response_incoming(&incoming(&req, &[])) {
        Some(response) => to_actix(response),
        None => HttpResponse::MethodNotAllowed().finish(),
    }
}

/// actix-web 4 uses the `http` crate 0.2, the crate 1.x: statuses cross as numbers.
fn status(status: http::StatusCode) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("actix example failed: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let config = common::Config::from_env()?;
    let listener = std::net::TcpListener::bind(&config.listen_addr)?;
    config.print_banner("actix-web");
    let log: common::Log = Arc::new(|line| println!("{line}"));
    actix_web::rt::System::new().block_on(async move { server(listener, config, log)?.await })?;
    Ok(())
}

/// The server on `listener`; run it by awaiting it inside an actix system.
pub fn server(
    listener: std::net::TcpListener,
    config: common::Config,
    log: common::Log,
) -> std::io::Result<actix_web::dev::Server> {
    let webhooks = web::Data::new(config.webhooks().map_err(std::io::Error::other)?);
    let handlers = web::Data::new(config.handlers(log).map_err(std::io::Error::other)?);
    // actix-web's own limit must not be below the crate's.
    let limit = webhooks.max_body_size();
    let config = web::Data::new(config);
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(web::PayloadConfig::new(limit))
            .app_data(webhooks.clone())
            .app_data(handlers.clone())
            .app_data(config.clone())
            .route("/webhooks", web::post().to(receive))
            .route("/webhooks", web::get().to(intent))
            .route("/webhooks/events", web::post().to(with_extractor))
    })
    .workers(1)
    .listen(listener)?
    .run())
}
