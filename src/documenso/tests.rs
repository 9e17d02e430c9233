//! Unit tests: compiled only under #[cfg(test)].
use super::*;
use crate::plugin::{Plugin, VendorVerifier};
use crate::{ErrorKind, FixedClock, Incoming, Secret, Vendor};

#[test]
fn the_secret_header_is_compared_exactly() {
    let verifier = Verifier::new(Secret::new("documenso-secret"));
    let ok = [("X-Documenso-Secret", "documenso-secret")];
    assert!(
        verifier
            .engine()
            .verify(&Incoming::new(b"{}", &ok), &FixedClock(0))
            .is_ok()
    );
    for wrong in ["documenso-secreT", "", "documenso", "documenso-secret-and-more"] {
        let headers = [("x-documenso-secret", wrong)];
        let result = verifier
            .engine()
            .verify(&Incoming::new(b"{}", &headers), &FixedClock(0));
        assert!(result.is_err(), "{wrong:?}");
    }
    // Documenso sends an empty string when no secret is set: an empty secret cannot be configured.
    assert!(Verifier::new(Secret::new("")).validate().is_err());
}

#[test]
fn recipients_and_legacy_recipient_are_both_read() {
    let legacy_only =
        br#"{"event":"DOCUMENT_SIGNED","payload":{"id":7,"Recipient":[{"id":3,"signingStatus":"SIGNED"}]}}"#;
    let both = br#"{"event":"DOCUMENT_SIGNED","payload":{"id":7,"recipients":[{"id":4}],"Recipient":[{"id":3}]}}"#;
    let empty_current = br#"{"event":"DOCUMENT_SIGNED","payload":{"id":7,"recipients":[],"Recipient":[{"id":3}]}}"#;
    assert_eq!(parse(legacy_only).unwrap().payload.recipients[0].id, 3);
    assert_eq!(parse(both).unwrap().payload.recipients[0].id, 4);
    assert_eq!(parse(empty_current).unwrap().payload.recipients[0].id, 3);
    let event = parse(br#"{"event":"TEMPLATE_CREATED","payload":{"id":7}}"#).unwrap();
    assert!(event.payload.recipients.is_empty());
    assert_eq!(event.envelope_id().as_deref(), Some("7"));
    // Written back with `recipients` only.
    let json = serde_json::to_string(&parse(legacy_only).unwrap()).unwrap();
    assert!(
        json.contains("\"recipients\"") && !json.contains("\"Recipient\""),
        "{json}"
    );
}

#[test]
fn dedup_key_ignores_created_at_and_the_endpoint() {
    let a = parse(br#"{"event":"DOCUMENT_COMPLETED","payload":{"id":1,"status":"COMPLETED"},"createdAt":"2024-04-22T11:52:18.277Z","webhookEndpoint":"https://a"}"#).unwrap();
    let b = parse(br#"{"createdAt":"2024-04-22T11:53:01.000Z","event":"DOCUMENT_COMPLETED","payload":{"status":"COMPLETED","id":1}}"#).unwrap();
    let c = parse(br#"{"event":"DOCUMENT_SIGNED","payload":{"id":1,"status":"COMPLETED"},"createdAt":"2024-04-22T11:52:18.277Z"}"#).unwrap();
    assert_eq!(Documenso::dedup_key(&a), Documenso::dedup_key(&b));
    assert_ne!(Documenso::dedup_key(&a), Documenso::dedup_key(&c));
}

#[test]
fn malformed_and_unknown() {
    let err = parse(br#"{"event":"DOCUMENT_SIGNED","payload":{"recipients":[{"id":"x"}]}}"#).unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::Documenso));
    match err.kind() {
        ErrorKind::MalformedPayload { path, .. } => assert!(path.starts_with("$.payload"), "{path}"),
        other => panic!("{other:?}"),
    }
    let event = parse(br#"{"event":"DOCUMENT_ARCHIVED","payload":{"status":"ARCHIVED"}}"#).unwrap();
    assert!(Documenso::is_unknown(&event));
    assert_eq!(Documenso::lifecycle(&event), None);
}
