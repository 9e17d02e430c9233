//! A complete actix-web server receiving every vendor's webhooks on
//! 127.0.0.1. The `actix` feature implements the crate's `Headers` for
//! actix-web's own `HeaderMap`, so `req.headers()` goes straight in.
//!
//! ```sh
//! cargo run --example actix --features actix    # terminal 1: the server, on 127.0.0.1:3000
//! cargo run --example send                      # terminal 2: signed sample deliveries
//! ```
//!
//! `POST /webhooks` takes the raw body as `web::Bytes` (never `web::Json`: a
//! re-serialised body no longer matches its signature; actix's payload limit
//! is set to the crate's, so larger bodies get 413), hands body, headers and
//! query string to `Webhooks::handle_incoming_async`, which verifies, confirms
//! Ignisign's token and runs the typed callbacks of `examples/common/mod.rs`,
//! and answers the status the crate suggests, with
//! `esignglobal::SUCCESS_RESPONSE` for eSignGlobal.
//!
//! Configuration, from environment variables with demo defaults (the full
//! table is at the top of `examples/common/mod.rs`): `LISTEN_ADDR`
//! (`127.0.0.1:3000`), `MAX_BODY_SIZE` (1 MiB), `ESIGNGLOBAL_SECRET`,
//! `ESIGNGLOBAL_SIGNATURE_HEADER`, `IGNISIGN_APP_ID`, `IGNISIGN_APP_ENV`,
//! `IGNISIGN_API_KEY` (unset: demo mode), `SIGNPLUS_TOKEN`,
//! `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD`.

mod common;

use std::process::ExitCode;
use std::sync::Arc;

use actix_web::http::StatusCode;
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use esign_webhooks::{AsyncHandlers, Incoming, Vendor, Webhooks, esignglobal};

async fn receive(
    req: HttpRequest,
    body: web::Bytes,
    webhooks: web::Data<Webhooks>,
    handlers: web::Data<AsyncHandlers>,
) -> HttpResponse {
    let incoming = Incoming::new(&body, req.headers()).with_query(Some(req.query_string()));
    match webhooks.handle_incoming_async(&handlers, &incoming).await {
        Ok(report) => {
            for failure in report.failures() {
                eprintln!("callback failed: {failure}");
            }
            let status = status(report.status());
            if report.vendor() == Vendor::EsignGlobal && status.is_success() {
                HttpResponse::build(status)
                    .content_type("application/json")
                    .body(esignglobal::SUCCESS_RESPONSE)
            } else {
                HttpResponse::build(status).finish()
            }
        }
        Err(err) => {
            eprintln!("refused: {err}");
            HttpResponse::build(status(err.status())).body(err.to_string())
        }
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
    let webhooks = web::Data::new(config.webhooks()?);
    let handlers = web::Data::new(config.handlers(Arc::new(|line| println!("{line}")))?);
    let limit = config.max_body_size;
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(move || {
            App::new()
                .app_data(web::PayloadConfig::new(limit))
                .app_data(webhooks.clone())
                .app_data(handlers.clone())
                .route("/webhooks", web::post().to(receive))
        })
        .bind(&config.listen_addr)?;
        config.print_banner("actix-web");
        server.run().await
    })?;
    Ok(())
}
