//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/zapsign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_documented_example_is_typed() {
    let signed = parse(&fixture("doc_signed")).unwrap();
    assert_eq!(signed.kind(), &EventType::DocSigned);
    assert_eq!(signed.open_id, Some(23));
    assert_eq!(signed.status, Some(DocumentStatus::Signed));
    assert_eq!(signed.signers[0].status, Some(SignerStatus::Signed));
    assert_eq!(
        signed.acting_signer().and_then(|s| s.token.as_deref()),
        Some("b14f141f-abcd-abcd-8dfa-0bdac0ec806a")
    );
    let unknown = parse(&fixture("unknown_event")).unwrap();
    assert!(unknown.kind().is_unknown());
    for name in ["doc_signed", "doc_viewed", "unknown_event"] {
        let event = parse(&fixture(name)).unwrap();
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event, "{name}");
    }
}

#[test]
fn malformed_payloads_report_where() {
    for (body, path) in [
        (r#"{"token":"t"}"#, "$"),
        (r#"{"event_type":"doc_signed","open_id":"23"}"#, "$.open_id"),
        (
            r#"{"event_type":"doc_signed","signers":[{"token":1}]}"#,
            "$.signers[0].token",
        ),
    ] {
        let err = parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::ZapSign));
        match err.kind() {
            ErrorKind::MalformedPayload { path: at, .. } => assert_eq!(at, path, "{body}"),
            other => panic!("{other:?}"),
        }
    }
}
