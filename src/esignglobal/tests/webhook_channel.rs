//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Webhook channel fixtures: `{ "event", "eventPayload" }`.

use super::{fixture, parse_ok};
use crate::esignglobal::{
    AuthMode, CcStatus, Channel, EnvelopeStatus, Event, EventKind, Payload, SignOrder, SignerStatus, Time, UserType,
};

fn webhook_payload(event: &Event, kind: EventKind) -> &Payload {
    assert_eq!(event.kind(), &kind);
    assert_eq!(event.channel(), Channel::Webhook);
    let payload = event.payload().expect("a known event has a payload");
    assert_eq!(payload.channel, Channel::Webhook);
    assert_eq!(payload.call_back_enum, None);
    payload
}

fn statuses(signers: &[crate::esignglobal::Signer]) -> Vec<SignerStatus> {
    signers.iter().filter_map(|s| s.signer_status).collect()
}

#[test]
fn envelope_start() {
    let event = parse_ok(fixture!("envelope_start"));
    assert!(matches!(event, Event::EnvelopeStart(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeStart).envelope;
    assert_eq!(envelope.envelope_id, "0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f");
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::InProgress));
    assert_eq!(
        envelope.envelope_start_time,
        Some(Time::Text("2025-01-01 10:00:00".into()))
    );
    assert_eq!(envelope.expire_time, Some(Time::Text("2025-01-31 23:59:59".into())));
    assert_eq!(
        statuses(&envelope.signer_list),
        [SignerStatus::InProgress, SignerStatus::Pending]
    );
    let second = &envelope.signer_list[1];
    assert_eq!(
        second.auth_modes.as_ref().map(|m| m.codes().collect::<Vec<_>>()),
        Some(vec![AuthMode::AccessCode])
    );
    assert_eq!(second.access_code.as_ref().map(|c| c.as_str()), Some("482913"));
    assert!(
        !format!("{event:?}").contains("482913"),
        "the access code is redacted from Debug"
    );
    let phone = second.phone_number.as_ref().unwrap();
    assert_eq!(
        (phone.country_code.as_deref(), phone.number.as_deref()),
        (Some("853"), Some("66123456"))
    );
    assert!(envelope.signer_info.is_none() && envelope.cc_list.is_empty() && envelope.cancel_info.is_none());
}

#[test]
fn envelope_signer_signed_uses_signer_info() {
    let event = parse_ok(fixture!("envelope_signer_signed"));
    assert!(matches!(event, Event::EnvelopeSignerSigned(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeSignerSigned).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::InProgress));
    assert!(envelope.signer_list.is_empty());
    let signer = envelope.signer_info.as_ref().unwrap();
    assert_eq!(signer.business_id.as_deref(), Some("crm-contact-17"));
    assert_eq!(signer.user_email.as_deref(), Some("tm.chan@example.com"));
    assert_eq!(signer.user_name.as_deref(), Some("Chan Tai Man"));
    assert_eq!(signer.user_type, Some(UserType::Individual));
    assert_eq!(signer.sign_order, Some(SignOrder::Number(1)));
    assert_eq!(signer.signer_status, Some(SignerStatus::Signed));
    assert_eq!(signer.approved_as_required, Some(false));
    assert_eq!(signer.auth_modes.as_ref().unwrap().as_str(), "3");
    assert_eq!(
        signer.auth_modes.as_ref().unwrap().codes().next(),
        Some(AuthMode::SmsOtp)
    );
    assert_eq!(
        signer.phone_number.as_ref().unwrap().country_code.as_deref(),
        Some("852")
    );
}

#[test]
fn envelope_all_signer_signed_with_numeric_times() {
    let event = parse_ok(fixture!("envelope_all_signer_signed"));
    assert!(matches!(event, Event::EnvelopeAllSignerSigned(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeAllSignerSigned).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Completed));
    assert_eq!(envelope.envelope_start_time, Some(Time::Number(1_735_696_800_000)));
    assert_eq!(
        envelope.expire_time.as_ref().and_then(Time::as_millis),
        Some(1_738_339_199_000)
    );
    assert_eq!(
        statuses(&envelope.signer_list),
        [SignerStatus::Signed, SignerStatus::Signed]
    );
}

#[test]
fn envelope_finish() {
    let event = parse_ok(fixture!("envelope_finish"));
    assert!(matches!(event, Event::EnvelopeFinish(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeFinish).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Completed));
    assert_eq!(
        statuses(&envelope.signer_list),
        [SignerStatus::Signed, SignerStatus::Signed]
    );
    let organization = &envelope.signer_list[1];
    assert_eq!(organization.user_type, Some(UserType::Organization));
    assert_eq!(organization.organization_name.as_deref(), Some("Harbour Trading Ltd."));
    assert_eq!(
        organization.auth_modes.as_ref().unwrap().codes().next(),
        Some(AuthMode::IdVerification)
    );
    assert_eq!(
        organization.phone_number.as_ref().unwrap().country_code.as_deref(),
        Some("86")
    );
}

#[test]
fn envelope_cancel_has_cancel_info() {
    let event = parse_ok(fixture!("envelope_cancel"));
    assert!(matches!(event, Event::EnvelopeCancel(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeCancel).envelope;
    assert_eq!(envelope.envelope_id, "7a1e9c3b5d2f4a6c8e0b1d3f5a7c9e2b");
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Canceled));
    assert_eq!(envelope.envelope_start_time, Some(Time::Number(1_735_984_800_000)));
    assert_eq!(
        envelope.cancel_info.as_ref().and_then(|c| c.reason.as_deref()),
        Some("Contract terms changed, a new envelope will be sent")
    );
    assert_eq!(
        statuses(&envelope.signer_list),
        [SignerStatus::Signed, SignerStatus::InProgress, SignerStatus::Pending]
    );
    assert_eq!(
        envelope.signer_list[2].auth_modes.as_ref().unwrap().codes().next(),
        Some(AuthMode::EmailOtp)
    );
    assert!(!event.kind().is_declined());
}

#[test]
fn signer_declined_has_decline_reason() {
    let event = parse_ok(fixture!("signer_declined"));
    assert!(matches!(event, Event::SignerDeclined(_)));
    assert!(event.kind().is_declined());
    let envelope = &webhook_payload(&event, EventKind::SignerDeclined).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Declined));
    assert_eq!(
        envelope.decline_reason.as_deref(),
        Some("The payment schedule is not what we agreed")
    );
    assert_eq!(
        statuses(&envelope.signer_list),
        [
            SignerStatus::Signed,
            SignerStatus::Declined,
            SignerStatus::Pending,
            SignerStatus::InProgress
        ]
    );
    let decliner = &envelope.signer_list[1];
    assert_eq!(decliner.user_email.as_deref(), Some("mei.wong@example.com"));
    assert_eq!(decliner.decline_reason, envelope.decline_reason);
    assert_eq!(
        envelope.signer_list[2].auth_modes.as_ref().unwrap().codes().next(),
        Some(AuthMode::IamSmart)
    );
}

#[test]
fn envelope_expired() {
    let event = parse_ok(fixture!("envelope_expired"));
    assert!(matches!(event, Event::EnvelopeExpired(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeExpired).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Expired));
    assert_eq!(envelope.expire_time, Some(Time::Number(1_735_660_799_000)));
    assert_eq!(
        statuses(&envelope.signer_list),
        [SignerStatus::Signed, SignerStatus::InProgress, SignerStatus::Pending]
    );
}

#[test]
fn envelope_delivery_failed_has_cc_list() {
    let event = parse_ok(fixture!("envelope_delivery_failed"));
    assert!(matches!(event, Event::EnvelopeDeliveryFailed(_)));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeDeliveryFailed).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::InProgress));
    assert_eq!(statuses(&envelope.signer_list), [SignerStatus::DeliveryFailed]);
    assert_eq!(envelope.cc_list.len(), 1);
    let cc = &envelope.cc_list[0];
    assert_eq!(cc.user_email.as_deref(), Some("legal@example.invalid"));
    assert_eq!(cc.user_name.as_deref(), Some("Legal Team"));
    assert_eq!(cc.cc_status, Some(CcStatus::DeliveryFailed));
    assert!(envelope.cc_info.is_none());
}

#[test]
fn unknown_event_keeps_the_raw_body() {
    let body = fixture!("unknown_event");
    let event = parse_ok(body);
    let Event::Unknown(unknown) = &event else {
        panic!("expected Unknown, got {event:?}")
    };
    assert_eq!(unknown.name, "ENVELOPE_REMINDER_SENT");
    assert_eq!(unknown.channel, Channel::Webhook);
    assert_eq!(unknown.raw, serde_json::from_slice::<serde_json::Value>(body).unwrap());
    assert_eq!(unknown.raw["eventPayload"]["reminderCount"], 2);
    assert_eq!(event.kind(), &EventKind::Unknown("ENVELOPE_REMINDER_SENT".into()));
    assert_eq!(event.envelope_id(), Some("2b6e9a1d4f7c3e8a5d0b2f6c9e1a4d7b"));
    assert!(event.payload().is_none());
}

#[test]
fn unknown_status_codes_are_kept() {
    let event = parse_ok(fixture!("unknown_status_codes"));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeDeliveryFailed).envelope;
    assert_eq!(envelope.envelope_status, Some(EnvelopeStatus::Unknown(6)));
    let signer = &envelope.signer_list[0];
    assert_eq!(signer.signer_status, Some(SignerStatus::Unknown(4)));
    assert_eq!(signer.user_type, Some(UserType::Unknown(3)));
    assert_eq!(
        signer.auth_modes.as_ref().unwrap().codes().collect::<Vec<_>>(),
        [AuthMode::Unknown(7)]
    );
    assert_eq!(envelope.cc_list[0].cc_status, Some(CcStatus::Unknown(2)));
    let written = serde_json::to_value(&event).unwrap();
    assert_eq!(written["eventPayload"]["envelopeStatus"], 6);
    assert_eq!(written["eventPayload"]["signerList"][0]["signerStatus"], 4);
    assert_eq!(written["eventPayload"]["ccList"][0]["ccStatus"], 2);
}

#[test]
fn webhook_times_may_be_numbers() {
    let event = parse_ok(fixture!("time_as_numbers"));
    let envelope = &webhook_payload(&event, EventKind::EnvelopeFinish).envelope;
    assert_eq!(envelope.envelope_start_time, Some(Time::Number(1_735_689_600_000)));
    // A 10-digit value is returned as sent, never multiplied.
    assert_eq!(
        envelope.expire_time.as_ref().and_then(Time::as_millis),
        Some(1_738_368_000)
    );
}
