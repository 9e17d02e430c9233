//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::plugin::VendorVerifier;
use crate::{ErrorKind, Secret};

const WEBHOOK_ID: &str = "8e9b3f52-6c1d-4a7e-b0f9-2d4c6e8a1b3f";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/signwell/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_proof_is_checked_on_a_minimal_parse() {
    let verifier = Verifier::new(Secret::new("other-id")).with_webhook_id(Secret::new(WEBHOOK_ID));
    let verified = verifier.check(&fixture("document_signed")).unwrap();
    assert_eq!(verified.key_index(), Some(1));
    assert_eq!(verified.timestamp(), Some(1_714_640_700));
    let kind = |body: &[u8]| verifier.check(body).unwrap_err().kind().clone();
    assert_eq!(kind(br#"{"data":{}}"#), ErrorKind::MissingField { field: "event" });
    assert_eq!(
        kind(br#"{"event":{"type":"document_sent","time":1}}"#),
        ErrorKind::MissingField { field: "event.hash" }
    );
    assert_eq!(
        kind(br#"{"event":{"type":"document_sent","time":1,"hash":"zz"}}"#),
        ErrorKind::AuthenticationFailed
    );
    assert!(matches!(kind(b"{\"event\":"), ErrorKind::MalformedPayload { .. }));
    // Two `event` keys: refused rather than read one way here and another in the typed parse.
    let twice = br#"{"event":{"type":"a","time":1,"hash":"00"},"event":{"type":"b","time":2,"hash":"00"}}"#;
    assert!(matches!(kind(twice), ErrorKind::MalformedPayload { .. }));
    // A string time is read as SignWell's samples interpolate it.
    let hash = event_hash(&Secret::new(WEBHOOK_ID), "document_sent", 42);
    let body = format!(r#"{{"event":{{"type":"document_sent","time":"42","hash":"{hash}"}}}}"#);
    assert!(verifier.check(body.as_bytes()).is_ok());
    assert!(Verifier::new(Secret::new("")).validate().is_err());
    assert!(!format!("{verifier:?}").contains(WEBHOOK_ID));
}

#[test]
fn every_event_type_is_typed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signwell");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let event = parse(&std::fs::read(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_str().unwrap();
        if name != "unknown_event" {
            assert_eq!(event.kind().as_str(), name, "{}", path.display());
        }
        assert_eq!(event.kind().is_unknown(), name == "unknown_event");
        assert!(event.document_id().is_some());
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event);
        seen += 1;
    }
    assert_eq!(seen, 15);
    let signed = parse(&fixture("document_signed")).unwrap();
    assert_eq!(
        signed.event.related_signer.as_ref().and_then(|s| s.name.as_deref()),
        Some("Jane Doe")
    );
    let object = signed.data.as_ref().and_then(|d| d.object.as_ref()).unwrap();
    assert_eq!(
        object.other.get("recipients").unwrap()[0]["email"],
        "jane.doe@example.com"
    );
}
