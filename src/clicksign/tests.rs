//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/clicksign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_documented_examples_are_typed() {
    let sign = parse(&fixture("sign")).unwrap();
    assert_eq!(sign.kind(), &EventKind::Sign);
    assert_eq!(sign.subject_key(), Some("db4a2cf7-0a48-481f-b669-54f2a2260ac2"));
    let signer = sign.signer().unwrap();
    assert_eq!(signer.key.as_deref(), Some("916487c8-9939-0000-0000-4cd7ffd8785b"));
    assert_eq!(signer.sign_as.as_deref(), Some("party"));
    assert_eq!(sign.document.as_ref().unwrap().status, Some(DocumentStatus::Running));

    let auto_close = parse(&fixture("auto_close")).unwrap();
    assert_eq!(auto_close.event.data, None);
    assert_eq!(
        auto_close.document.as_ref().unwrap().status,
        Some(DocumentStatus::Closed)
    );

    let deadline = parse(&fixture("deadline")).unwrap();
    assert_eq!(deadline.event.occurred_at, None);
    assert_eq!(
        deadline.event.data.unwrap().reached_at.as_deref(),
        Some("2023-03-27T14:11:21.973-03:00")
    );

    let added = parse(&fixture("add_signer")).unwrap();
    assert_eq!(added.event.data.unwrap().signers.len(), 1);

    let acceptance = parse(&fixture("acceptance_term_sent")).unwrap();
    assert!(acceptance.document.is_none());
    let terms = acceptance.acceptance.as_ref().unwrap();
    assert_eq!(terms.status, Some(AcceptanceStatus::Sent));
    assert_eq!(terms.messages.len(), 1);
    assert_eq!(acceptance.subject_key(), Some("a8a19bb3-3154-48b9-9ac7-a6eb4826a0be"));

    let unknown = parse(&fixture("unknown_event")).unwrap();
    assert_eq!(unknown.kind(), &EventKind::Unknown("envelope_archived".into()));

    for name in [
        "sign",
        "auto_close",
        "deadline",
        "add_signer",
        "acceptance_term_sent",
        "unknown_event",
    ] {
        let event = parse(&fixture(name)).unwrap();
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event, "{name}");
    }
}

#[test]
fn malformed_payloads_report_where() {
    for (body, path) in [
        (r#"{"document":{"key":"k"}}"#, "$"),
        (r#"{"event":{"name":7}}"#, "$.event.name"),
        (r#"{"event":{"name":"sign"},"document":{"key":1}}"#, "$.document.key"),
        (
            r#"{"event":{"name":"sign","data":{"signer":{"email":1}}}}"#,
            "$.event.data.signer.email",
        ),
    ] {
        let err = parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::Clicksign));
        match err.kind() {
            ErrorKind::MalformedPayload { path: at, .. } => assert_eq!(at, path, "{body}"),
            other => panic!("{other:?}"),
        }
    }
}
