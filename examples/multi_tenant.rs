//! A multi-tenant axum server: every customer account (tenant) posts to
//! `/webhooks/{tenant}`, and each request is verified with **that tenant's**
//! credentials only, read from a configuration file, secrets from the
//! environment.
//!
//! ```sh
//! cargo run --example multi_tenant --features axum
//! # in another terminal: a Yousign delivery signed with acme's demo secret
//! cargo run --example multi_tenant --features axum -- --sign yousign acme | sh
//! ```
//!
//! Configuration, from environment variables with defaults:
//!
//! | Variable | Default | Meaning |
//! |---|---|---|
//! | `LISTEN_ADDR` | `127.0.0.1:3000` | where to listen |
//! | `TENANTS_FILE` | `examples/tenants.json` | one file with a table per tenant (`{"tenants": {"acme": {…}}}`), or a directory with one file per tenant (`acme.json`, …) |
//! | the `secret_env` names of the file (`ACME_DOCUSIGN_HMAC_KEY`, `ACME_YOUSIGN_SECRET`, `GLOBEX_BOLDSIGN_SECRET`, `GLOBEX_DROPBOXSIGN_API_KEY` in the bundled file) | `demo-<name in lower case>`, with a warning | each tenant's secrets |
//!
//! Secrets are read when a tenant is first resolved, then cached for five
//! minutes ([`TenantsBuilder::ttl`](esign_webhooks::tenant::TenantsBuilder::ttl)):
//! a rotated secret is picked up without a restart after at most that long,
//! or at once with `Tenants::invalidate`. An unknown tenant gets 401, as a
//! wrong signature does; a secret store outage 503, which the vendors retry.
//! See `manual::multi_tenant`.

use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use esign_webhooks::tenant::{SecretFuture, SecretSource, TenantSource, Tenants, TenantsConfig};
use esign_webhooks::{AsyncHandlers, Lifecycle};

/// What every request shares.
#[derive(Clone)]
pub struct App {
    pub tenants: Tenants,
    pub handlers: Arc<AsyncHandlers>,
}

/// The route `/webhooks/{tenant}`, reusable by tests.
pub fn router(app: App) -> Router {
    let limit = app.tenants.max_body_size();
    Router::new()
        .route("/webhooks/{tenant}", post(hook))
        // axum's own limit (2 MB by default) must not be below the crate's.
        .layer(DefaultBodyLimit::max(limit))
        .with_state(app)
}

/// Names the tenant from the path, verifies with its credentials, runs the
/// callbacks for it, and answers what the vendor requires.
async fn hook(State(app): State<App>, parts: Parts, body: Bytes) -> Response {
    match app.tenants.handle_parts(&app.handlers, &parts, &body).await {
        Ok(report) => report.into_response(),
        Err(err) => {
            // The detail is for your logs; the answer is the status alone.
            eprintln!("refused: {err}");
            err.into_response()
        }
    }
}

/// Secrets from the environment; an unset variable gets a demo value
/// (`demo-<name in lower case>`) so the example runs as it is, with a warning.
/// A real server reads a secrets manager here, asynchronously.
#[derive(Debug, Clone, Copy)]
pub struct EnvOrDemo;

impl SecretSource for EnvOrDemo {
    fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a> {
        let value = std::env::var(name).unwrap_or_else(|_| {
            eprintln!("warning: {name} is not set: using a demo secret");
            demo_secret(name)
        });
        Box::pin(async move { Ok(Some(value)) })
    }
}

/// The demo value of secret `name`.
pub fn demo_secret(name: &str) -> String {
    format!("demo-{}", name.to_ascii_lowercase())
}

/// The tenants of `path` (a file with a table per tenant, or a directory of
/// files), named by the path's segment 1 (`/webhooks/{tenant}`).
pub fn tenants(
    path: &str,
    secrets: impl SecretSource + 'static,
) -> Result<Tenants, esign_webhooks::config::ConfigError> {
    let config = if std::path::Path::new(path).is_dir() {
        TenantsConfig::from_dir(path)?
    } else {
        TenantsConfig::from_file(path)?
    };
    let resolver = config.resolver(TenantSource::path_segment(1), secrets);
    Ok(Tenants::builder(resolver).build())
}

/// The callbacks: one for every completion, whichever vendor and tenant.
pub fn handlers() -> AsyncHandlers {
    let mut handlers = AsyncHandlers::new();
    handlers.on_any_with_context(|event, context| async move {
        let tenant = context.tenant().map_or("-", |tenant| tenant.as_str());
        println!("tenant {tenant}: a {} event", event.vendor());
        Ok(())
    });
    handlers.on_lifecycle(Lifecycle::Completed, |event| async move {
        println!("  completed: {:?}", event.envelope_id);
        Ok(())
    });
    handlers
}

/// `--sign <vendor> <tenant>`: prints a `curl` command posting a sample
/// delivery signed with that tenant's demo secret (Yousign or DocuSign).
fn print_signed(vendor: &str, tenant: &str, addr: &str) -> ExitCode {
    use esign_webhooks::testing::Signer;
    use esign_webhooks::{Secret, docusign, yousign};
    let upper = tenant.to_ascii_uppercase();
    let (scheme, variable, body): (_, String, &[u8]) = match vendor {
        "yousign" => (
            yousign::scheme(),
            format!("{upper}_YOUSIGN_SECRET"),
            include_bytes!("../tests/fixtures/yousign/signature_request_done.json"),
        ),
        "docusign" => (
            docusign::scheme(),
            format!("{upper}_DOCUSIGN_HMAC_KEY"),
            include_bytes!("../tests/fixtures/docusign/envelope_completed.json"),
        ),
        _ => {
            eprintln!("--sign takes yousign or docusign");
            return ExitCode::FAILURE;
        }
    };
    let secret = std::env::var(&variable).unwrap_or_else(|_| demo_secret(&variable));
    let signed = Signer::hmac(scheme, Secret::new(secret)).sign(body);
    let headers: String = signed
        .headers
        .iter()
        .map(|(name, value)| format!(" -H '{name}: {value}'"))
        .collect();
    let body = String::from_utf8_lossy(&signed.body).replace('\'', "'\\''");
    println!(
        "curl -s -w '%{{http_code}}\\n' -X POST http://{addr}/webhooks/{tenant}{headers} -H 'content-type: application/json' --data-binary '{body}'"
    );
    ExitCode::SUCCESS
}

#[tokio::main]
async fn main() -> ExitCode {
    let addr = std::env::var("LISTEN_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let file = std::env::var("TENANTS_FILE").unwrap_or_else(|_| "examples/tenants.json".to_owned());
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, vendor, tenant] = args.as_slice() {
        if flag == "--sign" {
            return print_signed(vendor, tenant, &addr);
        }
    }
    let tenants = match tenants(&file, EnvOrDemo) {
        Ok(tenants) => tenants,
        Err(err) => {
            eprintln!("cannot read the tenants ({file}): {err}");
            return ExitCode::FAILURE;
        }
    };
    let app = App {
        tenants,
        handlers: Arc::new(handlers()),
    };
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!("cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    println!("listening on http://{addr}/webhooks/{{tenant}} (tenants from {file})");
    match axum::serve(listener, router(app)).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("server error: {err}");
            ExitCode::FAILURE
        }
    }
}
