//! Shared by the server examples (`axum`, `actix`, `hyper`, `tower`), `send`
//! and `quickstart`, so that
//! `send` signs with exactly the secrets the servers check: the configuration
//! read from environment variables, the `Webhooks` it builds, the callbacks the
//! servers run, Ignisign's token check, the answers each vendor requires, and
//! the sample deliveries (one per vendor).
//!
//! | Variable | Demo default | What it is |
//! |---|---|---|
//! | `LISTEN_ADDR` | `127.0.0.1:3000` | where a server listens |
//! | `TARGET_URL` | `http://127.0.0.1:3000/webhooks` | where `send` posts |
//! | `MAX_BODY_SIZE` | unset: the largest body a configured vendor documents (10 MiB, for Adobe Acrobat Sign) | body limit in bytes; larger bodies get 413 |
//! | `ESIGNGLOBAL_SECRET` | `demo-esignglobal-secret` | the eSignGlobal webhook's secret key |
//! | `ESIGNGLOBAL_SIGNATURE_HEADER` | `x-demo-signature` | demo scheme: HMAC-SHA256 of the raw body, hex, in this header. eSignGlobal's real scheme is not published: find yours with `esignglobal::detect_scheme` |
//! | `IGNISIGN_APP_ID` | `appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b` | your Ignisign application id |
//! | `IGNISIGN_APP_ENV` | `DEVELOPMENT` | `DEVELOPMENT`, `STAGING` or `PRODUCTION` |
//! | `IGNISIGN_API_KEY` | unset: **demo mode**, Ignisign's token check is simulated | your API key; confirming tokens with Ignisign needs `--features reqwest` |
//! | `SIGNPLUS_TOKEN` | `demo-signplus-token` | the `?token=` of the URL you register with Sign.Plus |
//! | `CONSTELLATION_USER`, `CONSTELLATION_PASSWORD` | `esign`, `demo-constellation-password` | the `user:password@` of the URL you register with Constellation1 |
//! | `DOCUSIGN_HMAC_KEY` | `demo-docusign-hmac-key` | a DocuSign Connect HMAC key |
//! | `DROPBOXSIGN_API_KEY` | `demo-dropboxsign-api-key` | the Dropbox Sign API key (or app's) that signs `event_hash` |
//! | `BOLDSIGN_SECRET` | `demo-boldsign-secret` | the BoldSign webhook's signing secret |
//! | `ADOBESIGN_CLIENT_ID` | `CBJCHBCAABAAdemoAdobeSignClientId` | your Acrobat Sign application's client id, echoed back |
//! | `YOUSIGN_SECRET` | `demo-yousign-secret` | the Yousign webhook's secret |
//! | `PANDADOC_SHARED_KEY` | `demo-pandadoc-shared-key` | the PandaDoc webhook's shared key (`?signature=`) |
//! | `ZOHOSIGN_SECRET` | `demo-zohosign-secret` | the Zoho Sign webhook's secret |
//! | `DOCUMENSO_SECRET` | `demo-documenso-secret` | the Documenso webhook's secret (`X-Documenso-Secret`) |
//! | `DOCUSEAL_SECRET` | `whsec_demo-docuseal-secret` | the DocuSeal webhook's secret, as shown (`whsec_…`) |
//! | `SIGNWELL_WEBHOOK_ID` | `demo-signwell-webhook-id` | the SignWell webhook's id, which keys `event.hash` |
//! | `OPENSIGN_KEY` | `demo-opensign-key` | the OpenSign webhook's secret key |
//! | `BOXSIGN_PRIMARY_KEY`, `BOXSIGN_SECONDARY_KEY` | `demo-box-primary-key`, `demo-box-secondary-key` | the Box application's two signature keys |
//! | `ONESPAN_CALLBACK_KEY` | `demo-onespan-callback-key` | the OneSpan Sign callback key, sent as `Authorization: Basic <key>` |
//! | `SIGNATUREAPI_SECRET` | `whsec_ZGVtby1zaWduYXR1cmVhcGktc2VjcmV0` | the SignatureAPI endpoint's signing secret, as shown (`whsec_…`) |
//! | `SIGNNOW_TOKEN` | `demo-signnow-token` | SignNow signs nothing: the value of the `X-Webhook-Token` header you add to the subscription (`attributes.headers`) |
//! | `CLICKSIGN_SECRET` | `demo-clicksign-secret` | the Clicksign webhook's HMAC secret (`Content-Hmac`) |
//! | `AUTENTIQUE_SECRET` | `demo-autentique-secret` | the Autentique endpoint's secret (`X-Autentique-Signature`) |
//! | `ZAPSIGN_HEADER`, `ZAPSIGN_TOKEN` | `X-Webhook-Token`, `demo-zapsign-token` | the custom header you set on the ZapSign webhook, and its value (ZapSign signs nothing) |
//! | `D4SIGN_SECRET` | `demo-d4sign-secret` | the D4Sign account's HMAC secret (`Content-Hmac` of the document UUID) |
//!
//! The demo defaults are public: set every variable before exposing a server.

#![allow(dead_code)] // each example uses part of this module

use std::sync::Arc;

use esign_webhooks::testing::{SignedRequest, Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{AsyncHandlers, Error, Lifecycle, Secret, Vendor, Webhooks};
use esign_webhooks::{adobesign, autentique, boldsign, boxsign, clicksign, constellation, d4sign, documenso, docuseal};
use esign_webhooks::{
    docusign, dropboxsign, esignglobal, ignisign, onespan, opensign, pandadoc, signatureapi, signnow,
};
use esign_webhooks::{signplus, signwell, yousign, zapsign, zohosign};

fn secret(text: &str) -> Secret {
    Secret::new(text.to_owned())
}

/// Where the servers' callbacks report what they saw (stdout in the examples,
/// a list in `tests/roundtrip.rs`).
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// The examples' configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub listen_addr: String,
    pub target_url: String,
    /// `None`: the crate's default, which follows the configured vendors.
    pub max_body_size: Option<usize>,
    pub esignglobal_secret: String,
    pub esignglobal_signature_header: String,
    pub ignisign_app_id: String,
    pub ignisign_app_env: ignisign::AppEnv,
    pub ignisign_api_key: Option<String>,
    pub signplus_token: String,
    pub constellation_user: String,
    pub constellation_password: String,
    pub docusign_key: String,
    pub dropboxsign_api_key: String,
    pub boldsign_secret: String,
    pub adobesign_client_id: String,
    pub yousign_secret: String,
    pub pandadoc_key: String,
    pub zohosign_secret: String,
    pub documenso_secret: String,
    pub docuseal_secret: String,
    pub signwell_webhook_id: String,
    pub opensign_key: String,
    pub boxsign_primary: String,
    pub boxsign_secondary: String,
    pub onespan_callback_key: String,
    pub signatureapi_secret: String,
    pub signnow_token: String,
    pub clicksign_secret: String,
    pub autentique_secret: String,
    pub zapsign_header: String,
    pub zapsign_token: String,
    pub d4sign_secret: String,
}

impl Config {
    /// Every demo default, ignoring the environment (tests use this).
    pub fn demo() -> Config {
        Config {
            listen_addr: "127.0.0.1:3000".to_owned(),
            target_url: "http://127.0.0.1:3000/webhooks".to_owned(),
            max_body_size: None,
            esignglobal_secret: "demo-esignglobal-secret".to_owned(),
            esignglobal_signature_header: "x-demo-signature".to_owned(),
            ignisign_app_id: "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b".to_owned(),
            ignisign_app_env: ignisign::AppEnv::Development,
            ignisign_api_key: None,
            signplus_token: "demo-signplus-token".to_owned(),
            constellation_user: "esign".to_owned(),
            constellation_password: "demo-constellation-password".to_owned(),
            docusign_key: "demo-docusign-hmac-key".to_owned(),
            dropboxsign_api_key: "demo-dropboxsign-api-key".to_owned(),
            boldsign_secret: "demo-boldsign-secret".to_owned(),
            adobesign_client_id: "CBJCHBCAABAAdemoAdobeSignClientId".to_owned(),
            yousign_secret: "demo-yousign-secret".to_owned(),
            pandadoc_key: "demo-pandadoc-shared-key".to_owned(),
            zohosign_secret: "demo-zohosign-secret".to_owned(),
            documenso_secret: "demo-documenso-secret".to_owned(),
            docuseal_secret: "whsec_demo-docuseal-secret".to_owned(),
            signwell_webhook_id: "demo-signwell-webhook-id".to_owned(),
            opensign_key: "demo-opensign-key".to_owned(),
            boxsign_primary: "demo-box-primary-key".to_owned(),
            boxsign_secondary: "demo-box-secondary-key".to_owned(),
            onespan_callback_key: "demo-onespan-callback-key".to_owned(),
            signatureapi_secret: "whsec_ZGVtby1zaWduYXR1cmVhcGktc2VjcmV0".to_owned(),
            signnow_token: "demo-signnow-token".to_owned(),
            clicksign_secret: "demo-clicksign-secret".to_owned(),
            autentique_secret: "demo-autentique-secret".to_owned(),
            zapsign_header: "X-Webhook-Token".to_owned(),
            zapsign_token: "demo-zapsign-token".to_owned(),
            d4sign_secret: "demo-d4sign-secret".to_owned(),
        }
    }

    /// The demo defaults, overridden by the environment variables above.
    pub fn from_env() -> Result<Config, String> {
        let demo = Config::demo();
        let var = |name: &str, default: String| std::env::var(name).unwrap_or(default);
        let max_body_size = match std::env::var("MAX_BODY_SIZE") {
            Ok(text) => Some(
                text.parse()
                    .map_err(|_| format!("MAX_BODY_SIZE={text:?} is not a number of bytes"))?,
            ),
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
            docusign_key: var("DOCUSIGN_HMAC_KEY", demo.docusign_key),
            dropboxsign_api_key: var("DROPBOXSIGN_API_KEY", demo.dropboxsign_api_key),
            boldsign_secret: var("BOLDSIGN_SECRET", demo.boldsign_secret),
            adobesign_client_id: var("ADOBESIGN_CLIENT_ID", demo.adobesign_client_id),
            yousign_secret: var("YOUSIGN_SECRET", demo.yousign_secret),
            pandadoc_key: var("PANDADOC_SHARED_KEY", demo.pandadoc_key),
            zohosign_secret: var("ZOHOSIGN_SECRET", demo.zohosign_secret),
            documenso_secret: var("DOCUMENSO_SECRET", demo.documenso_secret),
            docuseal_secret: var("DOCUSEAL_SECRET", demo.docuseal_secret),
            signwell_webhook_id: var("SIGNWELL_WEBHOOK_ID", demo.signwell_webhook_id),
            opensign_key: var("OPENSIGN_KEY", demo.opensign_key),
            boxsign_primary: var("BOXSIGN_PRIMARY_KEY", demo.boxsign_primary),
            boxsign_secondary: var("BOXSIGN_SECONDARY_KEY", demo.boxsign_secondary),
            onespan_callback_key: var("ONESPAN_CALLBACK_KEY", demo.onespan_callback_key),
            signatureapi_secret: var("SIGNATUREAPI_SECRET", demo.signatureapi_secret),
            signnow_token: var("SIGNNOW_TOKEN", demo.signnow_token),
            clicksign_secret: var("CLICKSIGN_SECRET", demo.clicksign_secret),
            autentique_secret: var("AUTENTIQUE_SECRET", demo.autentique_secret),
            zapsign_header: var("ZAPSIGN_HEADER", demo.zapsign_header),
            zapsign_token: var("ZAPSIGN_TOKEN", demo.zapsign_token),
            d4sign_secret: var("D4SIGN_SECRET", demo.d4sign_secret),
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
        let builder = Webhooks::builder();
        // Unset, the limit follows the vendors (Adobe documents bodies up to 10 MB).
        let builder = match self.max_body_size {
            Some(bytes) => builder.max_body_size(bytes),
            None => builder,
        };
        builder
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
            .docusign(docusign::Verifier::hmac([secret(&self.docusign_key)]))
            .dropboxsign(dropboxsign::Verifier::new(secret(&self.dropboxsign_api_key)))
            .boldsign(boldsign::Verifier::new(secret(&self.boldsign_secret)))
            // Adobe signs nothing: each delivery names your application's client id.
            .adobesign(adobesign::Verifier::client_ids([self.adobesign_client_id.clone()]))
            .yousign(yousign::Verifier::new(secret(&self.yousign_secret)))
            .pandadoc(pandadoc::Verifier::new(secret(&self.pandadoc_key)))
            .zohosign(zohosign::Verifier::new(secret(&self.zohosign_secret)))
            .documenso(documenso::Verifier::new(secret(&self.documenso_secret)))
            .docuseal(docuseal::Verifier::new(secret(&self.docuseal_secret)))
            .signwell(signwell::Verifier::new(secret(&self.signwell_webhook_id)))
            .opensign(opensign::Verifier::new(secret(&self.opensign_key)))
            .boxsign(boxsign::Verifier::new(
                secret(&self.boxsign_primary),
                secret(&self.boxsign_secondary),
            ))
            .onespan(onespan::Verifier::callback_key(secret(&self.onespan_callback_key)))
            .signatureapi(signatureapi::Verifier::signing_secret(&self.signatureapi_secret)?)
            // SignNow signs nothing: a secret header you add to the subscription.
            .signnow(signnow::Verifier::header_token(
                "X-Webhook-Token",
                secret(&self.signnow_token),
            ))
            .clicksign(clicksign::Verifier::new(secret(&self.clicksign_secret)))
            .autentique(autentique::Verifier::new(secret(&self.autentique_secret)))
            .zapsign(zapsign::Verifier::header_token(
                self.zapsign_header.clone(),
                secret(&self.zapsign_token),
            ))
            .d4sign(d4sign::Verifier::new(secret(&self.d4sign_secret)))
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
    pub vendor: Vendor,
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    /// The query string (without `?`) of the URL the vendor was given.
    pub query: Option<String>,
    pub expected_status: u16,
}

impl Sample {
    fn signed(name: &'static str, vendor: Vendor, request: SignedRequest, expected_status: u16) -> Sample {
        Sample {
            name,
            vendor,
            body: request.body,
            headers: request.headers,
            query: request.query,
            expected_status,
        }
    }

    /// A delivery that carries no credential of its own (Ignisign's token is
    /// in its body, SignWell's hash too), with `extra` headers.
    fn unsigned(
        name: &'static str,
        vendor: Vendor,
        body: &[u8],
        extra: &[(&str, &str)],
        expected_status: u16,
    ) -> Sample {
        let mut headers = vec![("content-type".to_owned(), "application/json".to_owned())];
        headers.extend(extra.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())));
        Sample {
            name,
            vendor,
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

    /// The request as the crate reads it, for dispatching without a server.
    pub fn incoming(&self) -> esign_webhooks::Incoming<'_, Vec<(String, String)>> {
        esign_webhooks::Incoming::new(&self.body, &self.headers).with_query(self.query.as_deref())
    }
}

/// The sample bodies: the crate's test fixtures, one per vendor.
macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!("../../tests/fixtures/", $path))
    };
}

pub const ESIGNGLOBAL_BODY: &[u8] = fixture!("esignglobal/envelope_finish.json");
pub const IGNISIGN_BODY: &[u8] = fixture!("ignisign/signature_session_initialized.json");
pub const SIGNPLUS_BODY: &[u8] = fixture!("signplus/envelope_completed.json");
pub const CONSTELLATION_BODY: &[u8] = fixture!("constellation/session_completed_pascal.json");
pub const D4SIGN_BODY: &[u8] = fixture!("d4sign/finished.json");
/// The document UUID of [`D4SIGN_BODY`], which D4Sign's `Content-Hmac` covers.
pub const D4SIGN_UUID: &str = "8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab";

/// SignWell signs inside the body: `event.hash` is the HMAC of `type@time`
/// keyed with the webhook id, so the sample's hash is recomputed for the
/// configured id.
fn signwell_signed(body: &[u8], webhook_id: &Secret) -> Vec<u8> {
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return body.to_vec();
    };
    let event = &value["event"];
    let (Some(kind), Some(time)) = (event["type"].as_str(), event["time"].as_i64()) else {
        return body.to_vec();
    };
    let hash = signwell::event_hash(webhook_id, kind, time);
    value["event"]["hash"] = serde_json::Value::String(hash);
    serde_json::to_vec(&value).unwrap_or_else(|_| body.to_vec())
}

impl Config {
    /// One correctly authenticated delivery per vendor, then two a server must refuse.
    pub fn samples(&self) -> Vec<Sample> {
        let hmac = |scheme: HmacScheme, key: &str| Signer::hmac(scheme, secret(key));
        let esignglobal = hmac(self.esignglobal_scheme(), &self.esignglobal_secret);
        let signplus = Signer::query_token("token", secret(&self.signplus_token));
        let constellation = Signer::basic_auth(self.constellation_user.clone(), secret(&self.constellation_password));
        let boxsign = hmac(boxsign::scheme(), &self.boxsign_primary).with_secret(secret(&self.boxsign_secondary));
        let adobe = [(adobesign::CLIENT_ID_HEADER, self.adobesign_client_id.as_str())];
        let d4sign_hmac = d4sign::content_hmac(&secret(&self.d4sign_secret), D4SIGN_UUID);
        let signwell = signwell_signed(
            fixture!("signwell/document_completed.json"),
            &secret(&self.signwell_webhook_id),
        );
        use Vendor::*;
        let ok = |name, vendor, request| Sample::signed(name, vendor, request, 200);
        vec![
            ok(
                "eSignGlobal envelope finished",
                EsignGlobal,
                esignglobal.sign(ESIGNGLOBAL_BODY),
            ),
            // Ignisign signs nothing: its body carries a single-use token the server confirms with Ignisign.
            Sample::unsigned("Ignisign signature session", Ignisign, IGNISIGN_BODY, &[], 200),
            ok("Sign.Plus envelope completed", SignPlus, signplus.sign(SIGNPLUS_BODY)),
            ok(
                "Constellation1 session completed",
                Constellation,
                constellation.sign(CONSTELLATION_BODY),
            ),
            ok(
                "DocuSign envelope completed",
                DocuSign,
                hmac(docusign::scheme(), &self.docusign_key).sign(fixture!("docusign/envelope_completed.json")),
            ),
            ok(
                "Dropbox Sign all signed",
                DropboxSign,
                Signer::dropboxsign(secret(&self.dropboxsign_api_key))
                    .multipart(fixture!("dropboxsign/signature_request_all_signed.json")),
            ),
            ok(
                "BoldSign document completed",
                BoldSign,
                hmac(boldsign::scheme(), &self.boldsign_secret).sign(fixture!("boldsign/document_completed.json")),
            ),
            Sample::unsigned(
                "Adobe Sign agreement created",
                AdobeSign,
                fixture!("adobesign/agreement_created_example.json"),
                &adobe,
                200,
            ),
            ok(
                "Yousign signature request done",
                Yousign,
                hmac(yousign::scheme(), &self.yousign_secret).sign(fixture!("yousign/signature_request_done.json")),
            ),
            ok(
                "PandaDoc document completed",
                PandaDoc,
                hmac(pandadoc::scheme(), &self.pandadoc_key)
                    .sign(fixture!("pandadoc/document_state_changed_completed.json")),
            ),
            ok(
                "Zoho Sign request completed",
                ZohoSign,
                hmac(zohosign::scheme(), &self.zohosign_secret).sign(fixture!("zohosign/request_completed.json")),
            ),
            ok(
                "Documenso document completed",
                Documenso,
                Signer::header_token(documenso::SECRET_HEADER, secret(&self.documenso_secret))
                    .sign(fixture!("documenso/document_completed.json")),
            ),
            ok(
                "DocuSeal submission completed",
                DocuSeal,
                hmac(docuseal::scheme(), &self.docuseal_secret).sign(fixture!("docuseal/submission_completed.json")),
            ),
            // SignWell signs inside the body (see `signwell_signed`).
            Sample::unsigned("SignWell document completed", SignWell, &signwell, &[], 200),
            ok(
                "OpenSign document completed",
                OpenSign,
                hmac(opensign::scheme(), &self.opensign_key).sign(fixture!("opensign/completed.json")),
            ),
            ok(
                "Box Sign request completed",
                BoxSign,
                boxsign.sign(fixture!("boxsign/completed.json")),
            ),
            // OneSpan sends its callback key itself after `Basic `.
            ok(
                "OneSpan Sign package completed",
                OneSpan,
                Signer::header_token(
                    onespan::AUTHORIZATION_HEADER,
                    secret(&format!("Basic {}", self.onespan_callback_key)),
                )
                .sign(fixture!("onespan/package_complete.json")),
            ),
            ok(
                "SignatureAPI envelope completed",
                SignatureApi,
                Signer::hmac(
                    signatureapi::scheme(),
                    Secret::from_standard_webhooks(&self.signatureapi_secret).unwrap_or_else(|_| secret("")),
                )
                .sign(fixture!("signatureapi/envelope_completed.json")),
            ),
            ok(
                "SignNow document completed",
                SignNow,
                Signer::header_token("X-Webhook-Token", secret(&self.signnow_token))
                    .sign(fixture!("signnow/user_document_complete.json")),
            ),
            ok(
                "Clicksign document auto_close",
                Clicksign,
                hmac(clicksign::scheme(), &self.clicksign_secret).sign(fixture!("clicksign/auto_close.json")),
            ),
            ok(
                "Autentique document.finished",
                Autentique,
                hmac(autentique::scheme(), &self.autentique_secret).sign(fixture!("autentique/document_finished.json")),
            ),
            ok(
                "ZapSign doc_signed",
                ZapSign,
                Signer::header_token(self.zapsign_header.clone(), secret(&self.zapsign_token))
                    .sign(fixture!("zapsign/doc_signed.json")),
            ),
            // D4Sign's HMAC covers the document UUID of the post, not the post.
            Sample::unsigned(
                "D4Sign finished document",
                D4Sign,
                D4SIGN_BODY,
                &[(d4sign::SIGNATURE_HEADER, &d4sign_hmac)],
                200,
            ),
            Sample::signed(
                "forged eSignGlobal (wrong signature)",
                EsignGlobal,
                esignglobal
                    .with_signature_override("00".repeat(32))
                    .sign(ESIGNGLOBAL_BODY),
                401,
            ),
            Sample::unsigned("Sign.Plus without its URL token", SignPlus, SIGNPLUS_BODY, &[], 400),
        ]
    }
}
