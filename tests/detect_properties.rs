//! Property tests (proptest) of scheme detection and of the compact scheme form:
//!
//! * for every scheme shape the engine verifies (each signature location, each
//!   signed content, hex and base64, with and without a prefix, seconds,
//!   milliseconds and RFC 3339; Box Sign's two headers and body-then-timestamp,
//!   DocuSeal's `{timestamp}.{signature}` header), a request signed with
//!   `testing::Signer` and surrounded by
//!   ordinary headers is detected, the scheme found verifies it, and it reads
//!   no header the request does not have;
//! * token methods (header, query, Basic) are detected too;
//! * every scheme's compact form reads back equal, through `FromStr` and serde.

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{
    Detected, Encoding, HmacScheme, SEPARATORS, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit,
    Verifier, detect_scheme,
};
use esign_webhooks::{Headers, Incoming, Secret};
use proptest::prelude::*;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

const BODY: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");

/// A header name as vendors spell them: `X-Vendor-Signature`, `webhook-id`, …
fn header_name(role: &'static str) -> impl Strategy<Value = String> {
    ("[a-z]{3,8}", prop::bool::ANY, prop::bool::ANY).prop_map(move |(vendor, x, upper)| {
        let name = format!("{}{vendor}-{role}", if x { "x-" } else { "" });
        if upper {
            name.split('-')
                .map(|part| {
                    let mut chars = part.chars();
                    chars
                        .next()
                        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("-")
        } else {
            name
        }
    })
}

fn prefix() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        Just(None),
        Just(Some("sha256=".to_owned())),
        Just(Some("v1=".to_owned())),
        Just(Some("sha256:".to_owned())),
        Just(Some("HMAC-SHA256 ".to_owned())),
    ]
}

/// Separators that can split a `{timestamp}{split}{signature}` header value:
/// non-empty, and not a character of a header value's line breaks.
const SPLITS: [&str; 7] = [".", ":", "|", ",", "_", "-", " "];

/// Every scheme shape, with names drawn so that the roles never share a header.
///
/// Locations: 0 header, 1 numbered headers, 2 parameters, 3 versioned list,
/// 4 query, 5 any of two headers (Box Sign), 6 timestamp-prefixed (DocuSeal).
/// Contents: 0 body, 1 timestamp then body, 2 body then timestamp (Box Sign),
/// 3 id, timestamp, body. Units: seconds, milliseconds, RFC 3339.
fn scheme() -> impl Strategy<Value = HmacScheme> {
    (
        0u8..7,
        0u8..4,
        prop::bool::ANY,
        prefix(),
        0u8..3,
        prop::sample::select(SEPARATORS.to_vec()),
        (header_name("signature"), header_name("timestamp"), header_name("id")),
        prop::bool::ANY,
        prop::sample::select(SPLITS.to_vec()),
    )
        .prop_map(
            |(location, content, base64, prefix, unit, separator, (sig, ts, id), ts_parameter, split)| {
                let unit = match unit {
                    0 => TimestampUnit::Seconds,
                    1 => TimestampUnit::Milliseconds,
                    _ => TimestampUnit::Rfc3339,
                };
                // An RFC 3339 date-time holds `-` and `:`: the split must not.
                let split = if unit == TimestampUnit::Rfc3339 && (split == "-" || split == ":") {
                    "."
                } else {
                    split
                };
                let signature = match location {
                    0 => SignatureLocation::header(sig),
                    1 => SignatureLocation::numbered_headers(format!("{sig}-")),
                    2 => SignatureLocation::parameters(sig, ["v1"]),
                    3 => SignatureLocation::versioned_list(sig, "v1"),
                    4 => SignatureLocation::query("signature"),
                    5 => SignatureLocation::any_header([format!("{sig}-primary"), format!("{sig}-secondary")]),
                    _ => SignatureLocation::timestamp_prefixed(sig, split),
                };
                let timestamp = match &signature {
                    SignatureLocation::Parameters { .. } if ts_parameter => TimestampLocation::parameter("t"),
                    // The timestamp a timestamp-prefixed header carries is the one signed.
                    SignatureLocation::TimestampPrefixed { .. } => TimestampLocation::signature_prefix(),
                    _ => TimestampLocation::header(ts),
                };
                let content = match content {
                    // A timestamp-prefixed header goes with its signed timestamp.
                    0 if location != 6 => SignedContent::Body,
                    0 | 1 => SignedContent::timestamp_then_body(timestamp, separator),
                    2 => SignedContent::body_then_timestamp(timestamp, separator),
                    _ => SignedContent::id_timestamp_body(id, timestamp, separator),
                };
                // A space would split a versioned list's entries.
                let prefix = prefix.filter(|p| !(location == 3 && p.contains(' ')));
                let encoding = if base64 { Encoding::Base64 } else { Encoding::Hex };
                let mut scheme = HmacScheme::new(signature, content, encoding);
                if let Some(prefix) = prefix {
                    scheme = scheme.with_prefix(prefix);
                }
                if unit != TimestampUnit::Seconds {
                    scheme = scheme.with_timestamp_unit(unit);
                }
                scheme
            },
        )
}

fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_+/=-]{12,48}"
}

/// Ordinary headers a real delivery carries around the signature.
fn surrounding_headers() -> Vec<(String, String)> {
    [
        ("Host", "hooks.example.com"),
        ("User-Agent", "Java-http-client/17.0.8"),
        ("Content-Type", "application/json; charset=utf-8"),
        ("Accept", "*/*"),
        ("X-Forwarded-For", "203.0.113.7"),
        ("X-Request-Id", "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f"),
    ]
    .into_iter()
    .map(|(n, v)| (n.to_owned(), v.to_owned()))
    .collect()
}

fn reads_only_present_headers(detected: &Detected, headers: &[(String, String)]) -> bool {
    let present = |name: &str| headers.values(name).next().is_some();
    let Some(scheme) = detected.hmac_scheme() else {
        return true;
    };
    let signature_ok = match scheme.signature_location() {
        SignatureLocation::Header { name } => present(name),
        SignatureLocation::NumberedHeaders { prefix } => present(&format!("{prefix}1")),
        SignatureLocation::Parameters { header, .. }
        | SignatureLocation::VersionedList { header, .. }
        | SignatureLocation::TimestampPrefixed { header, .. } => present(header),
        SignatureLocation::AnyHeader { names } => names.iter().all(|name| present(name)),
        _ => true,
    };
    let content_ok = match scheme.signed_content() {
        SignedContent::IdTimestampBody { id_header, .. } => present(id_header),
        _ => true,
    };
    let timestamp_ok = match scheme.signed_content().timestamp() {
        Some(TimestampLocation::Header(name)) => present(name),
        _ => true,
    };
    signature_ok && content_ok && timestamp_ok
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn every_signed_scheme_is_detected_and_verifies(
        scheme in scheme(),
        secret in secret(),
        at in 1_500_000_000i64..2_000_000_000,
        id in "msg_[A-Za-z0-9]{8,24}",
    ) {
        let secret = Secret::new(secret);
        let mut signer = Signer::hmac(scheme.clone(), secret.clone()).at(at).with_id(id);
        let any_header = matches!(scheme.signature_location(), SignatureLocation::AnyHeader { .. });
        if any_header {
            // Box Sign sends both headers, signed with the primary and the secondary key.
            signer = signer.with_secret(Secret::new("the-secondary-key"));
        }
        let mut request = signer.sign(BODY);
        let mut headers = surrounding_headers();
        headers.append(&mut request.headers);
        request.headers = headers;

        let detection = detect_scheme(&request.incoming(), &secret)
            .map_err(|err| TestCaseError::fail(format!("{scheme}: {err}")))?;
        for detected in detection.all() {
            prop_assert!(reads_only_present_headers(detected, &request.headers), "{detected:?}");
        }
        let best = detection.best();
        let verifier = best.verifier(secret.clone());
        prop_assert!(verifier.verify_at(&request.incoming(), at).is_ok(), "{scheme} → {best:?}");
        // The scheme found is the one signed, up to equivalent spellings.
        let found = best.hmac_scheme().expect("an HMAC scheme");
        prop_assert_eq!(found.encoding(), scheme.encoding());
        prop_assert_eq!(found.signed_content(), scheme.signed_content());
        if scheme.signed_content().timestamp().is_some() {
            prop_assert_eq!(found.timestamp_unit(), scheme.timestamp_unit());
        }
        if any_header || matches!(scheme.signature_location(), SignatureLocation::TimestampPrefixed { .. }) {
            prop_assert_eq!(found.signature_location(), scheme.signature_location());
        }
        prop_assert!(!detection.is_ambiguous(), "{scheme}: {:?}", detection.all());
        // Another secret verifies nothing.
        prop_assert!(detect_scheme(&request.incoming(), &Secret::new("another secret")).is_err());
    }

    #[test]
    fn token_methods_are_detected(secret in "[A-Za-z0-9]{16,40}", which in 0u8..3, name in header_name("token")) {
        let secret = Secret::new(secret);
        let signer = match which {
            0 => Signer::header_token(name.clone(), secret.clone()),
            1 => Signer::query_token("token", secret.clone()),
            _ => Signer::basic_auth("esign", secret.clone()),
        };
        let mut request = signer.sign(BODY);
        request.headers.extend(surrounding_headers());
        let detection = detect_scheme(&request.incoming(), &secret)
            .map_err(|err| TestCaseError::fail(err.to_string()))?;
        let expected = match which {
            0 => Detected::HeaderToken { header: name },
            1 => Detected::QueryToken { name: "token".to_owned() },
            _ => Detected::BasicAuth { username: "esign".to_owned() },
        };
        prop_assert_eq!(detection.best(), &expected);
        prop_assert!(detection.best().verifier(secret).verify_at(&request.incoming(), 0).is_ok());
    }

    #[test]
    fn compact_form_round_trips(scheme in scheme(), tolerance in prop::option::of(0u64..100_000)) {
        let scheme = match tolerance {
            Some(ms) => scheme.with_tolerance(std::time::Duration::from_millis(ms)),
            None => scheme,
        };
        let text = scheme.to_string();
        let back: HmacScheme = text.parse().map_err(|err| TestCaseError::fail(format!("{text}: {err}")))?;
        prop_assert_eq!(&back, &scheme);
        let json = serde_json::to_string(&scheme).unwrap();
        prop_assert_eq!(serde_json::from_str::<HmacScheme>(&json).unwrap(), scheme.clone());
        let location: SignatureLocation = scheme.signature_location().to_string().parse().unwrap();
        prop_assert_eq!(&location, scheme.signature_location());
        let content: SignedContent = scheme.signed_content().to_string().parse().unwrap();
        prop_assert_eq!(&content, scheme.signed_content());
    }
}

#[test]
fn two_equal_timestamps_are_reported_as_ambiguous() {
    let secret = Secret::new("esg-secret");
    let scheme = HmacScheme::new(
        SignatureLocation::header("X-Esign-Signature"),
        SignedContent::timestamp_then_body(TimestampLocation::header("X-Esign-Timestamp"), "."),
        Encoding::Hex,
    );
    let request = Signer::hmac(scheme, secret.clone()).at(1_735_725_600).sign(BODY);
    let mut headers = request.headers.clone();
    headers.push(("X-Sent-At".to_owned(), "1735725600".to_owned()));
    let detection = detect_scheme(&Incoming::new(BODY, &headers), &secret).unwrap();
    assert!(detection.is_ambiguous(), "{:?}", detection.all());
    assert_eq!(detection.all().len(), 2);
    for detected in detection.all() {
        assert!(
            detected
                .verifier(secret.clone())
                .verify_at(&Incoming::new(BODY, &headers), 1_735_725_600)
                .is_ok()
        );
    }
}

#[test]
fn standard_webhooks_secret_and_scheme() {
    // The example of the Standard Webhooks specification's test vectors style: a whsec_ secret.
    let secret = Secret::from_standard_webhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
    let request = Signer::hmac(HmacScheme::standard_webhooks(), secret.clone())
        .at(1_614_265_330)
        .with_id("msg_p5jXN8AQM9LWM0D4loKWxJek")
        .sign(br#"{"test": 2432232314}"#);
    let detection = detect_scheme(&request.incoming(), &secret).unwrap();
    assert_eq!(detection.best().hmac_scheme(), Some(&HmacScheme::standard_webhooks()));
    assert_eq!(
        detection.best().hmac_scheme().unwrap().to_string(),
        r#"versioned-list=webhook-signature version=v1 id-header=webhook-id timestamp-header=webhook-timestamp separator="." encoding=base64"#
    );
    let _ = Verifier::hmac(HmacScheme::standard_webhooks(), secret);
}

#[test]
fn compact_form_errors_name_the_field() {
    let cases = [
        ("encoding=hex", "no signature location"),
        ("header=X-Sig", "`encoding=`"),
        ("header=X-Sig encoding=hex colour=red", "`colour`"),
        ("header=X-Sig header=Y encoding=hex", "`header` is given twice"),
        ("header=X-Sig timestamp-header=X-Ts encoding=hex", "`separator=`"),
        ("parameters=X-Sig encoding=hex", "`keys=`"),
        ("header=X-Sig encoding=rot13", "rot13"),
        ("header=X-Sig encoding=hex prefix=\"unterminated", "`prefix`"),
        ("header=X-Sig encoding=hex tolerance=5min", "`tolerance`"),
        (
            "header=X-Sig timestamp-prefix=yes separator=\".\" encoding=hex",
            "`timestamp-prefixed=`",
        ),
        (
            "timestamp-prefixed=X-Sig split=\".\" encoding=hex",
            "`timestamp-prefix=yes`",
        ),
        (
            "timestamp-prefixed=X-Sig split=\"\" timestamp-prefix=yes separator=\".\" encoding=hex",
            "`split`",
        ),
        (
            "header=X-Sig timestamp-parameter=t separator=\".\" encoding=hex",
            "`parameters=`",
        ),
        ("header=X-Sig order=body-first encoding=hex", "needs a timestamp"),
        (
            "header=X-Sig timestamp-header=X-Ts separator=\"\" encoding=hex timestamp-unit=days",
            "rfc3339",
        ),
    ];
    for (text, expected) in cases {
        let err = text.parse::<HmacScheme>().unwrap_err().to_string();
        assert!(err.contains(expected), "{text}: {err}");
    }
}

#[test]
fn compact_form_of_the_box_and_docuseal_shapes() {
    let box_sign = HmacScheme::new(
        SignatureLocation::any_header(["BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY"]),
        SignedContent::body_then_timestamp(TimestampLocation::header("BOX-DELIVERY-TIMESTAMP"), ""),
        Encoding::Base64,
    )
    .with_timestamp_unit(TimestampUnit::Rfc3339);
    let docuseal = HmacScheme::new(
        SignatureLocation::timestamp_prefixed("X-Docuseal-Signature", "."),
        SignedContent::timestamp_then_body(TimestampLocation::signature_prefix(), "."),
        Encoding::Hex,
    );
    for (scheme, text) in [
        (
            box_sign,
            r#"any-header="BOX-SIGNATURE-PRIMARY,BOX-SIGNATURE-SECONDARY" timestamp-header=BOX-DELIVERY-TIMESTAMP separator="" order=body-first encoding=base64 timestamp-unit=rfc3339"#,
        ),
        (
            docuseal,
            r#"timestamp-prefixed=X-Docuseal-Signature split="." timestamp-prefix=yes separator="." encoding=hex"#,
        ),
    ] {
        assert_eq!(scheme.to_string(), text);
        assert_eq!(text.parse::<HmacScheme>().unwrap(), scheme);
    }
}

#[test]
fn box_sign_delivery_is_detected_with_both_headers() {
    // Box Sign: base64 HMAC of the body then `BOX-DELIVERY-TIMESTAMP` (RFC 3339),
    // in a primary and a secondary header signed with the two keys.
    let scheme = HmacScheme::new(
        SignatureLocation::any_header(["BOX-SIGNATURE-PRIMARY", "BOX-SIGNATURE-SECONDARY"]),
        SignedContent::body_then_timestamp(TimestampLocation::header("BOX-DELIVERY-TIMESTAMP"), ""),
        Encoding::Base64,
    )
    .with_timestamp_unit(TimestampUnit::Rfc3339);
    let secondary = Secret::new("box-secondary-key");
    let request = Signer::hmac(scheme.clone(), Secret::new("box-primary-key"))
        .with_secret(secondary.clone())
        .at(1_714_669_200)
        .sign(BODY);
    // Detected with either key.
    for secret in [Secret::new("box-primary-key"), secondary] {
        let detection = detect_scheme(&request.incoming(), &secret).unwrap();
        assert_eq!(detection.best().hmac_scheme(), Some(&scheme), "{:?}", detection.all());
        assert!(!detection.is_ambiguous(), "{:?}", detection.all());
    }
}

#[test]
fn unrelated_digest_headers_are_not_grouped_as_signature_headers() {
    // A body digest next to the signature has another stem: not one of "any header".
    let scheme = HmacScheme::new(
        SignatureLocation::header("X-Acme-Signature"),
        SignedContent::Body,
        Encoding::Hex,
    );
    let secret = Secret::new("acme-secret");
    let mut request = Signer::hmac(scheme.clone(), secret.clone()).sign(BODY);
    request.headers.push((
        "X-Content-Sha256".to_owned(),
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".to_owned(),
    ));
    let detection = detect_scheme(&request.incoming(), &secret).unwrap();
    assert_eq!(detection.all(), [Detected::Hmac(scheme)]);
}
