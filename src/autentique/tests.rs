//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/autentique/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_documented_example_and_the_signature_events_are_typed() {
    let updated = parse(&fixture("document_updated")).unwrap();
    assert_eq!(updated.kind(), &EventType::DocumentUpdated);
    assert_eq!(updated.event.id, "21fbcec9-e1b5-4dca-afbb-022061e9ea88");
    assert_eq!(
        updated.document_id(),
        Some("89c7d2ab31f9f5a13b3d20ecf53319af387e54d240ae7be993")
    );
    assert_eq!(updated.signer(), None);
    let data = updated.event.data.as_ref().unwrap();
    assert_eq!(data.previous_attributes.as_ref().unwrap()["name"], "teste");
    assert_eq!(data.object.as_ref().unwrap().signatures.len(), 1);

    let accepted = parse(&fixture("signature_accepted")).unwrap();
    assert_eq!(accepted.kind(), &EventType::SignatureAccepted);
    assert_eq!(
        accepted.document_id(),
        Some("89c7d2ab31f9f5a13b3d20ecf53319af387e54d240ae7be993")
    );
    assert_eq!(accepted.signer(), Some("felipe@example.com"));

    let unknown = parse(&fixture("unknown_event")).unwrap();
    assert!(unknown.kind().is_unknown());
    for name in ["document_updated", "signature_accepted", "unknown_event"] {
        let event = parse(&fixture(name)).unwrap();
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event, "{name}");
    }
}

#[test]
fn a_signature_document_may_be_an_object() {
    let body =
        br#"{"event":{"id":"e","type":"signature.viewed","data":{"object":{"public_id":"p","document":{"id":"d"}}}}}"#;
    let event = parse(body).unwrap();
    assert_eq!(event.document_id(), Some("d"));
    assert_eq!(event.signer(), Some("p"));
}

#[test]
fn malformed_payloads_report_where() {
    for (body, path) in [
        (r#"{"object":"webhook"}"#, "$"),
        (r#"{"event":{"type":"document.created"}}"#, "$.event"),
        (r#"{"event":{"id":1,"type":"document.created"}}"#, "$.event.id"),
        (
            r#"{"event":{"id":"e","type":"document.created","data":{"object":{"signed_count":"x"}}}}"#,
            "$.event.data.object.signed_count",
        ),
    ] {
        let err = parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::Autentique));
        match err.kind() {
            ErrorKind::MalformedPayload { path: at, .. } => assert_eq!(at, path, "{body}"),
            other => panic!("{other:?}"),
        }
    }
}
