//! DocuSeal: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is DocuSeal's own: its documented construction, the ±300 s
//! window and its setting, the custom-header alternative, configuration
//! errors, dedup keys of retries and templates, the lifecycle of each event.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, FixedClock, Handlers, Lifecycle, Secret, Vendor, Webhooks, docuseal, signplus};
use http::StatusCode;
use vendor_conformance::Conformance;

const NOW: i64 = 1_709_287_361;
const SECRET: &str = "whsec_k3J9cW5vZ2VuZXJhdGVkLXNlY3JldC0yNA==";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/docuseal/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .docuseal(docuseal::Verifier::new(Secret::new(SECRET)))
        .signplus(signplus::Verifier::header_token("x-sp", Secret::new("sp-token")))
        .clock(FixedClock(NOW))
        .build()
        .unwrap()
}

fn signer() -> Signer {
    Signer::hmac(docuseal::scheme(), Secret::new(SECRET)).at(NOW)
}

fn kind(result: Result<Event, esign_webhooks::Error>) -> ErrorKind {
    result.expect_err("must be refused").kind().clone()
}

const FIXTURES: &[(&str, docuseal::EventKind)] = &[
    ("form_viewed", docuseal::EventKind::FormViewed),
    ("form_started", docuseal::EventKind::FormStarted),
    ("form_completed", docuseal::EventKind::FormCompleted),
    ("form_declined", docuseal::EventKind::FormDeclined),
    ("submission_created", docuseal::EventKind::SubmissionCreated),
    ("submission_completed", docuseal::EventKind::SubmissionCompleted),
    ("submission_expired", docuseal::EventKind::SubmissionExpired),
    ("submission_archived", docuseal::EventKind::SubmissionArchived),
    ("template_created", docuseal::EventKind::TemplateCreated),
    ("template_updated", docuseal::EventKind::TemplateUpdated),
    ("template_archived", docuseal::EventKind::TemplateArchived),
];

/// `<ts>.<hex>` over `<ts>.<body>`: the body and a timestamp are signed.
#[test]
fn conformance() {
    Conformance::new(Vendor::DocuSeal)
        .timestamp_signed()
        .registrar(|handlers, hits| {
            handlers.docuseal().on(docuseal::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}

#[test]
fn every_fixture_dispatches_to_its_typed_event() {
    let webhooks = webhooks();
    for (name, expected) in FIXTURES {
        let request = signer().sign(&fixture(name));
        match webhooks.dispatch(&request.body, &request.headers) {
            Ok(Event::DocuSeal(event)) => assert_eq!(event.kind(), expected, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    for name in ["unknown_event", "unknown_form_event"] {
        let request = signer().sign(&fixture(name));
        let event = webhooks.dispatch(&request.body, &request.headers).unwrap();
        assert!(matches!(event, Event::DocuSeal(e) if e.kind().is_unknown()), "{name}");
    }
}

/// other-vendors.md §15 (locally computed from DocuSeal's construction in
/// `lib/webhook_urls/signatures.rb`: `"#{ts}.#{hexdigest(secret, "#{ts}.#{body}")}"`).
#[test]
fn the_documented_construction_reproduces() {
    let body = br#"{"event_type":"submission.completed","timestamp":"2026-01-01T00:00:00Z","data":{"id":1}}"#;
    let header = "1700000000.ecc764b8170e694ffd2edd7f7ecfbc902618d71c4e4406557f09b45c435199ce";
    let webhooks = Webhooks::builder()
        .docuseal(docuseal::Verifier::new(Secret::new("whsec_dGVzdA==")))
        .clock(FixedClock(1_700_000_000))
        .build()
        .unwrap();
    let event = webhooks.dispatch(body, &[("X-Docuseal-Signature", header)]).unwrap();
    assert!(matches!(&event, Event::DocuSeal(e) if e.submission_id() == Some(1)));
    let signed = Signer::hmac(docuseal::scheme(), Secret::new("whsec_dGVzdA=="))
        .at(1_700_000_000)
        .sign(body);
    assert_eq!(signed.headers, [("X-Docuseal-Signature".to_owned(), header.to_owned())]);
}

#[test]
fn the_timestamp_window_and_a_missing_header() {
    let webhooks = webhooks();
    let body = fixture("form_completed");
    // ±300 s, inclusive.
    for (at, ok) in [
        (NOW - 300, true),
        (NOW + 300, true),
        (NOW - 301, false),
        (NOW + 301, false),
    ] {
        let request = Signer::hmac(docuseal::scheme(), Secret::new(SECRET)).at(at).sign(&body);
        let result = webhooks.dispatch(&request.body, &request.headers);
        assert_eq!(result.is_ok(), ok, "{at}: {result:?}");
        if !ok {
            let err = result.unwrap_err();
            assert!(matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }));
            assert_eq!(err.status(), StatusCode::UNAUTHORIZED);
        }
    }
    // The tolerance is configurable.
    let lenient = Webhooks::builder()
        .docuseal(docuseal::Verifier::new(Secret::new(SECRET)).with_tolerance(Duration::from_secs(900)))
        .clock(FixedClock(NOW))
        .build()
        .unwrap();
    let old = Signer::hmac(docuseal::scheme(), Secret::new(SECRET))
        .at(NOW - 800)
        .sign(&body);
    assert!(lenient.dispatch(&old.body, &old.headers).is_ok());
    // A missing header is a 400 naming it.
    let err = webhooks
        .dispatch(&body, &[("content-type", "application/json")])
        .unwrap_err();
    assert_eq!(err.status(), StatusCode::BAD_REQUEST);
}

#[test]
fn the_custom_header_alternative() {
    let webhooks = Webhooks::builder()
        .docuseal(docuseal::Verifier::header_token(
            "X-Acme-Webhook-Key",
            Secret::new("s3cr3t-value"),
        ))
        .build()
        .unwrap();
    let body = fixture("submission_completed");
    let request = Signer::header_token("X-Acme-Webhook-Key", Secret::new("s3cr3t-value")).sign(&body);
    assert!(matches!(
        webhooks.dispatch(&request.body, &request.headers).unwrap(),
        Event::DocuSeal(_)
    ));
    let wrong = Signer::header_token("X-Acme-Webhook-Key", Secret::new("s3cr3t-valuf")).sign(&body);
    assert_eq!(
        kind(webhooks.dispatch(&wrong.body, &wrong.headers)),
        ErrorKind::AuthenticationFailed
    );
    // An HMAC header alone does not pass a header-token configuration.
    let hmac = signer().sign(&body);
    assert!(webhooks.dispatch(&hmac.body, &hmac.headers).is_err());
}

#[test]
fn a_receiver_without_docuseal_refuses_its_body() {
    // A DocuSeal body sent to a receiver without DocuSeal.
    let other = Webhooks::builder()
        .signplus(signplus::Verifier::header_token("x-sp", Secret::new("sp-token")))
        .build()
        .unwrap();
    let request = signer().sign(&fixture("form_viewed"));
    assert!(matches!(
        kind(other.dispatch(&request.body, &request.headers)),
        ErrorKind::VendorNotConfigured { .. } | ErrorKind::UnrecognizedVendor
    ));
}

#[test]
fn configuration_errors_are_refused_at_build() {
    assert!(
        Webhooks::builder()
            .docuseal(docuseal::Verifier::new(Secret::new("")))
            .build()
            .is_err()
    );
    assert!(
        Webhooks::builder()
            .docuseal(docuseal::Verifier::header_token(" ", Secret::new("x")))
            .build()
            .is_err()
    );
}

#[test]
fn success_response_and_dedup_keys() {
    let webhooks = webhooks();
    let body = fixture("form_completed");
    let first = signer().sign(&body);
    let retry = Signer::hmac(docuseal::scheme(), Secret::new(SECRET))
        .at(NOW + 120)
        .sign(&body);
    let a = webhooks.dispatch(&first.body, &first.headers).unwrap();
    let b = webhooks.dispatch(&retry.body, &retry.headers).unwrap();
    assert_eq!(a.success_response().status(), StatusCode::OK);
    assert!(a.success_response().body().is_empty());
    // A retry (new header timestamp, same body timestamp) has the same key.
    assert_eq!(DedupKey::of(&a), DedupKey::of(&b));
    assert!(DedupKey::of(&a).to_string().starts_with("docuseal:"));
    // Another event of the same submitter, or another update of a template, does not.
    let viewed = signer().sign(&fixture("form_viewed"));
    let c = webhooks.dispatch(&viewed.body, &viewed.headers).unwrap();
    assert_ne!(DedupKey::of(&a), DedupKey::of(&c));
    let created = signer().sign(&fixture("template_created"));
    let updated = signer().sign(&fixture("template_updated"));
    assert_ne!(
        DedupKey::of(&webhooks.dispatch(&created.body, &created.headers).unwrap()),
        DedupKey::of(&webhooks.dispatch(&updated.body, &updated.headers).unwrap())
    );
}

#[test]
fn lifecycle_and_typed_registrar() {
    let webhooks = webhooks();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    for step in [
        Lifecycle::Sent,
        Lifecycle::Viewed,
        Lifecycle::Signed,
        Lifecycle::Declined,
        Lifecycle::Completed,
        Lifecycle::Expired,
    ] {
        let seen = seen.clone();
        handlers.on_lifecycle(step, move |e| {
            seen.lock().unwrap().push(format!(
                "{:?} {} {} {}",
                e.kind,
                e.envelope_id.as_deref().unwrap_or("-"),
                e.signer_id.as_deref().unwrap_or("-"),
                e.reason.as_deref().unwrap_or("-")
            ));
            Ok(())
        });
    }
    let typed = seen.clone();
    handlers
        .docuseal()
        .on(docuseal::EventKind::FormCompleted, move |event| {
            let docuseal::Data::Form(submitter) = &event.data else {
                panic!()
            };
            typed.lock().unwrap().push(format!("typed {}", submitter.values.len()));
            Ok(())
        });
    let all = seen.clone();
    handlers.docuseal().on(docuseal::EventKind::ALL, move |_| {
        all.lock().unwrap().push("all".into());
        Ok(())
    });
    for (name, _) in FIXTURES {
        let request = signer().sign(&fixture(name));
        let report = webhooks.handle(&handlers, &request.body, &request.headers).unwrap();
        assert_eq!(report.status(), StatusCode::OK, "{name}");
    }
    let seen = seen.lock().unwrap();
    let lifecycle: Vec<&String> = seen
        .iter()
        .filter(|s| !s.starts_with("all") && !s.starts_with("typed"))
        .collect();
    assert_eq!(
        lifecycle,
        [
            "Viewed 5123 8841 -",
            "Signed 5123 8841 -",
            "Declined 5123 8841 The liability clause does not match our agreement.",
            "Sent 5123 - -",
            "Completed 5123 - -",
            "Expired 5123 - -",
        ]
    );
    assert_eq!(seen.iter().filter(|s| *s == "all").count(), FIXTURES.len());
    assert!(seen.contains(&"typed 11".to_owned()));
}
