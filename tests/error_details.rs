//! Error details users see: statuses, names, messages, positions and causes.

use std::error::Error as _;

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{ErrorKind, Secret, Webhooks, esignglobal};

const HEADER: &str = "x-esign-signature";
const BODY: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");

fn scheme() -> HmacScheme {
    HmacScheme::new(SignatureLocation::header(HEADER), SignedContent::Body, Encoding::Hex)
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("s3cret"), scheme()))
        .build()
        .unwrap()
}

#[test]
fn a_wrong_length_signature_answers_401_like_a_wrong_one() {
    let right_length = webhooks().dispatch(BODY, &[(HEADER, "00".repeat(32))]).unwrap_err();
    let short = webhooks().dispatch(BODY, &[(HEADER, "00".repeat(16))]).unwrap_err();
    let long = webhooks().dispatch(BODY, &[(HEADER, "00".repeat(64))]).unwrap_err();
    for err in [&right_length, &short, &long] {
        assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed, "{err}");
        assert_eq!(err.status(), 401);
    }
}

#[test]
fn a_malformed_signature_names_its_header() {
    let err = webhooks().dispatch(BODY, &[(HEADER, "not hex at all")]).unwrap_err();
    let ErrorKind::MalformedHeader { name, .. } = err.kind() else {
        panic!("{err}");
    };
    assert_eq!(name, HEADER);
    assert_eq!(err.status(), 400);
}

fn signed(body: &[u8]) -> esign_webhooks::Error {
    let request = Signer::hmac(scheme(), Secret::new("s3cret")).sign(body);
    webhooks().dispatch(&request.body, &request.headers).unwrap_err()
}

#[test]
fn a_signed_null_body_names_no_internal_type() {
    let err = signed(b"null");
    let ErrorKind::MalformedPayload { message, .. } = err.kind() else {
        panic!("{err}");
    };
    assert!(!err.to_string().contains("struct"), "{err}");
    assert_eq!(message, "invalid type: null, expected a JSON object");
}

#[test]
fn an_empty_body_reports_a_1_based_column() {
    let err = webhooks()
        .dispatch(
            b"",
            &[(
                HEADER,
                Signer::hmac(scheme(), Secret::new("s3cret")).sign(b"").headers[0]
                    .1
                    .as_str(),
            )],
        )
        .unwrap_err();
    match err.kind() {
        ErrorKind::MalformedPayload { line, column, .. } => assert_eq!((*line, *column), (1, 1), "{err}"),
        // An empty body may be refused before parsing, as matching no vendor.
        other => assert!(matches!(other, ErrorKind::UnrecognizedVendor), "{err}"),
    }
    let err = signed(b"");
    if let ErrorKind::MalformedPayload { line, column, .. } = err.kind() {
        assert_eq!((*line, *column), (1, 1), "{err}");
    }
}

#[test]
fn a_payload_error_keeps_serde_jsons_error_as_its_source() {
    let err = signed(b"null");
    let source = err.source().expect("a source");
    assert!(source.is::<serde_json::Error>(), "{source:?}");
    // The error without a lower-level cause has none.
    let forged = webhooks().dispatch(BODY, &[(HEADER, "00".repeat(32))]).unwrap_err();
    assert!(forged.source().is_none());
}

/// Every vendor's `Event::kind()` lends its kind (eSignGlobal's used to return
/// it by value while Sign.Plus's lent it).
#[test]
fn event_kinds_are_lent_alike() {
    use esign_webhooks::{Vendor, dangerous, esignglobal, signplus};
    let esg = include_bytes!("fixtures/esignglobal/envelope_finish.json");
    let Ok(esign_webhooks::Event::EsignGlobal(event)) = dangerous::parse_unverified(Vendor::EsignGlobal, esg) else {
        panic!("an eSignGlobal event")
    };
    let kind: &esignglobal::EventKind = event.kind();
    assert_eq!(kind, &esignglobal::EventKind::EnvelopeFinish);
    let sp = include_bytes!("fixtures/signplus/envelope_completed.json");
    let Ok(esign_webhooks::Event::SignPlus(event)) = dangerous::parse_unverified(Vendor::SignPlus, sp) else {
        panic!("a Sign.Plus event")
    };
    let kind: &signplus::EventKind = event.kind();
    assert_eq!(kind, &signplus::EventKind::EnvelopeCompleted);
}
