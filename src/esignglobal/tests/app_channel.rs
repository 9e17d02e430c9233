//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! App callback channel fixtures: `{ "callBackEnum", "callBackDesc", "callBackEnvelopeVO" }`.

use super::{fixture, parse_ok};
use crate::esignglobal::{
    AuthMode, CcStatus, Channel, EnvelopeStatus, Event, EventKind, Payload, SignOrder, Signer, SignerStatus, Time,
};

fn app_payload(event: &Event, kind: EventKind) -> &Payload {
    assert_eq!(event.kind(), &kind);
    assert_eq!(event.channel(), Channel::AppCallback);
    let payload = event.payload().expect("a known event has a payload");
    assert_eq!(payload.channel, Channel::AppCallback);
    assert_eq!(payload.call_back_enum.as_deref(), Some("ENVELOPE_UPDATE"));
    payload
}

fn statuses(signers: &[Signer]) -> Vec<SignerStatus> {
    signers.iter().filter_map(|s| s.signer_status).collect()
}

const ID: &str = "a41f7c2e9b3d4e8f1c6a5b0d2e7f9c3a";

#[test]
fn app_envelope_start_uses_next_signer_list() {
    let event = parse_ok(fixture!("app_envelope_start"));
    assert!(matches!(event, Event::EnvelopeStart(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeStart).envelope;
    assert_eq!(envelope.envelope_id, ID);
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::InProgress));
    assert_eq!(envelope.envelope_create_time, Some(Time::Number(1_735_689_600_000)));
    assert_eq!(
        envelope.expire_time.as_ref().and_then(Time::as_millis),
        Some(1_738_368_000_000)
    );
    assert!(envelope.envelope_start_time.is_none() && envelope.signer_list.is_empty());
    assert_eq!(
        statuses(&envelope.next_signer_list),
        [SignerStatus::InProgress, SignerStatus::Pending]
    );
    let first = &envelope.next_signer_list[0];
    assert_eq!(first.sign_order, Some(SignOrder::Text("1".into())));
    assert_eq!(first.sign_order.as_ref().and_then(SignOrder::as_number), Some(1));
    assert_eq!(first.sign_files.len(), 2);
    assert_eq!(first.sign_files[1].file_name.as_deref(), Some("Annex A - Pricing.pdf"));
    assert_eq!(first.sign_files[1].file_key.as_deref(), Some("fk_0a9b8c7d6e5f4a3b2c1d"));
    assert_eq!(
        envelope.next_signer_list[1].access_code.as_ref().map(|c| c.as_str()),
        Some("730154")
    );
}

#[test]
fn app_envelope_signer_signed() {
    let event = parse_ok(fixture!("app_envelope_signer_signed"));
    assert!(matches!(event, Event::EnvelopeSignerSigned(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeSignerSigned).envelope;
    let signer = envelope.signer_info.as_ref().unwrap();
    assert_eq!(signer.signer_status, Some(SignerStatus::Signed));
    assert_eq!(signer.sign_date, Some(Time::Number(1_735_693_500_000)));
}

#[test]
fn app_envelope_all_signer_signed() {
    let event = parse_ok(fixture!("app_envelope_all_signer_signed"));
    assert!(matches!(event, Event::EnvelopeAllSignerSigned(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeAllSignerSigned).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Completed));
    assert_eq!(
        statuses(&envelope.signed_signer_list),
        [SignerStatus::Signed, SignerStatus::Signed]
    );
    assert_eq!(envelope.signed_signer_list[1].sign_order, Some(SignOrder::Number(2)));
}

#[test]
fn app_envelope_finish() {
    let event = parse_ok(fixture!("app_envelope_finish"));
    assert!(matches!(event, Event::EnvelopeFinish(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeFinish).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Completed));
    assert_eq!(envelope.envelope_end_time, Some(Time::Number(1_735_780_000_000)));
    assert_eq!(
        envelope.signed_signer_list[1]
            .sign_date
            .as_ref()
            .and_then(Time::as_millis),
        Some(1_735_779_900_000)
    );
    assert_eq!(envelope.signed_signer_list[1].sign_files.len(), 1);
}

#[test]
fn app_envelope_cancel() {
    let event = parse_ok(fixture!("app_envelope_cancel"));
    assert!(matches!(event, Event::EnvelopeCancel(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeCancel).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Canceled));
    assert_eq!(
        envelope.cancel_info.as_ref().and_then(|c| c.reason.as_deref()),
        Some("Sent to the wrong counterparty")
    );
    assert_eq!(statuses(&envelope.signed_signer_list), [SignerStatus::Signed]);
}

#[test]
fn app_envelope_declined_has_decline_signer() {
    let event = parse_ok(fixture!("app_envelope_declined"));
    assert!(matches!(event, Event::EnvelopeDeclined(_)));
    assert!(event.kind().is_declined());
    let envelope = &app_payload(&event, EventKind::EnvelopeDeclined).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Declined));
    let decliner = envelope.decline_signer.as_ref().unwrap();
    assert_eq!(decliner.user_email.as_deref(), Some("mei.wong@example.com"));
    assert_eq!(decliner.user_name.as_deref(), Some("Wong Siu Mei"));
    assert_eq!(
        decliner.signer_message.as_deref(),
        Some("Clause 7 must be reviewed by our counsel first")
    );
    assert_eq!(
        statuses(&envelope.signed_signer_list),
        [SignerStatus::Signed, SignerStatus::Declined]
    );
}

#[test]
fn app_envelope_declined_with_status_5_stays_canceled() {
    // The English page prints "5-Declined"; 5 is Canceled everywhere else and stays so.
    let body = br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_DECLINED",
        "callBackEnvelopeVO":{"envelopeId":"e1","envelopeStatus":5}}"#;
    let event = parse_ok(body);
    assert!(matches!(event, Event::EnvelopeDeclined(_)));
    assert_eq!(
        event.payload().unwrap().envelope.envelope_status,
        Some(EnvelopeStatus::Canceled)
    );
}

#[test]
fn app_envelope_expired_has_both_lists() {
    let event = parse_ok(fixture!("app_envelope_expired"));
    assert!(matches!(event, Event::EnvelopeExpired(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeExpired).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Expired));
    assert_eq!(statuses(&envelope.next_signer_list), [SignerStatus::InProgress]);
    assert_eq!(statuses(&envelope.signed_signer_list), [SignerStatus::Signed]);
    assert_eq!(envelope.envelope_end_time, envelope.expire_time);
}

#[test]
fn app_envelope_signer_viewed_matches_the_spec_example() {
    let event = parse_ok(fixture!("app_envelope_signer_viewed"));
    assert!(matches!(event, Event::EnvelopeSignerViewed(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeSignerViewed).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::InProgress));
    assert_eq!(envelope.envelope_create_time, Some(Time::Number(1_735_689_600_000)));
    assert_eq!(envelope.expire_time, Some(Time::Number(1_738_368_000_000)));
    let signer = envelope.signer_info.as_ref().unwrap();
    assert_eq!(signer.user_email.as_deref(), Some("signer@example.com"));
    assert_eq!(signer.user_name.as_deref(), Some("Chan Tai Man"));
    assert_eq!(signer.sign_order, Some(SignOrder::Text("1".into())));
    assert_eq!(signer.signer_status, Some(SignerStatus::Viewed));
    assert_eq!(signer.viewed_time, Some(Time::Number(1_735_693_200_000)));
}

#[test]
fn app_envelope_delivery_failed_has_cc_info() {
    let event = parse_ok(fixture!("app_envelope_delivery_failed"));
    assert!(matches!(event, Event::EnvelopeDeliveryFailed(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeDeliveryFailed).envelope;
    assert_eq!(
        envelope.signer_info.as_ref().and_then(|s| s.signer_status),
        Some(SignerStatus::DeliveryFailed)
    );
    let cc = envelope.cc_info.as_ref().unwrap();
    assert_eq!(cc.user_email.as_deref(), Some("finance@example.invalid"));
    assert_eq!(cc.cc_status, Some(CcStatus::DeliveryFailed));
    assert!(envelope.cc_list.is_empty());
}

#[test]
fn app_envelope_signer_failed_has_description() {
    let event = parse_ok(fixture!("app_envelope_signer_failed"));
    assert!(matches!(event, Event::EnvelopeSignerFailed(_)));
    let envelope = &app_payload(&event, EventKind::EnvelopeSignerFailed).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Interrupted));
    assert_eq!(
        envelope.description.as_deref(),
        Some("Signature certificate could not be issued: identity verification service unavailable")
    );
    assert_eq!(statuses(&envelope.signed_signer_list), [SignerStatus::Interrupted]);
    assert_eq!(
        envelope.signed_signer_list[0]
            .auth_modes
            .as_ref()
            .unwrap()
            .codes()
            .next(),
        Some(AuthMode::IdVerification)
    );
}

#[test]
fn app_times_may_be_strings() {
    let event = parse_ok(fixture!("time_as_strings"));
    let envelope = &app_payload(&event, EventKind::EnvelopeFinish).envelope;
    assert_eq!(envelope.envelope_create_time, Some(Time::Text("1735689600000".into())));
    assert_eq!(
        envelope.envelope_create_time.as_ref().and_then(Time::as_millis),
        Some(1_735_689_600_000)
    );
    let end = envelope.envelope_end_time.as_ref().unwrap();
    assert_eq!(end.as_text(), Some("2025-01-02T09:30:00+08:00"));
    assert_eq!(end.as_millis(), None);
    let sign_date = envelope.signed_signer_list[0].sign_date.as_ref().unwrap();
    assert_eq!(sign_date, &Time::Text("2025-01-02 09:30:00".into()));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(written["callBackEnvelopeVO"]["envelopeCreateTime"], "1735689600000");
}

#[test]
fn the_capitalized_envelope_key_is_accepted() {
    let body = br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_FINISH",
        "CallBackEnvelopeVO":{"envelopeId":"e2","envelopeStatus":2}}"#;
    let event = parse_ok(body);
    assert_eq!(event.envelope_id(), Some("e2"));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(written["callBackEnvelopeVO"]["envelopeId"], "e2");
    assert!(written.get("CallBackEnvelopeVO").is_none());
}

#[test]
fn unknown_app_action_keeps_the_raw_body() {
    let body = br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_TRANSFERRED",
        "CallBackEnvelopeVO":{"envelopeId":"e3"}}"#;
    let event = parse_ok(body);
    let Event::Unknown(unknown) = &event else {
        panic!("expected Unknown")
    };
    assert_eq!(unknown.channel, Channel::AppCallback);
    assert_eq!(unknown.name, "ENVELOPE_TRANSFERRED");
    assert_eq!(event.envelope_id(), Some("e3"));
    assert_eq!(parse_ok(&serde_json::to_vec(&event).unwrap()), event);
}

#[test]
fn call_back_enum_names_the_action_when_the_description_is_absent() {
    // One page says callBackEnum is "fixed to ENVELOPE_START".
    let body = br#"{"callBackEnum":"ENVELOPE_START","callBackEnvelopeVO":{"envelopeId":"e4"}}"#;
    let event = parse_ok(body);
    assert!(matches!(event, Event::EnvelopeStart(_)));
    assert_eq!(
        event.payload().unwrap().call_back_enum.as_deref(),
        Some("ENVELOPE_START")
    );
    assert_eq!(parse_ok(&serde_json::to_vec(&event).unwrap()), event);
}

#[test]
fn absent_call_back_enum_is_kept_absent() {
    let body = br#"{"callBackDesc":"ENVELOPE_FINISH","callBackEnvelopeVO":{"envelopeId":"e5"}}"#;
    let event = parse_ok(body);
    assert_eq!(event.payload().unwrap().call_back_enum, None);
    let written = serde_json::to_value(&event).unwrap();
    assert!(written.get("callBackEnum").is_none());
}

#[test]
fn nulls_and_missing_optionals_are_absent() {
    let body = br#"{"callBackEnum":"ENVELOPE_UPDATE","callBackDesc":"ENVELOPE_FINISH","callBackEnvelopeVO":{
        "envelopeId":"e6","envelopeStatus":null,"signedSignerList":null,"nextSignerList":null,
        "ccInfo":null,"cancelInfo":null,"description":null,
        "signerInfo":{"signFiles":null,"phoneNumber":{"countryCode":852,"number":null},"signOrder":null}}}"#;
    let event = parse_ok(body);
    let envelope = &event.payload().unwrap().envelope;
    assert_eq!(envelope.envelope_status, None);
    assert!(envelope.signed_signer_list.is_empty() && envelope.next_signer_list.is_empty());
    let signer = envelope.signer_info.as_ref().unwrap();
    assert!(signer.sign_files.is_empty());
    assert_eq!(signer.sign_order, None);
    let phone = signer.phone_number.as_ref().unwrap();
    assert_eq!(phone.country_code.as_deref(), Some("852"));
    assert_eq!(phone.number, None);
    assert_eq!(parse_ok(&serde_json::to_vec(&event).unwrap()), event);
}
