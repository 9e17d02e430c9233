//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
use super::*;
use crate::lifecycle::Lifecycle;
use crate::plugin::{BodyShape, Plugin};
use crate::{ErrorKind, Vendor};

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!("../../tests/fixtures/boldsign/", $name, ".json")).as_slice()
    };
}

const DOC: &str = "26b8695f-46d0-4cd4-ba1a-c5a0d595c849";
const SIGNER: &str = "30e062d0-ae6a-4cc6-a78e-ae8cd232d8dd";

fn parsed(body: &[u8]) -> Event {
    parse(body).unwrap_or_else(|err| panic!("{err}"))
}

#[test]
fn the_documented_sent_sample_is_typed() {
    let event = parsed(fixture!("document_sent"));
    assert_eq!(event.kind(), &EventType::Sent);
    assert_eq!(event.event.created, Some(1669959514));
    assert_eq!(
        event.event.client_id.as_deref(),
        Some("e4ca1621-bbc7-4c9a-9e81-81d107589690")
    );
    assert_eq!(event.event.environment, Some(Environment::Test));
    let actor = event.actor().unwrap();
    assert_eq!(actor.user_type, Some(UserType::Sender));
    assert_eq!(event.context.as_ref().unwrap().previous_state, None);
    let Data::Document(document) = &event.data else {
        panic!("{:?}", event.data)
    };
    assert_eq!(document.document_id.as_deref(), Some(DOC));
    assert_eq!(document.status, Some(DocumentStatus::InProgress));
    assert_eq!(
        document.sender_detail.as_ref().unwrap().email_address.as_deref(),
        Some("sender@email.com")
    );
    let signer = &document.signer_details[0];
    assert_eq!(signer.id.as_deref(), Some(SIGNER));
    assert_eq!(signer.status, Some(SignerStatus::NotCompleted));
    assert_eq!(signer.enable_access_code, Some(true));
    assert_eq!(signer.order, Some(1));
    assert_eq!(
        signer.id_verification.as_ref().unwrap().kind.as_deref(),
        Some("EveryAccess")
    );
    assert!(signer.group_signers.is_empty());
    assert_eq!(document.labels, ["sales", "q4"]);
    assert_eq!(document.meta_data.as_ref().unwrap()["crmId"], "OPP-1042");
}

#[test]
fn verification_pings_have_no_data() {
    for body in [fixture!("verification"), fixture!("verification_account_level")] {
        let event = parsed(body);
        assert!(event.is_verification());
        assert_eq!(event.data, Data::Empty);
        assert_eq!(event.context, None);
        assert_eq!(BoldSign::lifecycle(&event), None);
    }
    assert_eq!(parsed(fixture!("verification_account_level")).event.client_id, None);
    assert_eq!(
        parsed(br#"{"event":{"id":"1","eventType":"Verification"},"data":null}"#).data,
        Data::Empty
    );
}

#[test]
fn data_is_chosen_by_object() {
    assert!(matches!(parsed(fixture!("template_created")).data, Data::Template(_)));
    assert!(matches!(
        parsed(fixture!("sender_identity_verified")).data,
        Data::SenderIdentity(_)
    ));
    assert!(matches!(
        parsed(fixture!("identity_verification_failed")).data,
        Data::IdentityVerification(_)
    ));
    assert!(matches!(
        parsed(fixture!("kba_failed")).data,
        Data::KnowledgeBasedAuthentication(_)
    ));
    let Data::SenderIdentity(identity) = parsed(fixture!("sender_identity_verified")).data else {
        unreachable!()
    };
    assert_eq!(identity.approved_date, Some(Time::Text("2022-12-02T05:40:11Z".into())));
    let Data::Template(template) = parsed(fixture!("template_created")).data else {
        unreachable!()
    };
    assert_eq!(template.created_date, Some(Time::Unix(1669959000)));
    assert_eq!(template.signer_details[0].signer_role.as_deref(), Some("Client"));
    let auth = parsed(fixture!("kba_failed"));
    assert_eq!(auth.document_id(), Some(DOC));
}

#[test]
fn unknown_values_are_kept() {
    let event = parsed(fixture!("unknown_event_type"));
    assert_eq!(event.kind().as_str(), "DocumentArchived");
    assert!(BoldSign::is_unknown(&event));
    let event = parsed(fixture!("unknown_object"));
    let Data::Unknown(value) = &event.data else {
        panic!("{:?}", event.data)
    };
    assert_eq!(value["bundleId"], "b-1");
    assert!(BoldSign::is_unknown(&event));
    assert!(!BoldSign::is_unknown(&parsed(fixture!("document_completed"))));
    // Case as the SDK reads it.
    assert_eq!(EventType::from_wire("completed"), EventType::Completed);
}

#[test]
fn malformed_payloads_report_where() {
    let err = parse(
        br#"{"event":{"id":"1","eventType":"Sent"},"data":{"object":"document","signerDetails":[{"order":"x"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(err.vendor(), Some(Vendor::BoldSign));
    let ErrorKind::MalformedPayload { path, .. } = err.kind() else {
        panic!("{err:?}")
    };
    assert_eq!(path, "$.data.signerDetails[0].order");
    assert!(parse(br#"{"data":{}}"#).is_err());
    assert!(
        parse(br#"{"event":{"eventType":"Sent"}}"#).is_err(),
        "event.id is required"
    );
}

#[test]
fn claims() {
    let claims = |body: &[u8]| BoldSign::claims(&BodyShape::of(body));
    let weakly = |body: &[u8]| BoldSign::claims_weakly(&BodyShape::of(body));
    assert!(claims(fixture!("document_sent")));
    assert!(!claims(fixture!("verification")) && weakly(fixture!("verification")));
    assert!(!claims(fixture!("document_send_failed")) && weakly(fixture!("document_send_failed")));
    assert!(!weakly(br#"{"hook":{}}"#));
}

#[test]
fn dedup_key_is_the_event_id() {
    let event = parsed(fixture!("document_completed"));
    let mut same = event.clone();
    same.context = None;
    assert_eq!(BoldSign::dedup_key(&event), BoldSign::dedup_key(&same));
    let mut other = event.clone();
    other.event.id = format!("{}x", other.event.id).into();
    assert_ne!(BoldSign::dedup_key(&event), BoldSign::dedup_key(&other));
}

#[test]
fn lifecycle_mapping() {
    let step = |body: &[u8]| BoldSign::lifecycle(&parsed(body));
    let signed = step(fixture!("document_signed")).unwrap();
    assert_eq!(
        (signed.kind, signed.envelope_id.as_deref(), signed.signer_id.as_deref()),
        (Lifecycle::Signed, Some(DOC), Some(SIGNER))
    );
    assert_eq!(step(fixture!("document_viewed")).unwrap().kind, Lifecycle::Viewed);
    assert_eq!(step(fixture!("document_completed")).unwrap().kind, Lifecycle::Completed);
    assert_eq!(step(fixture!("document_sent")).unwrap().kind, Lifecycle::Sent);
    let declined = step(fixture!("document_declined")).unwrap();
    assert_eq!(
        (declined.kind, declined.reason.as_deref()),
        (Lifecycle::Declined, Some("Wrong amount in clause 3."))
    );
    let revoked = step(fixture!("document_revoked")).unwrap();
    assert_eq!(
        (revoked.kind, revoked.reason.as_deref()),
        (Lifecycle::Cancelled, Some("Replaced by a corrected version."))
    );
    assert_eq!(step(fixture!("document_expired")).unwrap().kind, Lifecycle::Expired);
    let failed = step(fixture!("document_delivery_failed")).unwrap();
    assert_eq!(
        (failed.kind, failed.signer_id.as_deref()),
        (Lifecycle::DeliveryFailed, Some(SIGNER))
    );
    assert_eq!(step(fixture!("document_send_failed")).unwrap().kind, Lifecycle::Failed);
    for body in [
        fixture!("template_created"),
        fixture!("sender_identity_created"),
        fixture!("document_reminder"),
    ] {
        assert_eq!(step(body), None);
    }
}

#[test]
fn events_round_trip_through_serde() {
    for body in [
        fixture!("document_sent"),
        fixture!("template_edited"),
        fixture!("sender_identity_verified"),
        fixture!("kba_failed"),
        fixture!("verification"),
        fixture!("unknown_object"),
    ] {
        let event = parsed(body);
        let written = serde_json::to_vec(&event).unwrap();
        assert_eq!(parsed(&written), event, "{}", String::from_utf8_lossy(&written));
        let via_value: Event = serde_json::from_value(serde_json::to_value(&event).unwrap()).unwrap();
        assert_eq!(via_value, event);
    }
}

#[test]
fn the_one_pass_parse_agrees_with_the_precise_one_or_leaves_it_the_body() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/boldsign");
    let mut fast = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "json") {
            continue;
        }
        let body = std::fs::read(&path).unwrap();
        if let Some(event) = crate::plugin::fast_parse::<crate::boldsign::BoldSign>(&body) {
            assert_eq!(
                Ok(event),
                super::parse(&body).map_err(|err| err.to_string()),
                "{path:?}"
            );
            fast += 1;
        }
        assert_eq!(
            crate::testing::fast_path_agrees(crate::Vendor::BoldSign, &body),
            Ok(()),
            "{path:?}"
        );
    }
    assert!(fast >= 20, "the fixtures take the one-pass parse ({fast})");
    // `object` not first, or twice, or unknown: the precise parse's.
    let late = br#"{"event":{"id":"e","eventType":"Viewed"},"data":{"documentId":"d","object":"document"}}"#;
    assert!(crate::plugin::fast_parse::<crate::boldsign::BoldSign>(late).is_none());
    assert!(super::parse(late).is_ok());
    let twice =
        br#"{"event":{"id":"e","eventType":"Viewed"},"data":{"object":"document","documentId":"d","object":"x"}}"#;
    assert!(crate::plugin::fast_parse::<crate::boldsign::BoldSign>(twice).is_none());
    let unknown = br#"{"event":{"id":"e","eventType":"Viewed"},"data":{"object":"contract"}}"#;
    assert!(crate::plugin::fast_parse::<crate::boldsign::BoldSign>(unknown).is_none());
    let empty = br#"{"event":{"id":"e","eventType":"Viewed"},"data":null}"#;
    assert_eq!(
        Ok(crate::plugin::fast_parse::<crate::boldsign::BoldSign>(empty).unwrap()),
        super::parse(empty).map_err(|err| err.to_string())
    );
}
