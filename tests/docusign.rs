//! DocuSign Connect: the vendor conformance suite
//! (`common/vendor_conformance.rs`), then what is DocuSign's own: the spec
//! vector and its sample construction, any key against any numbered header,
//! line endings being signed, the legacy XML format, a retry's dedup key,
//! the lifecycle mapping, Basic auth as the alternative, and the shapes
//! that name no vendor.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, FixedClock, Handlers, Lifecycle, Secret, Vendor, Webhooks, boldsign, docusign};
use hmac::{Hmac, Mac};
use http::StatusCode;
use sha2::Sha256;
use vendor_conformance::Conformance;

const KEY: &str = "xK9mQ2v8Zr4tW7yB3nP6sD1fG5hJ0kL8aE2cV4bN7mQ=";
const BOLDSIGN_SECRET: &str = "bs-secret";
const NOW: i64 = 1_748_628_230;

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new("retired-key"), Secret::new(KEY)]))
        .boldsign(boldsign::Verifier::new(Secret::new(BOLDSIGN_SECRET)))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn signer(key: &str) -> Signer {
    Signer::hmac(docusign::scheme(), Secret::new(key))
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docusign");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 35, "only {} fixtures", files.len());
    files
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(format!("{}/tests/fixtures/docusign/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn docusign_event(event: Event) -> docusign::Event {
    match event {
        Event::DocuSign(event) => event,
        other => panic!("not DocuSign: {other:?}"),
    }
}

/// A base64 HMAC of the body per Connect key, no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::DocuSign)
        .registrar(|handlers, hits| {
            handlers.docusign().on(docusign::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_its_typed_event() {
    let webhooks = webhooks();
    for (name, body) in fixtures() {
        let request = signer(KEY).sign(&body);
        let event = webhooks
            .dispatch(&request.body, &request.headers)
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(event.vendor(), Vendor::DocuSign);
        let event = docusign_event(event);
        match name.as_str() {
            "unknown_event" => assert!(event.kind().is_unknown()),
            "unknown_status" | "json_typed_scalars_retry" => assert!(!event.kind().is_unknown()),
            _ => {
                assert_eq!(event.kind().as_str(), name.replace('_', "-"), "{name}");
                // `Unknown` keeps the wire name too: the kind must be typed.
                assert!(!event.kind().is_unknown(), "{name}");
            }
        }
    }
}

/// other-vendors.md §15 (a locally computed vector of DocuSign's documented
/// construction, <https://developers.docusign.com/platform/webhooks/connect/validate>):
/// key `test-secret`, the body below, `X-DocuSign-Signature-1`.
#[test]
fn the_spec_vector_reproduces() {
    let body = br#"{"event":"envelope-completed","data":{"envelopeId":"00000000-0000-0000-0000-000000000001"}}"#;
    let headers = [("X-DocuSign-Signature-1", "nbM5lSF7L1QWFFQM1Npagh7vQuAQJc8yKvcm0La1XUs=")];
    let webhooks = Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new("test-secret")]))
        .build()
        .unwrap();
    // The body alone names no vendor; the signature header names DocuSign.
    let event = docusign_event(webhooks.dispatch(body, &headers).unwrap());
    assert_eq!(event.envelope_id(), Some("00000000-0000-0000-0000-000000000001"));
    assert_eq!(event.generated_date_time, None);
}

/// DocuSign's construction as its samples write it
/// (`docusign/code-examples-node` `lib/connect/examples/validateWebhookMessage.js`,
/// and the C# sample): HMAC-SHA256 keyed with the key's UTF-8 bytes, over the
/// whole body, base64. Computed here independently of the crate's engine.
#[test]
fn docusigns_sample_construction_is_accepted_and_the_key_is_not_decoded() {
    let body = fixture("envelope_completed.json");
    let sample = |key: &[u8]| {
        let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
        mac.update(&body);
        base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
    };
    let webhooks = webhooks();
    let verbatim = [("X-DocuSign-Signature-1", sample(KEY.as_bytes()))];
    assert!(webhooks.dispatch(&body, &verbatim).is_ok());
    // A key used base64-decoded (a common mistake) is not DocuSign's signature.
    let decoded = base64::engine::general_purpose::STANDARD.decode(KEY).unwrap();
    let wrong = [("X-DocuSign-Signature-1", sample(&decoded))];
    assert_eq!(
        webhooks.dispatch(&body, &wrong).unwrap_err().status(),
        StatusCode::UNAUTHORIZED
    );
}

#[test]
fn any_key_matches_any_numbered_header() {
    let body = fixture("envelope_sent.json");
    let webhooks = webhooks();
    let ours = signer(KEY).sign(&body).headers[0].1.clone();
    let partner = signer("partner-key").sign(&body).headers[0].1.clone();
    // One header per active key on DocuSign's side: ours is the second.
    let headers = [
        ("x-docusign-signature-1", partner.as_str()),
        ("X-DocuSign-Signature-2", ours.as_str()),
        ("x-authorization-digest", "HMACSHA256"),
    ];
    assert!(webhooks.dispatch(&body, &headers).is_ok());
    // The first configured (retired) key matches too.
    let retired = signer("retired-key").sign(&body);
    assert!(webhooks.dispatch(&retired.body, &retired.headers).is_ok());
}

#[test]
fn line_endings_are_signed_and_a_missing_signature_is_named() {
    let webhooks = webhooks();
    let body = fixture("envelope_completed.json");
    // The signature covers every byte, line endings included.
    let mut crlf = signer(KEY).sign(&body);
    crlf.body = String::from_utf8(crlf.body).unwrap().replace('\n', "\r\n").into_bytes();
    assert_eq!(
        webhooks.dispatch(&crlf.body, &crlf.headers).unwrap_err().status(),
        StatusCode::UNAUTHORIZED
    );
    // No signature at all: the JSON SIM body names DocuSign, whose header is missing.
    let none: [(&str, &str); 0] = [];
    assert!(matches!(
        webhooks.dispatch(&body, &none).unwrap_err().kind(),
        ErrorKind::MissingHeader { .. }
    ));
}

#[test]
fn the_legacy_xml_format_is_refused_after_authentication() {
    let webhooks = webhooks();
    let xml = fixture("legacy_xml.xml");
    let signed = signer(KEY).sign(&xml);
    let err = webhooks.dispatch(&signed.body, &signed.headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err:?}");
    assert!(err.to_string().contains("JSON SIM"), "{err}");
    assert_eq!(err.vendor(), Some(Vendor::DocuSign));
    // Unsigned, it is refused before it is read.
    let none: [(&str, &str); 0] = [];
    assert!(matches!(
        webhooks.dispatch(&xml, &none).unwrap_err().kind(),
        ErrorKind::MissingHeader { .. }
    ));
}

#[test]
fn the_success_response_is_200() {
    let webhooks = webhooks();
    let r = signer(KEY).sign(&fixture("envelope_completed.json"));
    let response = webhooks.dispatch(&r.body, &r.headers).unwrap().success_response();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.body().is_empty());
}

#[test]
fn a_retry_has_the_same_dedup_key() {
    let webhooks = webhooks();
    let first = fixture("envelope_completed.json");
    let retry = String::from_utf8(first.clone())
        .unwrap()
        .replace("\"retryCount\": 0", "\"retryCount\": 1");
    assert_ne!(first, retry.as_bytes());
    let key = |body: &[u8]| {
        let r = signer(KEY).sign(body);
        DedupKey::of(&webhooks.dispatch(&r.body, &r.headers).unwrap())
    };
    assert_eq!(key(&first), key(retry.as_bytes()));
    assert_ne!(key(&first), key(&fixture("recipient_completed.json")));
    assert_eq!(key(&first).vendor(), Vendor::DocuSign);
}

#[test]
fn lifecycle_and_registrar() {
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let mut handlers = Handlers::new();
    let s = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |step| {
        s.lock().unwrap().push(format!(
            "{:?} {} {}",
            step.kind,
            step.envelope_id.as_deref().unwrap_or("-"),
            step.signer_id.as_deref().unwrap_or("-")
        ));
        Ok(())
    });
    let s = seen.clone();
    handlers
        .docusign()
        .on(docusign::EventKind::RecipientCompleted, move |event| {
            s.lock().unwrap().push(format!(
                "signed by {}",
                event.recipient().unwrap().name.as_deref().unwrap()
            ));
            Ok(())
        });
    let s = seen.clone();
    handlers.docusign().on(docusign::EventKind::ALL, move |event| {
        s.lock().unwrap().push(format!("any {}", event.kind()));
        Ok(())
    });
    let webhooks = webhooks();
    for name in [
        "recipient_completed.json",
        "envelope_completed.json",
        "envelope_voided.json",
    ] {
        let r = signer(KEY).sign(&fixture(name));
        let report = webhooks.handle(&handlers, &r.body, &r.headers).unwrap();
        assert_eq!(report.status(), StatusCode::OK);
    }
    let env = "93be49ab-afa0-4adf-933c-f752070d71ec";
    assert_eq!(
        *seen.lock().unwrap(),
        [
            format!("Signed {env} 1"),
            "signed by Grace Signer".to_owned(),
            "any recipient-completed".to_owned(),
            format!("Completed {env} -"),
            "any envelope-completed".to_owned(),
            format!("Cancelled {env} -"),
            "any envelope-voided".to_owned(),
        ]
    );
}

#[test]
fn keys_never_appear_in_debug_output() {
    let webhooks = webhooks();
    let verifier = docusign::Verifier::hmac([Secret::new(KEY)]);
    for text in [format!("{webhooks:?}"), format!("{verifier:?}")] {
        assert!(!text.contains(KEY), "{text}");
    }
    let r = signer("not-the-key").sign(&fixture("envelope_completed.json"));
    let err = webhooks.dispatch(&r.body, &r.headers).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(KEY));
}

#[test]
fn basic_auth_is_the_alternative() {
    let webhooks = Webhooks::builder()
        .docusign(docusign::Verifier::basic_auth(
            "connect-user",
            Secret::new("connect-password"),
        ))
        .build()
        .unwrap();
    let body = fixture("envelope_completed.json");
    let ok = Signer::basic_auth("connect-user", Secret::new("connect-password")).sign(&body);
    assert!(matches!(
        webhooks.dispatch(&ok.body, &ok.headers).unwrap(),
        Event::DocuSign(_)
    ));
    let wrong = Signer::basic_auth("connect-user", Secret::new("guess")).sign(&body);
    assert_eq!(
        webhooks.dispatch(&wrong.body, &wrong.headers).unwrap_err().status(),
        StatusCode::UNAUTHORIZED
    );
}

#[test]
fn event_and_data_alone_name_no_vendor() {
    // tests/dispatch.rs has the same body with another vendor configured; here
    // DocuSign and BoldSign (which weakly claims any `event`) both are.
    let body = br#"{"event":"envelope-completed","data":{"envelopeId":"93be49ab-0000-0000-0000-000000000000"}}"#;
    let none: [(&str, &str); 0] = [];
    assert_eq!(
        webhooks().dispatch(body, &none).unwrap_err().kind(),
        &ErrorKind::UnrecognizedVendor
    );
}

/// DocuSign's full JSON SIM message (every documented member, 107 KB; the
/// bench's `benches/data/` copy of `shared/bench/`): the typed members are
/// read, every other member is kept as sent (raw, materialised on demand),
/// and the event stored and read back (through a `Value`, as the crate's
/// `Event` does) is the same event.
#[test]
fn the_full_message_keeps_every_unknown_member_and_round_trips() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/docusign_full_message_107KB.json");
    let body = fs::read(&path).unwrap();
    let sent: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let event = esign_webhooks::dangerous::parse_unverified(Vendor::DocuSign, &body).unwrap();
    let Event::DocuSign(message) = &event else {
        panic!("{event:?}")
    };
    let summary = message.envelope_summary().unwrap();
    let summary_sent = &sent["data"]["envelopeSummary"];
    for member in [
        "envelopeDocuments",
        "customFields",
        "folders",
        "templates",
        "lockInformation",
    ] {
        assert_eq!(
            summary.other.get(member).as_ref(),
            Some(&summary_sent[member]),
            "{member}"
        );
    }
    assert!(
        !summary.other.contains_key("status"),
        "a typed member is not kept twice"
    );
    let signer = &summary.recipients.as_ref().unwrap().signers[0];
    assert_eq!(
        signer.other.get("tabs").as_ref(),
        Some(&summary_sent["recipients"]["signers"][0]["tabs"])
    );
    let tabs = signer.other.get_raw("tabs").unwrap().get();
    assert!(
        tabs.starts_with('{') && tabs.contains('\n'),
        "kept as sent, spacing included"
    );

    let stored = serde_json::to_value(&event).unwrap();
    assert_eq!(
        stored["event"]["data"]["envelopeSummary"]["envelopeDocuments"],
        summary_sent["envelopeDocuments"]
    );
    let again: Event = serde_json::from_value(stored).unwrap();
    assert_eq!(format!("{again:?}"), format!("{event:?}"));
    let again: Event = serde_json::from_slice(&serde_json::to_vec(&event).unwrap()).unwrap();
    assert_eq!(format!("{again:?}"), format!("{event:?}"));
}
