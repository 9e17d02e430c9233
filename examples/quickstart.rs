//! Signs one sample delivery per vendor, dispatches each through one configured
//! `Webhooks`, and prints the typed events. Exits non-zero on any failure.
//!
//! ```sh
//! cargo run --example quickstart
//! ```

use std::process::ExitCode;

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{Event, Secret, Webhooks};
use esign_webhooks::{constellation, esignglobal, ignisign, signplus};

const ESIGNGLOBAL_BODY: &[u8] = include_bytes!("../tests/fixtures/esignglobal/envelope_finish.json");
const IGNISIGN_BODY: &[u8] = include_bytes!("../tests/fixtures/ignisign/signature_session_initialized.json");
const SIGNPLUS_BODY: &[u8] = include_bytes!("../tests/fixtures/signplus/envelope_completed.json");
const CONSTELLATION_BODY: &[u8] = include_bytes!("../tests/fixtures/constellation/signer_declined_pascal.json");

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("quickstart failed: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    // eSignGlobal does not publish its signature scheme: in production, find it once with
    // `esignglobal::detect_scheme` on a captured delivery. This demo signs with a scheme of its own.
    let esg_scheme = HmacScheme::new(
        SignatureLocation::header("x-demo-signature"),
        SignedContent::Body,
        Encoding::Hex,
    );
    let esg_secret = Secret::new("esignglobal-webhook-secret");
    let signplus_token = Secret::new("signplus-url-token");
    let constellation_password = Secret::new("constellation-password");

    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(esg_secret.clone(), esg_scheme.clone()))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::header_token(
            "x-webhook-token",
            signplus_token.clone(),
        ))
        .constellation(constellation::Verifier::basic_auth(
            "esign",
            constellation_password.clone(),
        ))
        .build()?;

    let json = vec![("content-type".to_owned(), "application/json".to_owned())];
    let deliveries = [
        (
            "eSignGlobal",
            Signer::hmac(esg_scheme, esg_secret).sign(ESIGNGLOBAL_BODY).headers,
            ESIGNGLOBAL_BODY,
        ),
        // Ignisign signs nothing: its deliveries carry a single-use token that Ignisign's API confirms.
        ("Ignisign", json, IGNISIGN_BODY),
        (
            "Sign.Plus",
            Signer::header_token("x-webhook-token", signplus_token)
                .sign(SIGNPLUS_BODY)
                .headers,
            SIGNPLUS_BODY,
        ),
        (
            "Constellation1",
            Signer::basic_auth("esign", constellation_password)
                .sign(CONSTELLATION_BODY)
                .headers,
            CONSTELLATION_BODY,
        ),
    ];

    for (name, headers, body) in deliveries {
        let event = webhooks.dispatch(body, &headers)?;
        println!("{name:>14}: {}", describe(event)?);
    }
    Ok(())
}

fn describe(event: Event) -> Result<String, esign_webhooks::Error> {
    Ok(match event {
        Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(payload)) => {
            let signers = payload.envelope.signer_list.len();
            let noun = if signers == 1 { "signer" } else { "signers" };
            format!("envelope {} finished ({signers} {noun})", payload.envelope.envelope_id)
        }
        Event::EsignGlobal(other) => format!("{} event", other.kind()),
        Event::Ignisign(delivery) => {
            // A real handler confirms the token with Ignisign first:
            //   let request = delivery.token_check_request(&api_key)?;  (send it with your HTTP client)
            //   let message = delivery.confirm(response)?;
            let message = delivery.dangerous_skip_token_check();
            format!(
                "{} / {} ({}), token check skipped in this demo",
                message.topic, message.action, message.msg_nature
            )
        }
        Event::SignPlus(event) => format!("{} for envelope {}", event.kind(), event.envelope_id().unwrap_or("?")),
        Event::Constellation(update) => {
            let status = match &update.data.status {
                constellation::Status::Session(status) => format!("session {status}"),
                constellation::Status::Signer(status) => format!("signer {status}"),
                other => format!("{} {}", other.type_name(), other.code()),
            };
            format!("{status} on session {}", update.data.signing_session_id)
        }
        other => format!("an event from {}", other.vendor()),
    })
}
