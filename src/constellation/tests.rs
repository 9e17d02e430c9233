//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use serde_json::Value;
use uuid::Uuid;

use super::*;
use crate::{ErrorKind, Vendor};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/constellation/", $name, ".json")).as_slice()
    };
}

const SESSION: Uuid = Uuid::from_u128(0x3f2504e0_4f89_11d3_9a0c_0305e82c3301);
const SIGNER: Uuid = Uuid::from_u128(0x9b2e6c1a_0d4f_4e8b_a7c3_5f6e7d8c9b0a);
const TITLE: &str = "Purchase agreement";
const REASON: &str = "The document contains incorrect information";

const SESSION_FIXTURES: &[(SessionStatus, &[u8])] = &[
    (SessionStatus::InDraft, fixture!("session_in_draft_pascal")),
    (SessionStatus::InSent, fixture!("session_in_sent_pascal")),
    (SessionStatus::Completed, fixture!("session_completed_pascal")),
    (SessionStatus::Cancelled, fixture!("session_cancelled_pascal")),
    (SessionStatus::Deleted, fixture!("session_deleted_pascal")),
    (SessionStatus::InPaused, fixture!("session_in_paused_pascal")),
    (SessionStatus::Expired, fixture!("session_expired_pascal")),
    (SessionStatus::Purged, fixture!("session_purged_pascal")),
    (SessionStatus::Archived, fixture!("session_archived_pascal")),
];

const SIGNER_FIXTURES: &[(SignerStatus, &[u8])] = &[
    (SignerStatus::PendingInvite, fixture!("signer_pending_invite_pascal")),
    (SignerStatus::Invited, fixture!("signer_invited_pascal")),
    (SignerStatus::InProgress, fixture!("signer_in_progress_pascal")),
    (SignerStatus::Completed, fixture!("signer_completed_pascal")),
    (SignerStatus::Cancelled, fixture!("signer_cancelled_pascal")),
    (SignerStatus::Declined, fixture!("signer_declined_pascal")),
    (SignerStatus::Delegated, fixture!("signer_delegated_pascal")),
    (
        SignerStatus::AuthenticationFailed,
        fixture!("signer_authentication_failed_pascal"),
    ),
];

const OTHER_FIXTURES: &[&[u8]] = &[
    fixture!("session_completed_camel"),
    fixture!("session_archived_camel"),
    fixture!("signer_declined_camel"),
    fixture!("signer_authentication_failed_camel"),
    fixture!("braced_guids"),
    fixture!("unknown_type"),
    fixture!("unknown_status"),
    fixture!("zero_guids_and_nulls"),
    fixture!("mixed_case_keys"),
];

fn parsed(body: &[u8]) -> Update {
    match parse(body) {
        Ok(update) => update,
        Err(err) => panic!("{err}"),
    }
}

fn malformed(body: &str) -> (String, String) {
    let err = parse(body.as_bytes()).expect_err("must be rejected");
    assert_eq!(err.vendor(), Some(Vendor::Constellation));
    match err.kind() {
        ErrorKind::MalformedPayload { path, message, .. } => (path.clone(), message.clone()),
        other => panic!("unexpected kind {other:?}"),
    }
}

/// The same body with every key's first letter in lower case (camelCase).
fn camel_case(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let mut chars = key.chars();
                    let camel = chars
                        .next()
                        .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
                        .unwrap_or_default();
                    (camel, camel_case(value))
                })
                .collect(),
        ),
        other => other,
    }
}

fn camel_bytes(body: &[u8]) -> Vec<u8> {
    let value: Value = serde_json::from_slice(body).expect("fixture is JSON");
    let camel = camel_case(value);
    assert!(camel.get("data").is_some(), "camel_case must rename keys");
    serde_json::to_vec_pretty(&camel).expect("serializes")
}

#[test]
fn every_session_status_in_both_casings() {
    assert_eq!(SESSION_FIXTURES.len(), SessionStatus::KNOWN.len());
    for (status, body) in SESSION_FIXTURES {
        for update in [parsed(body), parsed(&camel_bytes(body))] {
            assert!(update.is_session() && !update.is_signer());
            assert_eq!(update.session_status(), Some(*status));
            assert_eq!(update.signer_status(), None);
            assert_eq!(update.data.status, Status::Session(*status));
            assert_eq!(update.data.signing_session_id, SESSION);
            assert_eq!(update.data.new_signing_session_id, None, "zero GUID is absent");
            assert_eq!(update.data.signer_id, None, "zero GUID is absent");
            assert_eq!(update.data.title.as_deref(), Some(TITLE));
            assert_eq!(update.data.declined_reason, None);
        }
    }
}

#[test]
fn every_signer_status_in_both_casings() {
    assert_eq!(SIGNER_FIXTURES.len(), SignerStatus::KNOWN.len());
    for (status, body) in SIGNER_FIXTURES {
        for update in [parsed(body), parsed(&camel_bytes(body))] {
            assert!(update.is_signer() && !update.is_session());
            assert_eq!(update.signer_status(), Some(*status));
            assert_eq!(update.session_status(), None);
            assert_eq!(update.data.signing_session_id, SESSION);
            assert_eq!(update.data.signer_id, Some(SIGNER));
            assert_eq!(update.data.new_signing_session_id, None);
            let reason = (*status == SignerStatus::Declined).then_some(REASON);
            assert_eq!(update.data.declined_reason.as_deref(), reason);
        }
    }
}

#[test]
fn camel_case_fixtures_equal_their_pascal_case_twins() {
    let pairs = [
        (
            fixture!("session_completed_camel"),
            fixture!("session_completed_pascal"),
        ),
        (fixture!("session_archived_camel"), fixture!("session_archived_pascal")),
        (fixture!("signer_declined_camel"), fixture!("signer_declined_pascal")),
        (
            fixture!("signer_authentication_failed_camel"),
            fixture!("signer_authentication_failed_pascal"),
        ),
    ];
    for (camel, pascal) in pairs {
        assert_eq!(parsed(camel), parsed(pascal));
    }
    let declined = parsed(fixture!("signer_declined_camel"));
    assert_eq!(declined.signer_status(), Some(SignerStatus::Declined));
    assert_eq!(declined.data.declined_reason.as_deref(), Some(REASON));
}

#[test]
fn keys_match_in_any_case_and_unknown_keys_are_ignored() {
    let update = parsed(fixture!("mixed_case_keys"));
    assert_eq!(update.data.signing_session_id, SESSION);
    assert_eq!(update.data.signer_id, Some(SIGNER));
    assert_eq!(
        update.signer_status(),
        Some(SignerStatus::InProgress),
        "type matched ignoring case, status as string"
    );
    assert_eq!(update.data.title.as_deref(), Some(TITLE));
    assert_eq!(update.data.new_signing_session_id, None, "missing is absent");
    assert_eq!(update.data.declined_reason, None);
}

#[test]
fn guids_in_every_format() {
    let update = parsed(fixture!("braced_guids"));
    assert_eq!(update.data.signing_session_id, SESSION);
    assert_eq!(update.data.signer_id, Some(SIGNER));
    assert_eq!(
        update.data.new_signing_session_id,
        Some(Uuid::from_u128(0x6f9619ff_8b86_d011_b42d_00c04fc964ff))
    );
    assert_eq!(update.signer_status(), Some(SignerStatus::Completed));
    // Written back hyphenated and lower case.
    let json = serde_json::to_value(&update).expect("serializes");
    assert_eq!(json["Data"]["SigningSessionId"], "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assert_eq!(json["Data"]["SignerId"], "9b2e6c1a-0d4f-4e8b-a7c3-5f6e7d8c9b0a");
    assert_eq!(
        json["Data"]["NewSigningSessionId"],
        "6f9619ff-8b86-d011-b42d-00c04fc964ff"
    );
}

#[test]
fn zero_guids_nulls_and_empty_reason_are_absent() {
    let update = parsed(fixture!("zero_guids_and_nulls"));
    assert_eq!(update.data.new_signing_session_id, None);
    assert_eq!(update.data.signer_id, None);
    assert_eq!(update.data.title, None);
    assert_eq!(update.data.declined_reason, None);
    assert_eq!(update.session_status(), Some(SessionStatus::Cancelled));

    let update = parsed(br#"{"Data":{"SigningSessionId":"00000000-0000-0000-0000-000000000000","SignerId":"","Type":"SessionStatus","Status":1}}"#);
    assert_eq!(
        update.data.signing_session_id,
        Uuid::nil(),
        "the session id is kept as given"
    );
    assert_eq!(update.data.signer_id, None);
    assert_eq!(update.data.title, None);
}

#[test]
fn unknown_type_and_status_are_kept() {
    let update = parsed(fixture!("unknown_type"));
    assert!(!update.is_session() && !update.is_signer());
    assert_eq!(update.data.status.type_name(), "DocumentStatus");
    assert_eq!(
        update.data.status.status_type(),
        StatusType::Unknown("DocumentStatus".to_owned())
    );
    assert_eq!(update.data.status.code(), 2);
    assert!(matches!(&update.data.status, Status::Other { code: 2, status_type } if status_type.is_unknown()));

    let update = parsed(fixture!("unknown_status"));
    assert_eq!(update.session_status(), Some(SessionStatus::Unknown(10)));
    assert_eq!(update.data.status.code(), 10);
}

#[test]
fn status_helpers_are_consistent() {
    for status in SessionStatus::KNOWN {
        let built = Status::new(StatusType::Session, status.code());
        assert_eq!(built.type_name(), StatusType::Session.as_str());
        assert_eq!(
            (built.code(), built.session(), built.signer()),
            (status.code(), Some(*status), None)
        );
    }
    for status in SignerStatus::KNOWN {
        let built = Status::new(StatusType::from_wire("SIGNERSTATUS"), status.code());
        assert_eq!(built.type_name(), StatusType::Signer.as_str());
        assert_eq!(built.status_type(), StatusType::Signer);
        assert_eq!(
            (built.code(), built.signer(), built.session()),
            (status.code(), Some(*status), None)
        );
    }
    assert_eq!("Archived".parse::<SessionStatus>(), Ok(SessionStatus::Archived));
    assert_eq!(SignerStatus::AuthenticationFailed.code(), 8);
}

#[test]
fn duplicate_keys_in_any_case_are_refused() {
    let (path, message) = malformed(
        r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3,"status":4}}"#,
    );
    assert!(message.contains("duplicate field `Status`"), "{message}");
    assert_eq!(path, "$.Data.status");

    let (_, message) = malformed(
        r#"{"data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3},"DATA":{}}"#,
    );
    assert!(message.contains("duplicate field `Data`"), "{message}");
}

#[test]
fn malformed_payloads_report_where() {
    let (path, message) = malformed(
        "{\n  \"Data\": {\n    \"SigningSessionId\": \"not-a-guid\",\n    \"Type\": \"SessionStatus\",\n    \"Status\": 3\n  }\n}",
    );
    assert_eq!(path, "$.Data.SigningSessionId");
    assert!(message.contains("invalid GUID"), "{message}");
    assert!(!message.contains("not-a-guid"), "the value is not echoed: {message}");

    let (path, message) = malformed(
        r#"{"data":{"signingSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","signerId":"{123}","type":"SignerStatus","status":1}}"#,
    );
    assert_eq!(path, "$.data.signerId");
    assert!(message.contains("invalid GUID"), "{message}");

    let (path, message) = malformed(
        r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":"three"}}"#,
    );
    assert_eq!(path, "$.Data.Status");
    assert!(message.contains("integer status code"), "{message}");

    let (path, _) = malformed(
        r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":4294967296}}"#,
    );
    assert_eq!(path, "$.Data.Status");

    let (path, message) =
        malformed(r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Status":3}}"#);
    assert_eq!(path, "$.Data");
    assert!(message.contains("missing field `Type`"), "{message}");

    let (_, message) =
        malformed(r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":null,"Status":3}}"#);
    assert!(message.contains("missing field `Type`"), "{message}");

    let (_, message) =
        malformed(r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus"}}"#);
    assert!(message.contains("missing field `Status`"), "{message}");

    let (path, message) = malformed(r#"{"Data":{"Type":"SessionStatus","Status":3}}"#);
    assert_eq!(path, "$.Data");
    assert!(message.contains("missing field `SigningSessionId`"), "{message}");

    let (path, message) = malformed(r#"{"Data":{"SigningSessionId":null,"Type":"SessionStatus","Status":3}}"#);
    assert_eq!(path, "$.Data.SigningSessionId");
    assert!(message.contains("invalid type: null"), "{message}");

    let (path, _) =
        malformed(r#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":7,"Status":3}}"#);
    assert_eq!(path, "$.Data.Type");

    let (path, message) =
        malformed(r#"{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}"#);
    assert_eq!(path, "$");
    assert!(message.contains("missing field `Data`"), "{message}");

    let (path, _) = malformed(r#"{"Data":null}"#);
    assert_eq!(path, "$.Data");

    for body in ["", "[]", "null", "{\"Data\":", "{\"Data\":[1]}"] {
        malformed(body);
    }
}

#[test]
fn every_fixture_round_trips_in_pascal_case() {
    let all = SESSION_FIXTURES
        .iter()
        .map(|(_, body)| *body)
        .chain(SIGNER_FIXTURES.iter().map(|(_, body)| *body))
        .chain(OTHER_FIXTURES.iter().copied());
    for body in all {
        let update = parsed(body);
        let json = serde_json::to_vec(&update).expect("serializes");
        assert_eq!(parsed(&json), update, "{}", String::from_utf8_lossy(&json));
        let value: Value = serde_json::from_slice(&json).expect("json");
        let data = &value["Data"];
        for key in [
            "SigningSessionId",
            "NewSigningSessionId",
            "SignerId",
            "Type",
            "Status",
            "Title",
            "DeclinedReason",
        ] {
            assert!(data.get(key).is_some(), "{key} written: {value}");
        }
    }
    let value = serde_json::to_value(parsed(fixture!("session_completed_camel"))).expect("serializes");
    assert_eq!(
        value["Data"]["SignerId"],
        Value::Null,
        "absent GUIDs are written as null"
    );
    assert_eq!(value["Data"]["Status"], 3);
    assert_eq!(value["Data"]["Type"], "SessionStatus");
}

#[test]
fn deeply_nested_unknown_members_are_skipped_without_recursion() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let body = format!(
        r#"{{"Data":{{"Extra":{deep},"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3}}}}"#
    );
    assert_eq!(parsed(body.as_bytes()).session_status(), Some(SessionStatus::Completed));
    let (path, message) = malformed(&body[..body.len() / 2]);
    assert!(path.starts_with("$.Data.Extra[0]"), "{path}");
    assert!(message.contains("EOF"), "{message}");
}
