//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use super::*;
use crate::{ErrorKind, Vendor};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/signplus/", $name, ".json")).as_slice()
    };
}

const HOOK_ID: &str = "6697ccb204bd194fa74c22b4";
const UID: &str = "4a6e29bfc5344ca6ad7cc8beda456481";
const ENVELOPE_ID: &str = "6697e681c5e364c7c23710d4";
const TARGET: &str = "https://webhook.site/47acfde3-bd83-4fbc-9ff1-ea0dc030e118";

const ALL: &[(&str, &[u8])] = &[
    ("envelope_completed", fixture!("envelope_completed")),
    ("envelope_declined", fixture!("envelope_declined")),
    ("envelope_expired", fixture!("envelope_expired")),
    ("envelope_voided", fixture!("envelope_voided")),
    ("audit_trail_viewed", fixture!("audit_trail_viewed")),
    ("audit_trail_signed", fixture!("audit_trail_signed")),
    ("audit_trail_declined", fixture!("audit_trail_declined")),
    ("upper_case_event", fixture!("upper_case_event")),
    ("unknown_event", fixture!("unknown_event")),
    ("unknown_audit_action", fixture!("unknown_audit_action")),
];

fn parsed(body: &[u8]) -> Event {
    match parse(body) {
        Ok(event) => event,
        Err(err) => panic!("{err}"),
    }
}

fn malformed(body: &str) -> (String, String) {
    let err = parse(body.as_bytes()).expect_err("must be rejected");
    assert_eq!(err.vendor(), Some(Vendor::SignPlus));
    match err.kind() {
        ErrorKind::MalformedPayload { path, message, .. } => (path.clone(), message.clone()),
        other => panic!("unexpected kind {other:?}"),
    }
}

fn envelope(event: &Event) -> &EnvelopeData {
    match &event.data {
        Data::Envelope(data) => data,
        other => panic!("expected envelope data, got {other:?}"),
    }
}

fn audit(event: &Event) -> &AuditTrailData {
    match &event.data {
        Data::AuditTrail(data) => data,
        other => panic!("expected audit-trail data, got {other:?}"),
    }
}

#[test]
fn every_envelope_event_is_typed() {
    let cases = [
        (fixture!("envelope_completed"), EventKind::EnvelopeCompleted),
        (fixture!("envelope_declined"), EventKind::EnvelopeDeclined),
        (fixture!("envelope_expired"), EventKind::EnvelopeExpired),
        (fixture!("envelope_voided"), EventKind::EnvelopeVoided),
    ];
    for (body, kind) in cases {
        let event = parsed(body);
        assert_eq!(event.kind(), &kind);
        assert_eq!(event.hook.id.as_deref(), Some(HOOK_ID));
        assert_eq!(event.hook.target.as_deref(), Some(TARGET));
        let data = envelope(&event);
        assert_eq!(data.id.as_deref(), Some(HOOK_ID));
        assert_eq!(data.uid.as_deref(), Some(UID));
        assert_eq!(data.envelope_id, ENVELOPE_ID);
        assert_eq!(data.file_name.as_deref(), Some("dummy"));
        assert_eq!(event.envelope_id(), Some(ENVELOPE_ID));
        assert_eq!(event.audit_action(), None);
    }
}

#[test]
fn every_audit_action_is_typed() {
    let cases = [
        (fixture!("audit_trail_viewed"), AuditAction::EnvelopeViewed),
        (fixture!("audit_trail_signed"), AuditAction::EnvelopeSigned),
        (fixture!("audit_trail_declined"), AuditAction::EnvelopeDeclined),
    ];
    for (body, action) in cases {
        let event = parsed(body);
        assert_eq!(event.kind(), &EventKind::EnvelopeAuditTrail);
        let data = audit(&event);
        assert_eq!(data.id.as_deref(), Some(HOOK_ID));
        assert_eq!(data.uid.as_deref(), Some(UID));
        assert_eq!(data.envelope_id, ENVELOPE_ID);
        assert_eq!(data.recipient_id.as_deref(), Some("6697cc22b4bd194facb20474"));
        assert_eq!(data.action, action);
        assert_eq!(data.file_name, None);
        assert_eq!(event.audit_action(), Some(&action));
        assert_eq!(event.envelope_id(), Some(ENVELOPE_ID));
    }
}

#[test]
fn registration_case_event_names_are_the_same_event() {
    let event = parsed(fixture!("upper_case_event"));
    assert_eq!(event.kind(), &EventKind::EnvelopeCompleted);
    assert_eq!(envelope(&event).envelope_id, ENVELOPE_ID);
    for raw in ["ENVELOPE_AUDIT_TRAIL", "Envelope_Audit_Trail", "envelope_audit_trail"] {
        assert_eq!(EventKind::from_wire(raw), EventKind::EnvelopeAuditTrail);
    }
    assert_eq!(AuditAction::from_wire("envelope_viewed"), AuditAction::EnvelopeViewed);
    for kind in EventKind::KNOWN {
        assert_eq!(kind.registration_name().to_ascii_lowercase(), kind.as_str());
        assert_eq!(&EventKind::from_wire(&kind.registration_name()), kind);
    }
}

#[test]
fn unknown_event_keeps_name_and_raw_data() {
    let event = parsed(fixture!("unknown_event"));
    assert_eq!(event.kind(), &EventKind::Unknown("envelope_reminder_sent".to_owned()));
    let Data::Unknown(data) = &event.data else {
        panic!("expected raw data, got {:?}", event.data)
    };
    assert_eq!(data["reminder_count"], 2);
    assert_eq!(data["sent_at"], 1_721_900_000);
    assert_eq!(event.envelope_id(), Some("66a0f2a9c5e364c7c2371ab8"));
    assert_eq!(event.audit_action(), None);
}

#[test]
fn unknown_event_without_data_is_kept() {
    let event = parsed(br#"{"hook":{"event":"envelope_archived"}}"#);
    assert_eq!(event.data, Data::Unknown(serde_json::Value::Null));
    assert_eq!(event.hook.id, None);
    assert_eq!(event.envelope_id(), None);
}

#[test]
fn unknown_audit_action_is_kept() {
    let event = parsed(fixture!("unknown_audit_action"));
    let data = audit(&event);
    assert_eq!(data.action, AuditAction::Unknown("ENVELOPE_FORWARDED".to_owned()));
    assert_eq!(data.action.as_str(), "ENVELOPE_FORWARDED");
    assert_eq!(data.recipient_id.as_deref(), Some("6697cc22b4bd194facb20475"));
}

#[test]
fn optional_fields_may_be_missing_or_null_and_extras_are_ignored() {
    let event = parsed(
        br#"{"hook":{"event":"envelope_voided","target":null,"secret_new_field":1},
             "data":{"envelope_id":"e1","file_name":null,"pages":3},"extra":{}}"#,
    );
    assert_eq!(event.kind(), &EventKind::EnvelopeVoided);
    assert_eq!(event.hook.id, None);
    assert_eq!(event.hook.target, None);
    let data = envelope(&event);
    assert_eq!(
        (data.id.as_deref(), data.uid.as_deref(), data.file_name.as_deref()),
        (None, None, None)
    );
    assert_eq!(data.envelope_id, "e1");

    let event = parsed(br#"{"hook":{"event":"envelope_audit_trail"},"data":{"envelope_id":"e1","action":"ENVELOPE_SIGNED","file_name":"contract.pdf"}}"#);
    let data = audit(&event);
    assert_eq!(data.recipient_id, None);
    assert_eq!(data.file_name.as_deref(), Some("contract.pdf"));
}

#[test]
fn malformed_payloads_report_where() {
    let (path, message) =
        malformed("{\n  \"hook\": {\"event\": \"envelope_completed\"},\n  \"data\": {\"id\": \"x\"}\n}");
    assert_eq!(path, "$.data");
    assert!(message.contains("missing field `envelope_id`"), "{message}");

    let (path, message) =
        malformed(r#"{"hook":{"event":"envelope_completed"},"data":{"envelope_id":42,"file_name":"dummy"}}"#);
    assert_eq!(path, "$.data.envelope_id");
    assert!(message.contains("invalid type: integer `42`"), "{message}");

    let (path, message) =
        malformed(r#"{"hook":{"event":"envelope_audit_trail"},"data":{"envelope_id":"e","recipient_id":"r"}}"#);
    assert_eq!(path, "$.data");
    assert!(message.contains("missing field `action`"), "{message}");

    let (path, _) = malformed(r#"{"hook":{"event":"envelope_audit_trail"},"data":{"envelope_id":"e","action":7}}"#);
    assert_eq!(path, "$.data.action");

    let (path, message) = malformed(r#"{"hook":{"event":"envelope_expired"},"data":null}"#);
    assert_eq!(path, "$.data");
    assert!(message.contains("invalid type: null"), "{message}");

    let (path, message) = malformed(r#"{"hook":{"event":"envelope_expired"}}"#);
    assert_eq!(path, "$");
    assert!(message.contains("missing field `data`"), "{message}");

    let (path, message) = malformed(r#"{"hook":{"id":"h"},"data":{}}"#);
    assert_eq!(path, "$.hook");
    assert!(message.contains("missing field `event`"), "{message}");

    let (path, _) = malformed(r#"{"hook":{"event":["envelope_completed"]},"data":{}}"#);
    assert_eq!(path, "$.hook.event");

    let (path, message) = malformed(r#"{"hook":{"event":"envelope_completed"},"hook":{"event":"x"},"data":{}}"#);
    assert!(message.contains("duplicate field `hook`"), "{message}");
    assert_eq!(path, "$.hook");

    for body in [
        "",
        "[]",
        "null",
        "{\"hook\":",
        "{\"hook\":{\"event\":\"envelope_completed\"},\"data\":{\"envelope_id\":\"e\"}} x",
    ] {
        malformed(body);
    }
}

#[test]
fn every_fixture_round_trips() {
    for (name, body) in ALL {
        let event = parsed(body);
        let json = serde_json::to_vec(&event).expect("serializes");
        assert_eq!(parsed(&json), event, "{name}: parse(serialize(event))");
        let via_serde: Event = serde_json::from_slice(&json).expect("deserializes");
        assert_eq!(via_serde, event, "{name}: Deserialize");
        // The wire shape is kept: `{hook, data}` with snake_case keys.
        let value: serde_json::Value = serde_json::from_slice(&json).expect("json");
        assert!(
            value["hook"]["event"].is_string() && value.get("data").is_some(),
            "{name}: {value}"
        );
    }
}

#[test]
fn serialization_writes_the_delivered_form() {
    let event = parsed(fixture!("upper_case_event"));
    let value = serde_json::to_value(&event).expect("serializes");
    let original: serde_json::Value = serde_json::from_slice(fixture!("envelope_completed")).expect("fixture is JSON");
    assert_eq!(value, original);
}

#[test]
fn deserialize_impl_chooses_data_by_event() {
    let event: Event = serde_json::from_slice(fixture!("audit_trail_signed")).expect("deserializes");
    assert_eq!(event, parsed(fixture!("audit_trail_signed")));
    let err = serde_json::from_str::<Event>(r#"{"hook":{"event":"envelope_completed"},"data":{}}"#)
        .expect_err("envelope_id is required");
    assert!(err.to_string().contains("envelope_id"), "{err}");
}

#[test]
fn rest_model_enums() {
    assert_eq!(EnvelopeStatus::from_wire("IN_PROGRESS"), EnvelopeStatus::InProgress);
    assert_eq!(EnvelopeStatus::KNOWN.len(), 7);
    assert_eq!(EnvelopeStatus::from_wire("ARCHIVED").as_str(), "ARCHIVED");
    assert_eq!(
        RecipientRole::from_wire("IN_PERSON_SIGNER"),
        RecipientRole::InPersonSigner
    );
    assert_eq!(
        RecipientRole::from_wire("SENDER"),
        RecipientRole::Unknown("SENDER".to_owned())
    );
    assert_eq!(FlowType::from_wire("SIGN_MYSELF"), FlowType::SignMyself);
    assert_eq!(LegalityLevel::from_wire("QES_ZERTES"), LegalityLevel::QesZertes);
}

#[test]
fn deeply_nested_unknown_data_fails_cleanly() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let (path, message) = malformed(&format!(
        r#"{{"hook":{{"event":"envelope_reminder_sent"}},"data":{deep}}}"#
    ));
    assert!(message.contains("recursion limit"), "{message}");
    assert!(path.starts_with("$.data[0]"), "{path}");
}

#[test]
fn key_order_does_not_matter() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/signplus");
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let body = std::fs::read(&path).expect("readable");
        let parsed = super::parse(&body).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        // `data` before `hook` reads the same.
        let value: serde_json::Value = serde_json::from_slice(&body).expect("json");
        let reordered = format!(r#"{{"data":{},"hook":{}}}"#, value["data"], value["hook"]);
        assert_eq!(
            super::parse(reordered.as_bytes()).expect("parses"),
            parsed,
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_one_pass_parse_agrees_with_the_precise_one_or_leaves_it_the_body() {
    let mut fast = 0;
    for (name, body) in ALL {
        if let Some(event) = crate::plugin::fast_parse::<crate::signplus::SignPlus>(body) {
            assert_eq!(event, parsed(body), "{name}");
            fast += 1;
        }
        assert_eq!(
            crate::testing::fast_path_agrees(Vendor::SignPlus, body),
            Ok(()),
            "{name}"
        );
    }
    assert!(
        fast >= 7,
        "the known events of the fixtures take the one-pass parse ({fast})"
    );
    // `data` before `hook`, a duplicate key, an unknown event, trailing bytes: the precise parse's.
    let data_first = br#"{"data":{"envelope_id":"e1"},"hook":{"id":"h","event":"envelope_completed","target":"t"}}"#;
    assert!(crate::plugin::fast_parse::<crate::signplus::SignPlus>(data_first).is_none());
    let twice =
        br#"{"hook":{"id":"h","event":"envelope_completed","target":"t"},"data":{"envelope_id":"e1"},"hook":{}}"#;
    assert!(crate::plugin::fast_parse::<crate::signplus::SignPlus>(twice).is_none());
    assert!(parse(twice).is_err());
    assert!(crate::plugin::fast_parse::<crate::signplus::SignPlus>(fixture!("unknown_event")).is_none());
    let mut trailing = fixture!("envelope_completed").to_vec();
    trailing.extend_from_slice(b" x");
    assert!(crate::plugin::fast_parse::<crate::signplus::SignPlus>(&trailing).is_none());
    assert!(parse(&trailing).is_err());
}
