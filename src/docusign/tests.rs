//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use super::*;
use crate::lifecycle::Lifecycle;
use crate::plugin::{BodyShape, Plugin, VendorVerifier};
use crate::{ErrorKind, Vendor};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/docusign/", $name, ".json")).as_slice()
    };
}

const ENVELOPE: &str = "93be49ab-afa0-4adf-933c-f752070d71ec";

fn parsed(body: &[u8]) -> Event {
    parse(body).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn completed_with_summary_reads_strings_as_booleans_and_numbers() {
    let event = parsed(fixture!("envelope_completed"));
    assert_eq!(event.kind(), &EventKind::EnvelopeCompleted);
    assert_eq!(event.api_version.as_deref(), Some("v2.1"));
    assert_eq!(event.retry_count, Some(0));
    assert_eq!(event.configuration_id.as_deref(), Some("10418"));
    assert_eq!(
        event.generated_date_time.as_deref(),
        Some("2025-05-30T18:03:50.4233752Z")
    );
    assert_eq!(event.envelope_id(), Some(ENVELOPE));
    let summary = event.envelope_summary().unwrap();
    assert_eq!(summary.status, Some(EnvelopeStatus::Completed));
    assert_eq!(summary.enable_wet_sign, Some(true));
    assert_eq!(summary.allow_markup, Some(false));
    assert_eq!(summary.is_21_cfr_part_11, Some(false));
    assert_eq!(summary.expire_after, Some(120));
    assert_eq!(
        summary.sender.as_ref().unwrap().email.as_deref(),
        Some("ada.sender@example.com")
    );
    let recipients = summary.recipients.as_ref().unwrap();
    assert_eq!(recipients.recipient_count, Some(2));
    assert_eq!(recipients.all().count(), 2);
    let signer = &recipients.signers[0];
    assert_eq!(signer.routing_order, Some(1));
    assert_eq!(signer.status, Some(RecipientStatus::Completed));
    assert_eq!(signer.is_bulk_recipient, Some(false));
    assert_eq!(signer.signed_date_time.as_deref(), Some("2025-05-30T18:03:48.997Z"));
    // Untyped members are kept.
    assert_eq!(summary.other.get("envelopeMetadata").unwrap()["allowCorrect"], "true");
    assert!(summary.other.contains_key("anySigner"));
}

#[test]
fn json_typed_scalars_and_null_lists_are_accepted() {
    let event = parsed(fixture!("json_typed_scalars_retry"));
    assert_eq!(event.retry_count, Some(3));
    assert_eq!(event.configuration_id.as_deref(), Some("10418"));
    let summary = event.envelope_summary().unwrap();
    assert_eq!(summary.enable_wet_sign, Some(true));
    assert_eq!(summary.expire_after, Some(120));
    let recipients = summary.recipients.as_ref().unwrap();
    assert_eq!(recipients.signers[0].routing_order, Some(1));
    assert!(recipients.carbon_copies.is_empty());
}

#[test]
fn recipient_events_name_their_recipient() {
    let event = parsed(fixture!("recipient_declined"));
    assert!(event.kind().is_recipient_event());
    assert_eq!(event.recipient_id(), Some("1"));
    let recipient = event.recipient().unwrap();
    assert_eq!(recipient.name.as_deref(), Some("Grace Signer"));
    assert_eq!(
        recipient.declined_reason.as_deref(),
        Some("The fee in section 4 is wrong.")
    );
    // Without the summary, the id is still there.
    let bare = parsed(fixture!("recipient_resent"));
    assert_eq!(bare.recipient_id(), Some("1"));
    assert!(bare.recipient().is_none() && bare.envelope_summary().is_none());
}

#[test]
fn template_events_have_no_envelope() {
    let event = parsed(fixture!("template_created"));
    assert_eq!(event.kind(), &EventKind::TemplateCreated);
    assert_eq!(event.envelope_id(), None);
    assert_eq!(
        event.data.template_id.as_deref(),
        Some("0f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c")
    );
}

#[test]
fn unknown_values_are_kept() {
    let event = parsed(fixture!("unknown_event"));
    assert_eq!(event.kind(), &EventKind::Unknown("envelope-reminder-sent".into()));
    assert!(DocuSign::is_unknown(&event));
    let event = parsed(fixture!("unknown_status"));
    let status = event.envelope_summary().unwrap().status.clone().unwrap();
    assert_eq!(status.as_str(), "authoritativecopy");
    assert!(DocuSign::is_unknown(&event));
    assert!(!DocuSign::is_unknown(&parsed(fixture!("envelope_sent"))));
}

#[test]
fn legacy_xml_is_refused_with_a_clear_error() {
    let xml = include_bytes!("../../tests/fixtures/docusign/legacy_xml.xml");
    for body in [&xml[..], b"\xEF\xBB\xBF  <DocuSignEnvelopeInformation/>"] {
        let err = parse(body).unwrap_err();
        assert_eq!(err.vendor(), Some(Vendor::DocuSign));
        let ErrorKind::MalformedPayload { message, path, .. } = err.kind() else {
            panic!("{err:?}")
        };
        assert!(message.contains("JSON SIM"), "{message}");
        assert_eq!(path, "$");
    }
    // The legacy format is claimed, so that it gets this error and not "unrecognised".
    assert!(DocuSign::claims(&BodyShape::of(xml)));
    let legacy_json = br#"{"DocuSignEnvelopeInformation":{"EnvelopeStatus":{"Status":"Completed"}}}"#;
    assert!(parse(legacy_json).unwrap_err().to_string().contains("JSON SIM"));
}

#[test]
fn malformed_payloads_report_where() {
    let err = parse(br#"{"event":"envelope-sent","data":{"envelopeSummary":{"enableWetSign":"maybe"}}}"#).unwrap_err();
    let ErrorKind::MalformedPayload { path, .. } = err.kind() else {
        panic!("{err:?}")
    };
    assert_eq!(path, "$.data.envelopeSummary.enableWetSign");
    assert!(matches!(
        parse(br#"{"data":{}}"#).unwrap_err().kind(),
        ErrorKind::MalformedPayload { .. }
    ));
    assert!(matches!(
        parse(b"[]").unwrap_err().kind(),
        ErrorKind::MalformedPayload { .. }
    ));
}

#[test]
fn claims_only_the_json_sim_envelope() {
    let claims = |body: &[u8]| DocuSign::claims(&BodyShape::of(body));
    assert!(claims(fixture!("envelope_completed")));
    assert!(claims(br#"{"event":"x","configurationId":1,"data":{}}"#));
    assert!(claims(br#"{"event":"x","generatedDateTime":"t","data":{}}"#));
    assert!(claims(br#"{"event":"x","apiVersion":"v2.1","uri":"/x","data":{}}"#));
    // `event` and `data` are everyone's keys.
    assert!(!claims(br#"{"event":"envelope-completed","data":{"envelopeId":"e1"}}"#));
    assert!(!claims(br#"{"event":"x","apiVersion":"v2.1","data":{}}"#));
    assert!(!claims(b"not json"));
}

#[test]
fn dedup_key_ignores_retry_count_only() {
    let first = parsed(fixture!("envelope_completed"));
    let mut retry = first.clone();
    retry.retry_count = Some(4);
    assert_eq!(DocuSign::dedup_key(&first), DocuSign::dedup_key(&retry));
    let mut later = first.clone();
    later.generated_date_time = Some("2025-05-30T18:03:51.0000000Z".into());
    assert_ne!(DocuSign::dedup_key(&first), DocuSign::dedup_key(&later));
    // The recipient takes part in recipient events.
    let one = parsed(fixture!("recipient_sent"));
    let mut two = one.clone();
    two.data.recipient_id = Some("2".into());
    assert_ne!(DocuSign::dedup_key(&one), DocuSign::dedup_key(&two));
    assert_eq!(DocuSign::dedup_key(&one).vendor(), Vendor::DocuSign);
}

#[test]
fn lifecycle_mapping() {
    let step = |body: &[u8]| DocuSign::lifecycle(&parsed(body));
    let completed = step(fixture!("envelope_completed")).unwrap();
    assert_eq!(
        (completed.kind, completed.envelope_id.as_deref()),
        (Lifecycle::Completed, Some(ENVELOPE))
    );
    let signed = step(fixture!("recipient_completed")).unwrap();
    assert_eq!(
        (signed.kind, signed.signer_id.as_deref()),
        (Lifecycle::Signed, Some("1"))
    );
    let declined = step(fixture!("envelope_declined")).unwrap();
    assert_eq!(declined.kind, Lifecycle::Declined);
    assert_eq!(declined.signer_id.as_deref(), Some("1"));
    assert_eq!(declined.reason.as_deref(), Some("The fee in section 4 is wrong."));
    let voided = step(fixture!("envelope_voided")).unwrap();
    assert_eq!(
        (voided.kind, voided.reason.as_deref()),
        (Lifecycle::Cancelled, Some("Sent to the wrong client."))
    );
    assert_eq!(step(fixture!("recipient_delivered")).unwrap().kind, Lifecycle::Viewed);
    assert_eq!(step(fixture!("envelope_sent")).unwrap().kind, Lifecycle::Sent);
    assert_eq!(step(fixture!("recipient_sent")).unwrap().kind, Lifecycle::Sent);
    assert_eq!(
        step(fixture!("recipient_autoresponded")).unwrap().kind,
        Lifecycle::DeliveryFailed
    );
    assert_eq!(step(fixture!("recipient_declined")).unwrap().kind, Lifecycle::Declined);
    for body in [
        fixture!("envelope_delivered"),
        fixture!("envelope_created"),
        fixture!("template_created"),
    ] {
        assert_eq!(step(body), None);
    }
}

#[test]
fn events_round_trip_through_serde() {
    for body in [
        fixture!("envelope_completed"),
        fixture!("json_typed_scalars_retry"),
        fixture!("recipient_declined"),
        fixture!("template_deleted"),
        fixture!("unknown_event"),
    ] {
        let event = parsed(body);
        let written = serde_json::to_vec(&event).unwrap();
        assert_eq!(parsed(&written), event);
    }
}

#[test]
fn empty_key_lists_are_refused() {
    assert!(Verifier::hmac([]).validate().is_err());
    assert!(Verifier::hmac([crate::Secret::new("")]).validate().is_err());
    assert!(Verifier::hmac([crate::Secret::new("k")]).validate().is_ok());
}
