//! One answer, every entry point: `Report::response()` is the whole answer
//! each vendor requires (status, headers, body) through `handle` and
//! `handle_async`, for a success, a duplicate, a copy in flight and a failed
//! callback; `Error::response()` is the status and its reason phrase only.
//! (axum, actix-web and tower send the same bytes: `tests/roundtrip.rs`.)

#[allow(unreachable_pub)]
#[path = "../examples/common/mod.rs"]
mod common;

use std::sync::{Arc, mpsc};

use common::{Config, Sample};
use esign_webhooks::dedup::{DEFAULT_LEASE, Deduplicator};
use esign_webhooks::testing::{TokenOutcome, ignisign_token_response};
use esign_webhooks::{HandlerError, Handlers, Vendor, Webhooks, dropboxsign, esignglobal, ignisign};
use http::{Response, StatusCode};

fn deliveries() -> Vec<Sample> {
    Config::demo()
        .samples()
        .into_iter()
        .filter(|sample| sample.expected_status == 200)
        .collect()
}

fn webhooks() -> Webhooks {
    Config::demo().webhooks().unwrap()
}

/// Blocking callbacks that all succeed, with Ignisign's token check answered
/// as Ignisign answers a valid token.
fn succeeding() -> Handlers {
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Ok(()));
    handlers.confirm_ignisign_with(
        ignisign::ApiKey::new(esign_webhooks::Secret::new("demo-api-key")),
        |_request: http::Request<Vec<u8>>| Ok(ignisign_token_response(TokenOutcome::Valid)),
    );
    handlers
}

fn header<'a>(response: &'a Response<Vec<u8>>, name: &str) -> Option<&'a str> {
    response.headers().get(name).map(|value| value.to_str().unwrap())
}

/// The answer each vendor documents as required, checked on its own terms.
fn assert_required_answer(sample: &Sample, response: &Response<Vec<u8>>) {
    let name = sample.name;
    assert_eq!(response.status(), StatusCode::OK, "{name}");
    match sample.vendor {
        Vendor::EsignGlobal => {
            assert_eq!(
                response.body().as_slice(),
                esignglobal::SUCCESS_RESPONSE.as_bytes(),
                "{name}"
            );
            assert_eq!(header(response, "content-type"), Some("application/json"), "{name}");
        }
        Vendor::DropboxSign => {
            assert_eq!(
                response.body().as_slice(),
                dropboxsign::SUCCESS_RESPONSE.as_bytes(),
                "{name}"
            );
            assert_eq!(header(response, "content-type"), Some("text/plain"), "{name}");
        }
        Vendor::AdobeSign => {
            let client_id = Config::demo().adobesign_client_id;
            assert_eq!(
                header(response, "x-adobesign-clientid"),
                Some(client_id.as_str()),
                "{name}"
            );
            let echoed: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
            assert_eq!(echoed, serde_json::json!({ "xAdobeSignClientId": client_id }), "{name}");
        }
        _ => assert!(response.body().is_empty(), "{name}"),
    }
}

/// Status, headers and body: what a vendor sees of an answer.
fn parts(response: Response<Vec<u8>>) -> (StatusCode, http::HeaderMap, Vec<u8>) {
    let (parts, body) = response.into_parts();
    (parts.status, parts.headers, body)
}

#[test]
fn every_vendor_gets_its_required_answer_through_handle() {
    let webhooks = webhooks();
    let handlers = succeeding();
    let samples = deliveries();
    assert_eq!(samples.len(), Vendor::ALL.len(), "one delivery per vendor");
    for sample in &samples {
        let report = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
        assert!(report.failures().is_empty(), "{}: {:?}", sample.name, report.failures());
        let response = report.response();
        assert_eq!(response.status(), report.status(), "{}", sample.name);
        assert_required_answer(sample, &response);
        // The very answer of the event's `success_response`.
        let event = webhooks.dispatch_incoming(&sample.incoming()).unwrap();
        assert_eq!(parts(response), parts(event.success_response()), "{}", sample.name);
    }
}

#[tokio::test]
async fn every_vendor_gets_its_required_answer_through_handle_async() {
    let config = Config::demo();
    let webhooks = webhooks();
    let handlers = config.handlers(Arc::new(|_line| {})).unwrap();
    for sample in &deliveries() {
        let report = webhooks
            .handle_incoming_async(&handlers, &sample.incoming())
            .await
            .unwrap();
        assert!(report.failures().is_empty(), "{}: {:?}", sample.name, report.failures());
        assert_required_answer(sample, &report.response());
    }
}

#[test]
fn a_duplicate_gets_the_same_required_answer() {
    let webhooks = webhooks();
    let mut handlers = succeeding();
    handlers.deduplicate_with(Deduplicator::in_memory());
    for sample in &deliveries() {
        let first = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
        let copy = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
        assert!(copy.is_duplicate(), "{}", sample.name);
        assert!(copy.ran().is_empty(), "{}", sample.name);
        // Adobe counts a duplicate without its echo as failed: the copy is answered in full.
        assert_required_answer(sample, &copy.response());
        assert_eq!(parts(copy.response()), parts(first.response()), "{}", sample.name);
    }
}

#[test]
fn a_failed_callback_answers_500_and_the_reason_phrase_only() {
    let webhooks = webhooks();
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Err(HandlerError::msg("database at 10.0.0.7 unavailable")));
    for sample in deliveries().iter().filter(|s| s.vendor != Vendor::Ignisign) {
        let report = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
        assert!(!report.failures().is_empty(), "{}", sample.name);
        let response = report.response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR, "{}", sample.name);
        assert_eq!(response.body().as_slice(), b"Internal Server Error", "{}", sample.name);
        // No success echo: Adobe must not count a failed delivery as received.
        assert_eq!(header(&response, "x-adobesign-clientid"), None, "{}", sample.name);
        assert_eq!(
            response.headers().keys().map(|k| k.as_str()).collect::<Vec<_>>(),
            ["content-type"],
            "{}",
            sample.name
        );
    }
}

#[test]
fn ignisign_keeps_its_success_answer_when_a_callback_fails() {
    // Its single-use token is spent: a retry could not be verified, so it gets 200 as its SDK answers.
    let webhooks = webhooks();
    let mut handlers = succeeding();
    handlers.on_any(|_| Err(HandlerError::msg("down")));
    let sample = deliveries().into_iter().find(|s| s.vendor == Vendor::Ignisign).unwrap();
    let report = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
    assert!(!report.failures().is_empty());
    assert_eq!(report.status(), StatusCode::OK);
    assert_required_answer(&sample, &report.response());
}

#[test]
fn a_copy_in_flight_answers_503_with_retry_after() {
    let webhooks = webhooks();
    let (entered_tx, entered_rx) = mpsc::channel::<()>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let go_rx = std::sync::Mutex::new(go_rx);
    let mut handlers = Handlers::new();
    handlers.on_any(move |_| {
        entered_tx.send(()).unwrap();
        go_rx.lock().unwrap().recv().unwrap();
        Ok(())
    });
    handlers.deduplicate_with(Deduplicator::in_memory());
    let handlers = Arc::new(handlers);
    let sample = deliveries()
        .into_iter()
        .find(|s| s.vendor == Vendor::DropboxSign)
        .unwrap();
    let first = {
        let (webhooks, handlers, sample) = (webhooks.clone(), Arc::clone(&handlers), sample.clone());
        std::thread::spawn(move || webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap())
    };
    entered_rx.recv().unwrap();
    let copy = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap();
    go_tx.send(()).unwrap();
    assert!(copy.is_in_flight());
    let response = copy.response();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.body().as_slice(), b"Service Unavailable");
    let seconds = DEFAULT_LEASE.as_secs().to_string();
    assert_eq!(header(&response, "retry-after"), Some(seconds.as_str()));
    // The first attempt, once done, answers in full.
    assert_required_answer(&sample, &first.join().unwrap().response());
}

#[test]
fn an_error_answers_its_status_and_reason_phrase_only() {
    let webhooks = webhooks();
    let handlers = succeeding();
    for sample in Config::demo().samples().iter().filter(|s| s.expected_status != 200) {
        let err = webhooks.handle_incoming(&handlers, &sample.incoming()).unwrap_err();
        let response = err.response();
        assert_eq!(response.status(), err.status(), "{}", sample.name);
        assert_eq!(response.status().as_u16(), sample.expected_status, "{}", sample.name);
        let reason = err.status().canonical_reason().unwrap();
        assert_eq!(response.body().as_slice(), reason.as_bytes(), "{}", sample.name);
        assert_eq!(
            header(&response, "content-type"),
            Some("text/plain; charset=utf-8"),
            "{}",
            sample.name
        );
        assert_eq!(response.headers().len(), 1, "{}", sample.name);
    }
}
