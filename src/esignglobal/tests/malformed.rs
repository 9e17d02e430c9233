//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Bodies that are not what eSignGlobal documents: the error says where.

use super::{malformed, parse_ok};
use crate::esignglobal::Event;

#[test]
fn wrong_signer_status_type_points_into_the_list() {
    let body = br#"{
  "event": "ENVELOPE_FINISH",
  "eventPayload": {
    "envelopeId": "e1",
    "signerList": [
      { "signerStatus": 2 },
      { "signerStatus": "signed" }
    ]
  }
}"#;
    let (path, line, column, message) = malformed(body);
    assert_eq!(path, "$.eventPayload.signerList[1].signerStatus");
    assert_eq!(line, 7);
    assert!(column > 20, "column {column}");
    assert!(message.contains("SignerStatus"), "{message}");
}

#[test]
fn app_channel_errors_point_into_the_envelope_object() {
    let body = br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_START","callBackEnvelopeVO":{"envelopeId":"e1","nextSignerList":[{"signOrder":true}]}}"#;
    let (path, ..) = malformed(body);
    assert_eq!(path, "$.callBackEnvelopeVO.nextSignerList[0].signOrder");

    let body = br#"{"callBackDesc":"ENVELOPE_CANCEL","CallBackEnvelopeVO":{"envelopeId":"e1","cancelInfo":"no"}}"#;
    assert_eq!(malformed(body).0, "$.CallBackEnvelopeVO.cancelInfo");
}

#[test]
fn wrong_time_and_envelope_status_types() {
    let body = br#"{"event":"ENVELOPE_EXPIRED","eventPayload":{"envelopeId":"e1","expireTime":1.5}}"#;
    assert_eq!(malformed(body).0, "$.eventPayload.expireTime");
    let body = br#"{"event":"ENVELOPE_EXPIRED","eventPayload":{"envelopeId":"e1","envelopeStatus":"Expired"}}"#;
    assert_eq!(malformed(body).0, "$.eventPayload.envelopeStatus");
}

#[test]
fn missing_envelope_id_points_at_the_payload() {
    let body = br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeStatus":2}}"#;
    let (path, _, _, message) = malformed(body);
    assert_eq!(path, "$.eventPayload");
    assert!(message.contains("envelopeId"), "{message}");
}

#[test]
fn known_event_without_payload() {
    let (path, _, _, message) = malformed(br#"{"event":"ENVELOPE_FINISH"}"#);
    assert_eq!(path, "$");
    assert!(message.contains("eventPayload"), "{message}");
    let (_, _, _, message) = malformed(br#"{"event":"ENVELOPE_FINISH","eventPayload":null}"#);
    assert!(message.contains("eventPayload"), "{message}");
    let (_, _, _, message) = malformed(br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_FINISH"}"#);
    assert!(message.contains("callBackEnvelopeVO"), "{message}");
}

#[test]
fn payload_that_is_not_an_object() {
    let body = br#"{"event":"ENVELOPE_FINISH","eventPayload":["e1", 2]}"#;
    let (path, line, column, message) = malformed(body);
    assert_eq!(path, "$.eventPayload");
    assert_eq!((line, column), (1, 43));
    assert!(message.contains("`eventPayload` is not a JSON object"), "{message}");
    let body = br#"{"event":"ENVELOPE_FINISH","eventPayload":"e1"}"#;
    assert_eq!(malformed(body).0, "$.eventPayload");
}

#[test]
fn unknown_event_needs_no_payload() {
    let event = parse_ok(br#"{"event":"ENVELOPE_ARCHIVED"}"#);
    assert!(matches!(event, Event::Unknown(_)));
    assert_eq!(event.envelope_id(), None);
}

#[test]
fn bodies_of_neither_channel() {
    let (path, _, _, message) = malformed(br#"{"type":"ENVELOPE_FINISH","data":{}}"#);
    assert_eq!(path, "$");
    assert!(
        message.contains("event") && message.contains("callBackDesc"),
        "{message}"
    );
    assert_eq!(malformed(b"[]").0, "$");
    let (path, _, _, message) = malformed(br#"["ENVELOPE_FINISH", {"envelopeId": "e1"}]"#);
    assert_eq!(path, "$");
    assert!(message.contains("not a JSON object"), "{message}");
    assert_eq!(malformed(b"").0, "$");
    assert_eq!(malformed(br#"{"event":42,"eventPayload":{}}"#).0, "$.event");
    assert_eq!(
        malformed(br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackEnvelopeVO":{"envelopeId":"e"}}"#).3,
        "missing field `callBackDesc`"
    );
}

#[test]
fn invalid_json_and_trailing_data() {
    let (_, line, column, _) =
        malformed(b"{\n  \"event\": \"ENVELOPE_FINISH\",\n  \"eventPayload\": {\"envelopeId\": \"e1\",}\n}");
    assert_eq!(line, 3);
    assert!(column > 30, "column {column}");
    assert!(parse_ok(br#"{"event":"X"}"#).envelope_id().is_none());
    malformed(br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":"e1"}} trailing"#);
    malformed(b"{\"event\":\"ENVELOPE_FINISH\",\"eventPayload\":{\"envelopeId\":\"\xff\"}}");
}

#[test]
fn duplicate_keys_are_refused() {
    let body = br#"{"event":"ENVELOPE_FINISH","event":"ENVELOPE_CANCEL","eventPayload":{"envelopeId":"e1"}}"#;
    assert!(malformed(body).3.contains("duplicate"));
    let body = br#"{"callBackDesc":"ENVELOPE_FINISH","callBackEnvelopeVO":{"envelopeId":"a"},"CallBackEnvelopeVO":{"envelopeId":"b"}}"#;
    assert!(malformed(body).3.contains("duplicate"));
}

#[test]
fn huge_nesting_is_an_error_not_a_crash() {
    let mut body = String::from(r#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":"e1","x":"#);
    body.push_str(&"[".repeat(10_000));
    malformed(body.as_bytes());
}
