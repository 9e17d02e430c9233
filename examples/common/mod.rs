//! Shared by the server examples (`axum`, `actix`, `hyper`) and `send`, so that
//! `send` signs with exactly the secrets the servers check: the configuration
//! read from environment variables, the `Webhooks` it builds, the callbacks the
//! servers run, Ignisign's token check, and the sample deliveries.
//!
//! | Variable | Demo default | What it is |
//! |---|---|---|
//! | `LISTEN_ADDR` | `127.0.0.1:3000` | where a server listens |
//! | `TARGET_URL` | `http://127.0.0.1:3000/webhooks` | where `send` posts |
//! | `MAX_BODY_SIZE` | `1048576` | body limit in bytes; larger bodies get 413 |
//! | `ESIGNGLOBAL_SECRET` | `demo-esignglobal-secret` | the eSignGlobal webhook's secret key |
//! | `ESIGNGLOBAL_SIGNATURE_HEADER` | `x-demo-signature` | demo scheme: HMAC-SHA256 of the raw body, hex, in this header. eSignGlobal's real scheme is not published: find yours with `esignglobal::detect_scheme` |
//! | `IGNISIGN_APP_ID` | `appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b` | your Ignisign application id |
//! | `IGNISIGN_APP_ENV` | `DEVELOPMENT` | `DEVELOPMENT`, `STAGING` or `PRODUCTION` |
//! | `IGNISIGN_API_KEY` | unset: **demo mode**, Ignisign's token check is simulated | your API key; confirming tokens with Ignisign needs `--features reqwest` |
//! | `SIGNPLUS_TOKEN` | `demo-signplus-token` | the `?token=` of the URL you register with Sign.Plus |
//! | `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD` | `esign`, `demo-constellation-password` | the `user:password@` of the URL you register with Constellation1 |
//!
//! The demo defaults are public: set every variable before exposing a server.

#![allow(dead_code)] // each example uses part of this module

use std::sync::Arc;

use esign_webhooks::testing::{SignedRequest, Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{AsyncHandlers, Error, Lifecycle, Secret, Webhooks};
use esign_webhooks::{constellation, esignglobal, ignisign, signplus};

/// Where the servers' callbacks report what they saw (stdout in the examples,
/// a list in `tests/roundtrip.rs`).
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// The examples' configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen_addr: String,
    pub target_url: String,
    pub max_body_size: usize,
    pub esignglobal_secret: String,
    pub esignglobal_signature_header: String,
    pub ignisign_app_id: String,
    pub ignisign_app_env: ignisign::AppEnv,
    pub ignisign_api_key: Option<String>,
    pub signplus_token: String,
    pub constellation_user: String,
    pub constellation_password: String,
}

impl Config {
    /// Every demo default, ignoring the environment (tests use this).
    pub fn demo() -> Config {
        Config {
            listen_addr: "127.0.0.1:3000".to_owned(),
            target_url: "http://127.0.0.1:3000/webhooks".to_owned(),
            max_body_size: esign_webhooks::DEFAULT_MAX_BODY_SIZE,
            esignglobal_secret: "demo-esignglobal-secret".to_owned(),
            esignglobal_signature_header: "x-demo-signature".to_owned(),
            ignisign_app_id: "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b".to_owned(),
            ignisign_app_env: ignisign::AppEnv::Development,
            ignisign_api_key: None,
            signplus_token: "demo-signplus-token".to_owned(),
            constellation_user: "esign".to_owned(),
            constellation_password: "demo-constellation-password".to_owned(),
        }
    }

    /// The demo defaults, overridden by the environment variables above.
    pub fn from_env() -> Result<Config, String> {
        let demo = Config::demo();
        let var = |name: &str, default: String| std::env::var(name).unwrap_or(default);
        let max_body_size = match std::env::var("MAX_BODY_SIZE") {
            Ok(text) => text
                .parse()
                .map_err(|_| format!("MAX_BODY_SIZE={text:?} is not a number of bytes"))?,
            Err(_) => demo.max_body_size,
        };
        Ok(Config {
            listen_addr: var("LISTEN_ADDR", demo.listen_addr),
            target_url: var("TARGET_URL", demo.target_url),
            max_body_size,
            esignglobal_secret: var("ESIGNGLOBAL_SECRET", demo.esignglobal_secret),
            esignglobal_signature_header: var("ESIGNGLOBAL_SIGNATURE_HEADER", demo.esignglobal_signature_header),
            ignisign_app_id: var("IGNISIGN_APP_ID", demo.ignisign_app_id),
            ignisign_app_env: var("IGNISIGN_APP_ENV", "DEVELOPMENT".to_owned())
                .parse()
                .map_err(|_| "IGNISIGN_APP_ENV must be DEVELOPMENT, STAGING or PRODUCTION".to_owned())?,
            ignisign_api_key: std::env::var("IGNISIGN_API_KEY").ok(),
            signplus_token: var("SIGNPLUS_TOKEN", demo.signplus_token),
            constellation_user: var("CONSTELLATION_USER", demo.constellation_user),
            constellation_password: var("CONSTELLATION_PASSWORD", demo.constellation_password),
        })
    }

    /// The demo's eSignGlobal scheme. In production, use the one
    /// `esignglobal::detect_scheme` finds on a captured delivery.
    pub fn esignglobal_scheme(&self) -> HmacScheme {
        HmacScheme::new(
            SignatureLocation::header(self.esignglobal_signature_header.clone()),
            SignedContent::Body,
            Encoding::Hex,
        )
    }

    /// The receiver: one verifier per vendor.
    pub fn webhooks(&self) -> Result<Webhooks, Error> {
        Webhooks::builder()
            .esignglobal(esignglobal::Verifier::new(
                Secret::new(self.esignglobal_secret.clone()),
                self.esignglobal_scheme(),
            ))
            .ignisign(ignisign::Verifier::new(
                self.ignisign_app_id.clone(),
                self.ignisign_app_env.clone(),
            ))
            // Sign.Plus and Constellation1 sign nothing: a secret in the URL you register.
            .signplus(signplus::Verifier::query_token(
                "token",
                Secret::new(self.signplus_token.clone()),
            ))
            .constellation(constellation::Verifier::basic_auth(
                self.constellation_user.clone(),
                Secret::new(self.constellation_password.clone()),
            ))
            .max_body_size(self.max_body_size)
            .build()
    }

    /// The callbacks the servers run: typed per vendor event, plus every
    /// lifecycle step and whatever nobody handled.
    pub fn handlers(&self, log: Log) -> Result<AsyncHandlers, String> {
        let mut handlers = AsyncHandlers::new();
        let l = log.clone();
        handlers
            .esignglobal()
            .on(esignglobal::EventKind::EnvelopeFinish, move |p| {
                l(format!(
                    "eSignGlobal: envelope {} finished ({} signers)",
                    p.envelope.envelope_id,
                    p.envelope.signer_list.len()
                ));
                async { Ok(()) } // do slow work after answering, e.g. queue a job here
            });
        let l = log.clone();
        handlers.ignisign().on_signature_session(
            ignisign::SignatureSessionAction::Initialized,
            ignisign::MsgNature::ALL,
            move |p| {
                if let Some(session) = &p.content {
                    l(format!(
                        "Ignisign: signer {} opened request {}",
                        session.signer_id, session.signature_request_id
                    ));
                }
                async { Ok(()) }
            },
        );
        let l = log.clone();
        handlers
            .signplus()
            .on(signplus::EventKind::EnvelopeCompleted, move |event| {
                l(format!(
                    "Sign.Plus: envelope {} completed",
                    event.envelope_id().unwrap_or("?")
                ));
                async { Ok(()) }
            });
        let l = log.clone();
        handlers
            .constellation()
            .on_session_status(constellation::SessionStatus::Completed, move |data| {
                l(format!("Constellation1: session {} completed", data.signing_session_id));
                async { Ok(()) }
            });
        let l = log.clone();
        handlers.on_lifecycle(Lifecycle::ALL, move |e| {
            l(format!(
                "lifecycle: {} {:?} (envelope {})",
                e.vendor,
                e.kind,
                e.envelope_id.as_deref().unwrap_or("?")
            ));
            async { Ok(()) }
        });
        let l = log;
        handlers.on_unhandled(move |u| {
            l(format!("unhandled: a {} event ({:?})", u.event.vendor(), u.reason));
            async { Ok(()) }
        });
        match self.ignisign_api_key.clone() {
            None => {
                // Demo mode: answer the token check locally, as Ignisign would for a valid token.
                handlers.confirm_ignisign_with(
                    ignisign::ApiKey::new(Secret::new("demo-api-key")),
                    |_request: http::Request<Vec<u8>>| async { Ok(ignisign_token_response(TokenOutcome::Valid)) },
                );
            }
            #[cfg(feature = "reqwest")]
            Some(key) => {
                handlers.confirm_ignisign_with(
                    ignisign::ApiKey::new(Secret::new(key)),
                    esign_webhooks::registry::ReqwestTransport::new(),
                );
            }
            #[cfg(not(feature = "reqwest"))]
            Some(_) => {
                return Err("IGNISIGN_API_KEY is set: run with `--features reqwest` to confirm tokens".to_owned());
            }
        }
        Ok(handlers)
    }

    /// Confirms an Ignisign delivery's single-use token, for handlers that
    /// match on `Event` themselves (the registry does it on its own).
    pub async fn confirm_ignisign(
        &self,
        delivery: ignisign::Delivery,
    ) -> Result<ignisign::Message, (http::StatusCode, String)> {
        let failed = |err: Error| (err.status(), err.to_string());
        match &self.ignisign_api_key {
            None => delivery
                .confirm(ignisign_token_response(TokenOutcome::Valid))
                .map_err(failed),
            #[cfg(feature = "reqwest")]
            Some(key) => {
                use esign_webhooks::registry::TokenTransport;
                let request = delivery
                    .token_check_request(&ignisign::ApiKey::new(Secret::new(key.clone())))
                    .map_err(failed)?;
                let response = esign_webhooks::registry::ReqwestTransport::new()
                    .send(request)
                    .await
                    .map_err(|err| (http::StatusCode::BAD_GATEWAY, format!("Ignisign token check: {err}")))?;
                delivery.confirm(response).map_err(failed)
            }
            #[cfg(not(feature = "reqwest"))]
            Some(_) => Err((
                http::StatusCode::INTERNAL_SERVER_ERROR,
                "build with --features reqwest".to_owned(),
            )),
        }
    }

    /// Says at start-up which demo values are in use.
    pub fn print_banner(&self, server: &str) {
        println!("{server} example listening on http://{}", self.listen_addr);
        println!("  POST /webhooks receives every vendor's deliveries; send some with `cargo run --example send`");
        if self.ignisign_api_key.is_none() {
            println!(
                "  DEMO MODE: Ignisign's token check is simulated; set IGNISIGN_API_KEY to confirm tokens with Ignisign"
            );
        }
        if self.esignglobal_secret == Config::demo().esignglobal_secret {
            println!(
                "  DEMO SECRETS: set the variables listed at the top of examples/common/mod.rs before exposing this server"
            );
        }
    }
}

/// A delivery `send` posts, and the status a server should answer.
#[derive(Debug, Clone)]
pub struct Sample {
    pub name: &'static str,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    /// The query string (without `?`) of the URL the vendor was given.
    pub query: Option<String>,
    pub expected_status: u16,
}

impl Sample {
    fn signed(name: &'static str, request: SignedRequest, expected_status: u16) -> Sample {
        Sample {
            name,
            body: request.body,
            headers: request.headers,
            query: request.query,
            expected_status,
        }
    }

    fn unsigned(name: &'static str, body: &[u8], expected_status: u16) -> Sample {
        let headers = vec![("content-type".to_owned(), "application/json".to_owned())];
        Sample {
            name,
            body: body.to_vec(),
            headers,
            query: None,
            expected_status,
        }
    }

    /// `base` (e.g. `http://127.0.0.1:3000/webhooks`) plus the sample's query string.
    pub fn url(&self, base: &str) -> String {
        match &self.query {
            Some(query) => format!("{base}?{query}"),
            None => base.to_owned(),
        }
    }
}

pub const ESIGNGLOBAL_BODY: &[u8] = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
pub const IGNISIGN_BODY: &[u8] = include_bytes!("../../tests/fixtures/ignisign/signature_session_initialized.json");
pub const SIGNPLUS_BODY: &[u8] = include_bytes!("../../tests/fixtures/signplus/envelope_completed.json");
pub const CONSTELLATION_BODY: &[u8] =
    include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json");

impl Config {
    /// One correctly authenticated delivery per vendor, then two a server must refuse.
    pub fn samples(&self) -> Vec<Sample> {
        let esignglobal = Signer::hmac(self.esignglobal_scheme(), Secret::new(self.esignglobal_secret.clone()));
        let signplus = Signer::query_token("token", Secret::new(self.signplus_token.clone()));
        let constellation = Signer::basic_auth(
            self.constellation_user.clone(),
            Secret::new(self.constellation_password.clone()),
        );
        vec![
            Sample::signed("eSignGlobal envelope finished", esignglobal.sign(ESIGNGLOBAL_BODY), 200),
            // Ignisign signs nothing: its body carries a single-use token the server confirms with Ignisign.
            Sample::unsigned("Ignisign signature session", IGNISIGN_BODY, 200),
            Sample::signed("Sign.Plus envelope completed", signplus.sign(SIGNPLUS_BODY), 200),
            Sample::signed(
                "Constellation1 session completed",
                constellation.sign(CONSTELLATION_BODY),
                200,
            ),
            Sample::signed(
                "forged eSignGlobal (wrong signature)",
                esignglobal
                    .with_signature_override("00".repeat(32))
                    .sign(ESIGNGLOBAL_BODY),
                401,
            ),
            Sample::unsigned("Sign.Plus without its URL token", SIGNPLUS_BODY, 400),
        ]
    }
}
