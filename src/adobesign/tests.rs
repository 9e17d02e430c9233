//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use super::*;

#[test]
fn lenient_scalars() {
    let set: ParticipantSet = serde_json::from_str(r#"{"order":"2","memberInfos":null,"role":""}"#).expect("reads");
    assert_eq!(set.order, Some(2));
    assert!(set.member_infos.is_empty());
    assert_eq!(set.role, Some(ParticipantRole::Unknown(String::new())));
    let info: CancellationInfo = serde_json::from_str(r#"{"notifyOthers":"true"}"#).expect("reads");
    assert_eq!(info.notify_others, Some(true));
    assert!(serde_json::from_str::<CancellationInfo>(r#"{"notifyOthers":"maybe"}"#).is_err());
    let location: Location = serde_json::from_str(r#"{"latitude":"","longitude":2.5}"#).expect("reads");
    assert_eq!((location.latitude, location.longitude), (None, Some(2.5)));
}

#[test]
fn parse_errors_are_typed() {
    let err = parse(br#"{"webhookId":"w","agreement":{"id":"a"}}"#).expect_err("event is required");
    assert_eq!(err.vendor(), Some(crate::Vendor::AdobeSign));
    assert!(matches!(err.kind(), crate::ErrorKind::MalformedPayload { .. }));
    let event =
        parse(br#"{"event":"AGREEMENT_RECALLED","agreement":{"id":"a","status":"CANCELLED"}}"#).expect("parses");
    assert_eq!(event.agreement_id(), Some("a"));
    assert_eq!(event.client_id(), None);
}

#[test]
fn verifier_debug_hides_client_ids() {
    let verifier = Verifier::client_ids(["client-id-one"]).with_query_token("t", crate::Secret::new("token-value"));
    let debug = format!("{verifier:?}");
    assert!(
        !debug.contains("client-id-one") && !debug.contains("token-value"),
        "{debug}"
    );
}
