//! ZapSign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is ZapSign's own: every event type to its typed event and
//! lifecycle, with each explicit credential (a custom header, Basic
//! credentials), the body not being covered, and no default check.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, clicksign, zapsign};
use http::StatusCode;
use vendor_conformance::Conformance;

const TOKEN: &str = "Bearer 7b0d6c1e-zapsign-webhook-token";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/zapsign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// ZapSign's own example of a custom header: `Authorization: Bearer …`.
fn webhooks() -> Webhooks {
    Webhooks::builder()
        .zapsign(zapsign::Verifier::header_token("Authorization", Secret::new(TOKEN)))
        .clicksign(clicksign::Verifier::new(Secret::new("clicksign-key")))
        .build()
        .unwrap()
}

fn send(body: &[u8]) -> esign_webhooks::testing::SignedRequest {
    Signer::header_token("Authorization", Secret::new(TOKEN)).sign(body)
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const DOC: &str = "cce11abf-abcd-abcd-a657-25b55f185f16";
const SIGNER: &str = "fulano@example.com";

/// A fixture, its kind, and the lifecycle step (with its signer) it gives, if any.
type Expected = (
    &'static str,
    zapsign::EventType,
    Option<(Lifecycle, Option<&'static str>)>,
);

const FIXTURES: &[Expected] = {
    use zapsign::EventType as T;
    &[
        ("doc_created", T::DocCreated, None),
        ("created_signer", T::CreatedSigner, None),
        ("doc_deleted", T::DocDeleted, None),
        ("doc_signed", T::DocSigned, Some((Lifecycle::Signed, Some(SIGNER)))),
        ("doc_refused", T::DocRefused, Some((Lifecycle::Declined, Some(SIGNER)))),
        (
            "email_bounce",
            T::EmailBounce,
            Some((Lifecycle::DeliveryFailed, Some(SIGNER))),
        ),
        (
            "signature_notification_sent",
            T::SignatureNotificationSent,
            Some((Lifecycle::Sent, Some(SIGNER))),
        ),
        ("doc_viewed", T::DocViewed, Some((Lifecycle::Viewed, Some(SIGNER)))),
        ("doc_read_confirmation", T::DocReadConfirmation, None),
        ("signer_authentication_failed", T::SignerAuthenticationFailed, None),
        ("background_check_completed", T::BackgroundCheckCompleted, None),
        ("doc_expired", T::DocExpired, Some((Lifecycle::Expired, None))),
        ("doc_expiration_alert", T::DocExpirationAlert, None),
    ]
};

/// A static header: the body is not covered, nothing is timestamped.
#[test]
fn conformance() {
    Conformance::new(Vendor::ZapSign)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.zapsign().on(zapsign::EventType::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_event_type_dispatches_to_its_typed_event_and_lifecycle() {
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
    for (name, expected, step) in FIXTURES {
        let request = send(&fixture(name));
        match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::ZapSign(event)) => assert_eq!(event.kind(), expected, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
        seen.lock().unwrap().clear();
        webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        let got = seen.lock().unwrap().clone();
        match step {
            None => assert!(got.is_empty(), "{name}: {got:?}"),
            Some((lifecycle, signer)) => {
                assert_eq!(
                    got,
                    [(*lifecycle, Some(DOC.to_owned()), signer.map(str::to_owned))],
                    "{name}"
                );
            }
        }
    }
    let request = send(&fixture("unknown_event"));
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::ZapSign(e) if e.kind().is_unknown()
    ));
}

/// The header is checked in full (scheme word included), in constant time;
/// a missing header is a 400 naming it; the body is not covered, which the
/// docs say.
#[test]
fn the_custom_header_is_required_and_covers_nothing_else() {
    let webhooks = webhooks();
    let body = fixture("doc_signed");
    let missing = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(missing.kind(), ErrorKind::MissingHeader { name } if name.eq_ignore_ascii_case("authorization")));
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    let bare = TOKEN.trim_start_matches("Bearer ");
    assert_eq!(
        kind(webhooks.dispatch(&body, &[("Authorization", bare)])),
        ErrorKind::AuthenticationFailed
    );
    assert_eq!(
        kind(webhooks.dispatch(&body, &[("Authorization", "Bearer guess")])),
        ErrorKind::AuthenticationFailed
    );
    // What the check does not prove: another body with the same header passes.
    let forged = fixture("doc_refused");
    let request = send(&body);
    assert!(matches!(
        webhooks.dispatch(&forged, &request.headers),
        Ok(Event::ZapSign(e)) if e.kind() == &zapsign::EventType::DocRefused
    ));
}

/// Basic credentials in the registered URL are the other explicit choice.
#[test]
fn basic_credentials_are_an_explicit_choice() {
    let webhooks = Webhooks::builder()
        .zapsign(zapsign::Verifier::basic_auth("zapsign", Secret::new("s3cret-password")))
        .build()
        .unwrap();
    let body = fixture("doc_viewed");
    let request = Signer::basic_auth("zapsign", Secret::new("s3cret-password")).sign(&body);
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers),
        Ok(Event::ZapSign(_))
    ));
    let wrong = Signer::basic_auth("zapsign", Secret::new("guess")).sign(&body);
    assert_eq!(
        kind(webhooks.dispatch(&wrong.body, &wrong.headers)),
        ErrorKind::AuthenticationFailed
    );
}

#[test]
fn success_response_and_dedup() {
    let webhooks = webhooks();
    let request = send(&fixture("doc_signed"));
    let a = webhooks.dispatch(&request.body, &request.headers).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    let again = send(&fixture("doc_signed"));
    assert_eq!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&again.body, &again.headers).unwrap())
    );
    let viewed = send(&fixture("doc_viewed"));
    assert_ne!(
        DedupKey::of(&a),
        DedupKey::of(&webhooks.dispatch(&viewed.body, &viewed.headers).unwrap())
    );
}
