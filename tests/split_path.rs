//! The split path (verify now, parse later) reads exactly what `dispatch`
//! reads: the Dropbox Sign preamble attack of issue 17 through every way a
//! verified body can be parsed later, the request values kept beside the body
//! (Adobe's client id, PandaDoc's event id), the stored form, and Adobe's GET
//! verification of intent with a URL token or Basic credential.

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::dropboxsign::{self, EventType};
use esign_webhooks::testing::{SignedRequest, Signer};
use esign_webhooks::{
    ErrorKind, Event, Incoming, Secret, StoredBodyError, Vendor, VerifiedBody, Webhooks, adobesign, dangerous, pandadoc,
};

mod common;

use common::{fixture, root};

/// The fuzz targets' request format, shared so that this test and the
/// `split` fuzz target read the seeds the same way.
#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzz_lib;

const API_KEY: &str = "dropboxsign-api-key";

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .dropboxsign(dropboxsign::Verifier::new(API_KEY))
        .build()
        .unwrap()
}

fn dropbox(event: Event) -> dropboxsign::Event {
    match event {
        Event::DropboxSign(event) => event,
        other => panic!("not a Dropbox Sign event: {other:?}"),
    }
}

/// A complete multipart body with boundary `boundary` whose `json` field is
/// `json`, signed with nothing the receiver knows.
fn forged_multipart(boundary: &str, json: &str) -> Vec<u8> {
    format!("--{boundary}\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n{json}\r\n--{boundary}--\r\n")
        .into_bytes()
}

/// What an attacker wants: the request completed, at a time and for an id of their choosing.
const FORGED_JSON: &str = r#"{"event":{"event_time":"1999999999","event_type":"signature_request_all_signed","event_hash":"00","event_metadata":{}},"signature_request":{"signature_request_id":"attacker-chosen-id"}}"#;

/// One genuine callback, signed and captured: a signer viewed the request.
fn captured() -> SignedRequest {
    Signer::dropboxsign(API_KEY).multipart(&fixture("dropboxsign", "signature_request_viewed.json"))
}

/// The captured request's body behind a preamble that is a complete forged
/// multipart body with another boundary; the headers (the `Content-Type`
/// with the genuine boundary) unchanged.
fn preamble_attack(genuine: &SignedRequest) -> SignedRequest {
    let mut body = forged_multipart("forged", FORGED_JSON);
    body.extend_from_slice(&genuine.body);
    with_body(genuine, body)
}

/// The captured body inside a part of a forged multipart body: the
/// `Content-Type`'s boundary still finds the genuine `json` field.
fn nested_attack(genuine: &SignedRequest) -> SignedRequest {
    let mut body = b"--forged\r\nContent-Disposition: form-data; name=\"json\"\r\n\r\n".to_vec();
    body.extend_from_slice(FORGED_JSON.as_bytes());
    body.extend_from_slice(b"\r\n--forged\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n");
    body.extend_from_slice(&genuine.body);
    body.extend_from_slice(b"\r\n--forged--\r\n");
    with_body(genuine, body)
}

/// `request` (its headers) with another body.
fn with_body(request: &SignedRequest, body: Vec<u8>) -> SignedRequest {
    let mut request = request.clone();
    request.body = body;
    request
}

/// Every way of reading the request: the genuine event, or a refusal — never the forged one.
fn assert_genuine_or_refused(webhooks: &Webhooks, request: &SignedRequest, genuine: &dropboxsign::Event) {
    let check = |path: &str, event: Result<Event, esign_webhooks::Error>| {
        if let Ok(event) = event {
            let event = dropbox(event);
            assert_eq!(&event, genuine, "{path} gave another event");
            assert_eq!(event.kind(), &EventType::SignatureRequestViewed, "{path}");
        }
    };
    let dispatched = webhooks.dispatch(&request.body, &request.headers);
    assert!(dispatched.is_ok(), "the genuine part verifies: {dispatched:?}");
    check("dispatch", dispatched);

    let verified = webhooks.verify(&request.body, &request.headers).unwrap();
    assert_eq!(verified.body(), request.body.as_slice(), "body() keeps the raw bytes");
    check("verify + parse", verified.parse());
    assert!(verified.parse().is_ok());
    let owned = verified.clone().into_owned();
    check("verify + into_owned + parse", owned.parse());
    assert!(owned.parse().is_ok());

    let stored = VerifiedBody::from_trusted_store(&verified.to_stored()).unwrap();
    assert_eq!(stored, owned);
    check("stored round trip + parse", stored.parse());
    assert!(stored.parse().is_ok());

    let bytes = verified.clone().into_bytes();
    assert_eq!(bytes, verified.verified_part());
    assert!(bytes.starts_with(b"{"), "into_bytes gives the checked JSON");
    let unverified = dangerous::parse_unverified(Vendor::DropboxSign, &bytes);
    assert!(unverified.is_ok());
    check("into_bytes + parse_unverified", unverified);

    // The raw body without its header is ambiguous: it is refused, not read as the forged body.
    let raw = dangerous::parse_unverified(Vendor::DropboxSign, verified.body());
    assert!(
        matches!(
            raw.as_ref().map_err(|err| err.kind()),
            Err(ErrorKind::MalformedMultipart { .. })
        ),
        "{raw:?}"
    );
}

#[test]
fn the_preamble_attack_gives_the_genuine_event_on_every_path() {
    let webhooks = webhooks();
    let genuine_request = captured();
    let genuine = dropbox(
        webhooks
            .dispatch(&genuine_request.body, &genuine_request.headers)
            .unwrap(),
    );
    // Before the fix, the split path read the forged preamble: check it is a real alternative.
    assert_ne!(
        dropbox(dangerous::parse_unverified(Vendor::DropboxSign, &forged_multipart("f", FORGED_JSON)).unwrap()).kind(),
        genuine.kind()
    );
    assert_genuine_or_refused(&webhooks, &preamble_attack(&genuine_request), &genuine);
    assert_genuine_or_refused(&webhooks, &nested_attack(&genuine_request), &genuine);
}

#[test]
fn the_verified_part_is_the_json_field_found_with_the_header() {
    let webhooks = webhooks();
    let request = preamble_attack(&captured());
    let verified = webhooks.verify(&request.body, &request.headers).unwrap();
    let range = verified.verified_range();
    assert!(range.start > FORGED_JSON.len(), "{range:?} lies in the genuine body");
    assert_eq!(&request.body[range], verified.verified_part());
    assert!(!String::from_utf8_lossy(verified.verified_part()).contains("attacker-chosen-id"));
    // Debug shows the place, never the bytes.
    let shown = format!("{verified:?}");
    assert!(shown.contains("part") && !shown.contains("event_hash"), "{shown}");
}

#[test]
fn a_genuine_stored_multipart_body_still_reads_back_without_its_header() {
    let webhooks = webhooks();
    let request = captured();
    let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
    let raw = dangerous::parse_unverified(Vendor::DropboxSign, &request.body).unwrap();
    assert_eq!(dropbox(raw), dropbox(event));
}

#[test]
fn adobe_client_id_and_pandadoc_event_id_survive_the_split_path() {
    const CLIENT_ID: &str = "CBJCHBCAABAA-split-client";
    let webhooks = Webhooks::builder()
        .adobesign(adobesign::Verifier::client_ids(["other-app", CLIENT_ID]))
        .pandadoc(pandadoc::Verifier::new(Secret::new("pandadoc-shared-key")))
        .build()
        .unwrap();

    let adobe = fixture("adobesign", "agreement_created.json");
    let headers = [
        ("X-AdobeSign-ClientId", CLIENT_ID),
        ("Content-Type", "application/json"),
    ];
    let dispatched = webhooks.dispatch(&adobe, &headers).unwrap();
    let verified = webhooks.verify(&adobe, &headers).unwrap();
    let stored = VerifiedBody::from_trusted_store(&verified.to_stored()).unwrap();
    for (path, event) in [
        ("parse", verified.parse().unwrap()),
        ("stored", stored.parse().unwrap()),
    ] {
        assert_eq!(format!("{event:?}"), format!("{dispatched:?}"), "{path}");
        let Event::AdobeSign(event) = &event else { panic!() };
        assert_eq!(event.client_id(), Some(CLIENT_ID), "{path}");
        // The echo Adobe requires is the same.
        assert_eq!(
            Event::AdobeSign(event.clone()).success_response().headers()["x-adobesign-clientid"],
            CLIENT_ID
        );
    }
    assert!(
        !format!("{stored:?}").contains(CLIENT_ID),
        "the kept client id is not shown"
    );

    let body = fixture("pandadoc", "document_completed_pdf_ready.json");
    let signed = Signer::hmac(pandadoc::scheme(), Secret::new("pandadoc-shared-key")).sign(&body);
    let mut headers = signed.headers.clone();
    headers.push((
        "X-PandaDoc-Webhook-Event-Id".into(),
        "3b9e64a1-0b0c-4a55-9d33-5f3c2b1a0e9d".into(),
    ));
    let incoming = Incoming::new(&signed.body, &headers).with_query(signed.query.as_deref());
    let dispatched = webhooks.dispatch_incoming(&incoming).unwrap();
    let verified = webhooks.verify_incoming(&incoming).unwrap();
    let stored = VerifiedBody::from_trusted_store(&verified.to_stored()).unwrap();
    for (path, event) in [
        ("parse", verified.parse().unwrap()),
        ("stored", stored.parse().unwrap()),
    ] {
        assert_eq!(DedupKey::of(&event), DedupKey::of(&dispatched), "{path}");
        let Event::PandaDoc(delivery) = &event else { panic!() };
        assert_eq!(
            delivery.event_id.as_deref(),
            Some("3b9e64a1-0b0c-4a55-9d33-5f3c2b1a0e9d"),
            "{path}"
        );
    }
}

#[test]
fn the_stored_form_refuses_what_it_did_not_write() {
    let webhooks = webhooks();
    let request = captured();
    let stored = webhooks.verify(&request.body, &request.headers).unwrap().to_stored();
    let reason = |bytes: &[u8]| match VerifiedBody::from_trusted_store(bytes).unwrap_err().kind() {
        ErrorKind::MalformedStoredBody { reason } => *reason,
        other => panic!("{other:?}"),
    };
    assert_eq!(reason(&request.body), StoredBodyError::NotStored);
    assert_eq!(reason(&stored[..stored.len() - 1]), StoredBodyError::Truncated);
    let mut newer = stored.clone();
    newer[4] = 2;
    assert_eq!(reason(&newer), StoredBodyError::UnsupportedVersion { version: 2 });
    let mut unknown = stored.clone();
    unknown[6..17].copy_from_slice(b"nosuchvndor");
    assert_eq!(reason(&unknown), StoredBodyError::UnknownVendor);
}

/// What the `split` fuzz target checks, on every committed seed of
/// `dispatch` and `split` (every vendor's fixtures, signed for the
/// all-vendor configuration): `dispatch` and the split path agree.
#[test]
fn every_fuzz_seed_gives_the_same_answer_on_both_paths() {
    let webhooks = esign_webhooks::testing::demo::webhooks();
    let mut accepted = 0;
    let mut seeds = 0;
    for dir in ["fuzz/seeds/dispatch", "fuzz/seeds/split"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            let request = fuzz_lib::Request::decode(&data);
            let incoming = Incoming::new(request.body, &request.headers).with_query(request.query.as_deref());
            let name = path.display();
            seeds += 1;
            let dispatched = webhooks.dispatch_verified(&incoming);
            let verified = webhooks.verify_incoming(&incoming);
            let (event, proof, body) = match (dispatched, verified) {
                (Ok((event, proof)), Ok(body)) => (event, proof, body),
                (Err(_), Ok(body)) => {
                    assert!(
                        body.parse().is_err(),
                        "{name}: dispatch refused what verify + parse accepts"
                    );
                    continue;
                }
                (Ok(_), Err(err)) => panic!("{name}: dispatch accepted what verify refuses: {err}"),
                (Err(_), Err(_)) => continue,
            };
            accepted += 1;
            assert_eq!(&proof, body.verified(), "{name}");
            let stored = VerifiedBody::from_trusted_store(&body.to_stored()).unwrap();
            for (path, split) in [
                ("verify + parse", body.parse()),
                ("into_owned + parse", body.clone().into_owned().parse()),
                ("stored + parse", stored.parse()),
            ] {
                let split = split.unwrap_or_else(|err| panic!("{name}: {path} refused: {err}"));
                assert_eq!(format!("{split:?}"), format!("{event:?}"), "{name}: {path}");
                assert_eq!(DedupKey::of(&split), DedupKey::of(&event), "{name}: {path}");
            }
        }
    }
    // Most seeds are signed for the configuration (Ignisign's and SignWell's are not all accepted).
    assert!(
        seeds > 300 && accepted * 4 > seeds * 3,
        "{accepted} of {seeds} accepted"
    );
}

mod adobe_intent {
    use super::*;

    const CLIENT_ID: &str = "CBJCHBCAABAA-intent";

    fn get(uri: &str, headers: &[(&str, &str)]) -> http::Request<Vec<u8>> {
        let mut builder = http::Request::get(uri).header("X-AdobeSign-ClientId", CLIENT_ID);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Vec::new()).unwrap()
    }

    fn status(webhooks: &Webhooks, request: &http::Request<Vec<u8>>) -> Option<u16> {
        webhooks
            .intent_response_incoming(&Incoming::from_request(request))
            .map(|response| response.status().as_u16())
    }

    #[test]
    fn a_query_token_is_checked_on_the_get_too() {
        let webhooks = Webhooks::builder()
            .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]).with_query_token("token", Secret::new("url-t0ken")))
            .build()
            .unwrap();
        let good = get("/hooks/adobe?token=url-t0ken", &[]);
        let response = webhooks
            .intent_response_incoming(&Incoming::from_request(&good))
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["x-adobesign-clientid"], CLIENT_ID);
        assert_eq!(status(&webhooks, &get("/hooks/adobe?token=wrong", &[])), Some(401));
        assert_eq!(status(&webhooks, &get("/hooks/adobe", &[])), Some(401));
        // The headers-only call cannot see the query: it never answers 200.
        assert_eq!(webhooks.intent_response(good.headers()).unwrap().status(), 401);
        // Not Adobe's GET: no answer.
        let other = http::Request::get("/hooks/adobe?token=url-t0ken")
            .body(Vec::new())
            .unwrap();
        assert!(
            webhooks
                .intent_response_incoming(&Incoming::from_request(&other))
                .is_none()
        );
    }

    #[test]
    fn a_basic_credential_is_checked_by_both_calls() {
        let webhooks = Webhooks::builder()
            .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]).with_basic_auth("adobe", Secret::new("pa55")))
            .build()
            .unwrap();
        // "adobe:pa55" and "adobe:wrong" in Base64.
        let good = get("/hooks/adobe", &[("Authorization", "Basic YWRvYmU6cGE1NQ==")]);
        let bad = get("/hooks/adobe", &[("Authorization", "Basic YWRvYmU6d3Jvbmc=")]);
        let none = get("/hooks/adobe", &[]);
        assert_eq!(status(&webhooks, &good), Some(200));
        assert_eq!(status(&webhooks, &bad), Some(401));
        assert_eq!(status(&webhooks, &none), Some(401));
        let by_headers = |request: &http::Request<Vec<u8>>| {
            webhooks
                .intent_response(request.headers())
                .map(|response| response.status().as_u16())
        };
        assert_eq!(by_headers(&good), Some(200));
        assert_eq!(by_headers(&bad), Some(401));
        assert_eq!(by_headers(&none), Some(401));
    }

    #[test]
    fn without_a_url_credential_the_client_id_decides() {
        let webhooks = Webhooks::builder()
            .adobesign(adobesign::Verifier::client_ids([CLIENT_ID]))
            .build()
            .unwrap();
        assert_eq!(status(&webhooks, &get("/hooks/adobe", &[])), Some(200));
        let stranger = http::Request::get("/hooks/adobe")
            .header("X-AdobeSign-ClientId", "someone-else")
            .body(Vec::new())
            .unwrap();
        assert_eq!(status(&webhooks, &stranger), Some(401));
        assert_eq!(webhooks.intent_response(get("/", &[]).headers()).unwrap().status(), 200);
    }
}

#[cfg(feature = "axum")]
mod axum_extractor {
    use axum::body::Body;
    use axum::extract::FromRequest;
    use esign_webhooks::integrations::axum::VerifiedBytes;

    use super::*;

    #[tokio::test]
    async fn verified_bytes_parses_the_genuine_part() {
        let webhooks = webhooks();
        let genuine_request = captured();
        let genuine = dropbox(
            webhooks
                .dispatch(&genuine_request.body, &genuine_request.headers)
                .unwrap(),
        );
        for attack in [preamble_attack(&genuine_request), nested_attack(&genuine_request)] {
            let mut builder = http::Request::post("/hooks/dropboxsign");
            for (name, value) in &attack.headers {
                builder = builder.header(name.as_str(), value.as_str());
            }
            let request = builder.body(Body::from(attack.body.clone())).unwrap();
            let VerifiedBytes(verified) = VerifiedBytes::from_request(request, &webhooks).await.unwrap();
            assert_eq!(verified.body(), attack.body.as_slice());
            assert_eq!(dropbox(verified.parse().unwrap()), genuine);
            let stored = VerifiedBody::from_trusted_store(&verified.to_stored()).unwrap();
            assert_eq!(dropbox(stored.parse().unwrap()), genuine);
        }
    }
}
