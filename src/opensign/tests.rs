//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/opensign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_documented_examples_are_typed() {
    let created = parse(&fixture("created")).unwrap();
    assert_eq!(created.kind(), &EventKind::Created);
    assert_eq!(created.object_id, "kpeg6Q2rO7");
    assert_eq!(created.signers[0].phone.as_deref(), Some("3556567789"));
    assert_eq!(created.event_time(), Some("Fri, 16 May 2025 15:02:42 IST"));
    let viewed = parse(&fixture("viewed")).unwrap();
    assert_eq!(viewed.acting_signer(), Some("peter.mark1093@gmail.com"));
    assert_eq!(viewed.event_time(), Some("Fri, 16 May 2025 16:18:16 IST"));
    let signed = parse(&fixture("signed")).unwrap();
    assert!(signed.signers.is_empty());
    assert_eq!(
        signed.signer.as_ref().and_then(|s| s.name.as_deref()),
        Some("Peter Mark")
    );
    assert_eq!(signed.acting_signer(), Some("peter.mark1093@gmail.com"));
    let completed = parse(&fixture("completed")).unwrap();
    assert!(completed.certificate.as_deref().unwrap().contains("certificate.pdf"));
    assert_eq!(
        completed.completed_at.as_deref(),
        Some("Fri, 16 May 2025 16:18:35 GMT+5:30")
    );
    let declined = parse(&fixture("declined")).unwrap();
    assert_eq!(declined.declined_reason.as_deref(), Some("Invalid date format used."));
    assert_eq!(declined.name.as_deref(), Some("Sample Test Doc "));
    let sample = parse(&fixture("sample_verifier_body")).unwrap();
    assert_eq!(sample.signers.len(), 2);
    assert_eq!(sample.signers[1].phone, None);
    let unknown = parse(&fixture("unknown_event")).unwrap();
    assert_eq!(unknown.kind(), &EventKind::Unknown("revoked".into()));
    for name in ["created", "viewed", "signed", "completed", "declined", "unknown_event"] {
        let event = parse(&fixture(name)).unwrap();
        assert_eq!(parse(&serde_json::to_vec(&event).unwrap()).unwrap(), event, "{name}");
    }
}

#[test]
fn malformed_payloads_report_where() {
    for (body, path) in [
        (r#"{"event":"created"}"#, "$"),
        (r#"{"event":"created","objectId":7}"#, "$.objectId"),
        (r#"{"event":"signed","objectId":"x","signer":"peter"}"#, "$.signer"),
        (
            r#"{"event":"created","objectId":"x","signers":[{"email":1}]}"#,
            "$.signers[0].email",
        ),
    ] {
        let err = parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::OpenSign));
        match err.kind() {
            ErrorKind::MalformedPayload { path: at, .. } => assert_eq!(at, path, "{body}"),
            other => panic!("{other:?}"),
        }
    }
}
