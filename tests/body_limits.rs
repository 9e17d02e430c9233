//! Per-vendor body limits: the default limit of a `Webhooks` is the largest
//! body any configured vendor documents (Adobe Acrobat Sign: notifications
//! up to 10 MB), 1 MiB otherwise; a limit the user sets replaces it.

use std::fs;
use std::path::Path;

use esign_webhooks::testing::Signer;
use esign_webhooks::{DEFAULT_MAX_BODY_SIZE, ErrorKind, Event, Secret, Webhooks, adobesign, docusign};

const CLIENT_ID: &str = "CBJCHBCAABAAtestClientIdOfTheApp";
const DOCUSIGN_KEY: &str = "ds-key";
const MIB: usize = 1024 * 1024;

/// A documented Adobe notification grown to `size` bytes by a long
/// `agreement.message`, as a large agreement's notification is.
fn adobe_body(size: usize) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/adobesign/agreement_created.json");
    let mut value: serde_json::Value = serde_json::from_slice(&fs::read(path).unwrap()).unwrap();
    let base = serde_json::to_vec(&value).unwrap().len();
    let object = value.as_object_mut().unwrap();
    object.insert("padding".into(), serde_json::Value::String(String::new()));
    let with_key = serde_json::to_vec(&value).unwrap().len();
    assert!(with_key > base);
    let fill = size - with_key;
    value
        .as_object_mut()
        .unwrap()
        .insert("padding".into(), serde_json::Value::String("x".repeat(fill)));
    let body = serde_json::to_vec(&value).unwrap();
    assert_eq!(body.len(), size);
    body
}

fn adobe_headers() -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "application/json".into()),
        ("X-AdobeSign-ClientId".into(), CLIENT_ID.into()),
    ]
}

fn docusign_only() -> Webhooks {
    Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new(DOCUSIGN_KEY)]))
        .build()
        .unwrap()
}

#[test]
fn adobe_configured_takes_a_five_megabyte_notification() {
    let webhooks = Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]))
        .docusign(docusign::Verifier::hmac([Secret::new(DOCUSIGN_KEY)]))
        .build()
        .unwrap();
    assert_eq!(webhooks.max_body_size(), 10 * MIB);
    let body = adobe_body(5_000_000);
    let event = webhooks.dispatch(&body, &adobe_headers()).unwrap();
    assert!(matches!(event, Event::AdobeSign(_)));
}

#[test]
fn docusign_alone_refuses_two_mebibytes_with_413() {
    let webhooks = docusign_only();
    assert_eq!(webhooks.max_body_size(), DEFAULT_MAX_BODY_SIZE);
    let json = format!(
        r#"{{"event":"envelope-completed","padding":"{}"}}"#,
        "x".repeat(2 * MIB)
    );
    let request = Signer::hmac(docusign::scheme(), Secret::new(DOCUSIGN_KEY)).sign(json.as_bytes());
    let err = webhooks.dispatch(&request.body, &request.headers).unwrap_err();
    assert_eq!(err.status(), 413, "{err}");
    assert!(matches!(err.kind(), ErrorKind::PayloadTooLarge { .. }), "{err:?}");
}

#[test]
fn a_limit_the_user_sets_replaces_the_vendors() {
    let webhooks = Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]))
        .max_body_size(MIB)
        .build()
        .unwrap();
    assert_eq!(webhooks.max_body_size(), MIB);
    let err = webhooks.dispatch(&adobe_body(2 * MIB), &adobe_headers()).unwrap_err();
    assert_eq!(err.status(), 413);

    // And upwards, for a vendor that documents no larger body.
    let webhooks = Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new(DOCUSIGN_KEY)]))
        .max_body_size(4 * MIB)
        .build()
        .unwrap();
    assert_eq!(webhooks.max_body_size(), 4 * MIB);
}

#[test]
fn a_body_just_over_adobes_limit_is_refused() {
    let webhooks = Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]))
        .build()
        .unwrap();
    let err = webhooks
        .dispatch(&adobe_body(10 * MIB + 1), &adobe_headers())
        .unwrap_err();
    assert_eq!(err.status(), 413);
}
