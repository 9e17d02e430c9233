//! Registers typed callbacks per vendor event and per lifecycle step, then
//! handles one signed delivery per vendor, blocking and async. Exits non-zero
//! on any failure.
//!
//! ```sh
//! cargo run --example registry
//! ```

use std::process::ExitCode;

use esign_webhooks::testing::{Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{AsyncHandlers, HandlerError, Handlers, Lifecycle, Secret, Webhooks};
use esign_webhooks::{constellation, esignglobal, ignisign, signplus};

const ESIGNGLOBAL: &[u8] = include_bytes!("../tests/fixtures/esignglobal/envelope_finish.json");
const IGNISIGN: &[u8] = include_bytes!("../tests/fixtures/ignisign/signature_session_initialized.json");
const SIGNPLUS: &[u8] = include_bytes!("../tests/fixtures/signplus/envelope_completed.json");
const CONSTELLATION: &[u8] = include_bytes!("../tests/fixtures/constellation/session_completed_pascal.json");

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("registry example failed: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    // eSignGlobal's scheme is not published: find yours with `esignglobal::detect_scheme`.
    let esg_scheme = HmacScheme::new(
        SignatureLocation::header("x-demo-signature"),
        SignedContent::Body,
        Encoding::Hex,
    );
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(
            Secret::new("esg-secret"),
            esg_scheme.clone(),
        ))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::header_token(
            "x-webhook-token",
            Secret::new("sp-token"),
        ))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
        .build()?;

    let deliveries = [
        (
            "eSignGlobal",
            ESIGNGLOBAL,
            Signer::hmac(esg_scheme, Secret::new("esg-secret"))
                .sign(ESIGNGLOBAL)
                .headers,
        ),
        (
            "Ignisign",
            IGNISIGN,
            vec![("content-type".to_owned(), "application/json".to_owned())],
        ),
        (
            "Sign.Plus",
            SIGNPLUS,
            Signer::header_token("x-webhook-token", Secret::new("sp-token"))
                .sign(SIGNPLUS)
                .headers,
        ),
        (
            "Constellation1",
            CONSTELLATION,
            Signer::basic_auth("esign", Secret::new("c1-password"))
                .sign(CONSTELLATION)
                .headers,
        ),
    ];

    // Blocking callbacks.
    let mut handlers = Handlers::new();
    let id = handlers.ignisign().on_signature_session(
        ignisign::SignatureSessionAction::Initialized,
        ignisign::MsgNature::ALL,
        |p: &ignisign::CallbackParams<ignisign::SignatureSession>| {
            let session = p.content.as_ref().ok_or_else(|| HandlerError::msg("no content"))?;
            println!(
                "  ignisign: signer {} opened request {}",
                session.signer_id, session.signature_request_id
            );
            Ok(())
        },
    );
    handlers.ignisign().on(
        ignisign::Topic::ALL,
        ignisign::Action::ALL,
        ignisign::MsgNature::Error,
        |p| {
            println!("  ignisign error: {:?}", p.error);
            Ok(())
        },
    );
    handlers.esignglobal().on(esignglobal::EventKind::EnvelopeFinish, |p| {
        println!(
            "  esignglobal: envelope {} finished ({} signers)",
            p.envelope.envelope_id,
            p.envelope.signer_list.len()
        );
        Ok(())
    });
    handlers.signplus().on(signplus::EventKind::EnvelopeCompleted, |e| {
        println!("  signplus: envelope {} completed", e.envelope_id().unwrap_or("?"));
        Ok(())
    });
    handlers
        .constellation()
        .on_session_status(constellation::SessionStatus::Completed, |d| {
            println!("  constellation: session {} completed", d.signing_session_id);
            Ok(())
        });
    handlers.on_lifecycle(Lifecycle::Completed, |e| {
        println!("  lifecycle: {} envelope {:?} completed", e.vendor, e.envelope_id);
        Ok(())
    });
    // The demo has no Ignisign API key: it answers the token check itself.
    handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(Secret::new("demo-key")),
        |_request: http::Request<Vec<u8>>| Ok(ignisign_token_response(TokenOutcome::Valid)),
    );

    println!("blocking handlers:");
    for (vendor, body, headers) in &deliveries {
        let report = webhooks.handle(&handlers, body, headers)?;
        println!(
            "{vendor:>14}: {} callback(s) ran, answer {}",
            report.ran().len(),
            report.status()
        );
        if !report.failures().is_empty() {
            return Err(format!("{vendor}: {:?}", report.failures()).into());
        }
    }
    handlers.revoke(id);

    // The same with async closures, on any runtime (tokio here).
    let mut async_handlers = AsyncHandlers::new();
    async_handlers.on_lifecycle(Lifecycle::ALL, |e| async move {
        println!("  async lifecycle: {} {:?}", e.vendor, e.kind);
        Ok(())
    });
    async_handlers.on_unhandled(|u| async move {
        println!(
            "  async: nothing registered for this {} event ({:?})",
            u.event.vendor(),
            u.reason
        );
        Ok(())
    });
    async_handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(Secret::new("demo-key")),
        |_request: http::Request<Vec<u8>>| async { Ok(ignisign_token_response(TokenOutcome::Valid)) },
    );
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    println!("async handlers:");
    for (vendor, body, headers) in &deliveries {
        let report = runtime.block_on(webhooks.handle_async(&async_handlers, body, headers))?;
        println!("{vendor:>14}: {} callback(s) ran", report.ran().len());
    }
    Ok(())
}
