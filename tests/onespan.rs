//! OneSpan Sign: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is OneSpan's own: the callback key as OneSpan sends it, the
//! OAuth 2.0 validator, static headers, the explicit "None", and every
//! documented event to its typed event and lifecycle.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, onespan};
use http::StatusCode;
use onespan::EventName;
use vendor_conformance::Conformance;

/// A credential in a header: the body is not covered, nothing is timestamped.
#[test]
fn conformance() {
    Conformance::new(Vendor::OneSpan)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.onespan().on(EventName::ALL, move |_| hits.hit());
        })
        .run();
}

const KEY: &str = "9f3c-callback-key-from-the-admin-page";

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/onespan/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn webhooks(verifier: onespan::Verifier) -> Webhooks {
    Webhooks::builder().onespan(verifier).build().unwrap()
}

fn kind(webhooks: &Webhooks, body: &[u8], headers: &[(&str, &str)]) -> Result<EventName, ErrorKind> {
    match webhooks.dispatch(body, headers) {
        Ok(Event::OneSpan(event)) => Ok(event.name),
        Ok(other) => panic!("{other:?}"),
        Err(err) => Err(err.kind().clone()),
    }
}

#[test]
fn the_callback_key_is_sent_as_is_after_basic() {
    let webhooks = webhooks(onespan::Verifier::callback_key(Secret::new(KEY)));
    let body = fixture("package_activate");
    let sent = format!("Basic {KEY}");
    assert_eq!(
        kind(&webhooks, &body, &[("Authorization", &sent)]),
        Ok(EventName::PackageActivate)
    );
    // What RFC 7617 would make of it (base64 of `user:key`) is not what OneSpan sends.
    for not_sent in [
        "Basic dXNlcjo5ZjNjLWNhbGxiYWNrLWtleS1mcm9tLXRoZS1hZG1pbi1wYWdl",
        KEY,
        "Basic 9f3c-callback-key-from-the-admin-pag",
        "Basic 9f3c-callback-key-from-the-admin-page-and-more",
        "Bearer 9f3c-callback-key-from-the-admin-page",
    ] {
        assert_eq!(
            kind(&webhooks, &body, &[("Authorization", not_sent)]),
            Err(ErrorKind::AuthenticationFailed),
            "{not_sent}"
        );
    }
    // No header: the body names OneSpan, the error names the header.
    assert_eq!(
        kind(&webhooks, &body, &[("content-type", "application/json")]),
        Err(ErrorKind::MissingHeader {
            name: "authorization".to_owned()
        })
    );
    // Rotation: the old and the new key are both accepted.
    let rotating = webhooks_rotating();
    for key in [KEY, "the-new-key"] {
        let sent = format!("Basic {key}");
        assert!(kind(&rotating, &body, &[("Authorization", &sent)]).is_ok(), "{key}");
    }
}

fn webhooks_rotating() -> Webhooks {
    webhooks(onespan::Verifier::callback_key(Secret::new(KEY)).with_callback_key(Secret::new("the-new-key")))
}

#[test]
fn a_blank_callback_key_is_refused_at_build_and_the_key_never_shows() {
    let err = Webhooks::builder()
        .onespan(onespan::Verifier::callback_key(Secret::new("  ")))
        .build()
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    let verifier = onespan::Verifier::callback_key(Secret::new(KEY));
    assert!(!format!("{verifier:?}").contains("9f3c"));
}

#[test]
fn oauth2_bearer_tokens_are_judged_by_the_users_validator() {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let verifier = onespan::Verifier::oauth2_bearer(move |token: &str| {
        log.lock().unwrap().push(token.to_owned());
        token == "issued-by-my-server"
    });
    assert!(!format!("{verifier:?}").contains("issued"));
    let webhooks = webhooks(verifier);
    let body = fixture("package_complete");
    assert_eq!(
        kind(&webhooks, &body, &[("Authorization", "Bearer issued-by-my-server")]),
        Ok(EventName::PackageComplete)
    );
    assert_eq!(
        kind(&webhooks, &body, &[("authorization", "bearer   issued-by-my-server ")]),
        Ok(EventName::PackageComplete)
    );
    assert_eq!(
        kind(&webhooks, &body, &[("Authorization", "Bearer forged")]),
        Err(ErrorKind::AuthenticationFailed)
    );
    // An empty token is no bearer token at all.
    assert!(matches!(
        kind(&webhooks, &body, &[("Authorization", "Bearer ")]),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    assert!(matches!(
        kind(&webhooks, &body, &[("Authorization", "Basic issued-by-my-server")]),
        Err(ErrorKind::MalformedHeader { .. })
    ));
    assert_eq!(
        kind(
            &webhooks,
            &body,
            &[
                ("Authorization", "Bearer issued-by-my-server"),
                ("Authorization", "Bearer other")
            ]
        ),
        Err(ErrorKind::DuplicateHeader {
            name: "authorization".to_owned()
        })
    );
    // The empty token never reached the validator; the others did, trimmed.
    assert_eq!(
        *seen.lock().unwrap(),
        ["issued-by-my-server", "issued-by-my-server", "forged"]
    );
}

#[test]
fn a_static_custom_header_and_the_explicit_none() {
    let body = fixture("signer_complete");
    let webhooks = webhooks(onespan::Verifier::header_token(
        "X-Callback-Secret",
        Secret::new("s3cr3t-header"),
    ));
    assert_eq!(
        kind(&webhooks, &body, &[("x-callback-secret", "s3cr3t-header")]),
        Ok(EventName::SignerComplete)
    );
    assert_eq!(
        kind(&webhooks, &body, &[("x-callback-secret", "s3cr3t-headers")]),
        Err(ErrorKind::AuthenticationFailed)
    );
    // "None" is only ever the explicitly named choice.
    let verifier = onespan::Verifier::dangerous_accept_unverified();
    assert!(verifier.engine().is_some_and(|engine| engine.is_unverified()));
    assert_eq!(kind(&webhooks_of(verifier), &body, &[]), Ok(EventName::SignerComplete));
}

fn webhooks_of(verifier: onespan::Verifier) -> Webhooks {
    webhooks(verifier)
}

/// Every documented event: its name, and its lifecycle step with the signer.
const EVENTS: &[(&str, EventName, Option<Lifecycle>)] = &[
    ("cobrowse_request", EventName::CobrowseRequest, None),
    ("document_signed", EventName::DocumentSigned, None),
    ("email_bounce", EventName::EmailBounce, Some(Lifecycle::DeliveryFailed)),
    ("kba_failure", EventName::KbaFailure, None),
    ("package_activate", EventName::PackageActivate, Some(Lifecycle::Sent)),
    ("package_archive", EventName::PackageArchive, None),
    ("package_attachment", EventName::PackageAttachment, None),
    (
        "package_complete",
        EventName::PackageComplete,
        Some(Lifecycle::Completed),
    ),
    ("package_create", EventName::PackageCreate, None),
    ("package_deactivate", EventName::PackageDeactivate, None),
    ("package_decline", EventName::PackageDecline, Some(Lifecycle::Declined)),
    ("package_delete", EventName::PackageDelete, None),
    ("package_expire", EventName::PackageExpire, Some(Lifecycle::Expired)),
    ("package_opt_out", EventName::PackageOptOut, None),
    ("package_ready_for_complete", EventName::PackageReadyForComplete, None),
    ("package_restore", EventName::PackageRestore, None),
    ("package_trash", EventName::PackageTrash, None),
    ("role_reassign", EventName::RoleReassign, None),
    ("signer_complete", EventName::SignerComplete, Some(Lifecycle::Signed)),
    ("signer_locked", EventName::SignerLocked, None),
    ("template_create", EventName::TemplateCreate, None),
];

#[test]
fn every_documented_event_dispatches_to_its_name_and_lifecycle() {
    assert_eq!(EVENTS.len(), EventName::KNOWN.len(), "one fixture per documented event");
    let webhooks = webhooks(onespan::Verifier::callback_key(Secret::new(KEY)));
    let sent = format!("Basic {KEY}");
    let headers = [("Authorization", sent.as_str())];
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone(), e.reason.clone()));
        Ok(())
    });
    let mut keys = Vec::new();
    for (name, expected, step) in EVENTS {
        let body = fixture(name);
        assert_eq!(kind(&webhooks, &body, &headers), Ok(expected.clone()), "{name}");
        keys.push(DedupKey::of(&webhooks.dispatch(&body, &headers).unwrap()));
        let before = seen.lock().unwrap().len();
        webhooks.handle(&handlers, &body, &headers).unwrap();
        let after = seen.lock().unwrap().clone();
        match step {
            Some(kind) => {
                let (got, package, _, _) = after.last().unwrap();
                assert_eq!((after.len(), got), (before + 1, kind), "{name}");
                assert_eq!(package.as_deref(), Some("xT9OeZ-j2jIynQBaLeLdgp9CtZk="));
            }
            None => assert_eq!(after.len(), before, "{name}"),
        }
    }
    let mut unique = keys.clone();
    unique.sort_by_key(|key| *key.digest());
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "one dedup key per event");

    let seen = seen.lock().unwrap();
    let declined = seen.iter().find(|s| s.0 == Lifecycle::Declined).unwrap();
    assert_eq!(declined.2.as_deref(), Some("7Fx2kLq0PbWn"));
    assert_eq!(declined.3.as_deref(), Some("The start date is wrong."));
    let signed = seen.iter().find(|s| s.0 == Lifecycle::Signed).unwrap();
    assert_eq!(signed.2.as_deref(), Some("7Fx2kLq0PbWn"));

    assert_eq!(
        kind(&webhooks, &fixture("unknown_event"), &headers),
        Ok(EventName::Unknown("DOCUMENT_VIEWED".to_owned()))
    );
}

#[test]
fn typed_fields_dedup_of_a_resend_and_the_answer() {
    let webhooks = webhooks(onespan::Verifier::callback_key(Secret::new(KEY)));
    let sent = format!("Basic {KEY}");
    let headers = [("Authorization", sent.as_str())];
    let Event::OneSpan(real) = webhooks.dispatch(&fixture("package_activate"), &headers).unwrap() else {
        panic!("not OneSpan");
    };
    assert_eq!(
        real.class.as_deref(),
        Some("com.silanis.esl.packages.event.ESLProcessEvent")
    );
    assert_eq!(real.session_user.as_deref(), Some("8QS1yr3q8DEZ"));
    assert_eq!((real.message, real.document_id), (None, None));
    let Event::OneSpan(cobrowse) = webhooks.dispatch(&fixture("cobrowse_request"), &headers).unwrap() else {
        panic!("not OneSpan");
    };
    assert_eq!(cobrowse.phone.as_deref(), Some("+1 514 555 0100"));
    assert_eq!(cobrowse.selected_support_business_hours.len(), 1);

    // A resend (the failure e-mail's payload posted again) is the same event.
    let body = fixture("document_signed");
    let first = webhooks.dispatch(&body, &headers).unwrap();
    let resent = webhooks.dispatch(&body, &headers).unwrap();
    assert_eq!(DedupKey::of(&first), DedupKey::of(&resent));
    assert_eq!(first.success_response().status(), StatusCode::OK);
    // The same document signed a millisecond later is another event.
    let later = String::from_utf8(body).unwrap().replace(".074Z", ".075Z");
    assert_ne!(
        DedupKey::of(&first),
        DedupKey::of(&webhooks.dispatch(later.as_bytes(), &headers).unwrap())
    );
}
