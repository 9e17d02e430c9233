//! The signature-header parsers: `verify::Verifier::verify_at` with every
//! `SignatureLocation`, every signed content, both encodings and units, and
//! the token methods, on arbitrary headers, query, body and clock.
#![no_main]

use std::sync::OnceLock;

use esign_webhooks::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit, Verifier,
};
use esign_webhooks::{Incoming, Secret};
use esign_webhooks_fuzz::Request;
use libfuzzer_sys::fuzz_target;

/// One verifier per location and method; each accepts two secrets (rotation).
pub fn verifiers() -> Vec<Verifier> {
    let secret = || Secret::new("fuzz-secret");
    let old = || Secret::new("fuzz-old-secret-that-is-longer-than-one-sha256-block-of-64-bytes-..");
    let ts = |name: &str| TimestampLocation::header(name);
    let schemes = [
        HmacScheme::new(SignatureLocation::header("x-sig"), SignedContent::Body, Encoding::Hex).with_prefix("sha256="),
        HmacScheme::new(
            SignatureLocation::numbered_headers("x-sig-"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        HmacScheme::new(
            SignatureLocation::parameters("x-params", ["v1", "s0"]),
            SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
            Encoding::Hex,
        ),
        HmacScheme::standard_webhooks(),
        HmacScheme::new(
            SignatureLocation::query("signature"),
            SignedContent::timestamp_then_body(ts("x-ts"), ":"),
            Encoding::Hex,
        )
        .with_timestamp_unit(TimestampUnit::Milliseconds),
    ];
    let mut verifiers: Vec<Verifier> = schemes
        .into_iter()
        .map(|scheme| Verifier::hmac(scheme, secret()).with_secret(old()))
        .collect();
    verifiers.push(Verifier::header_token("x-token", secret()).with_secret(old()));
    verifiers.push(Verifier::basic_auth("user", secret()).with_secret(old()));
    verifiers.push(Verifier::query_token("token", secret()).with_secret(old()));
    verifiers
}

static VERIFIERS: OnceLock<Vec<Verifier>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let request = Request::decode(data);
    let incoming = Incoming::new(request.body, &request.headers).with_query(request.query.as_deref());
    for verifier in VERIFIERS.get_or_init(verifiers) {
        match verifier.verify_at(&incoming, request.now) {
            Ok(verified) => assert!(verified.is_authenticated()),
            Err(err) => {
                let text = err.to_string();
                assert!(
                    !text.contains("fuzz-secret") && !text.contains("fuzz-old-secret"),
                    "{text}"
                );
            }
        }
    }
});
