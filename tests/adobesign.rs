//! Adobe Acrobat Sign: the vendor conformance suite
//! (`common/vendor_conformance.rs`), then what is Adobe's own: the client id
//! and its echo, its refusals and configuration errors, a query token on top,
//! the verification of intent, documented examples read typed, stored
//! bodies, the lifecycle and typed callbacks.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex};

use esign_webhooks::adobesign::{self, AgreementStatus, EventKind};
use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Incoming, Lifecycle, Secret, Vendor, Webhooks, dangerous, signplus};
use vendor_conformance::Conformance;

const CLIENT_ID: &str = "CBJCHBCAABAAtestClientIdOfTheApp";
const OTHER_ID: &str = "CBJCHBCAABAAsecondApplication";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids([OTHER_ID, CLIENT_ID]))
        .signplus(signplus::Verifier::header_token("x-signplus-token", Secret::new("sp")))
        .build()
        .unwrap()
}

fn headers(id: &str) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "application/json".into()),
        ("X-AdobeSign-ClientId".into(), id.into()),
    ]
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/adobesign")
            .join(format!("{name}.json")),
    )
    .unwrap()
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adobesign");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            (
                path.file_stem().unwrap().to_string_lossy().into_owned(),
                fs::read(&path).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 50, "only {} fixtures", files.len());
    files
}

fn adobe(event: Event) -> adobesign::Event {
    match event {
        Event::AdobeSign(event) => event,
        other => panic!("expected Adobe Acrobat Sign, got {other:?}"),
    }
}

/// A client id header (not a secret) plus a URL token in the demo
/// configuration: the body is not covered, no timestamp.
#[test]
fn conformance() {
    Conformance::new(Vendor::AdobeSign)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.adobesign().on(EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_and_echoes_its_client_id() {
    let webhooks = webhooks();
    for (name, body) in fixtures() {
        let (event, verified) = webhooks
            .dispatch_verified(&Incoming::new(&body, &headers(CLIENT_ID)))
            .unwrap_or_else(|err| panic!("{name}: {err}"));
        assert_eq!(verified.key_index(), Some(1), "{name}");
        let response = event.success_response();
        let event = adobe(event);
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(event.kind().as_str(), value["event"], "{name}");
        assert_eq!(event.kind().is_unknown(), name == "unknown_event", "{name}");
        assert_eq!(event.agreement_id(), value["agreement"]["id"].as_str(), "{name}");
        assert_eq!(event.client_id(), Some(CLIENT_ID));
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["x-adobesign-clientid"], CLIENT_ID);
        let echoed: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(echoed, serde_json::json!({ "xAdobeSignClientId": CLIENT_ID }));
        // The client id is never in Debug output.
        assert!(!format!("{event:?}").contains(CLIENT_ID), "{name}");
    }
}

#[test]
fn documented_examples_read_typed() {
    let event = adobe(
        webhooks()
            .dispatch(&fixture("agreement_created_example"), &headers(CLIENT_ID))
            .unwrap(),
    );
    assert_eq!(event.kind(), &EventKind::AgreementCreated);
    assert_eq!(
        event.webhook_notification_id.as_deref(),
        Some("d20d758a-f8b2-41b7-8c20-016312de7978")
    );
    assert_eq!(event.webhook_scope, Some(adobesign::WebhookScope::Account));
    let agreement = event.agreement.as_ref().unwrap();
    assert_eq!(agreement.status, Some(AgreementStatus::OutForSignature));
    assert_eq!(agreement.document_visibility_enabled, Some(false));
    let sets = &agreement.participant_sets_info.as_ref().unwrap().participant_sets;
    assert_eq!(sets.len(), 2);
    assert_eq!(sets[1].order, Some(2));
    assert_eq!(sets[0].role, Some(adobesign::ParticipantRole::Signer));
    assert_eq!(
        sets[0].member_infos[0]
            .security_option
            .as_ref()
            .unwrap()
            .authentication_method
            .as_deref(),
        Some("NONE")
    );
    assert_eq!(
        event.webhook_notification_applicable_users[0].payload_applicable,
        Some(true)
    );

    // The templates' "" placeholders for numbers and booleans read as absent.
    let template = adobe(
        webhooks()
            .dispatch(&fixture("agreement_created"), &headers(CLIENT_ID))
            .unwrap(),
    );
    let agreement = template.agreement.unwrap();
    assert_eq!(agreement.document_visibility_enabled, None);
    assert_eq!(agreement.first_reminder_delay, None);
    assert_eq!(agreement.status, Some(AgreementStatus::Unknown(String::new())));

    let cancelled = adobe(
        webhooks()
            .dispatch(
                &fixture("agreement_auto_cancelled_conversion_problem_1"),
                &headers(CLIENT_ID),
            )
            .unwrap(),
    );
    let info = cancelled.agreement_cancellation_info.as_ref().unwrap();
    assert_eq!(info.notify_others, Some(false));
    assert!(info.comment.as_deref().unwrap().starts_with("We were unable"));
    assert_eq!(cancelled.agreement.unwrap().status, Some(AgreementStatus::Cancelled));
}

#[test]
fn client_id_refusals_and_configuration_errors() {
    let webhooks = webhooks();
    let body = fixture("agreement_created_example");
    let err = webhooks.dispatch(&body, &headers("CBJCHBCAABAAunknown")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::AuthenticationFailed), "{err}");
    assert_eq!(err.status(), 401);
    assert!(!format!("{err} {err:?}").contains("CBJCHBCAABAA"), "{err}");
    // A prefix or an extension of a configured id is not that id.
    for id in [&CLIENT_ID[..10], &format!("{CLIENT_ID}x")[..], ""] {
        assert_eq!(
            webhooks.dispatch(&body, &headers(id)).unwrap_err().status(),
            401,
            "{id:?}"
        );
    }
    // No header: the body is Adobe's, but nothing authenticates it.
    let err = webhooks
        .dispatch(&body, &[("Content-Type", "application/json")])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MissingHeader { .. }), "{err}");
    let mut twice = headers(CLIENT_ID);
    twice.push(("x-adobesign-clientid".into(), CLIENT_ID.into()));
    assert!(matches!(
        webhooks.dispatch(&body, &twice).unwrap_err().kind(),
        ErrorKind::DuplicateHeader { .. }
    ));
    // Configuration: no id, an empty id.
    assert!(
        Webhooks::builder()
            .adobesign(adobesign::Verifier::client_ids(Vec::<String>::new()))
            .build()
            .is_err()
    );
    assert!(
        Webhooks::builder()
            .adobesign(adobesign::Verifier::client_ids([""]))
            .build()
            .is_err()
    );
}

#[test]
fn query_token_on_top_of_the_client_id() {
    let webhooks = Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]).with_query_token("token", Secret::new("url-secret")))
        .build()
        .unwrap();
    let body = fixture("agreement_workflow_completed");
    let headers = headers(CLIENT_ID);
    let ok = Incoming::new(&body, &headers).with_query(Some("token=url-secret"));
    assert!(webhooks.dispatch_incoming(&ok).is_ok());
    for query in [None, Some("token=wrong"), Some("other=url-secret")] {
        let incoming = Incoming::new(&body, &headers).with_query(query);
        assert!(
            webhooks
                .dispatch_incoming(&incoming)
                .unwrap_err()
                .status()
                .is_client_error(),
            "{query:?}"
        );
    }
    let request = Signer::query_token("token", Secret::new("url-secret")).sign(&body);
    let wrong_id = self::headers(OTHER_ID);
    let incoming = Incoming::new(&body, &wrong_id).with_query(request.query.as_deref());
    assert_eq!(webhooks.dispatch_incoming(&incoming).unwrap_err().status(), 401);
}

#[test]
fn verification_of_intent() {
    let webhooks = webhooks();
    let response = webhooks
        .intent_response(&[("X-AdobeSign-ClientId", CLIENT_ID)])
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["x-adobesign-clientid"], CLIENT_ID);
    assert_eq!(
        response.body().as_slice(),
        format!(r#"{{"xAdobeSignClientId":"{CLIENT_ID}"}}"#).as_bytes()
    );
    // An unknown client id must not get a success code.
    let refused = webhooks
        .intent_response(&[("X-AdobeSign-ClientId", "someone-else")])
        .unwrap();
    assert_eq!(refused.status(), 401);
    assert!(refused.headers().get("x-adobesign-clientid").is_none());
    assert!(webhooks.intent_response(&[("Accept", "*/*")]).is_none());
}

#[test]
fn dedup_and_stored_bodies() {
    let webhooks = webhooks();
    let body = fixture("agreement_created_example");
    let event = webhooks.dispatch(&body, &headers(CLIENT_ID)).unwrap();
    let again = webhooks.dispatch(&body, &headers(OTHER_ID)).unwrap();
    assert_eq!(DedupKey::of(&event), DedupKey::of(&again));
    let other = String::from_utf8(body.clone()).unwrap().replace("d20d758a", "e30e869b");
    let other = webhooks.dispatch(other.as_bytes(), &headers(CLIENT_ID)).unwrap();
    assert_ne!(DedupKey::of(&event), DedupKey::of(&other));

    // Parsed without its request: no client id, so no echo from the event;
    // `intent_response` on the request's headers gives it.
    let stored = adobe(dangerous::parse_unverified(Vendor::AdobeSign, &body).unwrap());
    assert_eq!(stored.client_id(), None);
    let verified = webhooks.verify(&body, &headers(CLIENT_ID)).unwrap();
    assert_eq!(verified.vendor(), Vendor::AdobeSign);
    assert_eq!(webhooks.intent_response(&headers(CLIENT_ID)).unwrap().status(), 200);
}

#[test]
fn lifecycle_and_typed_callbacks() {
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let (a, b) = (seen.clone(), seen.clone());
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        a.lock()
            .unwrap()
            .push(format!("{:?} {:?} {:?}", e.kind, e.envelope_id, e.reason));
        Ok(())
    });
    handlers
        .adobesign()
        .on(EventKind::AgreementAutoCancelledConversionProblem, move |e| {
            b.lock().unwrap().push(format!("typed {}", e.kind()));
            Ok(())
        });
    for name in [
        "agreement_created_example",
        "agreement_auto_cancelled_conversion_problem_1",
        "unknown_event",
    ] {
        let report = webhooks.handle(&handlers, &fixture(name), &headers(CLIENT_ID)).unwrap();
        assert_eq!(report.status(), 200, "{name}");
    }
    assert_eq!(
        *seen.lock().unwrap(),
        [
            "Sent Some(\"CBJCHBCAABAA2XhaLGV0pKssKU03QXTcTXS4ebPyoSL_\") None".to_owned(),
            "Failed Some(\"CBJCHBCAABAAMwk43VWKmyL708A1teGI_XLeKJlHSljd\") Some(\"We were unable to create your agreement, because we had a problem processing your document.\")".to_owned(),
            "typed AGREEMENT_AUTO_CANCELLED_CONVERSION_PROBLEM".to_owned(),
        ]
    );
}

/// Adobe's attribute table types `agreement.ccs` as "Array of Strings", its
/// payload templates as objects (audit `fidelity-2026-12.md` §0 #12): both read.
#[test]
fn ccs_are_read_as_strings_and_as_objects() {
    let webhooks = webhooks();
    let strings = adobe(
        webhooks
            .dispatch(&fixture("agreement_created_ccs_strings"), &headers(CLIENT_ID))
            .unwrap(),
    );
    let emails: Vec<_> = strings
        .agreement
        .as_ref()
        .unwrap()
        .ccs
        .iter()
        .map(|cc| cc.email.as_deref())
        .collect();
    assert_eq!(emails, [Some("legal@example.com"), Some("records@example.com")]);
    let objects = adobe(
        webhooks
            .dispatch(&fixture("agreement_action_completed"), &headers(CLIENT_ID))
            .unwrap(),
    );
    assert_eq!(objects.agreement.as_ref().unwrap().ccs.len(), 1);
    // Neither a number nor a list of lists is a copy recipient.
    let mut value: serde_json::Value = serde_json::from_slice(&fixture("agreement_created_ccs_strings")).unwrap();
    value["agreement"]["ccs"] = serde_json::json!([7]);
    let body = serde_json::to_vec(&value).unwrap();
    assert!(dangerous::parse_unverified(Vendor::AdobeSign, &body).is_err());
}
