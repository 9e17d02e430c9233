//! Unit tests: compiled only under #[cfg(test)] (declared by the parent module).
use super::*;
use crate::{ErrorKind, Vendor};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/boxsign/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn every_trigger_is_typed_and_unknown_ones_kept() {
    for (name, kind) in [
        ("completed", EventKind::Completed),
        ("declined", EventKind::Declined),
        ("expired", EventKind::Expired),
        ("signer_email_bounced", EventKind::SignerEmailBounced),
        ("signer_signed", EventKind::SignerSigned),
        ("signature_requested", EventKind::SignatureRequested),
        ("error_finalizing", EventKind::ErrorFinalizing),
    ] {
        let event = parse(&fixture(name)).unwrap();
        assert_eq!(event.kind(), &kind, "{name}");
        assert_eq!(event.sign_request_id(), Some("2a0e5ec8-aa5e-4e07-9a5f-0dd7d7e66b33"));
        let source = event.source.as_ref().unwrap();
        assert_eq!(
            (source.id.as_str(), source.item_type.as_deref()),
            ("1509826131", Some("file"))
        );
        assert_eq!(source.other.get("parent").unwrap()["name"], "Signed contracts");
        assert_eq!(
            event.created_by.as_ref().and_then(|u| u.login.as_deref()),
            Some("jane.doe@example.com")
        );
        assert_eq!(event.webhook.as_ref().map(|w| w.id.as_str()), Some("4161288"));
        let json = serde_json::to_vec(&event).unwrap();
        assert_eq!(parse(&json).unwrap(), event, "{name} round-trips");
    }
    let event = parse(&fixture("unknown_trigger")).unwrap();
    assert_eq!(event.kind(), &EventKind::Unknown("FILE.UPLOADED".into()));
    assert_eq!(event.sign_request_id(), None);
    let event =
        parse(br#"{"id":"e","trigger":"SIGN_REQUEST.COMPLETED","source":{"id":"sr1","type":"sign-request"}}"#).unwrap();
    assert_eq!(event.sign_request_id(), Some("sr1"));
}

#[test]
fn malformed_payloads_report_where() {
    for (body, path) in [
        (r#"{"trigger":"SIGN_REQUEST.COMPLETED"}"#, "$"),
        (r#"{"id":"e"}"#, "$"),
        (r#"{"id":7,"trigger":"SIGN_REQUEST.COMPLETED"}"#, "$.id"),
        (
            r#"{"id":"e","trigger":"SIGN_REQUEST.COMPLETED","webhook":{"id":4161288}}"#,
            "$.webhook.id",
        ),
    ] {
        let err = parse(body.as_bytes()).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::BoxSign));
        match err.kind() {
            ErrorKind::MalformedPayload { path: at, .. } => assert_eq!(at, path, "{body}"),
            other => panic!("{other:?}"),
        }
    }
}
