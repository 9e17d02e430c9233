//! `Webhooks::dispatch` end to end: identification, configuration, limits,
//! swapped vendors, and the error each bad request gets.

use esign_webhooks::testing::Signer;
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
use esign_webhooks::{
    ErrorKind, Event, FixedClock, Incoming, Secret, Vendor, Webhooks, constellation, dangerous, esignglobal, ignisign,
    signplus,
};
use http::StatusCode;

const NOW: i64 = 1_735_689_600;
const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";

const ESG_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const ESG_APP_VIEWED: &[u8] = include_bytes!("fixtures/esignglobal/app_envelope_signer_viewed.json");
const IGNISIGN_SESSION: &[u8] = include_bytes!("fixtures/ignisign/signature_session_initialized.json");
const SIGNPLUS_COMPLETED: &[u8] = include_bytes!("fixtures/signplus/envelope_completed.json");
const CONSTELLATION_DECLINED: &[u8] = include_bytes!("fixtures/constellation/signer_declined_pascal.json");

fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-test-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

struct Setup {
    webhooks: Webhooks,
    esg: Signer,
    signplus: Signer,
    constellation: Signer,
}

fn setup() -> Setup {
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
        .signplus(signplus::Verifier::header_token(
            "x-signplus-token",
            Secret::new("sp-token"),
        ))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap();
    Setup {
        webhooks,
        esg: Signer::hmac(esg_scheme(), Secret::new("esg-secret")).at(NOW),
        signplus: Signer::header_token("x-signplus-token", Secret::new("sp-token")),
        constellation: Signer::basic_auth("esign", Secret::new("c1-password")),
    }
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("expected an error").kind().clone()
}

#[test]
fn each_vendor_dispatches_to_its_typed_event() {
    let s = setup();
    let r = s.esg.sign(ESG_FINISH);
    assert!(matches!(
        s.webhooks.dispatch(&r.body, &r.headers).unwrap(),
        Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))
    ));
    let r = s.esg.sign(ESG_APP_VIEWED);
    assert!(matches!(
        s.webhooks.dispatch(&r.body, &r.headers).unwrap(),
        Event::EsignGlobal(esignglobal::Event::EnvelopeSignerViewed(_))
    ));
    let no_headers: [(&str, &str); 0] = [];
    let event = s.webhooks.dispatch(IGNISIGN_SESSION, &no_headers).unwrap();
    assert_eq!(event.vendor(), Vendor::Ignisign);
    let r = s.signplus.sign(SIGNPLUS_COMPLETED);
    assert!(matches!(
        s.webhooks.dispatch(&r.body, &r.headers).unwrap(),
        Event::SignPlus(_)
    ));
    let r = s.constellation.sign(CONSTELLATION_DECLINED);
    assert!(matches!(
        s.webhooks.dispatch(&r.body, &r.headers).unwrap(),
        Event::Constellation(_)
    ));
}

#[test]
fn http_header_map_works_too() {
    let s = setup();
    let r = s.signplus.sign(SIGNPLUS_COMPLETED);
    let mut map = http::HeaderMap::new();
    for (name, value) in &r.headers {
        map.append(
            http::HeaderName::try_from(name.as_str()).unwrap(),
            value.parse().unwrap(),
        );
    }
    assert!(matches!(
        s.webhooks.dispatch(&r.body, &map).unwrap(),
        Event::SignPlus(_)
    ));
}

#[test]
fn wrong_secret_missing_and_duplicated_headers() {
    let s = setup();
    let forged = Signer::hmac(esg_scheme(), Secret::new("guess"))
        .at(NOW)
        .sign(ESG_FINISH);
    let err = s.webhooks.dispatch(&forged.body, &forged.headers).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
    assert_eq!(err.vendor(), Some(Vendor::EsignGlobal));
    assert_eq!(err.status(), StatusCode::UNAUTHORIZED);

    // Without its signature header the eSignGlobal body is recognised by shape and refused.
    let no_headers: [(&str, &str); 0] = [];
    assert!(matches!(
        kind(s.webhooks.dispatch(ESG_FINISH, &no_headers)),
        ErrorKind::MissingHeader { .. }
    ));

    let r = s.esg.sign(ESG_FINISH);
    let mut doubled = r.headers.clone();
    doubled.push(r.headers[0].clone());
    assert!(matches!(
        kind(s.webhooks.dispatch(&r.body, &doubled)),
        ErrorKind::DuplicateHeader { .. }
    ));

    let wrong_token = Signer::header_token("x-signplus-token", Secret::new("nope")).sign(SIGNPLUS_COMPLETED);
    assert_eq!(
        kind(s.webhooks.dispatch(&wrong_token.body, &wrong_token.headers)),
        ErrorKind::AuthenticationFailed
    );

    let wrong_password = Signer::basic_auth("esign", Secret::new("nope")).sign(CONSTELLATION_DECLINED);
    assert_eq!(
        kind(s.webhooks.dispatch(&wrong_password.body, &wrong_password.headers)),
        ErrorKind::AuthenticationFailed
    );
}

#[test]
fn stale_and_future_timestamps() {
    let s = setup();
    for at in [NOW - 301, NOW + 301, 0, -1, i64::MIN, i64::MAX] {
        let r = Signer::hmac(esg_scheme(), Secret::new("esg-secret"))
            .at(at)
            .sign(ESG_FINISH);
        let err = s.webhooks.dispatch(&r.body, &r.headers).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }),
            "{at}: {err}"
        );
        assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
    }
    let r = Signer::hmac(esg_scheme(), Secret::new("esg-secret"))
        .at(NOW - 300)
        .sign(ESG_FINISH);
    assert!(s.webhooks.dispatch(&r.body, &r.headers).is_ok());
}

#[test]
fn oversized_bodies_are_refused_before_anything_else() {
    let webhooks = Webhooks::builder()
        .signplus(signplus::Verifier::header_token(
            "x-signplus-token",
            Secret::new("sp-token"),
        ))
        .max_body_size(SIGNPLUS_COMPLETED.len())
        .build()
        .unwrap();
    let r = Signer::header_token("x-signplus-token", Secret::new("sp-token")).sign(SIGNPLUS_COMPLETED);
    assert!(webhooks.dispatch(&r.body, &r.headers).is_ok(), "exactly at the limit");
    let mut body = SIGNPLUS_COMPLETED.to_vec();
    body.push(b' ');
    // Not even authenticated: the size check comes first.
    let no_headers: [(&str, &str); 0] = [];
    let err = webhooks.dispatch(&body, &no_headers).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::PayloadTooLarge {
            size: body.len(),
            limit: SIGNPLUS_COMPLETED.len()
        }
    );
    assert_eq!(err.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let default = setup().webhooks;
    assert_eq!(default.max_body_size(), 1024 * 1024);
    let huge = vec![b' '; 1024 * 1024 + 1];
    assert!(matches!(
        kind(default.dispatch(&huge, &no_headers)),
        ErrorKind::PayloadTooLarge { .. }
    ));
}

#[test]
fn swapped_vendor_bodies_are_refused() {
    let s = setup();
    // A Sign.Plus-authenticated request carrying an eSignGlobal body.
    let r = s.signplus.sign(ESG_FINISH);
    let err = s.webhooks.dispatch(&r.body, &r.headers).unwrap_err();
    assert_eq!(
        err.kind(),
        &ErrorKind::VendorMismatch {
            by_headers: Vendor::SignPlus,
            by_body: Vendor::EsignGlobal
        }
    );
    // An eSignGlobal-signed request carrying a Constellation body.
    let r = s.esg.sign(CONSTELLATION_DECLINED);
    assert_eq!(
        kind(s.webhooks.dispatch(&r.body, &r.headers)),
        ErrorKind::VendorMismatch {
            by_headers: Vendor::EsignGlobal,
            by_body: Vendor::Constellation
        }
    );
    // Constellation credentials on a Sign.Plus body: the Basic credentials name Constellation1.
    let r = s.constellation.sign(SIGNPLUS_COMPLETED);
    assert_eq!(
        kind(s.webhooks.dispatch(&r.body, &r.headers)),
        ErrorKind::VendorMismatch {
            by_headers: Vendor::Constellation,
            by_body: Vendor::SignPlus
        }
    );
    // A Sign.Plus body with no credentials at all: the shape says Sign.Plus, whose token is missing.
    let no_headers: [(&str, &str); 0] = [];
    assert!(matches!(
        kind(s.webhooks.dispatch(SIGNPLUS_COMPLETED, &no_headers)),
        ErrorKind::MissingHeader { .. }
    ));
    // A valid signature made with another vendor's secret.
    let r = Signer::hmac(esg_scheme(), Secret::new("sp-token"))
        .at(NOW)
        .sign(ESG_FINISH);
    assert_eq!(
        kind(s.webhooks.dispatch(&r.body, &r.headers)),
        ErrorKind::AuthenticationFailed
    );
}

#[test]
fn unconfigured_unrecognised_and_ambiguous() {
    let only_signplus = Webhooks::builder()
        .signplus(signplus::Verifier::header_token(
            "x-signplus-token",
            Secret::new("sp-token"),
        ))
        .build()
        .unwrap();
    let no_headers: [(&str, &str); 0] = [];
    assert_eq!(
        kind(only_signplus.dispatch(CONSTELLATION_DECLINED, &no_headers)),
        ErrorKind::VendorNotConfigured {
            vendor: Vendor::Constellation
        }
    );
    assert_eq!(
        kind(only_signplus.dispatch(b"{\"hello\":1}", &no_headers)),
        ErrorKind::UnrecognizedVendor
    );
    assert_eq!(
        kind(only_signplus.dispatch(b"[]", &no_headers)),
        ErrorKind::UnrecognizedVendor
    );
    assert!(matches!(
        kind(only_signplus.dispatch(b"{\"hook\":", &no_headers)),
        ErrorKind::MalformedPayload { .. }
    ));
    let both = br#"{"hook":{"id":"1","event":"envelope_completed"},"event":"ENVELOPE_FINISH","eventPayload":{}}"#;
    assert!(matches!(
        kind(setup().webhooks.dispatch(both, &no_headers)),
        ErrorKind::AmbiguousVendor { .. }
    ));
}

#[test]
fn configuration_errors_at_build_time() {
    let err = Webhooks::builder().build().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let err = Webhooks::builder()
        .signplus(signplus::Verifier::header_token("x-token", Secret::new("")))
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    assert_eq!(err.vendor(), Some(Vendor::SignPlus));
    let err = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("k"), esg_scheme()).with_secret(Secret::new("")))
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    let err = Webhooks::builder()
        .ignisign(ignisign::Verifier::new("", ignisign::AppEnv::Production))
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
}

#[test]
fn blank_secrets_are_refused_at_build_time() {
    // A secret of white space only is a value pasted wrong (an unset template,
    // a stray newline), never a real key: refused like an empty one.
    for blank in ["   ", "\n", " \t\r\n "] {
        let results = [
            Webhooks::builder()
                .signplus(signplus::Verifier::header_token("x-token", Secret::new(blank)))
                .build(),
            Webhooks::builder()
                .docusign(esign_webhooks::docusign::Verifier::hmac([Secret::new(blank)]))
                .build(),
            Webhooks::builder()
                .dropboxsign(esign_webhooks::dropboxsign::Verifier::new(blank))
                .build(),
            Webhooks::builder()
                .signwell(esign_webhooks::signwell::Verifier::new(Secret::new(blank)))
                .build(),
            Webhooks::builder()
                .adobesign(esign_webhooks::adobesign::Verifier::client_ids([blank]))
                .build(),
        ];
        for result in results {
            let err = result.expect_err("a blank secret must be refused");
            assert!(matches!(err.kind(), ErrorKind::Configuration { .. }), "{err:?}");
            assert!(err.to_string().contains("blank"), "{err}");
        }
    }
    // A secret with white space around real content is kept verbatim.
    assert!(
        Webhooks::builder()
            .signplus(signplus::Verifier::header_token("x-token", Secret::new(" t0ken ")))
            .build()
            .is_ok()
    );
}

#[test]
fn ignisign_app_and_env_checks() {
    let s = setup();
    let no_headers: [(&str, &str); 0] = [];
    let other_app = String::from_utf8(IGNISIGN_SESSION.to_vec())
        .unwrap()
        .replace(APP_ID, "appId_other");
    let err = s.webhooks.dispatch(other_app.as_bytes(), &no_headers).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::RecipientMismatch { field: "appId" });
    assert_eq!(err.status(), StatusCode::FORBIDDEN);
    let other_env = String::from_utf8(IGNISIGN_SESSION.to_vec())
        .unwrap()
        .replace("DEVELOPMENT", "PRODUCTION");
    assert_eq!(
        kind(s.webhooks.dispatch(other_env.as_bytes(), &no_headers)),
        ErrorKind::RecipientMismatch { field: "appEnv" }
    );
}

#[test]
fn query_tokens_need_the_uri() {
    let webhooks = Webhooks::builder()
        .signplus(signplus::Verifier::query_token("token", Secret::new("url-secret")))
        .build()
        .unwrap();
    let uri: http::Uri = "/hooks/signplus?token=url-secret".parse().unwrap();
    let no_headers: [(&str, &str); 0] = [];
    let incoming = Incoming::new(SIGNPLUS_COMPLETED, &no_headers).with_uri(&uri);
    assert!(matches!(
        webhooks.dispatch_incoming(&incoming).unwrap(),
        Event::SignPlus(_)
    ));
    assert!(matches!(
        kind(webhooks.dispatch(SIGNPLUS_COMPLETED, &no_headers)),
        ErrorKind::MissingQueryParameter { .. }
    ));
    let uri: http::Uri = "/hooks/signplus?token=wrong".parse().unwrap();
    let incoming = Incoming::new(SIGNPLUS_COMPLETED, &no_headers).with_uri(&uri);
    assert_eq!(
        kind(webhooks.dispatch_incoming(&incoming)),
        ErrorKind::AuthenticationFailed
    );
}

#[test]
fn verify_then_queue_then_parse() {
    let s = setup();
    let r = s.esg.sign(ESG_FINISH);
    let verified = s.webhooks.verify(&r.body, &r.headers).unwrap().into_owned();
    assert_eq!(verified.vendor(), Vendor::EsignGlobal);
    assert_eq!(verified.body(), ESG_FINISH);
    let stored = verified.clone().into_bytes();
    assert!(matches!(
        verified.parse().unwrap(),
        Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))
    ));
    assert!(matches!(
        dangerous::parse_unverified(Vendor::EsignGlobal, &stored).unwrap(),
        Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))
    ));
    // A verified body whose payload no longer parses is still verified: the error comes at parse time.
    // The vendor's message with a value the model cannot read (below the top
    // level) is unreadable, a retryable 503 (issue 19); a broken top level is
    // the sender's 400.
    let broken = br#"{"event":"ENVELOPE_FINISH","eventPayload":{"envelopeId":42}}"#;
    let r = s.esg.sign(broken);
    let verified = s.webhooks.verify(&r.body, &r.headers).unwrap();
    let err = verified.parse().unwrap_err();
    match err.kind() {
        ErrorKind::Unreadable { path, .. } => assert_eq!(path, "$.eventPayload.envelopeId"),
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    let broken = br#"{"event":"ENVELOPE_FINISH","eventPayload":[]}"#;
    let r = s.esg.sign(broken);
    let err = s.webhooks.verify(&r.body, &r.headers).unwrap().parse().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err:?}");
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn errors_never_show_secrets() {
    let s = setup();
    let r = Signer::header_token("x-signplus-token", Secret::new("sp-token-almost")).sign(SIGNPLUS_COMPLETED);
    let err = s.webhooks.dispatch(&r.body, &r.headers).unwrap_err();
    for text in [format!("{err}"), format!("{err:?}"), format!("{:?}", s.webhooks)] {
        for secret in ["sp-token", "esg-secret", "c1-password"] {
            assert!(!text.contains(secret), "{text}");
        }
    }
}

#[test]
fn webhooks_is_shareable() {
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync::<Webhooks>();
    assert_eq!(
        setup().webhooks.vendors(),
        [
            Vendor::EsignGlobal,
            Vendor::Ignisign,
            Vendor::SignPlus,
            Vendor::Constellation
        ]
    );
}

#[test]
fn a_body_no_configured_vendor_claims_is_unrecognised() {
    // DocuSign-shaped: `event` and `data` are keys many vendors use, so they name nobody.
    let only_constellation = Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap();
    let docusign_shaped =
        br#"{"event":"envelope-completed","data":{"envelopeId":"93be49ab-0000-0000-0000-000000000000"}}"#;
    let no_headers: [(&str, &str); 0] = [];
    assert_eq!(
        kind(only_constellation.dispatch(docusign_shaped, &no_headers)),
        ErrorKind::UnrecognizedVendor
    );
    // Constellation1's own body is still told by its shape (and then lacks its token).
    assert!(matches!(
        kind(only_constellation.dispatch(CONSTELLATION_DECLINED, &no_headers)),
        ErrorKind::MissingHeader { .. }
    ));
}
