//! Unit tests: compiled only under #[cfg(test)].
use super::*;
use crate::plugin::Plugin;
use crate::{ErrorKind, FixedClock, Incoming, Secret, Vendor};

#[test]
fn reproduces_the_local_vector() {
    // A regression vector computed locally (not vendor data) from the documented
    // construction: HMAC-SHA256 of the raw body, key `test-secret`, hex, `sha256=` prefix.
    let body = br#"{"event_id":"e1","event_name":"signature_request.done","event_time":"1700000000","data":{}}"#;
    let headers = [(
        "X-Yousign-Signature-256",
        "sha256=79dfeccf674a75c812e3f99bcab0a4ffa730975a161cc8104a6a2928651c3173",
    )];
    let verifier = Verifier::new(Secret::new("test-secret"));
    let verified = verifier
        .engine()
        .verify(&Incoming::new(body, &headers), &FixedClock(0))
        .unwrap();
    assert_eq!(verified.key_index(), Some(0));
    // Without the prefix, it is refused: Yousign always sends `sha256=`.
    let bare = [(
        "X-Yousign-Signature-256",
        "79dfeccf674a75c812e3f99bcab0a4ffa730975a161cc8104a6a2928651c3173",
    )];
    let err = verifier
        .engine()
        .verify(&Incoming::new(body, &bare), &FixedClock(0))
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedHeader { .. }));
    let event = parse(body).unwrap();
    assert_eq!(event.event_time_unix(), Some(1_700_000_000));
    assert_eq!(event.data, Data::default());
}

#[test]
fn event_time_as_a_number_and_unknown_values_are_kept() {
    let body = br#"{"event_id":"e2","event_name":"electronic_seal.done","event_time":1700000001,
        "data":{"electronic_seal":{"id":"s1"},"signature_request":{"id":"r1","status":"archived"}}}"#;
    let event = parse(body).unwrap();
    assert_eq!(event.event_time, "1700000001");
    assert_eq!(event.event_name.as_str(), "electronic_seal.done");
    assert!(Yousign::is_unknown(&event));
    assert_eq!(Yousign::lifecycle(&event), None);
}

#[test]
fn malformed_bodies_name_the_path() {
    let err =
        parse(br#"{"event_id":"e","event_name":"signer.done","event_time":"1","data":{"signer":{"status":"signed"}}}"#)
            .unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::Yousign));
    match err.kind() {
        ErrorKind::MalformedPayload { path, .. } => assert_eq!(path, "$.data.signer"),
        other => panic!("{other:?}"),
    }
    assert!(parse(br#"{"event_name":"signer.done","event_time":"1"}"#).is_err());
}

#[test]
fn dedup_key_is_the_event_id_alone() {
    let a = parse(br#"{"event_id":"e1","event_name":"signer.done","event_time":"1","data":{}}"#).unwrap();
    let b = parse(br#"{"event_id":"e1","event_name":"signer.done","event_time":"1","sandbox":true,"data":{"signature_request":{"id":"x"}}}"#).unwrap();
    let c = parse(br#"{"event_id":"e2","event_name":"signer.done","event_time":"1","data":{}}"#).unwrap();
    assert_eq!(Yousign::dedup_key(&a), Yousign::dedup_key(&b));
    assert_ne!(Yousign::dedup_key(&a), Yousign::dedup_key(&c));
}
