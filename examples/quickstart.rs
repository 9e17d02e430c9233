//! Signs one sample delivery per vendor (the crate's test fixtures, signed by
//! `esign_webhooks::testing` with the demo secrets of `examples/common/mod.rs`),
//! dispatches each through one `Webhooks` configured for all twenty-three vendors,
//! and prints the typed events, one line each. Exits non-zero on any failure.
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! The table of vendors, verifiers and signed samples is `Config::webhooks`
//! and `Config::samples` in `examples/common/mod.rs`, shared with the server
//! examples and `send`.

mod common;

use std::process::ExitCode;

use esign_webhooks::{Event, constellation, esignglobal};

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
    let config = common::Config::demo();
    let webhooks = config.webhooks()?;
    // The samples a server must accept (`send` also posts two it must refuse).
    for sample in config.samples().iter().filter(|s| s.expected_status == 200) {
        let event = webhooks.dispatch_incoming(&sample.incoming())?;
        println!("{:>20}: {}", event.vendor().to_string(), describe(&event));
    }
    Ok(())
}

/// One line about an event: its kind in the vendor's words, and what it is
/// about, read from the vendor's typed event.
fn describe(event: &Event) -> String {
    let kind = event.kind_name();
    let about = match event {
        Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(payload)) => {
            let signers = payload.envelope.signer_list.len();
            format!(
                "envelope {} finished, {signers} signer(s)",
                payload.envelope.envelope_id
            )
        }
        // A real handler confirms Ignisign's single-use token first (the
        // registry does it for you: see the server examples).
        Event::Ignisign(_) => "token not yet confirmed".to_owned(),
        Event::Constellation(update) => match &update.data.status {
            constellation::Status::Session(status) => format!("session {} {status}", update.data.signing_session_id),
            other => format!("{} {}", other.type_name(), other.code()),
        },
        Event::SignPlus(e) => id("envelope", e.envelope_id()),
        Event::DocuSign(e) => id("envelope", e.envelope_id()),
        Event::DropboxSign(e) => id("signature request", e.signature_request_id()),
        Event::BoldSign(e) => id("document", e.document_id()),
        Event::AdobeSign(e) => id("agreement", e.agreement_id()),
        Event::Yousign(e) => id("signature request", e.signature_request_id()),
        Event::PandaDoc(d) => id("document", d.notifications.first().map(|n| n.data.id.as_str())),
        Event::Documenso(e) => id("document", e.envelope_id().as_deref()),
        Event::DocuSeal(e) => id("submission", e.submission_id().map(|n| n.to_string()).as_deref()),
        Event::SignWell(e) => id("document", e.document_id()),
        Event::ZohoSign(e) => id("request", e.requests.request_id.as_deref()),
        Event::OpenSign(e) => id("document", Some(e.object_id.as_str())),
        Event::BoxSign(e) => id("sign request", e.sign_request_id()),
        Event::OneSpan(e) => id("package", Some(e.package_id.as_str())),
        Event::SignNow(e) => id("document", e.document_id()),
        Event::SignatureApi(e) => id("envelope", e.envelope_id()),
        Event::Clicksign(e) => id("document", e.subject_key()),
        Event::Autentique(e) => id("document", e.document_id()),
        Event::ZapSign(e) => id("document", e.token.as_deref()),
        Event::D4Sign(e) => id("document", Some(e.uuid.as_str())),
        _ => String::new(),
    };
    if about.is_empty() {
        kind.into_owned()
    } else {
        format!("{kind}: {about}")
    }
}

fn id(what: &str, id: Option<&str>) -> String {
    id.filter(|id| !id.is_empty())
        .map(|id| format!("{what} {id}"))
        .unwrap_or_default()
}
