//! Setup handshakes (issue 19, item 2): BoldSign's `Verification`, DocuSeal's
//! and Zoho Sign's unsigned dashboard tests, Adobe's GET verification of
//! intent. Each is answered as its vendor expects through every entry point
//! (dispatch, dispatch_request, verify, handle, handle_async), never reaches a
//! callback and is never accepted as an event.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use esign_webhooks::testing::Signer;
use esign_webhooks::{
    AsyncHandlers, Error, ErrorKind, Event, FixedClock, Handlers, Secret, Webhooks, adobesign, boldsign, docuseal,
    zohosign,
};
use http::StatusCode;

const NOW: i64 = 1_700_000_000;
const BOLDSIGN_VERIFICATION: &[u8] = include_bytes!("fixtures/boldsign/verification.json");
const BOLDSIGN_SIGNED: &[u8] = include_bytes!("fixtures/boldsign/document_signed.json");
const DOCUSEAL_FORM_COMPLETED: &[u8] = include_bytes!("fixtures/docuseal/form_completed.json");
const ZOHO_SAMPLE: &[u8] = include_bytes!("fixtures/zohosign/vendor_sample.json");

fn webhooks(docuseal: docuseal::Verifier, zoho: zohosign::Verifier) -> Webhooks {
    Webhooks::builder()
        .boldsign(boldsign::Verifier::new(Secret::new("the-secret-configured-later")))
        .docuseal(docuseal)
        .zohosign(zoho)
        .adobesign(adobesign::Verifier::client_ids(["adobe-client"]))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn default_webhooks() -> Webhooks {
    webhooks(
        docuseal::Verifier::new(Secret::new("whsec_docuseal")),
        zohosign::Verifier::new(Secret::new("zoho-secret")),
    )
}

fn dangerous_webhooks() -> Webhooks {
    webhooks(
        docuseal::Verifier::new(Secret::new("whsec_docuseal")).dangerous_answer_unsigned_dashboard_test(),
        zohosign::Verifier::new(Secret::new("zoho-secret")).dangerous_answer_unsigned_dashboard_test(),
    )
}

/// Callbacks that count every run: `on_any`, `on_unhandled` and a vendor's own.
fn counting_handlers(count: &Arc<AtomicUsize>) -> (Handlers, AsyncHandlers) {
    let mut blocking = Handlers::new();
    let c = count.clone();
    blocking.on_any(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let c = count.clone();
    blocking.on_unhandled(move |_| {
        c.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let c = count.clone();
    blocking.boldsign().on(boldsign::EventType::ALL, move |_| {
        c.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let mut asynchronous = AsyncHandlers::new();
    let c = count.clone();
    asynchronous.on_any(move |_| {
        let c = c.clone();
        async move {
            c.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    });
    (blocking, asynchronous)
}

/// A request, through every entry point: each must give the same error.
fn every_entry_point(webhooks: &Webhooks, body: &[u8], headers: &[(&str, &str)]) -> Vec<Error> {
    let count = Arc::new(AtomicUsize::new(0));
    let (blocking, asynchronous) = counting_handlers(&count);
    let mut request = http::Request::post("/hooks");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body.to_vec()).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let errors = vec![
        webhooks.dispatch(body, headers).unwrap_err(),
        webhooks.dispatch_request(&request).unwrap_err(),
        webhooks.verify(body, headers).unwrap_err(),
        webhooks.handle(&blocking, body, headers).unwrap_err(),
        webhooks.handle_request(&blocking, &request).unwrap_err(),
        runtime
            .block_on(webhooks.handle_async(&asynchronous, body, headers))
            .unwrap_err(),
        runtime
            .block_on(webhooks.handle_request_async(&asynchronous, &request))
            .unwrap_err(),
    ];
    assert_eq!(count.load(Ordering::SeqCst), 0, "a callback ran for a setup request");
    errors
}

fn assert_answered_ok(errors: &[Error], vendor: esign_webhooks::Vendor) {
    for err in errors {
        assert!(
            matches!(err.kind(), ErrorKind::SetupRequest { vendor: v, .. } if *v == vendor),
            "{err:?}"
        );
        assert_eq!(err.vendor(), Some(vendor));
        assert_eq!(err.status(), StatusCode::OK);
        assert!(err.is_setup_request());
        let answer = err.setup_response().expect("a setup request carries its answer");
        assert_eq!(answer.status(), StatusCode::OK);
    }
}

#[test]
fn boldsign_verification_is_answered_200_unsigned_or_signed_with_any_secret() {
    let webhooks = default_webhooks();
    // Unsigned: BoldSign sends it before the secret exists.
    let errors = every_entry_point(
        &webhooks,
        BOLDSIGN_VERIFICATION,
        &[("X-BoldSign-Event", "Verification")],
    );
    assert_answered_ok(&errors, esign_webhooks::Vendor::BoldSign);
    // Signed with a secret this receiver does not have: the same answer.
    let signed = Signer::hmac(boldsign::scheme(), Secret::new("another-secret"))
        .at(NOW)
        .sign(BOLDSIGN_VERIFICATION)
        .set_header("X-BoldSign-Event", "Verification");
    let headers: Vec<(&str, &str)> = signed.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    assert_answered_ok(
        &every_entry_point(&webhooks, &signed.body, &headers),
        esign_webhooks::Vendor::BoldSign,
    );
}

#[test]
fn boldsign_verification_needs_the_header_and_the_exact_body_shape() {
    let webhooks = default_webhooks();
    let header = [("X-BoldSign-Event", "Verification")];
    // The body without the header: verified like any event, so refused unsigned.
    let err = webhooks
        .dispatch(BOLDSIGN_VERIFICATION, &[("Content-Type", "application/json")])
        .unwrap_err();
    assert!(!err.is_setup_request(), "{err:?}");
    // The header on an event with `data`: never a way around authentication.
    for err in every_entry_point(&webhooks, BOLDSIGN_SIGNED, &header) {
        assert!(!err.is_setup_request(), "{err:?}");
        assert!(err.status().is_client_error(), "{err:?}");
    }
    // `data` present, even empty, or another eventType: not the handshake.
    for body in [
        &br#"{"event":{"id":"1","eventType":"Verification"},"data":{}}"#[..],
        br#"{"event":{"id":"1","eventType":"Signed"}}"#,
        br#"{"event":{"id":"1","eventType":"verification"}}"#,
        b"not json",
    ] {
        let err = webhooks.dispatch(body, &header).unwrap_err();
        assert!(!err.is_setup_request(), "{}: {err:?}", String::from_utf8_lossy(body));
    }
    // A header with another value, or the header twice: not the handshake.
    for headers in [
        vec![("X-BoldSign-Event", "Signed")],
        vec![
            ("X-BoldSign-Event", "Verification"),
            ("X-BoldSign-Event", "Verification"),
        ],
    ] {
        let err = webhooks.dispatch(BOLDSIGN_VERIFICATION, &headers).unwrap_err();
        assert!(!err.is_setup_request(), "{headers:?}: {err:?}");
    }
    // A signed real event still dispatches.
    let signed = Signer::hmac(boldsign::scheme(), Secret::new("the-secret-configured-later"))
        .at(NOW)
        .sign(BOLDSIGN_SIGNED);
    assert!(matches!(
        webhooks.dispatch(&signed.body, &signed.headers),
        Ok(Event::BoldSign(_))
    ));
}

/// DocuSeal's test webhook: `form.completed` with no `X-Docuseal-Signature`.
/// Zoho Sign's "Test URL": its message shape with no `X-ZS-WEBHOOK-SIGNATURE`.
const DASHBOARD_TESTS: [(&[u8], esign_webhooks::Vendor, &str); 2] = [
    (
        DOCUSEAL_FORM_COMPLETED,
        esign_webhooks::Vendor::DocuSeal,
        "test webhook",
    ),
    (ZOHO_SAMPLE, esign_webhooks::Vendor::ZohoSign, "\"Test URL\""),
];

#[test]
fn unsigned_dashboard_tests_are_refused_by_default_with_a_reason() {
    let webhooks = default_webhooks();
    for (body, vendor, what) in DASHBOARD_TESTS {
        for err in every_entry_point(&webhooks, body, &[("Content-Type", "application/json")]) {
            assert!(
                matches!(err.kind(), ErrorKind::UnsignedDashboardTest { vendor: v, .. } if *v == vendor),
                "{err:?}"
            );
            assert_eq!(err.status(), StatusCode::BAD_REQUEST);
            assert!(err.setup_response().is_none());
            let reason = err.to_string();
            assert!(reason.contains(what), "{reason}");
            assert!(reason.contains("real deliveries are signed"), "{reason}");
        }
    }
}

#[test]
fn unsigned_dashboard_tests_are_answered_200_only_through_the_dangerous_opt_in() {
    let webhooks = dangerous_webhooks();
    for (body, vendor, _) in DASHBOARD_TESTS {
        assert_answered_ok(
            &every_entry_point(&webhooks, body, &[("Content-Type", "application/json")]),
            vendor,
        );
    }
}

#[test]
fn only_the_documented_object_shape_is_a_dashboard_test() {
    let webhooks = dangerous_webhooks();
    // Arrays whose elements line up with the shape's keys (serde would read a
    // struct from them), and objects missing a part of the shape.
    for body in [
        &br#"[{"request_name":"x"},{"operation_type":"RequestSigningSuccess"}]"#[..],
        br#"["form.completed","2024-03-01T10:07:20Z",{}]"#,
        br#"{"event_type":"form.completed","data":{}}"#,
        br#"{"event_type":"form.viewed","timestamp":"2024-03-01T10:07:20Z","data":{}}"#,
        br#"{"requests":"x","notifications":{}}"#,
    ] {
        let err = webhooks
            .dispatch(body, &[("Content-Type", "application/json")])
            .unwrap_err();
        assert!(
            !matches!(
                err.kind(),
                ErrorKind::SetupRequest { .. } | ErrorKind::UnsignedDashboardTest { .. }
            ),
            "{}: {err:?}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn a_wrong_signature_is_never_a_dashboard_test() {
    for webhooks in [default_webhooks(), dangerous_webhooks()] {
        let docuseal = [("X-Docuseal-Signature", "1700000000.00")];
        let err = webhooks.dispatch(DOCUSEAL_FORM_COMPLETED, &docuseal).unwrap_err();
        assert!(err.is_authentication(), "{err:?}");
        let zoho = [("X-ZS-WEBHOOK-SIGNATURE", "AAAA")];
        let err = webhooks.dispatch(ZOHO_SAMPLE, &zoho).unwrap_err();
        assert!(err.is_authentication(), "{err:?}");
    }
}

#[test]
fn signed_deliveries_are_still_events_with_the_opt_in() {
    let webhooks = dangerous_webhooks();
    let docuseal = Signer::hmac(docuseal::scheme(), Secret::new("whsec_docuseal"))
        .at(NOW)
        .sign(DOCUSEAL_FORM_COMPLETED);
    assert!(matches!(
        webhooks.dispatch(&docuseal.body, &docuseal.headers),
        Ok(Event::DocuSeal(_))
    ));
    let zoho = Signer::hmac(zohosign::scheme(), Secret::new("zoho-secret")).sign(ZOHO_SAMPLE);
    assert!(matches!(
        webhooks.dispatch(&zoho.body, &zoho.headers),
        Ok(Event::ZohoSign(_))
    ));
}

#[test]
fn a_header_token_docuseal_verifier_has_no_unsigned_test() {
    // DocuSeal's test carries the custom header: it is authenticated like any delivery.
    let webhooks = Webhooks::builder()
        .docuseal(docuseal::Verifier::header_token("X-Example-Header", Secret::new("v")))
        .build()
        .unwrap();
    let err = webhooks
        .dispatch(DOCUSEAL_FORM_COMPLETED, &[("X-Other", "x")])
        .unwrap_err();
    assert!(!matches!(
        err.kind(),
        ErrorKind::UnsignedDashboardTest { .. } | ErrorKind::SetupRequest { .. }
    ));
    assert!(
        webhooks
            .dispatch(DOCUSEAL_FORM_COMPLETED, &[("X-Example-Header", "v")])
            .is_ok()
    );
}

#[test]
fn adobe_verification_of_intent_is_kept() {
    let webhooks = default_webhooks();
    let answer = webhooks
        .intent_response(&[("X-AdobeSign-ClientId", "adobe-client")])
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    assert_eq!(
        webhooks
            .intent_response(&[("X-AdobeSign-ClientId", "intruder")])
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

/// BoldSign's `Verification` through the axum extractor and the tower layer:
/// the setup answer `dispatch` prepares, byte for byte, never the handler.
#[cfg(all(feature = "axum", feature = "tower"))]
#[tokio::test]
async fn boldsign_verification_is_answered_through_the_axum_extractor_and_the_tower_layer() {
    use axum::extract::FromRequest;
    use axum::response::IntoResponse;
    use esign_webhooks::integrations::{axum::VerifiedEvent, tower::VerifyLayer};
    use http_body_util::{BodyExt, Full};
    use tower::{Layer, ServiceExt, service_fn};

    let webhooks = default_webhooks();
    let headers = [
        ("X-BoldSign-Event", "Verification"),
        ("content-type", "application/json"),
    ];
    let expected = webhooks
        .dispatch(BOLDSIGN_VERIFICATION, &headers)
        .unwrap_err()
        .response();
    assert_eq!(expected.status(), StatusCode::OK);
    let request = |body: Vec<u8>| {
        let mut builder = http::Request::post("/webhooks/boldsign");
        for (name, value) in headers {
            builder = builder.header(name, value);
        }
        builder.body(body).unwrap()
    };

    // axum: the extractor's rejection answers the setup answer.
    let rejection = VerifiedEvent::from_request(
        request(BOLDSIGN_VERIFICATION.to_vec()).map(axum::body::Body::from),
        &webhooks,
    )
    .await
    .expect_err("a setup request is not an event");
    let answer = rejection.into_response();
    assert_eq!(answer.status(), expected.status());
    let body = answer.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(body.as_ref(), expected.body().as_slice());

    // tower: the layer answers it, and the inner service never runs.
    let ran = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&ran);
    let service =
        VerifyLayer::new(webhooks.clone()).layer(service_fn(move |_: http::Request<esign_webhooks::Event>| {
            seen.fetch_add(1, Ordering::SeqCst);
            async { Ok::<_, std::convert::Infallible>(http::Response::new(Full::<bytes::Bytes>::default())) }
        }));
    let answer = service
        .oneshot(request(BOLDSIGN_VERIFICATION.to_vec()).map(Full::<bytes::Bytes>::from))
        .await
        .unwrap();
    assert_eq!(answer.status(), expected.status());
    let body = answer.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(body.as_ref(), expected.body().as_slice());
    assert_eq!(ran.load(Ordering::SeqCst), 0);
}
