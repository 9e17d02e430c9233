//! Unit tests: compiled only under #[cfg(test)].
use super::*;
use crate::plugin::Plugin;
use crate::{ErrorKind, FixedClock, Incoming, Secret, Vendor};

/// Zoho Sign's published sample, "Securing Zoho Sign webhooks with HMAC
/// authentication"
/// (https://help.zoho.com/portal/en/kb/zoho-sign/admin-guide/webhooks/articles/securing-zoho-sign-webhooks-with-hmac-authentication),
/// with its key `thisisthesamplekeyfortestingpurposes`, the payload exactly as printed
/// (with its doubled leading brace), expected base64 signature below.
#[test]
fn reproduces_zoho_signs_published_sample() {
    let payload =
        br#"{{"requests":{"request_name":"Test Name"},"notifications":{"operation_type":"RequestSigningSuccess"}}"#;
    let headers = [("X-ZS-WEBHOOK-SIGNATURE", "drbSrM4H816RYKpZiRBLddUa0yHaTrwjtY04sIZFZus=")];
    let verifier = Verifier::new(Secret::new("thisisthesamplekeyfortestingpurposes"));
    let verified = verifier
        .engine()
        .verify(&Incoming::new(payload, &headers), &FixedClock(0))
        .unwrap();
    assert_eq!(verified.key_index(), Some(0));
    // The page's literal formula, HMAC over payload+secret (with any key), does not give it.
    let literal = [payload.as_slice(), b"thisisthesamplekeyfortestingpurposes"].concat();
    assert!(
        verifier
            .engine()
            .verify(&Incoming::new(&literal, &headers), &FixedClock(0))
            .is_err()
    );
    // The sample's body is not JSON (the stray brace): verified, but refused by the parser.
    assert!(matches!(
        parse(payload).unwrap_err().kind(),
        ErrorKind::MalformedPayload { .. }
    ));
    let fixed = &payload[1..];
    let event = parse(fixed).unwrap();
    assert_eq!(event.requests.request_name.as_deref(), Some("Test Name"));
    assert_eq!(event.operation_type(), &OperationType::RequestSigningSuccess);
}

#[test]
fn numbers_and_strings_one_object_and_lists() {
    let strings = br#"{"requests":{"request_id":"42","created_time":"1700000000000","actions":[{"action_id":"7","signing_order":"1"}]},
        "notifications":[{"operation_type":"RequestViewed","performed_at":"1700000000001","action_id":"7"}]}"#;
    let numbers =
        br#"{"requests":{"request_id":42,"created_time":1700000000000,"actions":{"action_id":7,"signing_order":1}},
        "notifications":{"operation_type":"RequestViewed","performed_at":1700000000001,"action_id":7}}"#;
    let a = parse(strings).unwrap();
    let b = parse(numbers).unwrap();
    assert_eq!(a, b);
    assert_eq!(ZohoSign::dedup_key(&a), ZohoSign::dedup_key(&b));
    assert_eq!(a.requests.created_time, Some(1_700_000_000_000));
    assert_eq!(a.notifications[0].action_id.as_deref(), Some("7"));
}

#[test]
fn empty_notifications_and_bad_values() {
    let event = parse(br#"{"requests":{},"notifications":[]}"#).unwrap();
    assert!(event.operation_type().is_unknown());
    assert!(ZohoSign::is_unknown(&event));
    assert_eq!(ZohoSign::lifecycle(&event), None);
    let err = parse(br#"{"requests":{},"notifications":{"operation_type":"RequestViewed","performed_at":"soon"}}"#)
        .unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::ZohoSign));
    match err.kind() {
        ErrorKind::MalformedPayload { path, .. } => assert!(path.starts_with("$.notifications"), "{path}"),
        other => panic!("{other:?}"),
    }
}
