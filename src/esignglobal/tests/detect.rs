//! Unit tests: this file is compiled only under #[cfg(test)] (declared by its parent module).
//! Scheme detection on deliveries built here. The header names are made up
//! for the tests: the crate itself never assumes one.

use hmac::Mac;

use crate::encoding::{encode_base64, encode_hex};
use crate::esignglobal::{SchemeNotFound, detect_scheme};
use crate::verify::{Encoding, SignatureLocation, SignedContent, TimestampLocation};
use crate::{FixedClock, Incoming, Secret};

const BODY: &[u8] = super::fixture!("envelope_finish");
const KEY: &str = "esg-whsec-7Qk2mZ";
const TS: &str = "1735725600";

fn mac(parts: &[&[u8]]) -> [u8; 32] {
    let mut mac = crate::verify::keyed_mac(KEY.as_bytes());
    for part in parts {
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

fn secret() -> Secret {
    Secret::new(KEY)
}

/// The detected verifier accepts the delivery it came from (at the delivery's
/// own time), and rejects it with another secret.
fn assert_verifier_works(found: &crate::esignglobal::DetectedScheme, headers: &[(&str, String)], now: i64) {
    let incoming = Incoming::new(BODY, headers);
    let verifier = found.verifier(secret());
    assert!(verifier.engine().verify(&incoming, &FixedClock(now)).is_ok(), "{found}");
    let wrong = found.verifier(Secret::new("another key"));
    assert!(wrong.engine().verify(&incoming, &FixedClock(now)).is_err());
}

fn base_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", "application/json".into()),
        ("Content-Length", BODY.len().to_string()),
        ("User-Agent", "Java-http-client/17".into()),
        ("X-Forwarded-For", "203.0.113.7".into()),
        ("X-Request-Id", "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f".into()),
    ]
}

#[test]
fn hex_of_the_body_in_a_header() {
    let mut headers = base_headers();
    headers.push(("X-Esign-Signature", encode_hex(&mac(&[BODY]))));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    let scheme = found.hmac_scheme().unwrap();
    assert_eq!(
        scheme.signature_location(),
        &SignatureLocation::header("X-Esign-Signature")
    );
    assert_eq!(scheme.signed_content(), &SignedContent::Body);
    assert_eq!(scheme.encoding(), Encoding::Hex);
    assert_eq!(scheme.prefix(), None);
    assert_eq!(found.token_header(), None);
    assert!(!found.timestamp_in_millis());
    assert_eq!(
        found.to_string(),
        "verified with HMAC-SHA256, hex, of the raw body, in header X-Esign-Signature \
         (confirm with eSignGlobal support before relying on it)"
    );
    assert_verifier_works(&found, &headers, 0);
}

#[test]
fn uppercase_hex_is_found_too() {
    let headers = vec![("x-esign-signature", encode_hex(&mac(&[BODY])).to_uppercase())];
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    assert_eq!(found.hmac_scheme().unwrap().encoding(), Encoding::Hex);
}

#[test]
fn base64_of_the_body() {
    let mut headers = base_headers();
    headers.push(("X-Esign-Signature", encode_base64(&mac(&[BODY]))));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    let scheme = found.hmac_scheme().unwrap();
    assert_eq!(scheme.encoding(), Encoding::Base64);
    assert_eq!(scheme.signed_content(), &SignedContent::Body);
    assert_verifier_works(&found, &headers, 0);
}

#[test]
fn sha256_prefix() {
    let mut headers = base_headers();
    headers.push(("X-Esign-Signature", format!("sha256={}", encode_hex(&mac(&[BODY])))));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    let scheme = found.hmac_scheme().unwrap();
    assert_eq!(scheme.prefix(), Some("sha256="));
    assert_eq!(scheme.encoding(), Encoding::Hex);
    assert!(found.to_string().contains("after prefix \"sha256=\""), "{found}");
    assert_verifier_works(&found, &headers, 0);
}

#[test]
fn word_and_space_prefix() {
    let headers = vec![("Authorization", format!("HMAC-SHA256 {}", encode_base64(&mac(&[BODY]))))];
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    assert_eq!(found.hmac_scheme().unwrap().prefix(), Some("HMAC-SHA256 "));
    assert_verifier_works(&found, &headers, 0);
}

#[test]
fn timestamp_and_signature_parameters() {
    let signature = encode_hex(&mac(&[TS.as_bytes(), b".", BODY]));
    let mut headers = base_headers();
    headers.push(("Esign-Signature", format!("t={TS},v1={signature}")));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    let scheme = found.hmac_scheme().unwrap();
    assert_eq!(
        scheme.signature_location(),
        &SignatureLocation::parameters("Esign-Signature", ["v1"])
    );
    assert_eq!(
        scheme.signed_content(),
        &SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), ".")
    );
    assert_eq!(scheme.tolerance().as_secs(), 300);
    assert!(found.to_string().contains("timestamp tolerance 300 s"), "{found}");
    let ts: i64 = TS.parse().unwrap();
    assert_verifier_works(&found, &headers, ts + 60);
    // The default tolerance applies afterwards: the captured delivery is too old a day later.
    let incoming = Incoming::new(BODY, &headers);
    assert!(
        found
            .verifier(secret())
            .engine()
            .verify(&incoming, &FixedClock(ts + 86_400))
            .is_err()
    );
}

#[test]
fn timestamp_header_and_dot_separator() {
    let signature = encode_base64(&mac(&[TS.as_bytes(), b".", BODY]));
    let mut headers = base_headers();
    headers.push(("X-Esign-Timestamp", TS.into()));
    headers.push(("X-Esign-Signature", signature));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    let scheme = found.hmac_scheme().unwrap();
    assert_eq!(
        scheme.signature_location(),
        &SignatureLocation::header("X-Esign-Signature")
    );
    assert_eq!(
        scheme.signed_content(),
        &SignedContent::timestamp_then_body(TimestampLocation::header("X-Esign-Timestamp"), ".")
    );
    assert_eq!(scheme.encoding(), Encoding::Base64);
    assert_verifier_works(&found, &headers, TS.parse().unwrap());
}

#[test]
fn millisecond_timestamp_without_separator_is_flagged() {
    let millis = "1735725600123";
    let signature = encode_hex(&mac(&[millis.as_bytes(), BODY]));
    let headers = vec![
        ("X-Esign-Timestamp", millis.to_owned()),
        ("X-Esign-Signature", signature),
    ];
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    assert_eq!(
        found.hmac_scheme().unwrap().signed_content(),
        &SignedContent::timestamp_then_body(TimestampLocation::header("X-Esign-Timestamp"), "")
    );
    assert!(found.timestamp_in_millis());
    assert!(found.to_string().contains("milliseconds"), "{found}");
}

#[test]
fn secret_sent_as_a_token() {
    let mut headers = base_headers();
    headers.push(("X-Esign-Token", KEY.to_owned()));
    let found = detect_scheme(BODY, &headers, &secret()).unwrap();
    assert_eq!(found.token_header(), Some("X-Esign-Token"));
    assert!(found.hmac_scheme().is_none());
    assert!(found.to_string().contains("header_token(\"X-Esign-Token\""), "{found}");
    assert!(!found.to_string().contains(KEY));
    assert_verifier_works(&found, &headers, 0);
}

#[test]
fn works_with_an_http_header_map() {
    let mut map = http::HeaderMap::new();
    map.insert("content-type", "application/json".parse().unwrap());
    map.insert("x-esign-signature", encode_hex(&mac(&[BODY])).parse().unwrap());
    let found = detect_scheme(BODY, &map, &secret()).unwrap();
    assert_eq!(
        found.hmac_scheme().unwrap().signature_location(),
        &SignatureLocation::header("x-esign-signature")
    );
}

#[test]
fn nothing_verifies() {
    let mut headers = base_headers();
    headers.push(("X-Esign-Timestamp", TS.into()));
    // Signed with another key, and over a re-serialized body.
    headers.push(("X-Esign-Signature", encode_hex(&[7u8; 32])));
    headers.push(("X-Esign-Params", format!("t={TS},v1={}", encode_hex(&[9u8; 32]))));
    let err: SchemeNotFound = detect_scheme(BODY, &headers, &secret()).unwrap_err();
    assert_eq!(
        err.headers_considered(),
        [
            "X-Request-Id",
            "X-Esign-Timestamp",
            "X-Esign-Signature",
            "X-Esign-Params"
        ]
    );
    assert!(err.combinations_tried() > 40, "{}", err.combinations_tried());
    let message = err.to_string();
    assert!(message.contains("X-Esign-Signature"), "{message}");
    assert!(
        message.contains("raw bytes") && message.contains("eSignGlobal support"),
        "{message}"
    );
    assert!(!message.contains(KEY) && !message.contains(TS) && !message.contains("application/json"));
    let _: &dyn std::error::Error = &err;
}

#[test]
fn a_re_serialized_body_does_not_verify() {
    let headers = vec![("X-Esign-Signature", encode_hex(&mac(&[BODY])))];
    let compact = serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(BODY).unwrap()).unwrap();
    assert!(detect_scheme(&compact, &headers, &secret()).is_err());
}

#[test]
fn no_candidate_headers_and_duplicates() {
    let headers = [("Content-Type", "application/json")];
    let err = detect_scheme(BODY, &headers, &secret()).unwrap_err();
    assert_eq!(err.combinations_tried(), 0);
    assert!(err.to_string().contains("no header that could carry a signature"));

    // A repeated signature header is refused by the engine, so it is not reported.
    let signature = encode_hex(&mac(&[BODY]));
    let headers = [
        ("X-Esign-Signature", signature.as_str()),
        ("x-esign-signature", signature.as_str()),
    ];
    let err = detect_scheme(BODY, &headers, &secret()).unwrap_err();
    assert_eq!(err.headers_considered(), ["X-Esign-Signature"]);
}

#[test]
fn an_empty_secret_finds_nothing() {
    let headers = [("X-Esign-Token", "")];
    assert!(detect_scheme(BODY, &headers, &Secret::new("")).is_err());
}
