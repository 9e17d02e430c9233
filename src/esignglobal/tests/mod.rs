//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Tests of the eSignGlobal module: every fixture, every status code, the
//! flexible scalars, malformed payloads and scheme detection.

mod app_channel;
mod detect;
mod enums;
mod fast_path;
mod malformed;
mod scalars;
mod webhook_channel;

use super::Event;
use crate::ErrorKind;

/// The vendor's parse as dispatch runs it: the one-pass parse, else the precise one.
fn parse(body: &[u8]) -> Result<Event, crate::Error> {
    crate::plugin::parse::<super::EsignGlobal>(body)
}

/// The bytes of `tests/fixtures/esignglobal/<name>.json`.
macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../../tests/fixtures/esignglobal/", $name, ".json")).as_slice()
    };
}
use fixture;

/// Every fixture, for the checks that apply to all of them.
const ALL: [(&str, &[u8]); 23] = [
    ("envelope_start", fixture!("envelope_start")),
    ("envelope_signer_signed", fixture!("envelope_signer_signed")),
    ("envelope_all_signer_signed", fixture!("envelope_all_signer_signed")),
    ("envelope_finish", fixture!("envelope_finish")),
    ("envelope_cancel", fixture!("envelope_cancel")),
    ("signer_declined", fixture!("signer_declined")),
    ("envelope_expired", fixture!("envelope_expired")),
    ("envelope_delivery_failed", fixture!("envelope_delivery_failed")),
    (
        "envelope_finish_three_signers",
        fixture!("envelope_finish_three_signers"),
    ),
    ("app_envelope_start", fixture!("app_envelope_start")),
    ("app_envelope_signer_signed", fixture!("app_envelope_signer_signed")),
    (
        "app_envelope_all_signer_signed",
        fixture!("app_envelope_all_signer_signed"),
    ),
    ("app_envelope_finish", fixture!("app_envelope_finish")),
    ("app_envelope_cancel", fixture!("app_envelope_cancel")),
    ("app_envelope_declined", fixture!("app_envelope_declined")),
    ("app_envelope_expired", fixture!("app_envelope_expired")),
    ("app_envelope_signer_viewed", fixture!("app_envelope_signer_viewed")),
    ("app_envelope_delivery_failed", fixture!("app_envelope_delivery_failed")),
    ("app_envelope_signer_failed", fixture!("app_envelope_signer_failed")),
    ("unknown_event", fixture!("unknown_event")),
    ("unknown_status_codes", fixture!("unknown_status_codes")),
    ("time_as_strings", fixture!("time_as_strings")),
    ("time_as_numbers", fixture!("time_as_numbers")),
];

fn parse_ok(body: &[u8]) -> Event {
    match parse(body) {
        Ok(event) => event,
        Err(err) => panic!("{err}"),
    }
}

/// `(path, line, column, message)` of a MalformedPayload error.
fn malformed(body: &[u8]) -> (String, usize, usize, String) {
    let err = parse(body).expect_err("must be rejected");
    assert_eq!(err.vendor(), Some(crate::Vendor::EsignGlobal));
    assert_eq!(err.status(), http::StatusCode::BAD_REQUEST);
    match err.kind().clone() {
        ErrorKind::MalformedPayload {
            path,
            line,
            column,
            message,
        } => (path, line, column, message),
        other => panic!("expected MalformedPayload, got {other:?}"),
    }
}

#[test]
fn every_fixture_round_trips() {
    for (name, body) in ALL {
        let event = parse_ok(body);
        let written = serde_json::to_vec(&event).unwrap();
        assert_eq!(parse_ok(&written), event, "{name}");
        // The wire shape is the original one: same JSON value, keys and types.
        let original: serde_json::Value = serde_json::from_slice(body).unwrap();
        let rewritten: serde_json::Value = serde_json::from_slice(&written).unwrap();
        assert_eq!(rewritten, original, "{name}");
    }
}

#[test]
fn every_fixture_has_its_envelope_id_and_channel() {
    for (name, body) in ALL {
        let event = parse_ok(body);
        let raw: serde_json::Value = serde_json::from_slice(body).unwrap();
        let (channel, payload) = if name.starts_with("app_") || name == "time_as_strings" {
            (super::Channel::AppCallback, &raw["callBackEnvelopeVO"])
        } else {
            (super::Channel::Webhook, &raw["eventPayload"])
        };
        assert_eq!(event.channel(), channel, "{name}");
        assert_eq!(event.envelope_id(), payload["envelopeId"].as_str(), "{name}");
        assert!(event.envelope_id().is_some(), "{name}");
    }
}

#[test]
fn three_signer_body_is_about_840_bytes() {
    let body = fixture!("envelope_finish_three_signers");
    assert!((800..=880).contains(&body.len()), "{}", body.len());
    let Event::EnvelopeFinish(payload) = parse_ok(body) else {
        panic!("not a finish")
    };
    let names: Vec<_> = payload
        .envelope
        .signer_list
        .iter()
        .map(|s| s.user_name.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Chan Tai Man", "Li Wei", "Ana Santos"]);
    assert_eq!(
        payload.envelope.signer_list[1].organization_name.as_deref(),
        Some("Harbour Trading Ltd.")
    );
}
