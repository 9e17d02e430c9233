//! Every fixture of every vendor, through `Webhooks::dispatch` with that
//! vendor's authentication: the right vendor, and unknown values only where
//! the fixture is about an unknown value.

mod common;

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{Event, Secret, Vendor, Webhooks, constellation, esignglobal, ignisign, signplus};

fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header("x-test-signature"),
        SignedContent::Body,
        Encoding::Base64,
    )
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::query_token("token", Secret::new("sp")))
        .constellation(constellation::Verifier::header_token("x-c1-token", Secret::new("c1")))
        .build()
        .unwrap()
}

fn fixtures(vendor: &str) -> Vec<(String, Vec<u8>)> {
    let files = common::fixtures(vendor);
    assert!(files.len() >= 10, "{vendor}: only {} fixtures", files.len());
    files
}

fn is_about_unknown(name: &str) -> bool {
    name.starts_with("unknown") || name == "id_proofing"
}

#[test]
fn every_esignglobal_fixture() {
    let webhooks = webhooks();
    for (name, body) in fixtures("esignglobal") {
        let request = Signer::hmac(esg_scheme(), Secret::new("esg")).sign(&body);
        let event = webhooks
            .dispatch(&body, &request.headers)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let Event::EsignGlobal(event) = event else {
            panic!("{name}: not eSignGlobal")
        };
        let app_channel = name.starts_with("app_")
            || serde_json::from_slice::<serde_json::Value>(&body).unwrap()["callBackDesc"].is_string();
        let expected_channel = if app_channel {
            esignglobal::Channel::AppCallback
        } else {
            esignglobal::Channel::Webhook
        };
        assert_eq!(event.channel(), expected_channel, "{name}");
        assert_eq!(event.kind().is_unknown(), name == "unknown_event", "{name}");
        assert!(event.envelope_id().is_some(), "{name}");
    }
}

#[test]
fn every_ignisign_fixture() {
    let webhooks = webhooks();
    let headers = [("content-type", "application/json")];
    for (name, body) in fixtures("ignisign") {
        let event = webhooks
            .dispatch(&body, &headers)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let Event::Ignisign(delivery) = event else {
            panic!("{name}: not Ignisign")
        };
        let message = delivery.dangerous_skip_token_check();
        let unknown = message.topic.is_unknown() || message.action.is_unknown();
        assert_eq!(
            unknown,
            is_about_unknown(&name) && name != "unknown_error_code",
            "{name}"
        );
        if name == "unknown_error_code" {
            assert!(message.error.unwrap().error_code.is_unknown());
        }
    }
}

#[test]
fn every_signplus_fixture() {
    let webhooks = webhooks();
    for (name, body) in fixtures("signplus") {
        let request = Signer::query_token("token", Secret::new("sp")).sign(&body);
        let event = webhooks
            .dispatch_incoming(&request.incoming())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let Event::SignPlus(event) = event else {
            panic!("{name}: not Sign.Plus")
        };
        let unknown = event.kind().is_unknown() || event.audit_action().is_some_and(|a| a.is_unknown());
        assert_eq!(unknown, is_about_unknown(&name), "{name}");
        assert!(event.envelope_id().is_some(), "{name}");
    }
}

#[test]
fn every_constellation_fixture() {
    let webhooks = webhooks();
    for (name, body) in fixtures("constellation") {
        let request = Signer::header_token("x-c1-token", Secret::new("c1")).sign(&body);
        let event = webhooks
            .dispatch(&body, &request.headers)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(event.vendor(), Vendor::Constellation, "{name}");
        let Event::Constellation(update) = event else {
            unreachable!()
        };
        let unknown = match update.data.status {
            constellation::Status::Session(s) => s.is_unknown(),
            constellation::Status::Signer(s) => s.is_unknown(),
            _ => true,
        };
        assert_eq!(unknown, is_about_unknown(&name), "{name}");
    }
}

#[test]
fn ignisign_error_messages_keep_mismatched_content_as_raw_json() {
    let body = br#"{"appId":"appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b","appEnv":"DEVELOPMENT",
        "verificationToken":"t","topic":"SIGNATURE","action":"FAILED","msgNature":"ERROR",
        "content":{"signatureRequestId":"65f1c0ffee00000000000002"},
        "error":{"errorCode":"SIGNATURE_FAILED","message":"signing failed"}}"#;
    let Event::Ignisign(delivery) = webhooks()
        .dispatch(body, &[("content-type", "application/json")])
        .unwrap()
    else {
        panic!("not Ignisign")
    };
    let message = delivery.dangerous_skip_token_check();
    assert!(matches!(message.content, Some(ignisign::Content::Unknown(_))));
    assert_eq!(message.error.unwrap().error_code, ignisign::ErrorCode::SignatureFailed);
    // The same content on a non-error message is refused with its path.
    let success = String::from_utf8(body.to_vec())
        .unwrap()
        .replace("\"ERROR\"", "\"SUCCESS\"");
    let err = webhooks()
        .dispatch(success.as_bytes(), &[("content-type", "application/json")])
        .unwrap_err();
    assert!(err.to_string().contains("$.content"), "{err}");
}
