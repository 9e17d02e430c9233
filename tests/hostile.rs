//! The hostile-input corpus: requests anyone can send to a public endpoint,
//! each refused with the right typed error and no panic. Completes
//! `tests/dispatch.rs` and `tests/engine.rs` (which cover the first cases of
//! each family) without repeating them.

use std::time::Duration;

use esign_webhooks::ignisign::{ApiKey, AppEnv};
use esign_webhooks::testing::{SignedRequest, Signer};
use esign_webhooks::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit, Verifier,
};
use esign_webhooks::{
    ErrorKind, Event, FixedClock, Incoming, Secret, Vendor, Webhooks, constellation, dangerous, esignglobal, ignisign,
    signplus,
};
use http::StatusCode;

const NOW: i64 = 1_735_689_600;
const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";

const ESG_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const ESG_APP_START: &[u8] = include_bytes!("fixtures/esignglobal/app_envelope_start.json");
const IGNISIGN_LAUNCHED: &[u8] = include_bytes!("fixtures/ignisign/signature_request_launched.json");
const SIGNPLUS_TRAIL: &[u8] = include_bytes!("fixtures/signplus/audit_trail_signed.json");
const CONSTELLATION_SESSION: &[u8] = include_bytes!("fixtures/constellation/session_completed_camel.json");

fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

fn esg() -> Signer {
    Signer::hmac(esg_scheme(), Secret::new("esg-secret")).at(NOW)
}

fn signplus_signer() -> Signer {
    Signer::header_token("x-signplus-token", Secret::new("sp-token"))
}

fn constellation_signer() -> Signer {
    Signer::basic_auth("esign", Secret::new("c1-password"))
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(APP_ID, AppEnv::Development))
        .signplus(signplus::Verifier::header_token(
            "x-signplus-token",
            Secret::new("sp-token"),
        ))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn dispatch(webhooks: &Webhooks, request: &SignedRequest) -> Result<Event, esign_webhooks::Error> {
    webhooks.dispatch_incoming(&request.incoming())
}

fn kind_of(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("a hostile request must be refused").kind().clone()
}

/// The authenticated request of each vendor for `body`.
fn signed_for_each_vendor(body: &[u8]) -> Vec<(Vendor, SignedRequest)> {
    vec![
        (Vendor::EsignGlobal, esg().sign(body)),
        (
            Vendor::Ignisign,
            SignedRequest::clone(&signplus_signer().sign(body)).remove_header("x-signplus-token"),
        ),
        (Vendor::SignPlus, signplus_signer().sign(body)),
        (Vendor::Constellation, constellation_signer().sign(body)),
    ]
}

// --- Broken JSON ---------------------------------------------------------------------------------

#[test]
fn every_truncation_of_every_vendors_body_is_a_payload_error() {
    let w = webhooks();
    for (body, signer) in [
        (ESG_FINISH, Some(esg())),
        (ESG_APP_START, Some(esg())),
        (SIGNPLUS_TRAIL, Some(signplus_signer())),
        (CONSTELLATION_SESSION, Some(constellation_signer())),
        (IGNISIGN_LAUNCHED, None),
    ] {
        let end = body.trim_ascii_end().len();
        for cut in 0..end {
            let truncated = &body[..cut];
            let result = match &signer {
                Some(signer) => dispatch(&w, &signer.sign(truncated)),
                None => w.dispatch(truncated, &[("content-type", "application/json")]),
            };
            let err = result.expect_err("a truncated body");
            // Authenticated by headers: the parse fails. Ignisign (no headers):
            // the shape or the required fields fail first.
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::MalformedPayload { .. } | ErrorKind::UnrecognizedVendor | ErrorKind::MissingField { .. }
                ),
                "cut at {cut}: {err}"
            );
            assert_eq!(err.status(), StatusCode::BAD_REQUEST, "cut at {cut}: {err}");
        }
    }
}

#[test]
fn invalid_json_and_invalid_utf8_are_payload_errors_for_every_vendor() {
    let w = webhooks();
    let garbage: [&[u8]; 8] = [
        b"",
        b"   ",
        b"{",
        b"}{",
        b"{\"a\" 1}",
        b"{\"a\":1,}",
        b"\xef\xbb\xbf{}", // a byte-order mark
        b"{}{}",
    ];
    for body in garbage {
        for (vendor, request) in signed_for_each_vendor(body) {
            if vendor == Vendor::Ignisign {
                continue; // nothing names Ignisign without a body
            }
            let err = dispatch(&w, &request).unwrap_err();
            // Basic auth names no vendor: a body that is not one object matches none.
            let shapeless = vendor == Vendor::Constellation && matches!(err.kind(), ErrorKind::UnrecognizedVendor);
            assert!(
                shapeless || matches!(err.kind(), ErrorKind::MalformedPayload { .. }),
                "{vendor} {body:?}: {err}"
            );
            assert_eq!(err.status(), StatusCode::BAD_REQUEST);
        }
    }
    // Invalid UTF-8 inside a string of an otherwise valid, authenticated body.
    for (vendor, body) in [
        (Vendor::EsignGlobal, ESG_FINISH),
        (Vendor::Ignisign, IGNISIGN_LAUNCHED),
        (Vendor::SignPlus, SIGNPLUS_TRAIL),
        (Vendor::Constellation, CONSTELLATION_SESSION),
    ] {
        let at = body.windows(2).position(|w| w == b"\":").unwrap() - 1; // inside the first key
        let mut broken = body.to_vec();
        broken[at] = 0xff;
        let request = signed_for_each_vendor(&broken)
            .into_iter()
            .find(|(v, _)| *v == vendor)
            .unwrap()
            .1;
        let err = dispatch(&w, &request).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::MalformedPayload { .. }),
            "{vendor}: {err}"
        );
        let err = dangerous::parse_unverified(vendor, &broken).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::MalformedPayload { .. }),
            "{vendor}: {err}"
        );
    }
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_overflowing_the_stack() {
    let w = webhooks();
    let deep_array = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_object = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    for nested in [&deep_array, &deep_object] {
        let bodies = [
            format!(r#"{{"event":"ENVELOPE_FINISH","eventPayload":{nested}}}"#),
            format!(r#"{{"event":"ENVELOPE_NEW","eventPayload":{nested}}}"#), // unknown events keep raw JSON
            format!(
                r#"{{"appId":"{APP_ID}","appEnv":"DEVELOPMENT","verificationToken":"t","topic":"SIGNER","action":"CREATED","msgNature":"INFO","content":{nested}}}"#
            ),
            format!(r#"{{"hook":{{"id":"1","event":"envelope_new"}},"data":{nested}}}"#),
            format!(r#"{{"Data":{nested}}}"#),
            nested.clone(),
        ];
        for body in &bodies {
            for (vendor, request) in signed_for_each_vendor(body.as_bytes()) {
                let err = dispatch(&w, &request).unwrap_err();
                assert_eq!(err.status(), StatusCode::BAD_REQUEST, "{vendor}: {err}");
                let err = dangerous::parse_unverified(vendor, body.as_bytes()).unwrap_err();
                assert!(
                    matches!(
                        err.kind(),
                        ErrorKind::MalformedPayload { .. } | ErrorKind::MissingField { .. }
                    ),
                    "{vendor}: {err}"
                );
                assert!(
                    err.to_string().len() < 2_000,
                    "the error stays small: {}",
                    err.to_string().len()
                );
            }
        }
    }
}

#[test]
fn duplicate_json_keys_are_refused_not_resolved() {
    // Two `appId`s: one for this application, one for another. Taking either
    // would let a body mean two things to two parsers.
    let w = webhooks();
    let body = String::from_utf8(IGNISIGN_LAUNCHED.to_vec()).unwrap().replacen(
        "\"appId\"",
        "\"appId\": \"appId_other\", \"appId\"",
        1,
    );
    let err = w
        .dispatch(body.as_bytes(), &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err}");
    // Constellation1: the same member in two cases.
    let body = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SessionStatus","Status":3,"status":4}}"#;
    let err = dispatch(&w, &constellation_signer().sign(body)).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err}");
}

#[test]
fn one_byte_over_the_limit_is_refused_for_every_vendor_before_authentication() {
    for (vendor, body) in [
        (Vendor::EsignGlobal, ESG_FINISH),
        (Vendor::Ignisign, IGNISIGN_LAUNCHED),
        (Vendor::SignPlus, SIGNPLUS_TRAIL),
        (Vendor::Constellation, CONSTELLATION_SESSION),
    ] {
        let w = Webhooks::builder()
            .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
            .ignisign(ignisign::Verifier::new(APP_ID, AppEnv::Development))
            .signplus(signplus::Verifier::header_token(
                "x-signplus-token",
                Secret::new("sp-token"),
            ))
            .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
            .clock(FixedClock(NOW))
            .max_body_size(body.len())
            .build()
            .unwrap();
        let request = signed_for_each_vendor(body)
            .into_iter()
            .find(|(v, _)| *v == vendor)
            .unwrap()
            .1;
        assert!(dispatch(&w, &request).is_ok(), "{vendor}: exactly at the limit");
        let mut over = body.to_vec();
        over.push(b'\n');
        for request in [
            signed_for_each_vendor(&over)
                .into_iter()
                .find(|(v, _)| *v == vendor)
                .unwrap()
                .1,
            SignedRequest::clone(&request), // the signature no longer matches: the size is checked first
        ] {
            let mut request = request;
            request.body = over.clone();
            let err = dispatch(&w, &request).unwrap_err();
            assert_eq!(
                err.kind(),
                &ErrorKind::PayloadTooLarge {
                    size: body.len() + 1,
                    limit: body.len()
                }
            );
            assert_eq!(err.status(), StatusCode::PAYLOAD_TOO_LARGE);
        }
    }
}

// --- Headers -------------------------------------------------------------------------------------

#[test]
fn duplicate_and_conflicting_signature_headers() {
    let w = webhooks();
    // eSignGlobal: a second, conflicting signature header (a valid one for another body).
    let good = esg().sign(ESG_FINISH);
    let other = esg().sign(ESG_APP_START);
    let mut conflicting = good.clone();
    conflicting.headers.push(other.headers[0].clone());
    assert_eq!(
        kind_of(dispatch(&w, &conflicting)),
        ErrorKind::DuplicateHeader {
            name: "x-esg-signature".into()
        }
    );
    // Two timestamps inside the one header.
    let (name, value) = good.headers[0].clone();
    let twice = good.clone().set_header(&name, format!("t={},{value}", NOW + 1));
    assert!(matches!(
        kind_of(dispatch(&w, &twice)),
        ErrorKind::MalformedHeader { .. }
    ));
    // Sign.Plus: the right token and a wrong one.
    let mut tokens = signplus_signer().sign(SIGNPLUS_TRAIL);
    tokens.headers.push(("X-SignPlus-Token".into(), "wrong".into()));
    assert!(matches!(
        kind_of(dispatch(&w, &tokens)),
        ErrorKind::DuplicateHeader { .. }
    ));
    // Constellation1: two Authorization headers, the good one last.
    let mut basic = constellation_signer().sign(CONSTELLATION_SESSION);
    basic
        .headers
        .insert(0, ("authorization".into(), "Basic ZXNpZ246bm9wZQ==".into()));
    assert!(matches!(
        kind_of(dispatch(&w, &basic)),
        ErrorKind::DuplicateHeader { .. }
    ));
    // A query token given twice.
    let query = Webhooks::builder()
        .signplus(signplus::Verifier::query_token("token", Secret::new("sp-token")))
        .build()
        .unwrap();
    let mut twice = Signer::query_token("token", Secret::new("sp-token")).sign(SIGNPLUS_TRAIL);
    twice.query = Some("token=sp-token&token=other".into());
    assert!(matches!(
        kind_of(dispatch(&query, &twice)),
        ErrorKind::MalformedQuery { .. }
    ));
    // Numbered headers: `-1` twice.
    let docusign = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::numbered_headers("x-sig-"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        Secret::new("k"),
    );
    let mut numbered = Signer::hmac(docusign.scheme().unwrap().clone(), Secret::new("k")).sign(b"{}");
    numbered.headers.push(("X-SIG-1".into(), "AAAA".into()));
    assert!(matches!(
        docusign.verify_at(&numbered.incoming(), NOW).unwrap_err().kind(),
        ErrorKind::DuplicateHeader { .. }
    ));
}

#[test]
fn non_ascii_header_values() {
    let w = webhooks();
    // A token that differs from the secret only by a look-alike character.
    let lookalike = signplus_signer()
        .sign(SIGNPLUS_TRAIL)
        .set_header("x-signplus-token", "sp-tokеn"); // Cyrillic е
    assert_eq!(kind_of(dispatch(&w, &lookalike)), ErrorKind::AuthenticationFailed);
    // Basic credentials that are not base64.
    let basic = constellation_signer()
        .sign(CONSTELLATION_SESSION)
        .set_header("authorization", "Basic ésign:pässword");
    assert!(matches!(
        kind_of(dispatch(&w, &basic)),
        ErrorKind::MalformedHeader { .. }
    ));
    let scheme = constellation_signer()
        .sign(CONSTELLATION_SESSION)
        .set_header("authorization", "Bäsic ZXNpZ246");
    assert!(matches!(
        kind_of(dispatch(&w, &scheme)),
        ErrorKind::MalformedHeader { .. }
    ));
    // A timestamp in Arabic-Indic digits, and raw non-UTF-8 bytes.
    let good = esg().sign(ESG_FINISH);
    let (name, value) = good.headers[0].clone();
    let arabic = good
        .clone()
        .set_header(&name, value.replace(&NOW.to_string(), "١٧٣٥٦٨٩٦٠٠"));
    assert!(matches!(
        kind_of(dispatch(&w, &arabic)),
        ErrorKind::MalformedHeader { .. }
    ));
    let raw: Vec<(String, Vec<u8>)> = vec![("x-esg-signature".into(), b"t=1735689600,v1=\xff\xfe".to_vec())];
    let err = w.dispatch(ESG_FINISH, &raw).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedHeader { .. }), "{err}");
}

#[test]
fn header_names_in_odd_case_are_the_same_header() {
    let w = webhooks();
    for request in [
        esg().sign(ESG_FINISH),
        signplus_signer().sign(SIGNPLUS_TRAIL),
        constellation_signer().sign(CONSTELLATION_SESSION),
    ] {
        for case in [str::to_ascii_uppercase as fn(&str) -> String, |name: &str| {
            name.chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 0 {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect()
        }] {
            let mut odd = request.clone();
            for (name, _) in &mut odd.headers {
                *name = case(name);
            }
            assert!(dispatch(&w, &odd).is_ok(), "{:?}", odd.headers);
            // And through http::HeaderMap, which lower-cases names itself.
            let mut map = http::HeaderMap::new();
            for (name, value) in &odd.headers {
                map.append(
                    http::HeaderName::try_from(name.as_str()).unwrap(),
                    value.parse().unwrap(),
                );
            }
            assert!(w.dispatch(&odd.body, &map).is_ok());
        }
    }
    // A scheme configured with odd-case names reads lower-case headers.
    let odd_scheme = HmacScheme::standard_webhooks();
    let verifier = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::versioned_list("WEBHOOK-Signature", "v1"),
            SignedContent::id_timestamp_body("Webhook-ID", TimestampLocation::header("WebHook-TimeStamp"), "."),
            Encoding::Base64,
        ),
        Secret::new("k"),
    );
    let request = Signer::hmac(odd_scheme, Secret::new("k")).at(NOW).sign(b"{}");
    assert!(verifier.verify_at(&request.incoming(), NOW).is_ok());
}

// --- Timestamps ----------------------------------------------------------------------------------

#[test]
fn hostile_timestamps_and_clocks() {
    let scheme = esg_scheme();
    let verifier = Verifier::hmac(scheme.clone(), Secret::new("k"));
    let sign_text = |timestamp: &str| {
        // Signs the timestamp text exactly as given, as an attacker holding the secret could.
        let request = Signer::hmac(scheme.clone(), Secret::new("k")).at(0).sign(b"{}");
        let honest = Signer::hmac(
            HmacScheme::new(SignatureLocation::header("x"), SignedContent::Body, Encoding::Hex),
            Secret::new("k"),
        )
        .sign(format!("{timestamp}.{{}}").as_bytes());
        request.set_header("x-esg-signature", format!("t={timestamp},v1={}", honest.headers[0].1))
    };
    for (timestamp, now) in [
        ("0", NOW),
        ("-1", NOW),
        ("-9223372036854775808", NOW),
        ("9223372036854775807", NOW),
        ("253402300800", NOW), // year 10000
        ("1735689600", i64::MIN),
        ("1735689600", i64::MAX),
        ("-9223372036854775808", i64::MAX),
    ] {
        let err = verifier.verify_at(&sign_text(timestamp).incoming(), now).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }),
            "{timestamp} at {now}: {err}"
        );
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
        let _ = err.to_string();
    }
    // Correctly signed but not a plain integer: refused as malformed, not as stale.
    for timestamp in [
        "+1735689600",
        "1735689600.0",
        "1e9",
        "",
        " ",
        "-",
        "--1",
        "0x10",
        "99999999999999999999",
    ] {
        let err = verifier.verify_at(&sign_text(timestamp).incoming(), NOW).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::MalformedHeader { .. } | ErrorKind::AuthenticationFailed
            ),
            "{timestamp:?}: {err}"
        );
    }
    // The widest tolerance does not overflow; milliseconds at the extremes neither.
    let wide = Verifier::hmac(scheme.clone().with_tolerance(Duration::MAX), Secret::new("k"));
    assert!(
        wide.verify_at(&sign_text("-9223372036854775808").incoming(), i64::MAX)
            .is_ok()
    );
    let ms = scheme.with_timestamp_unit(TimestampUnit::Milliseconds);
    let ms_verifier = Verifier::hmac(ms.clone(), Secret::new("k"));
    for at in [i64::MIN, -1, 0, i64::MAX] {
        let request = Signer::hmac(ms.clone(), Secret::new("k")).at(at).sign(b"{}");
        let result = ms_verifier.verify_at(&request.incoming(), NOW);
        assert!(
            matches!(result.unwrap_err().kind(), ErrorKind::TimestampOutOfTolerance { .. }),
            "{at}"
        );
    }
}

// --- Configuration -------------------------------------------------------------------------------

#[test]
fn empty_secrets_and_names_are_refused_when_building() {
    let empty = || Secret::new("");
    let configurations: Vec<(&str, esign_webhooks::WebhooksBuilder)> = vec![
        (
            "esg hmac",
            Webhooks::builder().esignglobal(esignglobal::Verifier::new(empty(), esg_scheme())),
        ),
        (
            "esg token",
            Webhooks::builder().esignglobal(esignglobal::Verifier::header_token("x-t", empty())),
        ),
        (
            "esg query",
            Webhooks::builder().esignglobal(esignglobal::Verifier::query_token("t", empty())),
        ),
        (
            "sp basic",
            Webhooks::builder().signplus(signplus::Verifier::basic_auth("u", empty())),
        ),
        (
            "sp rotation",
            Webhooks::builder().signplus(signplus::Verifier::query_token("t", Secret::new("a")).with_secret(empty())),
        ),
        (
            "c1 token",
            Webhooks::builder().constellation(constellation::Verifier::header_token("x-t", empty())),
        ),
        (
            "c1 base64",
            Webhooks::builder().constellation(constellation::Verifier::header_token(
                "x-t",
                Secret::from_base64("").unwrap(),
            )),
        ),
        (
            "blank header name",
            Webhooks::builder().signplus(signplus::Verifier::header_token("  ", Secret::new("a"))),
        ),
        (
            "blank query name",
            Webhooks::builder().signplus(signplus::Verifier::query_token("", Secret::new("a"))),
        ),
        (
            "blank timestamp header",
            Webhooks::builder().esignglobal(esignglobal::Verifier::new(
                Secret::new("a"),
                HmacScheme::new(
                    SignatureLocation::header("x-sig"),
                    SignedContent::timestamp_then_body(TimestampLocation::header(" "), "."),
                    Encoding::Hex,
                ),
            )),
        ),
        (
            "blank app id",
            Webhooks::builder().ignisign(ignisign::Verifier::new(" ", AppEnv::Production)),
        ),
    ];
    for (what, builder) in configurations {
        let err = builder.build().expect_err(what);
        assert!(matches!(err.kind(), ErrorKind::Configuration { .. }), "{what}: {err}");
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
    // Used directly, without a builder, the engine refuses per request rather than accepting.
    let direct = Verifier::header_token("x-t", Secret::new(""));
    let err = direct
        .verify_at(&Incoming::new(b"{}", &[("x-t", "")]), NOW)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    // An empty Ignisign API key is refused before any request is built.
    let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, IGNISIGN_LAUNCHED).unwrap() else {
        unreachable!()
    };
    let err = delivery.token_check_request(&ApiKey::new(Secret::new(""))).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
}

// --- Signatures ----------------------------------------------------------------------------------

#[test]
fn signatures_of_the_wrong_length_or_alphabet() {
    let hex = Verifier::hmac(
        HmacScheme::new(SignatureLocation::header("x-sig"), SignedContent::Body, Encoding::Hex).with_prefix("sha256="),
        Secret::new("k"),
    );
    let b64 = Verifier::hmac(
        HmacScheme::new(
            SignatureLocation::header("x-sig"),
            SignedContent::Body,
            Encoding::Base64,
        ),
        Secret::new("k"),
    );
    let good_hex = Signer::hmac(hex.scheme().unwrap().clone(), Secret::new("k"))
        .sign(b"{}")
        .headers[0]
        .1
        .clone();
    let good_b64 = Signer::hmac(b64.scheme().unwrap().clone(), Secret::new("k"))
        .sign(b"{}")
        .headers[0]
        .1
        .clone();
    let digits = good_hex.trim_start_matches("sha256=").to_owned();
    let cases_hex = [
        String::new(),
        "sha256=".into(),
        format!("sha256={}", &digits[..63]), // odd length
        format!("sha256=g{}", &digits[1..]), // not a hex digit
        format!("sha256={good_b64}"),        // the right MAC, wrong encoding
        format!("sha1={digits}"),            // wrong prefix
        digits.clone(),                      // no prefix
    ];
    for value in &cases_hex {
        let err = hex
            .verify_at(&Incoming::new(b"{}", &[("x-sig", value.as_str())]), NOW)
            .unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::MalformedHeader { .. }),
            "{value:.80}: {err}"
        );
    }
    // Well-encoded but of the wrong length: a wrong signature (401), like a
    // right-length one, so a forger learns nothing from the status.
    let wrong_length = [
        format!("sha256={}", &digits[..62]),       // 31 bytes
        format!("sha256={digits}00"),              // 33 bytes
        format!("sha256={}", "0".repeat(100_000)), // huge
    ];
    for value in &wrong_length {
        let err = hex
            .verify_at(&Incoming::new(b"{}", &[("x-sig", value.as_str())]), NOW)
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed, "{value:.80}");
    }
    let url_safe = good_b64.replace('+', "-").replace('/', "_");
    let cases_b64 = [
        url_safe.trim_end_matches('=').to_owned(),
        good_b64[..good_b64.len() - 4].to_owned(),
        format!("{good_b64}AAAA"),
        format!("{}*", &good_b64[..good_b64.len() - 1]),
        good_hex.trim_start_matches("sha256=").to_owned(),
    ];
    for value in &cases_b64 {
        if value.contains(['-', '_']) || !value.is_empty() {
            let err = b64
                .verify_at(&Incoming::new(b"{}", &[("x-sig", value.as_str())]), NOW)
                .unwrap_err();
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::MalformedHeader { .. } | ErrorKind::AuthenticationFailed
                ),
                "{value}: {err}"
            );
        }
    }
    // A MAC of the right length and alphabet, but wrong: authentication fails.
    let flipped = format!(
        "sha256={}{}",
        if digits.starts_with('0') { '1' } else { '0' },
        &digits[1..]
    );
    assert_eq!(
        hex.verify_at(&Incoming::new(b"{}", &[("x-sig", flipped.as_str())]), NOW)
            .unwrap_err()
            .kind(),
        &ErrorKind::AuthenticationFailed
    );
}

#[test]
fn another_vendors_secret_and_another_vendors_body() {
    let w = webhooks();
    // Sign.Plus token header carrying Constellation's password, and the reverse.
    let r = Signer::header_token("x-signplus-token", Secret::new("c1-password")).sign(SIGNPLUS_TRAIL);
    assert_eq!(kind_of(dispatch(&w, &r)), ErrorKind::AuthenticationFailed);
    let r = Signer::basic_auth("esign", Secret::new("sp-token")).sign(CONSTELLATION_SESSION);
    assert_eq!(kind_of(dispatch(&w, &r)), ErrorKind::AuthenticationFailed);
    // An eSignGlobal-signed request carrying an Ignisign body, and a Sign.Plus body.
    let r = esg().sign(IGNISIGN_LAUNCHED);
    assert_eq!(
        kind_of(dispatch(&w, &r)),
        ErrorKind::VendorMismatch {
            by_headers: Vendor::EsignGlobal,
            by_body: Vendor::Ignisign
        }
    );
    let r = esg().sign(SIGNPLUS_TRAIL);
    assert_eq!(
        kind_of(dispatch(&w, &r)),
        ErrorKind::VendorMismatch {
            by_headers: Vendor::EsignGlobal,
            by_body: Vendor::SignPlus
        }
    );
    // A Sign.Plus token on an Ignisign body.
    let r = signplus_signer().sign(IGNISIGN_LAUNCHED);
    assert_eq!(
        kind_of(dispatch(&w, &r)),
        ErrorKind::VendorMismatch {
            by_headers: Vendor::SignPlus,
            by_body: Vendor::Ignisign
        }
    );
}

#[test]
fn ignisign_deliveries_for_another_app_or_environment() {
    let w = webhooks();
    let body = String::from_utf8(IGNISIGN_LAUNCHED.to_vec()).unwrap();
    let json = [("content-type", "application/json")];
    for (from, to, field) in [
        (APP_ID, APP_ID.to_uppercase(), "appId"),
        (APP_ID, format!("{APP_ID} "), "appId"),
        (APP_ID, format!("{APP_ID}\\u0000"), "appId"),
        (APP_ID, APP_ID.replace("appId_", ""), "appId"),
        ("\"DEVELOPMENT\"", "\"development\"".to_owned(), "appEnv"),
        ("\"DEVELOPMENT\"", "\"STAGING\"".to_owned(), "appEnv"),
    ] {
        let other = body.replacen(from, &to, 1);
        let err = w.dispatch(other.as_bytes(), &json).unwrap_err();
        let field_name: &'static str = if field == "appId" { "appId" } else { "appEnv" };
        assert_eq!(
            err.kind(),
            &ErrorKind::RecipientMismatch { field: field_name },
            "{to:?}"
        );
        assert_eq!(err.status(), StatusCode::FORBIDDEN);
    }
    // Type confusion: the app id as a number or null.
    for replacement in ["12", "null", "[]"] {
        let other = body.replacen(&format!("\"{APP_ID}\""), replacement, 1);
        let err = w.dispatch(other.as_bytes(), &json).unwrap_err();
        assert!(
            matches!(
                err.kind(),
                ErrorKind::MalformedPayload { .. } | ErrorKind::MissingField { .. }
            ),
            "{replacement}: {err}"
        );
    }
    // A delivery for this app, checked with an API key of another application or environment.
    let Ok(Event::Ignisign(delivery)) = w.dispatch(IGNISIGN_LAUNCHED, &json) else {
        panic!("accepted")
    };
    let other_app = ApiKey::new(Secret::new(
        "sk_development_00000000-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t",
    ));
    assert_eq!(
        delivery.token_check_request(&other_app).unwrap_err().kind(),
        &ErrorKind::RecipientMismatch { field: "appId" }
    );
    let other_env = ApiKey::new(Secret::new("sk_production_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t"));
    assert_eq!(
        delivery.token_check_request(&other_env).unwrap_err().kind(),
        &ErrorKind::RecipientMismatch { field: "appEnv" }
    );
}

// --- Found by fuzzing ----------------------------------------------------------------------------

#[test]
fn payload_errors_quote_the_body_on_one_bounded_line() {
    // fuzz/dispatch: an unterminated key holding line breaks ended up verbatim
    // in the error's JSON path, so a body could forge log lines.
    let w = webhooks();
    let key = format!("c\nINFO forged log line\r\n{}", "x".repeat(10_000));
    let body = format!("{{\"hook\":{{\"id\":\"1\",\"event\":\"envelope_completed\"}},\"data\":{{\"{key}\":\u{1}}}}}");
    let err = dispatch(&w, &signplus_signer().sign(body.as_bytes())).unwrap_err();
    let ErrorKind::MalformedPayload { path, message, .. } = err.kind() else {
        panic!("{err}")
    };
    assert!(
        path.starts_with("$.data[\"c\\u000aINFO forged log line\\u000d\\u000a"),
        "{path}"
    );
    assert!(path.chars().count() < 100, "{path}");
    let text = err.to_string();
    assert!(
        !text.contains('\n') && !text.contains('\r') && text.len() < 1_000,
        "{text}"
    );
    let _ = message;
    // A quoted value in the message (a bad GUID with a control character) too.
    let body = "{\"Data\":{\"SigningSessionId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c330\\n\",\"Type\":\"SessionStatus\",\"Status\":3}}";
    let err = dispatch(&w, &constellation_signer().sign(body.as_bytes())).unwrap_err();
    assert!(!err.to_string().contains('\n'), "{err}");
}

#[test]
fn stored_events_read_back_equal() {
    // fuzz/parse_ignisign: an ERROR message whose content lacks a required
    // field is kept as raw JSON when received, but the stored `Message` did not
    // deserialize again ("missing field `documentNature`").
    let body = String::from_utf8_lossy(include_bytes!("fixtures/ignisign/signature_failed.json"))
        .replace("\"documentNature\"", "\"documentNatube\"");
    assert!(body.contains("documentNatube"));
    let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, body.as_bytes()).unwrap() else {
        unreachable!()
    };
    let message = delivery.dangerous_skip_token_check();
    assert!(matches!(message.content, Some(ignisign::Content::Unknown(_))));
    let stored = serde_json::to_string(&message).unwrap();
    assert_eq!(serde_json::from_str::<ignisign::Message>(&stored).unwrap(), message);

    // fuzz/parse_signplus, fuzz/parse_esignglobal: a huge number in an unknown
    // event's raw JSON read back as another float, changing its dedup key.
    for (vendor, body) in [
        (
            Vendor::SignPlus,
            r#"{"hook":{"id":"1","event":"envelope_reminder"},"data":{"sent_at":111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111117219005000}}"#,
        ),
        (
            Vendor::EsignGlobal,
            r#"{"callBackDesc":"ENVELOPE_NEW","callBackEnvelopeVO":{"envelopeId":"e","signDate":1766666666666666666666666666666666666666666666666666666266666666666666666666666666666666666666666666666666666666666666666636211600000}}"#,
        ),
    ] {
        let event = dangerous::parse_unverified(vendor, body.as_bytes()).unwrap();
        let written = match &event {
            Event::SignPlus(event) => serde_json::to_vec(event).unwrap(),
            Event::EsignGlobal(event) => serde_json::to_vec(event).unwrap(),
            _ => unreachable!(),
        };
        let again = dangerous::parse_unverified(vendor, &written).unwrap();
        assert_eq!(format!("{again:?}"), format!("{event:?}"), "{vendor}");
        assert_eq!(
            esign_webhooks::dedup::DedupKey::of(&again),
            esign_webhooks::dedup::DedupKey::of(&event)
        );
    }
}

#[test]
fn stored_error_content_with_a_repeated_key_reads_back_typed_then_stays() {
    // fuzz/parse_ignisign: the documented exception to "a stored Message reads back equal".
    let body = String::from_utf8_lossy(include_bytes!("fixtures/ignisign/signature_proof_generated_error.json"))
        .replacen("\"documentId\"", "\"documentId\": \"first\", \"documentId\"", 1);
    assert!(body.contains("\"first\""));
    let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, body.as_bytes()).unwrap() else {
        unreachable!()
    };
    let message = delivery.dangerous_skip_token_check();
    assert!(
        matches!(message.content, Some(ignisign::Content::Unknown(_))),
        "a repeated key is not resolved on receipt"
    );
    let again: ignisign::Message = serde_json::from_str(&serde_json::to_string(&message).unwrap()).unwrap();
    assert!(matches!(again.content, Some(ignisign::Content::SignatureProof(_))));
    let twice: ignisign::Message = serde_json::from_str(&serde_json::to_string(&again).unwrap()).unwrap();
    assert_eq!(twice, again);
}

/// Found by the `differential` fuzz target: invalid UTF-8 inside a string the
/// one-pass parse skips (`content.signatureRequestId` of a SIGNATURE_PROFILE
/// message) was accepted by the fast path and refused by the precise parse.
/// Both now refuse it.
#[test]
fn invalid_utf8_in_a_skipped_string_is_refused_by_both_paths() {
    let mut body = br#"{"appId":"appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b","appEnv":"DEVELOPMENT","verificationToken":"1aa5cef996e370a16d76b628772364828","topic":"SIGNATURE_PROFILE","action":"ARCHIVED","msgNature":"INFO","content":{"signatureProfileId":"6630f1a2b4c5d6e73c","signatureRequestId":"6630f1a2"#.to_vec();
    body.extend_from_slice(b"\xff\xff\"}}");
    assert_eq!(
        esign_webhooks::testing::fast_path_agrees(Vendor::Ignisign, &body),
        Ok(())
    );
    assert!(esign_webhooks::dangerous::parse_unverified(Vendor::Ignisign, &body).is_err());
}

/// The same finding for eSignGlobal (`fuzz/regressions/`): invalid UTF-8 in a
/// signer's field the one-pass parse skips.
#[test]
fn invalid_utf8_in_an_esignglobal_skipped_field_is_refused_by_both_paths() {
    let body = include_bytes!("../fuzz/regressions/differential-esignglobal-invalid-utf8.json");
    assert_eq!(
        esign_webhooks::testing::fast_path_agrees(Vendor::EsignGlobal, body),
        Ok(())
    );
    assert!(esign_webhooks::dangerous::parse_unverified(Vendor::EsignGlobal, body).is_err());
}
