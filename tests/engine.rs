//! The verification engine against published and documented vectors, and its
//! rules: rotation, tolerance, duplicates, malformed signatures.

use std::time::Duration;

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, Verifier};
use esign_webhooks::{ErrorKind, Incoming, Secret};

fn verify(verifier: &Verifier, body: &[u8], headers: &[(&str, &str)], now: i64) -> Result<Option<usize>, ErrorKind> {
    verifier
        .verify_at(&Incoming::new(body, headers), now)
        .map(|v| v.key_index())
        .map_err(|e| e.kind().clone())
}

// --- Standard Webhooks (lessons.md §10) ---------------------------------------------------------

const SW_SECRET: &str = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
const SW_ID: &str = "msg_27UH4WbU6Z5A5EzD8u03UvzRbpk";
const SW_TS: &str = "1649367553";
const SW_BODY: &[u8] = br#"{"email":"test@example.com","username":"test_user"}"#;
const SW_SIG: &str = "v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=";

fn standard_webhooks() -> Verifier {
    Verifier::hmac(
        HmacScheme::standard_webhooks(),
        Secret::from_standard_webhooks(SW_SECRET).unwrap(),
    )
}

#[test]
fn standard_webhooks_vector_reproduces() {
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("webhook-signature", SW_SIG),
    ];
    assert_eq!(
        verify(&standard_webhooks(), SW_BODY, &headers, 1_649_367_553),
        Ok(Some(0))
    );
}

#[test]
fn standard_webhooks_accepts_any_listed_signature_and_skips_other_versions() {
    let mixed = format!("v1a,AAAA v1,{} {SW_SIG} v2,xyz", "A".repeat(43) + "=");
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("webhook-signature", mixed.as_str()),
    ];
    assert_eq!(
        verify(&standard_webhooks(), SW_BODY, &headers, 1_649_367_553),
        Ok(Some(0))
    );
}

#[test]
fn standard_webhooks_negative_cases() {
    let now = 1_649_367_553;
    let v = standard_webhooks();
    let with = |sig: &str, ts: &str, id: &str| {
        let headers = [
            ("webhook-id", id),
            ("webhook-timestamp", ts),
            ("webhook-signature", sig),
        ];
        verify(&v, SW_BODY, &headers, now)
    };
    // A partial signature: `v1,` and a truncated value.
    assert!(matches!(
        with("v1,", SW_TS, SW_ID),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    assert!(matches!(
        with("v1,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe", SW_TS, SW_ID),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    // A mismatched timestamp or id changes the signed content.
    assert_eq!(with(SW_SIG, "1649367554", SW_ID), Err(ErrorKind::AuthenticationFailed));
    assert_eq!(with(SW_SIG, SW_TS, "msg_other"), Err(ErrorKind::AuthenticationFailed));
    // A negative timestamp is read, then fails the MAC.
    assert_eq!(with(SW_SIG, "-1649367553", SW_ID), Err(ErrorKind::AuthenticationFailed));
    // Only v1 entries count.
    assert!(matches!(
        with("v2,tZ1I4/hDygAJgO5TYxiSd6Sd0kDW6hPenDe+bTa3Kkw=", SW_TS, SW_ID),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    // Missing headers.
    let headers = [("webhook-timestamp", SW_TS), ("webhook-signature", SW_SIG)];
    assert_eq!(
        verify(&v, SW_BODY, &headers, now),
        Err(ErrorKind::MissingHeader {
            name: "webhook-id".into()
        })
    );
    // A changed body.
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("webhook-signature", SW_SIG),
    ];
    assert_eq!(verify(&v, b"{}", &headers, now), Err(ErrorKind::AuthenticationFailed));
}

#[test]
fn standard_webhooks_timestamp_tolerance_both_ways() {
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("webhook-signature", SW_SIG),
    ];
    let v = standard_webhooks();
    assert_eq!(verify(&v, SW_BODY, &headers, 1_649_367_553 + 300), Ok(Some(0)));
    assert_eq!(verify(&v, SW_BODY, &headers, 1_649_367_553 - 300), Ok(Some(0)));
    assert!(matches!(
        verify(&v, SW_BODY, &headers, 1_649_367_553 + 301),
        Err(ErrorKind::TimestampOutOfTolerance {
            tolerance_secs: 300,
            ..
        })
    ));
    assert!(matches!(
        verify(&v, SW_BODY, &headers, 1_649_367_553 - 301),
        Err(ErrorKind::TimestampOutOfTolerance { .. })
    ));
    let wide = standard_webhooks().with_tolerance(Duration::from_secs(3600));
    assert_eq!(verify(&wide, SW_BODY, &headers, 1_649_367_553 + 3600), Ok(Some(0)));
    assert!(matches!(
        verify(&v, SW_BODY, &headers, i64::MIN),
        Err(ErrorKind::TimestampOutOfTolerance { .. })
    ));
    assert!(matches!(
        verify(&v, SW_BODY, &headers, i64::MAX),
        Err(ErrorKind::TimestampOutOfTolerance { .. })
    ));
}

#[test]
fn empty_standard_webhooks_secret_is_refused() {
    assert!(Secret::from_standard_webhooks("whsec_").unwrap().is_empty());
    let v = Verifier::hmac(HmacScheme::standard_webhooks(), Secret::new(""));
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("webhook-signature", SW_SIG),
    ];
    assert!(matches!(
        verify(&v, SW_BODY, &headers, 0),
        Err(ErrorKind::Configuration { .. })
    ));
}

// --- DocuSign Connect style (other-vendors.md §15) ----------------------------------------------

const DOCUSIGN_BODY: &[u8] =
    br#"{"event":"envelope-completed","data":{"envelopeId":"00000000-0000-0000-0000-000000000001"}}"#;
const DOCUSIGN_SIG: &str = "nbM5lSF7L1QWFFQM1Npagh7vQuAQJc8yKvcm0La1XUs=";

fn docusign(secret: &str) -> Verifier {
    Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::numbered_headers("X-DocuSign-Signature-"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        Secret::new(secret),
    )
}

#[test]
fn docusign_vector_in_any_numbered_header() {
    let headers = [("X-DocuSign-Signature-1", DOCUSIGN_SIG)];
    assert_eq!(
        verify(&docusign("test-secret"), DOCUSIGN_BODY, &headers, 0),
        Ok(Some(0))
    );
    // The matching key is the second of two active keys.
    let other = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    let headers = [
        ("x-docusign-signature-1", other),
        ("X-DOCUSIGN-SIGNATURE-2", DOCUSIGN_SIG),
    ];
    assert_eq!(
        verify(&docusign("test-secret"), DOCUSIGN_BODY, &headers, 0),
        Ok(Some(0))
    );
    // Receiver-side rotation: the second configured secret matches.
    let rotated = docusign("old-secret").with_secret(Secret::new("test-secret"));
    let headers = [("X-DocuSign-Signature-1", DOCUSIGN_SIG)];
    assert_eq!(verify(&rotated, DOCUSIGN_BODY, &headers, 0), Ok(Some(1)));
    assert_eq!(
        verify(&docusign("wrong"), DOCUSIGN_BODY, &headers, 0),
        Err(ErrorKind::AuthenticationFailed)
    );
    // No timestamp is signed: any clock is fine.
    assert_eq!(
        verify(&docusign("test-secret"), DOCUSIGN_BODY, &headers, i64::MIN),
        Ok(Some(0))
    );
}

#[test]
fn docusign_line_endings_matter() {
    let mut body = DOCUSIGN_BODY.to_vec();
    body.push(b'\n');
    let headers = [("X-DocuSign-Signature-1", DOCUSIGN_SIG)];
    assert_eq!(
        verify(&docusign("test-secret"), &body, &headers, 0),
        Err(ErrorKind::AuthenticationFailed)
    );
}

// --- BoldSign style ------------------------------------------------------------------------------

const BOLDSIGN_BODY: &[u8] =
    br#"{"event":{"id":"e1","created":1700000000,"eventType":"Completed"},"data":{"object":"document","documentId":"d1"}}"#;
const BOLDSIGN_HEADER: &str = "t=1700000000, s0=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf";

fn boldsign(secret: &str) -> Verifier {
    Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::parameters("X-BoldSign-Signature", ["s0", "s1"]),
            SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
            Encoding::Hex,
        ),
        Secret::new(secret),
    )
}

#[test]
fn boldsign_vector_reproduces() {
    let headers = [("x-boldsign-signature", BOLDSIGN_HEADER)];
    assert_eq!(
        verify(&boldsign("test-secret"), BOLDSIGN_BODY, &headers, 1_700_000_000),
        Ok(Some(0))
    );
    // Sender-side rotation: the valid signature is s1, after an old s0.
    let rolled = format!(
        "t=1700000000, s0={}, s1=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf",
        "0".repeat(64)
    );
    let headers = [("X-BoldSign-Signature", rolled.as_str())];
    assert_eq!(
        verify(&boldsign("test-secret"), BOLDSIGN_BODY, &headers, 1_700_000_100),
        Ok(Some(0))
    );
}

#[test]
fn boldsign_checks_signature_before_timestamp() {
    let headers = [("X-BoldSign-Signature", BOLDSIGN_HEADER)];
    // Wrong secret and stale: the signature failure is what is reported.
    assert_eq!(
        verify(&boldsign("nope"), BOLDSIGN_BODY, &headers, 1_800_000_000),
        Err(ErrorKind::AuthenticationFailed)
    );
    assert!(matches!(
        verify(&boldsign("test-secret"), BOLDSIGN_BODY, &headers, 1_800_000_000),
        Err(ErrorKind::TimestampOutOfTolerance {
            timestamp: 1_700_000_000,
            now: 1_800_000_000,
            ..
        })
    ));
}

#[test]
fn boldsign_malformed_parameters() {
    let v = boldsign("test-secret");
    let cases = [
        "s0=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf",
        "t=1700000000, t=1700000000, s0=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf",
        "t=abc, s0=584f02ec00c73b5c0886312eb25c66c6901cda35bd1e9777b17a77df681969cf",
        "t=1700000000, s0=zz",
        "t=1700000000",
        "garbage",
    ];
    for case in cases {
        let headers = [("X-BoldSign-Signature", case)];
        assert!(
            matches!(
                verify(&v, BOLDSIGN_BODY, &headers, 1_700_000_000),
                Err(ErrorKind::MalformedHeader { .. })
            ),
            "{case}"
        );
    }
    // A well-encoded signature of the wrong length is a wrong signature: 401, not 400.
    let headers = [("X-BoldSign-Signature", "t=1700000000, s0=584f")];
    assert_eq!(
        verify(&v, BOLDSIGN_BODY, &headers, 1_700_000_000),
        Err(ErrorKind::AuthenticationFailed)
    );
}

// --- Other documented constructions ------------------------------------------------------------

#[test]
fn github_prefixed_hex_vector() {
    let v = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::header("X-Hub-Signature-256"),
            SignedContent::Body,
            Encoding::Hex,
        )
        .with_prefix("sha256="),
        Secret::new("It's a Secret to Everybody"),
    );
    let sig = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assert_eq!(
        verify(&v, b"Hello, World!", &[("x-hub-signature-256", sig)], 0),
        Ok(Some(0))
    );
    let unprefixed = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assert!(matches!(
        verify(&v, b"Hello, World!", &[("x-hub-signature-256", unprefixed)], 0),
        Err(ErrorKind::MalformedHeader { .. })
    ));
}

#[test]
fn rfc4231_case_2_and_uppercase_hex() {
    let v = Verifier::hmac(
        HmacScheme::new(SignatureLocation::header("sig"), SignedContent::Body, Encoding::Hex),
        Secret::new("Jefe"),
    );
    let body = b"what do ya want for nothing?";
    let sig = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
    assert_eq!(verify(&v, body, &[("sig", sig)], 0), Ok(Some(0)));
    assert_eq!(
        verify(&v, body, &[("sig", sig.to_ascii_uppercase().as_str())], 0),
        Ok(Some(0))
    );
}

#[test]
fn zoho_base64_vendor_vector() {
    let v = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::header("X-ZS-WEBHOOK-SIGNATURE"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        Secret::new("thisisthesamplekeyfortestingpurposes"),
    );
    let body =
        br#"{{"requests":{"request_name":"Test Name"},"notifications":{"operation_type":"RequestSigningSuccess"}}"#;
    let headers = [("X-ZS-WEBHOOK-SIGNATURE", "drbSrM4H816RYKpZiRBLddUa0yHaTrwjtY04sIZFZus=")];
    assert_eq!(verify(&v, body, &headers, 0), Ok(Some(0)));
}

#[test]
fn pandadoc_query_parameter_vector() {
    let v = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::query("signature"),
            SignedContent::Body,
            Encoding::Hex,
        ),
        Secret::new("shared-key"),
    );
    let body = br#"[{"event":"document_state_changed","data":{"id":"doc1","status":"document.completed"}}]"#;
    let headers: [(&str, &str); 0] = [];
    let query = "signature=9c61574911c5ed7c4a3d356571a05f924300998b4a43d3e0a4118a45a3bcf4c2";
    let incoming = Incoming::new(body, &headers).with_query(Some(query));
    assert_eq!(v.verify_at(&incoming, 0).unwrap().key_index(), Some(0));
    let err = v.verify_at(&Incoming::new(body, &headers), 0).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MissingQueryParameter { .. }));
}

// --- Shared rules --------------------------------------------------------------------------------

#[test]
fn duplicated_signature_or_timestamp_headers_are_refused() {
    let v = Verifier::hmac(
        HmacScheme::new(SignatureLocation::header("x-sig"), SignedContent::Body, Encoding::Hex),
        Secret::new("k"),
    );
    let request = Signer::hmac(v.scheme().unwrap().clone(), Secret::new("k")).sign(b"{}");
    let (name, value) = request.headers[0].clone();
    let headers = [(name.as_str(), value.as_str()), ("X-SIG", value.as_str())];
    assert_eq!(
        verify(&v, b"{}", &headers, 0),
        Err(ErrorKind::DuplicateHeader { name: "x-sig".into() })
    );
    let sw = standard_webhooks();
    let headers = [
        ("webhook-id", SW_ID),
        ("webhook-timestamp", SW_TS),
        ("Webhook-Timestamp", "1"),
        ("webhook-signature", SW_SIG),
    ];
    assert!(matches!(
        verify(&sw, SW_BODY, &headers, 1_649_367_553),
        Err(ErrorKind::DuplicateHeader { .. })
    ));
}

#[test]
fn non_ascii_and_odd_header_values_are_refused_cleanly() {
    let v = docusign("test-secret");
    let headers: Vec<(String, Vec<u8>)> = vec![("X-DocuSign-Signature-1".into(), "näïve✓".as_bytes().to_vec())];
    let err = v.verify_at(&Incoming::new(DOCUSIGN_BODY, &headers), 0).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedHeader { .. }));
    let headers: Vec<(String, Vec<u8>)> = vec![("X-DocuSign-Signature-1".into(), vec![0xff, 0xfe])];
    assert!(v.verify_at(&Incoming::new(DOCUSIGN_BODY, &headers), 0).is_err());
}

#[test]
fn header_token_basic_auth_and_query_token() {
    let token = Verifier::header_token("X-Webhook-Token", Secret::new("t0ken")).with_secret(Secret::new("n3w"));
    assert_eq!(verify(&token, b"{}", &[("x-webhook-token", "t0ken")], 0), Ok(Some(0)));
    assert_eq!(verify(&token, b"{}", &[("x-webhook-token", " n3w ")], 0), Ok(Some(1)));
    assert_eq!(
        verify(&token, b"{}", &[("x-webhook-token", "t0ke")], 0),
        Err(ErrorKind::AuthenticationFailed)
    );
    assert_eq!(
        verify(&token, b"{}", &[], 0),
        Err(ErrorKind::MissingHeader {
            name: "X-Webhook-Token".into()
        })
    );

    let basic = Verifier::basic_auth("esign", Secret::new("p@ss:word"));
    let good = Signer::basic_auth("esign", Secret::new("p@ss:word")).sign(b"{}");
    assert_eq!(basic.verify_at(&good.incoming(), 0).unwrap().key_index(), Some(0));
    let wrong_user = Signer::basic_auth("other", Secret::new("p@ss:word")).sign(b"{}");
    assert_eq!(
        basic.verify_at(&wrong_user.incoming(), 0).unwrap_err().kind(),
        &ErrorKind::AuthenticationFailed
    );
    for bad in ["Bearer abc", "Basic !!!", "Basic ZXNpZ24=", "Basic"] {
        let err = verify(&basic, b"{}", &[("authorization", bad)], 0).unwrap_err();
        assert!(matches!(err, ErrorKind::MalformedHeader { .. }), "{bad}");
    }

    let query = Verifier::query_token("token", Secret::new("a b&c"));
    let good = Signer::query_token("token", Secret::new("a b&c")).sign(b"{}");
    assert_eq!(query.verify_at(&good.incoming(), 0).unwrap().key_index(), Some(0));
    let bad = Signer::query_token("token", Secret::new("x")).sign(b"{}");
    assert_eq!(
        query.verify_at(&bad.incoming(), 0).unwrap_err().kind(),
        &ErrorKind::AuthenticationFailed
    );
}

#[test]
fn the_test_signer_round_trips_every_location() {
    let secret = Secret::new("round-trip");
    let schemes = [
        HmacScheme::new(SignatureLocation::header("x-sig"), SignedContent::Body, Encoding::Hex).with_prefix("sha256="),
        HmacScheme::new(
            SignatureLocation::numbered_headers("x-sig-"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        HmacScheme::new(
            SignatureLocation::parameters("x-sig", ["v1"]),
            SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
            Encoding::Hex,
        ),
        HmacScheme::new(
            SignatureLocation::header("x-sig"),
            SignedContent::timestamp_then_body(TimestampLocation::header("x-ts"), ""),
            Encoding::Base64,
        ),
        HmacScheme::standard_webhooks(),
        HmacScheme::new(SignatureLocation::query("sig"), SignedContent::Body, Encoding::Base64),
    ];
    for scheme in schemes {
        let verifier = Verifier::hmac(scheme.clone(), secret.clone());
        let request = Signer::hmac(scheme.clone(), secret.clone())
            .at(1_000)
            .sign(b"{\"a\":1}");
        assert_eq!(
            verifier.verify_at(&request.incoming(), 1_000).unwrap().key_index(),
            Some(0),
            "{scheme}"
        );
        let forged = Signer::hmac(scheme.clone(), Secret::new("other"))
            .at(1_000)
            .sign(b"{\"a\":1}");
        assert_eq!(
            verifier.verify_at(&forged.incoming(), 1_000).unwrap_err().kind(),
            &ErrorKind::AuthenticationFailed,
            "{scheme}"
        );
    }
}

#[test]
fn debug_never_shows_secrets() {
    let v = Verifier::basic_auth("esign", Secret::new("hunter2-password")).with_secret(Secret::new("second-one"));
    let text = format!("{v:?}");
    assert!(!text.contains("hunter2") && !text.contains("second-one"), "{text}");
    assert!(text.contains("REDACTED"));
}

#[test]
fn rfc4231_case_6_key_longer_than_a_block() {
    let v = Verifier::hmac(
        HmacScheme::new(SignatureLocation::header("sig"), SignedContent::Body, Encoding::Hex),
        Secret::new(vec![0xaa; 131]),
    );
    let body = b"Test Using Larger Than Block-Size Key - Hash Key First";
    let sig = "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54";
    assert_eq!(verify(&v, body, &[("sig", sig)], 0), Ok(Some(0)));
}

#[test]
fn millisecond_timestamps_are_read_in_their_unit() {
    use esign_webhooks::verify::TimestampUnit;
    let scheme = HmacScheme::new(
        SignatureLocation::header("x-sig"),
        SignedContent::timestamp_then_body(TimestampLocation::header("x-ts"), ""),
        Encoding::Hex,
    )
    .with_timestamp_unit(TimestampUnit::Milliseconds);
    let secret = Secret::new("ms");
    let request = Signer::hmac(scheme.clone(), secret.clone())
        .at(1_700_000_000)
        .sign(b"{}");
    let ts = request
        .headers
        .iter()
        .find(|(n, _)| n == "x-ts")
        .map(|(_, v)| v.clone())
        .unwrap();
    assert_eq!(ts, "1700000000000");
    let verifier = Verifier::hmac(scheme, secret);
    let verified = verifier.verify_at(&request.incoming(), 1_700_000_100).unwrap();
    assert_eq!(verified.timestamp(), Some(1_700_000_000));
    let err = verifier.verify_at(&request.incoming(), 1_700_000_301).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }));
}

#[test]
fn the_clock_is_read_only_by_schemes_that_sign_a_timestamp() {
    #[derive(Debug)]
    struct NoClock;
    impl esign_webhooks::Clock for NoClock {
        fn now_unix(&self) -> i64 {
            panic!("the clock was read")
        }
    }
    let token = Verifier::header_token("x-token", Secret::new("t0ken"));
    let headers = [("x-token", "t0ken")];
    assert!(token.verify(&Incoming::new(b"{}", &headers), &NoClock).is_ok());
    let headers = [("X-DocuSign-Signature-1", DOCUSIGN_SIG)];
    assert!(
        docusign("test-secret")
            .verify(&Incoming::new(DOCUSIGN_BODY, &headers), &NoClock)
            .is_ok()
    );
}

// --- Timestamp and signature in one header, split at a separator (DocuSeal, other-vendors.md §9, §15) ---

const PREFIXED_BODY: &[u8] =
    br#"{"event_type":"submission.completed","timestamp":"2026-01-01T00:00:00Z","data":{"id":1}}"#;
const PREFIXED_SIG: &str = "1700000000.ecc764b8170e694ffd2edd7f7ecfbc902618d71c4e4406557f09b45c435199ce";

fn timestamp_prefixed(secret: &str) -> Verifier {
    Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::timestamp_prefixed("X-Docuseal-Signature", "."),
            SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), "."),
            Encoding::Hex,
        ),
        Secret::new(secret),
    )
}

#[test]
fn timestamp_prefixed_signature_reproduces_the_documented_construction() {
    let v = timestamp_prefixed("whsec_dGVzdA==");
    let headers = [("x-docuseal-signature", PREFIXED_SIG)];
    let verified = v
        .verify_at(&Incoming::new(PREFIXED_BODY, &headers), 1_700_000_000)
        .unwrap();
    assert_eq!(
        (verified.key_index(), verified.timestamp()),
        (Some(0), Some(1_700_000_000))
    );
    // Tolerance: ±300 s, inclusive, both ways.
    assert_eq!(verify(&v, PREFIXED_BODY, &headers, 1_700_000_300), Ok(Some(0)));
    assert_eq!(verify(&v, PREFIXED_BODY, &headers, 1_699_999_700), Ok(Some(0)));
    for now in [1_700_000_301, 1_699_999_699] {
        assert!(matches!(
            verify(&v, PREFIXED_BODY, &headers, now),
            Err(ErrorKind::TimestampOutOfTolerance { .. })
        ));
    }
    // The timestamp is signed: another one with the same MAC fails.
    let moved = PREFIXED_SIG.replacen("1700000000", "1700000001", 1);
    assert_eq!(
        verify(
            &v,
            PREFIXED_BODY,
            &[("X-Docuseal-Signature", moved.as_str())],
            1_700_000_000
        ),
        Err(ErrorKind::AuthenticationFailed)
    );
    // The secret is the whole `whsec_…` string, not its base64 payload.
    assert_eq!(
        verify(&timestamp_prefixed("dGVzdA=="), PREFIXED_BODY, &headers, 1_700_000_000),
        Err(ErrorKind::AuthenticationFailed)
    );
}

#[test]
fn timestamp_prefixed_signature_refuses_malformed_values() {
    let v = timestamp_prefixed("whsec_dGVzdA==");
    let hex = PREFIXED_SIG.split_once('.').unwrap().1;
    let at = |value: &str| verify(&v, PREFIXED_BODY, &[("X-Docuseal-Signature", value)], 1_700_000_000);
    for value in [hex, "", "1700000000", "1700000000.", ".abc", "17e8.abc"] {
        assert!(matches!(at(value), Err(ErrorKind::MalformedHeader { .. })), "{value:?}");
    }
    // A second `.` is part of the signature, which then is not hex.
    assert!(matches!(
        at(&format!("1700000000.{hex}.x")),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    assert!(matches!(
        verify(&v, PREFIXED_BODY, &[], 1_700_000_000),
        Err(ErrorKind::MissingHeader { .. })
    ));
    let twice = [
        ("X-Docuseal-Signature", PREFIXED_SIG),
        ("x-docuseal-signature", PREFIXED_SIG),
    ];
    assert!(matches!(
        verify(&v, PREFIXED_BODY, &twice, 1_700_000_000),
        Err(ErrorKind::DuplicateHeader { .. })
    ));
    // Surrounding whitespace is tolerated, as for every header.
    assert_eq!(at(&format!("  {PREFIXED_SIG} ")), Ok(Some(0)));
}

#[test]
fn the_signer_writes_timestamp_prefixed_signatures() {
    let scheme = timestamp_prefixed("k").scheme().unwrap().clone();
    let request = Signer::hmac(scheme.clone(), Secret::new("whsec_dGVzdA=="))
        .at(1_700_000_000)
        .sign(PREFIXED_BODY);
    assert_eq!(
        request.headers,
        [("X-Docuseal-Signature".to_owned(), PREFIXED_SIG.to_owned())]
    );
    assert!(
        scheme.describe().to_string().contains("{timestamp}.{signature}"),
        "{scheme}"
    );
}

// --- Body then an RFC 3339 timestamp, two signature headers (Box Sign, other-vendors.md §14) ---

const BOX_BODY: &[u8] = br#"{"type":"webhook_event","webhook":{"id":"1234567890"},"trigger":"SIGN_REQUEST.COMPLETED"}"#;
const BOX_TS: &str = "2023-11-14T14:13:20-08:00"; // 1_700_000_000
// Locally computed: base64(HMAC-SHA256(key, body ‖ timestamp)), checked with Python's `hmac`.
const BOX_PRIMARY: &str = "QH5TOISJvplsjpS3deTnR3tOqGP/61xyIl5hBSKSbMQ=";
const BOX_SECONDARY: &str = "+r6nqTDXPjKw1WLKM9VIK1Mn38YejWNc2smT45vdQvA=";

fn body_then_rfc3339() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::any_header(["BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY"]),
        SignedContent::body_then_timestamp(TimestampLocation::header("BOX-DELIVERY-TIMESTAMP"), ""),
        Encoding::Base64,
    )
    .with_timestamp_unit(esign_webhooks::verify::TimestampUnit::Rfc3339)
    .with_tolerance(Duration::from_secs(600))
}

#[test]
fn body_then_rfc3339_timestamp_with_either_header_and_either_key() {
    let v = Verifier::hmac(body_then_rfc3339(), Secret::new("SamplePrimaryKey"))
        .with_secret(Secret::new("SampleSecondaryKey"));
    let now = 1_700_000_000;
    let both = [
        ("BOX-DELIVERY-TIMESTAMP", BOX_TS),
        ("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY),
        ("BOX-SIGNATURE-SECONDARY", BOX_SECONDARY),
    ];
    let verified = v.verify_at(&Incoming::new(BOX_BODY, &both), now).unwrap();
    assert_eq!((verified.key_index(), verified.timestamp()), (Some(0), Some(now)));
    // Only the secondary header, or a wrong primary: the secondary key matches.
    let secondary = [
        ("BOX-DELIVERY-TIMESTAMP", BOX_TS),
        ("BOX-SIGNATURE-SECONDARY", BOX_SECONDARY),
    ];
    assert_eq!(verify(&v, BOX_BODY, &secondary, now), Ok(Some(1)));
    let forged = BOX_SECONDARY.replace('+', "/");
    let wrong_primary = [
        ("BOX-DELIVERY-TIMESTAMP", BOX_TS),
        ("BOX-SIGNATURE-PRIMARY", forged.as_str()),
        ("BOX-SIGNATURE-SECONDARY", BOX_SECONDARY),
    ];
    assert_eq!(verify(&v, BOX_BODY, &wrong_primary, now), Ok(Some(1)));
    // Only the primary key configured: the secondary signature alone fails.
    let primary_only = Verifier::hmac(body_then_rfc3339(), Secret::new("SamplePrimaryKey"));
    assert_eq!(verify(&primary_only, BOX_BODY, &both, now), Ok(Some(0)));
    assert_eq!(
        verify(&primary_only, BOX_BODY, &secondary, now),
        Err(ErrorKind::AuthenticationFailed)
    );
    // The timestamp is signed after the body, with no separator.
    let other_ts = [
        ("BOX-DELIVERY-TIMESTAMP", "2023-11-14T22:13:20Z"),
        ("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY),
    ];
    assert_eq!(
        verify(&v, BOX_BODY, &other_ts, now),
        Err(ErrorKind::AuthenticationFailed)
    );
    let mut tampered = BOX_BODY.to_vec();
    tampered[10] ^= 1;
    assert_eq!(verify(&v, &tampered, &both, now), Err(ErrorKind::AuthenticationFailed));
}

#[test]
fn body_then_rfc3339_timestamp_tolerance_and_malformed_headers() {
    let v = Verifier::hmac(body_then_rfc3339(), Secret::new("SamplePrimaryKey"));
    let headers = [
        ("BOX-DELIVERY-TIMESTAMP", BOX_TS),
        ("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY),
    ];
    assert_eq!(verify(&v, BOX_BODY, &headers, 1_700_000_600), Ok(Some(0)));
    assert!(matches!(
        verify(&v, BOX_BODY, &headers, 1_700_000_601),
        Err(ErrorKind::TimestampOutOfTolerance {
            tolerance_secs: 600,
            ..
        })
    ));
    assert!(matches!(
        verify(&v, BOX_BODY, &headers, 1_699_999_399),
        Err(ErrorKind::TimestampOutOfTolerance { .. })
    ));
    // A Unix timestamp is not RFC 3339; neither header: missing; a repeated one: duplicate.
    let unix = [
        ("BOX-DELIVERY-TIMESTAMP", "1700000000"),
        ("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY),
    ];
    assert!(matches!(
        verify(&v, BOX_BODY, &unix, 1_700_000_000),
        Err(ErrorKind::MalformedHeader { reason, .. }) if reason.contains("RFC 3339")
    ));
    let none = [("BOX-DELIVERY-TIMESTAMP", BOX_TS)];
    assert!(matches!(
        verify(&v, BOX_BODY, &none, 1_700_000_000),
        Err(ErrorKind::MissingHeader { name }) if name.contains("BOX-SIGNATURE-SECONDARY")
    ));
    let twice = [
        ("BOX-DELIVERY-TIMESTAMP", BOX_TS),
        ("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY),
        ("box-signature-primary", BOX_PRIMARY),
    ];
    assert!(matches!(
        verify(&v, BOX_BODY, &twice, 1_700_000_000),
        Err(ErrorKind::DuplicateHeader { .. })
    ));
    let no_ts = [("BOX-SIGNATURE-PRIMARY", BOX_PRIMARY)];
    assert!(matches!(
        verify(&v, BOX_BODY, &no_ts, 1_700_000_000),
        Err(ErrorKind::MissingHeader { .. })
    ));
}

#[test]
fn the_signer_writes_rfc3339_timestamps_and_one_header_per_secret() {
    let request = Signer::hmac(body_then_rfc3339(), Secret::new("SamplePrimaryKey"))
        .with_secret(Secret::new("SampleSecondaryKey"))
        .at(1_700_000_000)
        .sign(BOX_BODY);
    let header = |name: &str| request.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    assert_eq!(header("BOX-DELIVERY-TIMESTAMP"), Some("2023-11-14T22:13:20Z"));
    let v = Verifier::hmac(body_then_rfc3339(), Secret::new("SampleSecondaryKey"));
    assert_eq!(
        v.verify_at(&request.incoming(), 1_700_000_000).unwrap().key_index(),
        Some(0)
    );
    assert!(header("BOX-SIGNATURE-PRIMARY").is_some() && header("BOX-SIGNATURE-SECONDARY").is_some());
    let one = Signer::hmac(body_then_rfc3339(), Secret::new("SamplePrimaryKey"))
        .at(1_700_000_000)
        .sign(BOX_BODY);
    assert_eq!(one.headers.len(), 2, "{:?}", one.headers);
    assert!(body_then_rfc3339().describe().to_string().contains("{body}{timestamp}"));
}

// --- Token comparison hides the length ----------------------------------------------------------

/// A token of the wrong length is refused exactly as a wrong token of the
/// right length: both sides are compared as keyed digests, so no length
/// mismatch short-cuts the comparison or shows in the error.
#[test]
fn wrong_length_tokens_are_refused_like_same_length_ones() {
    const TOKEN: &str = "SP-URL-TOKEN-55d0-a-long-random-token";
    let body = br#"{"hook":{"event":"envelope_completed"},"data":{"envelope_id":"e"}}"#;
    let same_length = "SP-URL-TOKEN-55d0-a-long-random-tokeX";
    assert_eq!(same_length.len(), TOKEN.len());
    let wrong = [
        same_length,
        "SP-URL-TOKEN-55d0",
        "",
        "SP-URL-TOKEN-55d0-a-long-random-token-and-more",
    ];
    let verifiers = [
        Verifier::header_token("x-token", Secret::new(TOKEN)),
        Verifier::query_token("token", Secret::new(TOKEN)),
        Verifier::basic_auth("esign", Secret::new(TOKEN)),
    ];
    let signers = |token: &str| {
        [
            Signer::header_token("x-token", Secret::new(token)),
            Signer::query_token("token", Secret::new(token)),
            Signer::basic_auth("esign", Secret::new(token)),
        ]
    };
    for (verifier, signer) in verifiers.iter().zip(signers(TOKEN)) {
        let signed = signer.sign(body);
        assert!(verifier.verify_at(&signed.incoming(), 0).is_ok(), "{verifier:?}");
    }
    for token in wrong {
        for (verifier, signer) in verifiers.iter().zip(signers(token)) {
            let signed = signer.sign(body);
            let err = verifier.verify_at(&signed.incoming(), 0).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed, "{token:?} {verifier:?}");
        }
    }
    // A Basic user name of another length is refused the same way.
    let other_user = Signer::basic_auth("esign-admin", Secret::new(TOKEN)).sign(body);
    let err = verifiers[2].verify_at(&other_user.incoming(), 0).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
}
