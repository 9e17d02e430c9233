//! D4Sign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is D4Sign's own: every documented post to its typed event and
//! lifecycle in every form encoding, the HMAC covering the document UUID and
//! nothing else (what it does not prove is tested as such), the URL
//! credentials it recommends, and its header shared with Clicksign.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, clicksign, d4sign};
use http::StatusCode;
use vendor_conformance::Conformance;

const KEY: &str = "d4sign-secret-key-mac";
const UUID: &str = "8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/d4sign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .d4sign(d4sign::Verifier::new(Secret::new(KEY)))
        .clicksign(clicksign::Verifier::new(Secret::new("clicksign-key")))
        .build()
        .unwrap()
}

fn header(key: &str, uuid: &str) -> [(String, String); 1] {
    [(
        d4sign::SIGNATURE_HEADER.to_owned(),
        d4sign::content_hmac(&Secret::new(key), uuid),
    )]
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const FIXTURES: &[(&str, d4sign::TypePost, Lifecycle, Option<&str>)] = &[
    ("finished", d4sign::TypePost::Finished, Lifecycle::Completed, None),
    (
        "email_not_sent",
        d4sign::TypePost::EmailNotSent,
        Lifecycle::DeliveryFailed,
        Some("signer@example.com"),
    ),
    ("cancelled", d4sign::TypePost::Cancelled, Lifecycle::Cancelled, None),
    (
        "signed",
        d4sign::TypePost::Signed,
        Lifecycle::Signed,
        Some("signer@example.com"),
    ),
];

/// Keyed, but the body is not covered (only its `uuid`), and nothing is timestamped.
#[test]
fn conformance() {
    Conformance::new(Vendor::D4Sign)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.d4sign().on(d4sign::TypePost::ALL, move |_| hits.hit());
        })
        .run();
}

/// The four documented posts, as JSON, urlencoded and multipart bodies.
#[test]
fn every_documented_post_dispatches_in_every_form_encoding() {
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone()));
        Ok(())
    });
    for (name, expected, step, signer) in FIXTURES {
        let json = fixture(name);
        let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let fields: Vec<(String, String)> = value
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        let urlencoded = fields
            .iter()
            .map(|(k, v)| format!("{k}={}", v.replace(' ', "+").replace('@', "%40")))
            .collect::<Vec<_>>()
            .join("&");
        let mut multipart = String::new();
        for (k, v) in &fields {
            multipart.push_str(&format!(
                "--d4b0undary\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
            ));
        }
        multipart.push_str("--d4b0undary--\r\n");
        for body in [json.clone(), urlencoded.into_bytes(), multipart.into_bytes()] {
            let headers = header(KEY, UUID);
            match webhooks.dispatch(&body, &headers) {
                Ok(Event::D4Sign(event)) => {
                    assert_eq!(event.kind(), expected, "{name}");
                    assert_eq!(event.uuid, UUID, "{name}");
                }
                other => panic!("{name}: {other:?}"),
            }
            seen.lock().unwrap().clear();
            webhooks.handle(&handlers, &body, &headers).unwrap();
            assert_eq!(
                *seen.lock().unwrap(),
                [(*step, Some(UUID.to_owned()), signer.map(str::to_owned))],
                "{name}"
            );
        }
    }
    let unknown = webhooks
        .dispatch(&fixture("unknown_type_post"), &header(KEY, UUID))
        .unwrap();
    assert!(matches!(unknown, Event::D4Sign(e) if e.kind().is_unknown()));
}

/// The HMAC covers the UUID: another key, another document's HMAC, a
/// missing or malformed header are refused.
#[test]
fn the_hmac_of_the_uuid_is_required() {
    let webhooks = webhooks();
    let body = fixture("signed");
    assert_eq!(
        kind(webhooks.dispatch(&body, &header("another-key", UUID))),
        ErrorKind::AuthenticationFailed
    );
    assert_eq!(
        kind(webhooks.dispatch(&body, &header(KEY, "another-document"))),
        ErrorKind::AuthenticationFailed
    );
    let missing = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(missing.kind(), ErrorKind::MissingHeader { name } if name == "Content-Hmac"));
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let bare = d4sign::content_hmac(&Secret::new(KEY), UUID).replace("sha256=", "");
    assert!(matches!(
        kind(webhooks.dispatch(&body, &[("Content-Hmac", bare.as_str())])),
        ErrorKind::MalformedHeader { .. }
    ));
    // The page's example ends with a full stop: read as punctuation, not accepted.
    let dotted = format!("{}.", d4sign::content_hmac(&Secret::new(KEY), UUID));
    assert!(matches!(
        kind(webhooks.dispatch(&body, &[("Content-Hmac", dotted.as_str())])),
        ErrorKind::MalformedHeader { .. }
    ));
    let twice = [header(KEY, UUID), header(KEY, UUID)].concat();
    assert!(matches!(
        kind(webhooks.dispatch(&body, &twice)),
        ErrorKind::DuplicateHeader { .. }
    ));
}

/// What the check does not prove, as a test: one captured post's header
/// authenticates every other post about the same document, whatever it says.
#[test]
fn one_captured_header_forges_any_event_of_its_document() {
    let webhooks = webhooks();
    let captured = header(KEY, UUID); // from a genuine "signed" post
    let forged = br#"{"uuid":"8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab","type_post":"3","message":"Cancelled document"}"#;
    match webhooks.dispatch(forged, &captured).unwrap() {
        Event::D4Sign(event) => assert_eq!(event.kind(), &d4sign::TypePost::Cancelled),
        other => panic!("{other:?}"),
    }
}

/// D4Sign's recommended URL credentials, chosen instead of the HMAC.
#[test]
fn basic_credentials_in_the_url_are_an_alternative() {
    let webhooks = Webhooks::builder()
        .d4sign(d4sign::Verifier::basic_auth("d4sign", Secret::new("url-password")))
        .build()
        .unwrap();
    let body = fixture("finished");
    let request = Signer::basic_auth("d4sign", Secret::new("url-password")).sign(&body);
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers),
        Ok(Event::D4Sign(_))
    ));
    let wrong = Signer::basic_auth("d4sign", Secret::new("guess")).sign(&body);
    assert_eq!(
        kind(webhooks.dispatch(&wrong.body, &wrong.headers)),
        ErrorKind::AuthenticationFailed
    );
}

/// Clicksign and D4Sign share `Content-Hmac: sha256=`: with both configured,
/// each body goes to its vendor, and neither's signature passes the other's check.
#[test]
fn clicksign_and_d4sign_share_a_header_not_a_body() {
    let webhooks = webhooks();
    let d4 = fixture("signed");
    assert!(matches!(
        webhooks.dispatch(&d4, &header(KEY, UUID)),
        Ok(Event::D4Sign(_))
    ));
    let click = std::fs::read(format!(
        "{}/tests/fixtures/clicksign/sign.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let signed = Signer::hmac(clicksign::scheme(), Secret::new("clicksign-key")).sign(&click);
    assert!(matches!(
        webhooks.dispatch(&signed.body, &signed.headers),
        Ok(Event::Clicksign(_))
    ));
    // A Clicksign body with a D4Sign header is not taken for D4Sign's.
    assert!(webhooks.dispatch(&click, &header(KEY, UUID)).is_err());
}

#[test]
fn success_response_and_dedup() {
    let webhooks = webhooks();
    let a = webhooks.dispatch(&fixture("signed"), &header(KEY, UUID)).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    let b = webhooks
        .dispatch(
            format!("uuid={UUID}&type_post=4&message=Signed&email=signer%40example.com").as_bytes(),
            &header(KEY, UUID),
        )
        .unwrap();
    assert_eq!(DedupKey::of(&a), DedupKey::of(&b), "the same post, in another encoding");
    let c = webhooks.dispatch(&fixture("finished"), &header(KEY, UUID)).unwrap();
    assert_ne!(DedupKey::of(&a), DedupKey::of(&c));
}
