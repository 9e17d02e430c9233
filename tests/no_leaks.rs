//! No secret leaks: every public type that holds a secret, formatted with
//! `{:?}` (and `{}` where implemented), and an error of every kind produced
//! with secrets configured, never show the secret text, nor a token or
//! password a request presented.

use esign_webhooks::dedup::{ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, MemoryStore, StoreError};
use esign_webhooks::ignisign::ApiKey;
use esign_webhooks::registry::TransportError;
use esign_webhooks::testing::{Signer, TokenOutcome, demo, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, Verifier};
use esign_webhooks::{
    AsyncHandlers, Error, ErrorKind, Event, FixedClock, Handlers, Incoming, Secret, Vendor, Webhooks, constellation,
    dangerous, esignglobal, ignisign, signplus,
};

/// Every secret configured below: distinct, greppable texts.
const SECRETS: [&str; 6] = [
    "ESG-HMAC-SECRET-7f3a",
    "ESG-OLD-SECRET-91c2",
    "SP-URL-TOKEN-55d0",
    "C1-BASIC-PASSWORD-e8b4",
    "sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_IGNISIGN-API-SECRET-0a9f",
    "REDIS-PASSWORD-4411",
];
/// What the Ignisign fixture's token is (a single-use credential).
const IGNISIGN_TOKEN: &str = "f4c2d99087502c67b05a8a4f2f95addb0d45bf4b10017a64b09a84d8e64b1656";
/// Near misses a request presents: must not be echoed either.
const PRESENTED: [&str; 3] = ["PRESENTED-TOKEN-3c3c", "PRESENTED-PASSWORD-d1d1", "IGNISIGN-API-SECRET"];

const ESG_FINISH: &[u8] = include_bytes!("fixtures/esignglobal/envelope_finish.json");
const IGNISIGN_LAUNCHED: &[u8] = include_bytes!("fixtures/ignisign/signature_request_launched.json");
const SIGNPLUS_TRAIL: &[u8] = include_bytes!("fixtures/signplus/audit_trail_signed.json");
const CONSTELLATION_SESSION: &[u8] = include_bytes!("fixtures/constellation/session_completed_camel.json");
const NOW: i64 = 1_735_689_600;

fn assert_clean(what: &str, text: &str) {
    for secret in SECRETS.iter().chain(&PRESENTED).chain(&[IGNISIGN_TOKEN]) {
        assert!(!text.contains(secret), "{what} shows {secret}: {text}");
    }
    // The secret part of the Ignisign key alone, too.
    assert!(!text.contains("0a9f"), "{what}: {text}");
}

fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

fn api_key() -> ApiKey {
    ApiKey::new(Secret::new(SECRETS[4]))
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new(SECRETS[0]), scheme()).with_secret(Secret::new(SECRETS[1])))
        .ignisign(ignisign::Verifier::from_api_key(&api_key()).unwrap())
        .signplus(signplus::Verifier::query_token("token", Secret::new(SECRETS[2])))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new(SECRETS[3])))
        .clock(FixedClock(NOW))
        .max_body_size(64 * 1024)
        .build()
        .unwrap()
}

#[test]
fn types_holding_a_secret_are_redacted() {
    let secret = Secret::new(SECRETS[0]);
    let mut shown = vec![
        ("Secret", format!("{secret:?} {secret}")),
        (
            "Secret::from_base64",
            format!("{:?}", Secret::from_base64("RVNHLUhNQUMtU0VDUkVULTdmM2E=").unwrap()),
        ),
        ("ApiKey", format!("{:?}", api_key())),
        ("Webhooks", format!("{:?}", webhooks())),
        (
            "WebhooksBuilder",
            format!(
                "{:?}",
                Webhooks::builder().signplus(signplus::Verifier::header_token("x", Secret::new(SECRETS[2])))
            ),
        ),
        (
            "Signer",
            format!("{:?}", Signer::basic_auth("esign", Secret::new(SECRETS[3]))),
        ),
        (
            "Signer hmac",
            format!("{:?}", Signer::hmac(scheme(), Secret::new(SECRETS[0]))),
        ),
    ];
    for verifier in [
        Verifier::hmac(scheme(), Secret::new(SECRETS[0])).with_secret(Secret::new(SECRETS[1])),
        Verifier::header_token("x-token", Secret::new(SECRETS[2])),
        Verifier::basic_auth("esign", Secret::new(SECRETS[3])),
        Verifier::query_token("token", Secret::new(SECRETS[2])),
    ] {
        shown.push(("verify::Verifier", format!("{verifier:?}")));
        shown.push((
            "esignglobal::Verifier",
            format!("{:?}", esignglobal::Verifier::from_engine(verifier.clone())),
        ));
        shown.push((
            "signplus::Verifier",
            format!("{:?}", signplus::Verifier::from_engine(verifier.clone())),
        ));
        shown.push((
            "constellation::Verifier",
            format!("{:?}", constellation::Verifier::from_engine(verifier)),
        ));
    }
    // Handlers with a token transport (and its API key), blocking and async.
    let mut handlers = Handlers::new();
    handlers.confirm_ignisign_with(api_key(), |_request: http::Request<Vec<u8>>| {
        Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid))
    });
    handlers.deduplicate_with(Deduplicator::in_memory());
    shown.push(("Handlers", format!("{handlers:?}")));
    let mut async_handlers = AsyncHandlers::new();
    async_handlers.confirm_ignisign_with(api_key(), |_request: http::Request<Vec<u8>>| async move {
        Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid))
    });
    shown.push(("AsyncHandlers", format!("{async_handlers:?}")));
    // An Ignisign delivery (its token), the token-check request (the API key in Authorization).
    let Event::Ignisign(delivery) = webhooks().dispatch(IGNISIGN_LAUNCHED, &[("x", "y")]).unwrap() else {
        panic!("an Ignisign delivery")
    };
    shown.push(("Delivery", format!("{delivery:?}")));
    shown.push((
        "Event",
        format!("{:?}", webhooks().dispatch(IGNISIGN_LAUNCHED, &[("x", "y")]).unwrap()),
    ));
    shown.push((
        "DedupKey",
        format!("{:?} {}", delivery.dedup_key(), delivery.dedup_key()),
    ));
    let request = delivery.token_check_request(&api_key()).unwrap();
    shown.push(("token check request headers", format!("{:?}", request.headers())));
    assert!(
        String::from_utf8_lossy(request.body()).contains(IGNISIGN_TOKEN),
        "the token goes to Ignisign only"
    );
    #[cfg(feature = "redis")]
    {
        let store =
            esign_webhooks::dedup::RedisStore::open(&format!("rediss://app:{}@127.0.0.1:1/0", SECRETS[5])).unwrap();
        shown.push(("RedisStore", format!("{store:?}")));
        shown.push(("Deduplicator(RedisStore)", format!("{:?}", Deduplicator::new(store))));
    }
    for (what, text) in &shown {
        assert_clean(what, text);
    }
    assert!(
        shown.iter().any(|(_, text)| text.contains("REDACTED")),
        "redaction is visible"
    );
}

/// A store that always fails, with an error of its own (which names no secret).
#[derive(Debug)]
struct Down;

impl DedupStore for Down {
    fn claim(&self, _: &DedupKey, _: ClaimToken, _: std::time::Duration) -> Result<ClaimOutcome, StoreError> {
        Err("connection refused".into())
    }
    fn complete(&self, _: &DedupKey, _: ClaimToken, _: std::time::Duration) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }
    fn release(&self, _: &DedupKey, _: ClaimToken) -> Result<bool, StoreError> {
        Err("connection refused".into())
    }
}

#[test]
fn no_error_kind_shows_a_secret_or_what_was_presented() {
    let w = webhooks();
    let esg = Signer::hmac(scheme(), Secret::new(SECRETS[0])).at(NOW);
    let presented_token = Signer::query_token("token", Secret::new(PRESENTED[0]));
    let presented_password = Signer::basic_auth("esign", Secret::new(PRESENTED[1]));
    let mut errors: Vec<Error> = Vec::new();
    fn push(errors: &mut Vec<Error>, result: Result<Event, Error>) {
        errors.push(result.expect_err("an error"));
    }

    // Configuration (empty secret), at build time.
    errors.push(
        Webhooks::builder()
            .signplus(signplus::Verifier::header_token(SECRETS[2], Secret::new("")))
            .build()
            .unwrap_err(),
    );
    // MissingHeader, DuplicateHeader, MalformedHeader.
    push(
        &mut errors,
        w.dispatch(ESG_FINISH, &[("content-type", "application/json")]),
    );
    let signed = esg.sign(ESG_FINISH);
    let mut doubled = signed.headers.clone();
    doubled.push(signed.headers[0].clone());
    push(&mut errors, w.dispatch(ESG_FINISH, &doubled));
    push(
        &mut errors,
        w.dispatch(
            ESG_FINISH,
            &[("x-esg-signature", format!("t={NOW},v1={}", PRESENTED[0]))],
        ),
    );
    // MissingQueryParameter, MalformedQuery, AuthenticationFailed (query and Basic).
    push(
        &mut errors,
        w.dispatch(SIGNPLUS_TRAIL, &[("content-type", "application/json")]),
    );
    let query = format!("token={}&token={}", PRESENTED[0], PRESENTED[0]);
    push(
        &mut errors,
        w.dispatch_incoming(&Incoming::new(SIGNPLUS_TRAIL, &[("a", "b")]).with_query(Some(&query))),
    );
    push(
        &mut errors,
        w.dispatch_incoming(&presented_token.sign(SIGNPLUS_TRAIL).incoming()),
    );
    push(
        &mut errors,
        w.dispatch_incoming(&presented_password.sign(CONSTELLATION_SESSION).incoming()),
    );
    push(
        &mut errors,
        w.dispatch(
            CONSTELLATION_SESSION,
            &[("authorization", format!("Basic {}", PRESENTED[1]))],
        ),
    );
    // TimestampOutOfTolerance, PayloadTooLarge, MalformedPayload (quoting a token-like value).
    let stale = Signer::hmac(scheme(), Secret::new(SECRETS[0]))
        .at(NOW - 10_000)
        .sign(ESG_FINISH);
    push(&mut errors, w.dispatch_incoming(&stale.incoming()));
    push(&mut errors, w.dispatch(&vec![b' '; 64 * 1024 + 1], &[("a", "b")]));
    let bad = format!(
        r#"{{"event":"ENVELOPE_FINISH","eventPayload":{{"envelopeId":"{}"}}"#,
        PRESENTED[0]
    );
    push(&mut errors, w.dispatch_incoming(&esg.sign(bad.as_bytes()).incoming()));
    // UnrecognizedVendor, AmbiguousVendor, VendorMismatch, VendorNotConfigured.
    push(&mut errors, w.dispatch(b"{}", &[("a", "b")]));
    push(
        &mut errors,
        w.dispatch(br#"{"hook":{},"event":"a","eventPayload":{}}"#, &[("a", "b")]),
    );
    push(&mut errors, w.dispatch_incoming(&esg.sign(SIGNPLUS_TRAIL).incoming()));
    let only_signplus = Webhooks::builder()
        .signplus(signplus::Verifier::query_token("token", Secret::new(SECRETS[2])))
        .build()
        .unwrap();
    push(
        &mut errors,
        only_signplus.dispatch(CONSTELLATION_SESSION, &[("a", "b")]),
    );
    // MissingField, RecipientMismatch.
    let no_token = String::from_utf8_lossy(IGNISIGN_LAUNCHED).replace(IGNISIGN_TOKEN, "");
    push(&mut errors, w.dispatch(no_token.as_bytes(), &[("a", "b")]));
    let other_env = String::from_utf8_lossy(IGNISIGN_LAUNCHED).replace("DEVELOPMENT", "PRODUCTION");
    push(&mut errors, w.dispatch(other_env.as_bytes(), &[("a", "b")]));
    // ConfirmationRejected with Ignisign echoing the token, ConfirmationFailed.
    let delivery = || match dangerous::parse_unverified(Vendor::Ignisign, IGNISIGN_LAUNCHED).unwrap() {
        Event::Ignisign(delivery) => delivery,
        _ => unreachable!(),
    };
    let echo = format!(r#"{{"isValid":false,"errorStr":"token {IGNISIGN_TOKEN} already used"}}"#);
    errors.push(delivery().confirm(http::Response::new(echo.into_bytes())).unwrap_err());
    errors.push(
        delivery()
            .confirm(ignisign_token_response(TokenOutcome::Unauthorized))
            .unwrap_err(),
    );
    let echo_500 = http::Response::builder()
        .status(500)
        .body(format!(r#"{{"errorCode":"{IGNISIGN_TOKEN}","key":"{}"}}"#, SECRETS[4]).into_bytes())
        .unwrap();
    errors.push(delivery().confirm(echo_500).unwrap_err());
    // A transport error through the registry, and a failing deduplication store.
    let mut handlers = Handlers::new();
    handlers.confirm_ignisign_with(api_key(), |_request: http::Request<Vec<u8>>| {
        Err::<http::Response<Vec<u8>>, TransportError>("network unreachable".into())
    });
    errors.push(w.handle(&handlers, IGNISIGN_LAUNCHED, &[("a", "b")]).unwrap_err());
    let mut handlers = Handlers::new();
    handlers.deduplicate_with(Deduplicator::new(Down));
    errors.push(
        w.handle_incoming(&handlers, &esg.sign(ESG_FINISH).incoming())
            .unwrap_err(),
    );

    let mut kinds = std::collections::BTreeSet::new();
    for err in &errors {
        assert_clean("error", &format!("{err} {err:?} {:?}", err.kind()));
        kinds.insert(
            format!("{:?}", err.kind())
                .split([' ', '{', '('])
                .next()
                .unwrap()
                .to_owned(),
        );
    }
    // Every kind the crate has today was produced at least once.
    let every = [
        "Configuration",
        "MissingHeader",
        "DuplicateHeader",
        "MalformedHeader",
        "MissingQueryParameter",
        "MalformedQuery",
        "AuthenticationFailed",
        "TimestampOutOfTolerance",
        "PayloadTooLarge",
        "MalformedPayload",
        "UnrecognizedVendor",
        "AmbiguousVendor",
        "VendorMismatch",
        "VendorNotConfigured",
        "MissingField",
        "RecipientMismatch",
        "ConfirmationRejected",
        "ConfirmationFailed",
        "DedupStore",
    ];
    for kind in every {
        assert!(kinds.contains(kind), "no {kind} error was produced: {kinds:?}");
    }
    assert!(matches!(errors.last().unwrap().kind(), ErrorKind::DedupStore { .. }));
}

#[test]
fn memory_store_and_keys_hold_digests_only() {
    let store = MemoryStore::new();
    let Event::Ignisign(delivery) = dangerous::parse_unverified(Vendor::Ignisign, IGNISIGN_LAUNCHED).unwrap() else {
        unreachable!()
    };
    store
        .claim(
            &delivery.dedup_key(),
            ClaimToken::new(),
            std::time::Duration::from_secs(60),
        )
        .unwrap();
    assert_clean("MemoryStore", &format!("{store:?}"));
}

/// The credential every vendor's verifier below is configured with, and the
/// one the requests present: distinct per vendor, greppable.
fn vendor_secret(slug: &str) -> String {
    format!("{slug}-CREDENTIAL-7e1d")
}

/// Every public type that holds request data, built with real credentials,
/// for every vendor: the all-vendors receiver of `testing::demo` (whose
/// `Debug` shows each verifier's) and its builder, the `Incoming` carrying a
/// vendor's credential (header, Basic, cookie and query), the events that
/// echo the registered URL (Sign.Plus `hook.target`, Adobe's
/// `webhookUrlInfo.url`) and a `VerifiedBody`.
#[test]
fn request_data_of_every_vendor_is_redacted() {
    let webhooks = format!("{:?}", demo::webhooks());
    // Not vacuous: every vendor's verifier is in the text checked.
    for vendor in Vendor::ALL {
        assert!(
            webhooks.contains(&format!("{}: Some(", vendor.slug())),
            "{vendor}: its verifier is not in the demo Webhooks: {webhooks}"
        );
    }
    let mut shown = vec![
        ("Webhooks", webhooks),
        ("WebhooksBuilder", format!("{:?}", demo::builder())),
    ];

    // The request of each vendor, as `Incoming`: the credential in every place
    // a scheme reads one (a token header, Basic, a cookie, a proxy, the query).
    for vendor in Vendor::ALL {
        let slug = vendor.to_string();
        let secret = vendor_secret(&slug);
        let basic = esign_webhooks::testing::Signer::basic_auth("esign", Secret::new(secret.clone()))
            .sign(b"{}")
            .headers;
        let mut headers = vec![
            ("X-Documenso-Secret".to_owned(), secret.clone()),
            ("X-AdobeSign-ClientId".to_owned(), secret.clone()),
            ("X-Webhook-Token".to_owned(), secret.clone()),
            ("Cookie".to_owned(), format!("session={secret}")),
            ("Proxy-Authorization".to_owned(), format!("Bearer {secret}")),
            ("Content-Type".to_owned(), "application/json".to_owned()),
        ];
        headers.extend(basic);
        let query = format!("token={secret}&signature={secret}");
        let incoming = Incoming::new(secret.as_bytes(), &headers).with_query(Some(&query));
        let text = format!("{incoming:?}");
        assert!(!text.contains(&secret), "{slug}: Incoming shows {secret}: {text}");
        assert!(
            !text.contains("ZXNpZ2"),
            "{slug}: Incoming shows the Basic credentials: {text}"
        );
        assert!(
            text.contains("application/json") && text.contains("token=[REDACTED]"),
            "{text}"
        );
    }

    // The events that echo the registered URL, token included.
    let url = format!("https://hooks.example.com/esign?token={}&v=1", SECRETS[2]);
    let mut trail: serde_json::Value = serde_json::from_slice(SIGNPLUS_TRAIL).unwrap();
    trail["hook"]["target"] = url.clone().into();
    let trail = serde_json::to_vec(&trail).unwrap();
    let event = dangerous::parse_unverified(Vendor::SignPlus, &trail).unwrap();
    let text = format!("{event:?}");
    assert!(
        text.contains("https://hooks.example.com/esign?token=[REDACTED]&v=[REDACTED]"),
        "{text}"
    );
    shown.push(("signplus::Event", text));
    let mut adobe: serde_json::Value =
        serde_json::from_slice(include_bytes!("fixtures/adobesign/agreement_action_completed.json")).unwrap();
    adobe["webhookUrlInfo"]["url"] = url.clone().into();
    let adobe = serde_json::to_vec(&adobe).unwrap();
    let event = dangerous::parse_unverified(Vendor::AdobeSign, &adobe).unwrap();
    let text = format!("{event:?}");
    assert!(
        text.contains("https://hooks.example.com/esign?token=[REDACTED]"),
        "{text}"
    );
    shown.push(("adobesign::Event", text));

    // A verified body carrying Ignisign's token.
    let verified = super_webhooks_verify(IGNISIGN_LAUNCHED);
    shown.push(("VerifiedBody", verified));

    for (what, text) in &shown {
        assert_clean(what, text);
        for vendor in Vendor::ALL {
            let secret = vendor_secret(&vendor.to_string());
            assert!(!text.contains(&secret), "{what} shows {secret}: {text}");
        }
        for secret in demo::all_secret_texts() {
            assert!(!text.contains(secret), "{what} shows {secret}: {text}");
        }
    }
}

/// `Webhooks::verify` of an Ignisign delivery, formatted.
fn super_webhooks_verify(body: &[u8]) -> String {
    let verified = webhooks()
        .verify(body, &[("content-type", "application/json")])
        .unwrap();
    format!("{verified:?}")
}
