//! No verified event lost to the model (issue 19, item 3): a signed DocuSign
//! message shaped like DocuSign's schema sample (an empty
//! `generatedDateTime`), with one deep boolean holding an unexpected string,
//! reaches `on_unreadable` and gets a 2xx; without that handler `dispatch`
//! and `handle` answer a retryable 503. What is not the vendor's message
//! stays a 400, and what is not authentic stays a 401.

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::{AsyncDeduplicator, Deduplicator};
use esign_webhooks::testing::{SignedRequest, Signer};
use esign_webhooks::{
    AsyncHandlers, ErrorKind, Fault, HandlerError, Handlers, Secret, Unreadable, Vendor, Webhooks, docusign,
};
use http::StatusCode;

const SECRET: &str = "docusign-connect-key";
const COMPLETED: &str = include_str!("fixtures/docusign/envelope_completed.json");

/// The completed message as DocuSign's sample has it (`generatedDateTime`
/// empty), with `envelopeSummary.allowMarkup` holding a string that is no
/// boolean.
fn unreadable_body() -> Vec<u8> {
    let body = COMPLETED
        .replacen(r#""allowMarkup": "false""#, r#""allowMarkup": "not applicable""#, 1)
        .replacen(
            r#""generatedDateTime": "2025-05-30T18:03:50.4233752Z""#,
            r#""generatedDateTime": """#,
            1,
        );
    assert_ne!(body, COMPLETED, "the fixture changed: the test no longer alters it");
    body.into_bytes()
}

fn signed(body: &[u8]) -> SignedRequest {
    Signer::hmac(docusign::scheme(), Secret::new(SECRET)).sign(body)
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .docusign(docusign::Verifier::hmac([Secret::new(SECRET)]))
        .build()
        .unwrap()
}

/// Blocking handlers whose `on_unreadable` records what it received, and an
/// `on_any` that must never run for an unreadable delivery.
/// What `on_unreadable` received: vendor, verified bytes, the error's kind and path.
type Seen = Arc<Mutex<Vec<(Vendor, Vec<u8>, String)>>>;

fn recording(seen: &Seen, fail: bool) -> Handlers {
    let mut handlers = Handlers::new();
    handlers.on_any(|_| panic!("an unreadable delivery is not an event"));
    let seen = seen.clone();
    handlers.on_unreadable(move |u: &Unreadable| {
        seen.lock()
            .unwrap()
            .push((u.vendor(), u.body().to_vec(), u.error().kind_name_for_test()));
        if fail {
            Err(HandlerError::msg("store down"))
        } else {
            Ok(())
        }
    });
    handlers
}

trait KindName {
    fn kind_name_for_test(&self) -> String;
}

impl KindName for esign_webhooks::Error {
    fn kind_name_for_test(&self) -> String {
        match self.kind() {
            ErrorKind::Unreadable { path, .. } => format!("Unreadable at {path}"),
            other => format!("{other:?}"),
        }
    }
}

#[test]
fn without_a_handler_dispatch_and_handle_answer_a_retryable_503() {
    let webhooks = webhooks();
    let request = signed(&unreadable_body());
    let err = webhooks.dispatch(&request.body, &request.headers).unwrap_err();
    match err.kind() {
        ErrorKind::Unreadable { path, .. } => assert_eq!(path, "$.data.envelopeSummary.allowMarkup"),
        other => panic!("{other:?}"),
    }
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(err.fault(), Fault::Model);
    assert_eq!(err.vendor(), Some(Vendor::DocuSign));
    let err = webhooks
        .handle(&Handlers::new(), &request.body, &request.headers)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Unreadable { .. }), "{err:?}");
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let err = runtime
        .block_on(webhooks.handle_async(&AsyncHandlers::new(), &request.body, &request.headers))
        .unwrap_err();
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE);
    // The split path too: verified now, unreadable when parsed.
    let verified = webhooks.verify(&request.body, &request.headers).unwrap();
    assert_eq!(verified.parse().unwrap_err().status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn on_unreadable_receives_the_verified_bytes_and_the_vendor_gets_200() {
    let webhooks = webhooks();
    let body = unreadable_body();
    let request = signed(&body);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let handlers = recording(&seen, false);
    let report = webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    assert_eq!(report.vendor(), Vendor::DocuSign);
    assert_eq!(report.ran().len(), 1);
    assert!(report.failures().is_empty());
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].0, Vendor::DocuSign);
    assert_eq!(seen[0].1, body);
    assert_eq!(seen[0].2, "Unreadable at $.data.envelopeSummary.allowMarkup");
}

#[test]
fn a_failing_on_unreadable_asks_for_a_retry_and_the_retry_runs_again() {
    let webhooks = webhooks();
    let request = signed(&unreadable_body());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut failing = recording(&seen, true);
    failing.deduplicate_with(Deduplicator::in_memory());
    let report = webhooks.handle(&failing, &request.body, &request.headers).unwrap();
    assert_eq!(report.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(report.failures().len(), 1);
    // The claim was released: the retry runs the callback again.
    let report = webhooks.handle(&failing, &request.body, &request.headers).unwrap();
    assert_eq!(report.failures().len(), 1);
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[test]
fn a_handled_unreadable_delivery_is_deduplicated_by_its_verified_bytes() {
    let webhooks = webhooks();
    let body = unreadable_body();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = recording(&seen, false);
    handlers.deduplicate_with(Deduplicator::in_memory());
    let first = signed(&body);
    assert_eq!(
        webhooks
            .handle(&handlers, &first.body, &first.headers)
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let again = webhooks.handle(&handlers, &first.body, &first.headers).unwrap();
    assert!(again.is_duplicate());
    assert_eq!(again.status(), StatusCode::OK);
    // Other verified bytes are another delivery.
    let other = signed(
        &unreadable_body()
            .iter()
            .map(|b| if *b == b'7' { b'8' } else { *b })
            .collect::<Vec<u8>>(),
    );
    assert!(
        !webhooks
            .handle(&handlers, &other.body, &other.headers)
            .unwrap()
            .is_duplicate()
    );
    assert_eq!(seen.lock().unwrap().len(), 2);
}

#[test]
fn async_on_unreadable_gets_the_delivery_by_value() {
    let webhooks = webhooks();
    let body = unreadable_body();
    let request = signed(&body);
    let seen = Arc::new(Mutex::new(Vec::<Vec<u8>>::new()));
    let mut handlers = AsyncHandlers::new();
    handlers.on_any(|_| async { panic!("an unreadable delivery is not an event") });
    let s = seen.clone();
    handlers.on_unreadable(move |u: Unreadable| {
        let s = s.clone();
        async move {
            s.lock().unwrap().push(u.body().to_vec());
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::in_memory());
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let report = runtime
        .block_on(webhooks.handle_async(&handlers, &request.body, &request.headers))
        .unwrap();
    assert_eq!(report.status(), StatusCode::OK);
    let again = runtime
        .block_on(webhooks.handle_async(&handlers, &request.body, &request.headers))
        .unwrap();
    assert!(again.is_duplicate());
    assert_eq!(*seen.lock().unwrap(), vec![body]);
}

#[test]
fn what_is_not_the_vendors_message_or_not_authentic_is_never_unreadable() {
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let handlers = recording(&seen, false);
    let not_json = b"{\"event\": \"envelope-completed\", ".to_vec();
    // What identifies the event (the top level) holds the wrong type.
    let top_level = COMPLETED
        .replacen(r#""event": "envelope-completed""#, r#""event": 7"#, 1)
        .into_bytes();
    // No DocuSign top-level form: not DocuSign's message.
    let foreign = br#"{"event": "envelope-completed", "data": {"envelopeSummary": {"allowMarkup": "x"}}}"#.to_vec();
    for body in [not_json, top_level, foreign] {
        let request = signed(&body);
        let err = webhooks.handle(&handlers, &request.body, &request.headers).unwrap_err();
        assert!(
            !matches!(err.kind(), ErrorKind::Unreadable { .. }),
            "{}: {err:?}",
            String::from_utf8_lossy(&body)
        );
        assert!(err.status().is_client_error(), "{err:?}");
    }
    // Unsigned (or wrongly signed): unauthenticated, never handed over.
    let forged = signed(&unreadable_body()).set_header("X-DocuSign-Signature-1", "AAAA");
    let err = webhooks.handle(&handlers, &forged.body, &forged.headers).unwrap_err();
    assert!(err.is_authentication(), "{err:?}");
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn unreadable_debug_never_shows_the_body() {
    let webhooks = webhooks();
    let request = signed(&unreadable_body());
    let seen = Arc::new(Mutex::new(String::new()));
    let mut handlers = Handlers::new();
    let s = seen.clone();
    handlers.on_unreadable(move |u| {
        *s.lock().unwrap() = format!("{u:?}");
        Ok(())
    });
    webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
    let debug = seen.lock().unwrap();
    assert!(debug.contains("body_len"), "{debug}");
    assert!(!debug.contains("Ada Sender"), "{debug}");
}

/// Ignisign is authenticated only by its token's confirmation, after the
/// parse: a body of its that the model cannot read was never authenticated,
/// so it stays the sender's 400 and never reaches `on_unreadable`.
#[test]
fn a_vendor_authenticated_after_the_parse_never_has_unreadable_deliveries() {
    const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
    let webhooks = Webhooks::builder()
        .ignisign(esign_webhooks::ignisign::Verifier::new(
            APP_ID,
            esign_webhooks::ignisign::AppEnv::Development,
        ))
        .build()
        .unwrap();
    let body = include_str!("fixtures/ignisign/signature_request_launched.json").replacen(
        r#""signersBySide": []"#,
        r#""signersBySide": "none""#,
        1,
    );
    assert!(body.contains(r#""signersBySide": "none""#), "the fixture changed");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let handlers = recording(&seen, false);
    let err = webhooks
        .handle(&handlers, body.as_bytes(), &[("content-type", "application/json")])
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::MalformedPayload { .. }), "{err:?}");
    assert!(seen.lock().unwrap().is_empty());
}
