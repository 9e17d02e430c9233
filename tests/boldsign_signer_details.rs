//! BoldSign's signer `authenticationSettings` (audit `fidelity-2026-12.md`
//! §0 #7): read under the member name of BoldSign's SDK
//! (`[DataMember(Name = "authenticationSettings")]`,
//! `src/BoldSign/Model/Webhook/SignerDetails.cs`, `boldsign/api-csharp-sdk`
//! @ `f24752bf`), not under the camelCase of the Rust field.

mod common;

use esign_webhooks::boldsign::{Data, Event as BoldSignEvent};
use esign_webhooks::{Event, Vendor, dangerous};

fn boldsign(body: &[u8]) -> BoldSignEvent {
    match dangerous::parse_unverified(Vendor::BoldSign, body) {
        Ok(Event::BoldSign(event)) => event,
        other => panic!("{other:?}"),
    }
}

fn first_signer_settings(body: &[u8]) -> Option<(Option<String>, Option<String>)> {
    let event = boldsign(body);
    let Data::Document(document) = &event.data else {
        panic!("{:?}", event.data)
    };
    document.signer_details.first().and_then(|signer| {
        signer.signer_authentication_settings.as_ref().map(|s| {
            (
                s.authentication_frequency.as_deref().map(str::to_owned),
                s.status.as_deref().map(str::to_owned),
            )
        })
    })
}

#[test]
fn the_sdks_member_name_is_read() {
    let body = common::fixture("boldsign", "document_authentication_failed.json");
    assert_eq!(
        first_signer_settings(&body),
        Some((Some("EveryAccess".to_owned()), Some("Failed".to_owned())))
    );
}

#[test]
fn the_old_member_name_still_reads_and_a_stored_event_round_trips() {
    let body = common::fixture("boldsign", "document_authentication_failed.json");
    let old = String::from_utf8(body.clone())
        .unwrap()
        .replace("\"authenticationSettings\"", "\"signerAuthenticationSettings\"");
    assert_eq!(first_signer_settings(old.as_bytes()), first_signer_settings(&body));

    // Written under the wire name, so a stored event reads back the same.
    let event = dangerous::parse_unverified(Vendor::BoldSign, &body).unwrap();
    let stored = serde_json::to_string(&event).unwrap();
    assert!(stored.contains("\"authenticationSettings\""), "{stored}");
    let again: Event = serde_json::from_str(&stored).unwrap();
    assert_eq!(format!("{again:?}"), format!("{event:?}"));
}

#[test]
fn a_signer_without_it_has_none() {
    let body = common::fixture("boldsign", "document_sent.json");
    assert_eq!(first_signer_settings(&body), None);
}
