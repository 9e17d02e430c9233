//! Property tests (proptest): sign → verify round-trips for every scheme
//! shape and vendor, single-bit changes that must fail, and every status enum
//! and event through its wire form, unknown values included.
//!
//! An independent HMAC (the `hmac` and `sha2` crates, with encoders written
//! here) is the oracle, so the crate's signer and verifier are not only
//! checked against each other.

use std::time::Duration;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{
    Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit, Verifier,
};
use esign_webhooks::{
    ErrorKind, Event, FixedClock, Secret, Vendor, Webhooks, constellation, dangerous, esignglobal, ignisign, signplus,
};
use hmac::Mac;
use proptest::prelude::*;

/// `cases` cases per property; failures are reported, not persisted in the source tree.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// --- Scheme shapes ------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Shape {
    location: u8,
    content: u8,
    base64: bool,
    prefix: bool,
    millis: bool,
}

fn shapes() -> impl Strategy<Value = Shape> {
    (0u8..5, 0u8..3, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(location, content, base64, prefix, millis)| Shape {
            location,
            content,
            base64,
            prefix,
            millis,
        },
    )
}

impl Shape {
    fn scheme(&self) -> HmacScheme {
        let parameters = self.location == 2;
        let location = match self.location {
            0 => SignatureLocation::header("x-sig"),
            1 => SignatureLocation::numbered_headers("x-sig-"),
            2 => SignatureLocation::parameters("x-params", ["v1", "s0"]),
            3 => SignatureLocation::versioned_list("x-list", "v1"),
            _ => SignatureLocation::query("signature"),
        };
        let timestamp = || match parameters {
            true => TimestampLocation::parameter("t"),
            false => TimestampLocation::header("x-ts"),
        };
        let content = match self.content {
            0 => SignedContent::Body,
            1 => SignedContent::timestamp_then_body(timestamp(), "."),
            _ => SignedContent::id_timestamp_body("x-id", timestamp(), ":"),
        };
        let encoding = if self.base64 { Encoding::Base64 } else { Encoding::Hex };
        let mut scheme = HmacScheme::new(location, content, encoding);
        if self.prefix {
            scheme = scheme.with_prefix("sha256=");
        }
        if self.millis {
            scheme = scheme.with_timestamp_unit(TimestampUnit::Milliseconds);
        }
        scheme
    }

    fn signs_timestamp(&self) -> bool {
        self.content != 0
    }

    /// The oracle: HMAC-SHA256 over what the scheme signs, for seconds `at`.
    fn mac(&self, secret: &[u8], id: &str, at: i64, body: &[u8]) -> [u8; 32] {
        let ts = if self.millis { at * 1000 } else { at }.to_string();
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
        match self.content {
            0 => {}
            1 => mac.update(format!("{ts}.").as_bytes()),
            _ => mac.update(format!("{id}:{ts}:").as_bytes()),
        }
        mac.update(body);
        mac.finalize().into_bytes().into()
    }

    fn encode(&self, mac: &[u8]) -> String {
        let text = if self.base64 { base64(mac) } else { hex(mac) };
        if self.prefix { format!("sha256={text}") } else { text }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Timestamps whose millisecond form fits an `i64`.
fn timestamps() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        -1_000_000_000_000i64..4_000_000_000_000,
        (i64::MIN / 1000)..=(i64::MAX / 1000),
    ]
}

/// Any secret a builder accepts: not only white space (builders refuse a
/// blank secret as a value pasted wrong).
fn secrets() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 1..100).prop_filter("a blank secret is refused at build", |secret| {
        !secret.iter().all(u8::is_ascii_whitespace)
    })
}

fn ids() -> impl Strategy<Value = String> {
    "[!-~]{1,32}"
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn every_scheme_shape_round_trips(
        shape in shapes(),
        secret in secrets(),
        old in secrets(),
        body in prop::collection::vec(any::<u8>(), 0..512),
        at in timestamps(),
        id in ids(),
    ) {
        let scheme = shape.scheme();
        let signer = Signer::hmac(scheme.clone(), Secret::new(secret.clone())).at(at).with_id(id.clone());
        let request = signer.sign(&body);
        // The signer agrees with the oracle.
        let oracle = signer.clone().with_signature_override(shape.encode(&shape.mac(&secret, &id, at, &body))).sign(&body);
        prop_assert_eq!(&oracle, &request);
        // Verified with the new secret second, during a rotation.
        prop_assume!(old != secret);
        let verifier = Verifier::hmac(scheme, Secret::new(old)).with_secret(Secret::new(secret));
        let verified = verifier.verify_at(&request.incoming(), at).unwrap();
        prop_assert_eq!(verified.key_index(), Some(1));
        prop_assert_eq!(verified.timestamp(), shape.signs_timestamp().then_some(at));
    }

    #[test]
    fn any_single_bit_change_of_body_signature_or_timestamp_fails(
        shape in shapes(),
        secret in secrets(),
        body in prop::collection::vec(any::<u8>(), 1..256),
        at in timestamps(),
        id in ids(),
        byte in any::<prop::sample::Index>(),
        bit in 0u8..8,
        ts_bit in 0u32..40,
    ) {
        let scheme = shape.scheme();
        let verifier = Verifier::hmac(scheme.clone(), Secret::new(secret.clone()));
        let signer = Signer::hmac(scheme, Secret::new(secret.clone())).at(at).with_id(id.clone());
        let refused = |result: Result<esign_webhooks::verify::Verified, esign_webhooks::Error>| {
            matches!(result.map_err(|e| e.kind().clone()), Err(ErrorKind::AuthenticationFailed))
        };

        // The body.
        let request = signer.sign(&body);
        let mut flipped = request.clone();
        flipped.body[byte.index(body.len())] ^= 1 << bit;
        prop_assert!(refused(verifier.verify_at(&flipped.incoming(), at)));

        // The MAC.
        let mut mac = shape.mac(&secret, &id, at, &body);
        mac[byte.index(32)] ^= 1 << bit;
        let forged = signer.clone().with_signature_override(shape.encode(&mac)).sign(&body);
        prop_assert!(refused(verifier.verify_at(&forged.incoming(), at)));

        // The timestamp: the request says `other` but the MAC covers `at`.
        if shape.signs_timestamp() {
            let other = at ^ (1i64 << ts_bit);
            prop_assume!(other.checked_mul(1000).is_some());
            let genuine = shape.encode(&shape.mac(&secret, &id, at, &body));
            let moved = signer.clone().at(other).with_signature_override(genuine).sign(&body);
            prop_assert!(refused(verifier.verify_at(&moved.incoming(), other)));
        }
    }
}

// --- Vendors ------------------------------------------------------------------------------------

const ESG_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const ESG_APP_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/app_envelope_finish.json");
const IGNISIGN_LAUNCHED: &str = include_str!("fixtures/ignisign/signature_request_launched.json");
const SIGNPLUS_TRAIL: &[u8] = include_bytes!("fixtures/signplus/audit_trail_signed.json");
const CONSTELLATION_SIGNER: &[u8] = include_bytes!("fixtures/constellation/signer_declined_pascal.json");
const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";

/// The body with one more member, `"x_extra": text`, so each case signs other bytes.
fn with_extra(body: &[u8], text: &str) -> Vec<u8> {
    let at = body.iter().position(|&b| b == b'{').unwrap() + 1;
    let mut out = body[..at].to_vec();
    out.extend_from_slice(format!("\"x_extra\":{},", serde_json::to_string(text).unwrap()).as_bytes());
    out.extend_from_slice(&body[at..]);
    out
}

#[derive(Debug, Clone)]
enum TokenMethod {
    Header,
    Basic,
    Query,
}

fn token_methods() -> impl Strategy<Value = TokenMethod> {
    prop_oneof![
        Just(TokenMethod::Header),
        Just(TokenMethod::Basic),
        Just(TokenMethod::Query)
    ]
}

fn token_pair(method: &TokenMethod, token: &str) -> (Signer, esign_webhooks::verify::Verifier) {
    let secret = || Secret::new(token);
    match method {
        TokenMethod::Header => (
            Signer::header_token("x-hook-token", secret()),
            Verifier::header_token("x-hook-token", secret()),
        ),
        TokenMethod::Basic => (
            Signer::basic_auth("hooks", secret()),
            Verifier::basic_auth("hooks", secret()),
        ),
        TokenMethod::Query => (Signer::query_token("t", secret()), Verifier::query_token("t", secret())),
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn esignglobal_round_trips_with_any_scheme_secret_and_time(
        shape in shapes(),
        secret in secrets(),
        at in timestamps(),
        app in any::<bool>(),
        extra in ".{0,40}",
    ) {
        let body = with_extra(if app { ESG_APP_FINISH } else { ESG_FINISH }, &extra);
        let webhooks = Webhooks::builder()
            .esignglobal(esignglobal::Verifier::new(Secret::new(secret.clone()), shape.scheme()))
            .clock(FixedClock(at))
            .build()
            .unwrap();
        let request = Signer::hmac(shape.scheme(), Secret::new(secret)).at(at).sign(&body);
        let event = webhooks.dispatch_incoming(&request.incoming()).unwrap();
        prop_assert!(matches!(event, Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))));
    }

    #[test]
    fn signplus_and_constellation_round_trip_with_any_token(
        method in token_methods(),
        token in "[!-~]{1,48}",
        wrong in "[!-~]{1,48}",
        extra in ".{0,40}",
    ) {
        let (signer, verifier) = token_pair(&method, &token);
        let signplus = Webhooks::builder().signplus(signplus::Verifier::from_engine(verifier.clone())).build().unwrap();
        let constellation =
            Webhooks::builder().constellation(constellation::Verifier::from_engine(verifier)).build().unwrap();
        let request = signer.sign(&with_extra(SIGNPLUS_TRAIL, &extra));
        prop_assert!(matches!(signplus.dispatch_incoming(&request.incoming()).unwrap(), Event::SignPlus(_)));
        let request = signer.sign(&with_extra(CONSTELLATION_SIGNER, &extra));
        prop_assert!(matches!(constellation.dispatch_incoming(&request.incoming()).unwrap(), Event::Constellation(_)));
        prop_assume!(wrong != token);
        let forged = token_pair(&method, &wrong).0.sign(&with_extra(SIGNPLUS_TRAIL, &extra));
        let err = signplus.dispatch_incoming(&forged.incoming()).unwrap_err();
        prop_assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
    }

    #[test]
    fn ignisign_accepts_its_app_only_and_keys_on_the_token(
        token in "[0-9a-f]{1,64}",
        other_token in "[0-9a-f]{1,64}",
        other_app in "appId_[0-9a-z-]{0,36}",
    ) {
        let webhooks = Webhooks::builder()
            .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
            .build()
            .unwrap();
        let with_token = |token: &str| {
            let fixture_token = "f4c2d99087502c67b05a8a4f2f95addb0d45bf4b10017a64b09a84d8e64b1656";
            let body = IGNISIGN_LAUNCHED.replace(fixture_token, token);
            prop_assert!(body.contains(token));
            Ok(body)
        };
        let body = with_token(&token)?;
        let no_headers: [(&str, &str); 0] = [];
        let event = webhooks.dispatch(body.as_bytes(), &no_headers).unwrap();
        let key = DedupKey::of(&event);
        prop_assert_eq!(key.vendor(), Vendor::Ignisign);
        let other = webhooks.dispatch(with_token(&other_token)?.as_bytes(), &no_headers).unwrap();
        prop_assert_eq!(DedupKey::of(&other) == key, other_token == token);
        prop_assume!(other_app != APP_ID);
        let foreign = body.replace(APP_ID, &other_app);
        let err = webhooks.dispatch(foreign.as_bytes(), &no_headers).unwrap_err();
        prop_assert_eq!(err.kind(), &ErrorKind::RecipientMismatch { field: "appId" });
    }
}

// --- Status enums -------------------------------------------------------------------------------

macro_rules! int_enums {
    ($name:ident: $($ty:ty),* $(,)?) => {
        proptest! {
            #![proptest_config(config(1024))]
            #[test]
            fn $name(code in prop_oneof![any::<i32>(), -2i32..20]) {
                $(
                    let value = <$ty>::from_code(code);
                    prop_assert_eq!(value.code(), code);
                    prop_assert_eq!(value.is_unknown(), !<$ty>::KNOWN.contains(&value));
                    let json = serde_json::to_string(&value).unwrap();
                    prop_assert_eq!(&json, &code.to_string());
                    prop_assert_eq!(serde_json::from_str::<$ty>(&json).unwrap(), value);
                    // Sent as a string of digits, as some vendors do.
                    prop_assert_eq!(serde_json::from_str::<$ty>(&format!("\"{code}\"")).unwrap(), value);
                    prop_assert_eq!(code.to_string().parse::<$ty>().unwrap(), value);
                    if !value.is_unknown() {
                        prop_assert_eq!(value.to_string().parse::<$ty>().unwrap(), value);
                    }
                )*
            }
        }
    };
}

int_enums!(int_status_enums_round_trip:
    esignglobal::EnvelopeStatus, esignglobal::SignerStatus, esignglobal::CcStatus, esignglobal::UserType,
    esignglobal::AuthMode, constellation::SessionStatus, constellation::SignerStatus,
);

macro_rules! string_enums {
    ($name:ident, exact: $($ty:ty),* ; ignoring_case: $($ci:ty),* $(,)?) => {
        proptest! {
            #![proptest_config(config(1024))]
            #[test]
            fn $name(raw in prop_oneof![".{0,24}", "[A-Za-z_]{1,24}"], pick in any::<prop::sample::Index>()) {
                $(
                    let value = <$ty>::from_wire(&raw);
                    prop_assert_eq!(value.as_str(), raw.as_str(), "exact wire form kept");
                    prop_assert_eq!(value.is_unknown(), !<$ty>::KNOWN.contains(&value));
                    check_string_enum::<$ty>(value)?;
                    let known = <$ty>::KNOWN[pick.index(<$ty>::KNOWN.len())].clone();
                    prop_assert!(!known.is_unknown());
                    check_string_enum::<$ty>(known)?;
                )*
                $(
                    let value = <$ci>::from_wire(&raw);
                    prop_assert!(value.as_str().eq_ignore_ascii_case(&raw));
                    check_string_enum::<$ci>(value)?;
                    let known = <$ci>::KNOWN[pick.index(<$ci>::KNOWN.len())].clone();
                    prop_assert_eq!(<$ci>::from_wire(&known.as_str().to_ascii_uppercase()), known.clone());
                    check_string_enum::<$ci>(known)?;
                )*
            }
        }
    };
}

/// Wire form, `Display`, `FromStr` and serde all agree.
fn check_string_enum<T>(value: T) -> Result<(), TestCaseError>
where
    T: Clone
        + PartialEq
        + std::fmt::Debug
        + std::fmt::Display
        + std::str::FromStr
        + serde::Serialize
        + serde::de::DeserializeOwned,
    T::Err: std::fmt::Debug,
{
    let text = value.to_string();
    prop_assert_eq!(text.parse::<T>().unwrap(), value.clone());
    let json = serde_json::to_string(&value).unwrap();
    prop_assert_eq!(&json, &serde_json::to_string(&text).unwrap());
    prop_assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value);
    Ok(())
}

string_enums!(string_status_enums_round_trip,
    exact: esignglobal::EventKind, ignisign::Topic, ignisign::MsgNature, ignisign::AppEnv,
        ignisign::SignatureRequestStatus, ignisign::DocumentType, ignisign::SignerInputRef, ignisign::ErrorCode,
        ignisign::ApplicationAction, ignisign::SignatureAction, ignisign::SignatureRequestAction,
        ignisign::SignerAction, ignisign::SignatureProfileAction, ignisign::SignatureSessionAction,
        ignisign::SignatureProofAction, ignisign::SignatureImageAction, ignisign::DocumentRequestAction,
        signplus::EnvelopeStatus, signplus::RecipientRole, signplus::FlowType, signplus::LegalityLevel;
    ignoring_case: signplus::EventKind, signplus::AuditAction, constellation::StatusType,
);

// --- Events through their wire form -------------------------------------------------------------

fn event_names<T: Clone + std::fmt::Debug + std::fmt::Display + 'static>(
    known: &'static [T],
) -> impl Strategy<Value = String> {
    prop_oneof![prop::sample::select(known).prop_map(|k| k.to_string()), "[A-Z_]{1,20}"]
}

fn texts() -> impl Strategy<Value = String> {
    ".{0,30}"
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn esignglobal_events_round_trip(
        name in event_names(esignglobal::EventKind::KNOWN),
        app in any::<bool>(),
        envelope_id in texts(),
        envelope_status in any::<i32>(),
        signer_status in any::<i32>(),
        email in texts(),
    ) {
        let envelope = serde_json::json!({
            "envelopeId": envelope_id, "envelopeStatus": envelope_status,
            "signerList": [{"userEmail": email, "signerStatus": signer_status}],
            "signerInfo": {"userEmail": email, "signerStatus": signer_status, "signOrder": 1},
        });
        let body = if app {
            serde_json::json!({"callBackEnum": "ENVELOPE_UPDATE", "callBackDesc": name, "callBackEnvelopeVO": envelope})
        } else {
            serde_json::json!({"event": name, "eventPayload": envelope})
        };
        round_trip(Vendor::EsignGlobal, &serde_json::to_vec(&body).unwrap())?;
    }

    #[test]
    fn signplus_events_round_trip(
        name in event_names(signplus::EventKind::KNOWN),
        action in event_names(signplus::AuditAction::KNOWN),
        envelope_id in texts(),
        recipient in texts(),
    ) {
        let body = serde_json::json!({
            "hook": {"id": "6697ccb204bd194fa74c22b4", "event": name.to_ascii_lowercase(), "target": "https://example.com"},
            "data": {"envelope_id": envelope_id, "recipient_id": recipient, "action": action.to_ascii_lowercase()},
        });
        round_trip(Vendor::SignPlus, &serde_json::to_vec(&body).unwrap())?;
    }

    #[test]
    fn constellation_updates_round_trip(
        session in any::<u128>(),
        signer in any::<u128>(),
        status_type in prop_oneof![Just("SessionStatus".to_owned()), Just("SignerStatus".to_owned()), "[A-Za-z]{1,12}"],
        status in any::<i32>(),
        title in prop::option::of(texts()),
    ) {
        let guid = |n: u128| uuid::Uuid::from_u128(n).to_string();
        let body = serde_json::json!({"data": {
            "signingSessionId": guid(session), "signerId": guid(signer), "type": status_type,
            "status": status, "title": title,
        }});
        round_trip(Vendor::Constellation, &serde_json::to_vec(&body).unwrap())?;
    }

    #[test]
    fn ignisign_messages_round_trip(
        topic in event_names(ignisign::Topic::KNOWN),
        action in "[A-Z_]{1,20}",
        nature in event_names(ignisign::MsgNature::KNOWN),
    ) {
        let body = serde_json::json!({
            "appId": APP_ID, "appEnv": "DEVELOPMENT", "verificationToken": "t",
            "topic": topic, "action": action, "msgNature": nature,
        });
        let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, &serde_json::to_vec(&body).unwrap()).unwrap()
        else {
            panic!("Ignisign")
        };
        let message = delivery.dangerous_skip_token_check();
        prop_assert_eq!(message.topic.as_str(), topic.as_str());
        prop_assert_eq!(message.action.as_str(), action.as_str());
        let json = serde_json::to_string(&message).unwrap();
        prop_assert_eq!(serde_json::from_str::<ignisign::Message>(&json).unwrap(), message);
    }
}

/// Parses `body`, writes the event back, parses that: equal events, equal keys.
fn round_trip(vendor: Vendor, body: &[u8]) -> Result<(), TestCaseError> {
    let event = dangerous::parse_unverified(vendor, body).unwrap();
    let written = match &event {
        Event::EsignGlobal(event) => serde_json::to_vec(event),
        Event::SignPlus(event) => serde_json::to_vec(event),
        Event::Constellation(update) => serde_json::to_vec(update),
        _ => unreachable!(),
    }
    .unwrap();
    let again = dangerous::parse_unverified(vendor, &written).unwrap();
    prop_assert_eq!(format!("{again:?}"), format!("{event:?}"));
    prop_assert_eq!(DedupKey::of(&again), DedupKey::of(&event));
    Ok(())
}

#[test]
fn tolerance_is_a_duration_in_every_unit() {
    // Not random: the boundary of the default tolerance, in both units, both ways.
    for millis in [false, true] {
        let shape = Shape {
            location: 0,
            content: 1,
            base64: false,
            prefix: false,
            millis,
        };
        let verifier = Verifier::hmac(
            shape.scheme().with_tolerance(Duration::from_secs(300)),
            Secret::new("k"),
        );
        let request = Signer::hmac(shape.scheme(), Secret::new("k")).at(1_000).sign(b"{}");
        for (now, ok) in [(700, true), (1_300, true), (699, false), (1_301, false)] {
            assert_eq!(
                verifier.verify_at(&request.incoming(), now).is_ok(),
                ok,
                "{millis} {now}"
            );
        }
    }
}
