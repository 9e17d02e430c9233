//! The callback registry: matching, wildcards, order, revoke, failures,
//! fallbacks, lifecycle, Ignisign token confirmation, sync and async.

use std::sync::{Arc, Mutex, RwLock};

use esign_webhooks::ignisign::{self, ApiKey, CallbackParams, MsgNature, SignatureRequestAction, Topic};
use esign_webhooks::registry::{TransportError, Unhandled};
use esign_webhooks::testing::{Signer, TokenOutcome, ignisign_token_response};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
use esign_webhooks::{
    AsyncHandlers, ConfirmedEvent, ErrorKind, HandlerError, Handlers, Lifecycle, Secret, Vendor, Webhooks,
    constellation, esignglobal, signplus,
};
use http::StatusCode;

const APP_ID: &str = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b";
const API_KEY: &str = "sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t";

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{path}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::header("x-test-signature"),
        SignedContent::Body,
        Encoding::Hex,
    )
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(APP_ID, ignisign::AppEnv::Development))
        .signplus(signplus::Verifier::header_token("x-sp", Secret::new("sp")))
        .constellation(constellation::Verifier::header_token("x-c1", Secret::new("c1")))
        .build()
        .unwrap()
}

/// A signed request for a fixture of any vendor.
fn request(path: &str) -> (Vec<u8>, Vec<(String, String)>) {
    let body = fixture(path);
    let headers = match path.split('/').next().unwrap() {
        "esignglobal" => Signer::hmac(esg_scheme(), Secret::new("esg")).sign(&body).headers,
        "signplus" => Signer::header_token("x-sp", Secret::new("sp")).sign(&body).headers,
        "constellation" => Signer::header_token("x-c1", Secret::new("c1")).sign(&body).headers,
        _ => vec![("content-type".into(), "application/json".into())],
    };
    (body, headers)
}

type Log = Arc<Mutex<Vec<String>>>;

fn log() -> Log {
    Arc::new(Mutex::new(Vec::new()))
}

fn note(log: &Log, entry: impl Into<String>) {
    log.lock().unwrap().push(entry.into());
}

fn entries(log: &Log) -> Vec<String> {
    log.lock().unwrap().clone()
}

fn handle(handlers: &Handlers, path: &str) -> esign_webhooks::Report {
    let (body, headers) = request(path);
    webhooks().handle(handlers, &body, &headers).unwrap()
}

#[test]
fn all_matching_callbacks_run_in_registration_order() {
    let seen = log();
    let mut handlers = Handlers::new();
    let (a, b, c, d) = (seen.clone(), seen.clone(), seen.clone(), seen.clone());
    handlers.on_any(move |_| {
        note(&a, "any");
        Ok(())
    });
    handlers
        .signplus()
        .on(signplus::EventKind::EnvelopeCompleted, move |_| {
            note(&b, "completed");
            Ok(())
        });
    handlers.on_lifecycle(Lifecycle::Completed, move |e| {
        note(&c, format!("lifecycle {}", e.envelope_id.as_deref().unwrap()));
        Ok(())
    });
    handlers.signplus().on(signplus::EventKind::ALL, move |_| {
        note(&d, "all");
        Ok(())
    });
    handlers
        .signplus()
        .on(signplus::EventKind::EnvelopeVoided, |_| panic!("must not run"));
    let report = handle(&handlers, "signplus/envelope_completed");
    assert_eq!(
        entries(&seen),
        ["any", "completed", "lifecycle 6697e681c5e364c7c23710d4", "all"]
    );
    assert_eq!(report.ran().len(), 4);
    assert!(report.is_handled());
    assert!(report.failures().is_empty());
    assert_eq!(report.status(), StatusCode::OK);
}

#[test]
fn ignisign_wildcards_each_dimension_independently() {
    let seen = log();
    let mut handlers = Handlers::new();
    handlers.dangerous_skip_ignisign_token_check();
    let s = seen.clone();
    handlers
        .ignisign()
        .on(Topic::ALL, ignisign::Action::ALL, MsgNature::ALL, move |p| {
            note(&s, format!("all {}", p.topic));
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on(Topic::ALL, ignisign::Action::ALL, MsgNature::Error, move |p| {
            note(
                &s,
                format!("error {:?}", p.error.as_ref().map(|e| e.error_code.to_string())),
            );
            Ok(())
        });
    // Topic ALL + action FAILED compares by wire value, as the SDK does.
    let s = seen.clone();
    handlers.ignisign().on(
        Topic::ALL,
        ignisign::SignatureAction::Failed,
        MsgNature::ALL,
        move |p| {
            note(&s, format!("failed {}", p.topic));
            Ok(())
        },
    );
    let s = seen.clone();
    handlers.ignisign().on(
        Topic::SignatureRequest,
        ignisign::Action::ALL,
        MsgNature::Success,
        move |p| {
            note(&s, format!("request success {}", p.action));
            Ok(())
        },
    );
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature_request(SignatureRequestAction::Launched, MsgNature::ALL, move |p| {
            let request = p.content.as_ref().ok_or_else(|| HandlerError::msg("no content"))?;
            let tokens = request.signers.as_ref().map_or(0, |s| s.signers_embedded.len());
            note(
                &s,
                format!(
                    "launched {} with {tokens} embedded signer(s)",
                    request.signature_request_id
                ),
            );
            Ok(())
        });

    handle(&handlers, "ignisign/signature_request_failed");
    handle(&handlers, "ignisign/signature_failed");
    handle(&handlers, "ignisign/signature_request_launched");
    let seen = entries(&seen);
    assert_eq!(
        seen,
        [
            "all SIGNATURE_REQUEST",
            "error Some(\"FAILED_TO_LAUNCH_SIGNATURE_REQUEST_BECAUSE_ALL_DOCUMENTS_ARE_NOT_PROVIDED\")",
            "failed SIGNATURE_REQUEST",
            "all SIGNATURE",
            "error Some(\"SIGNATURE_AUTH_FAILED\")",
            "failed SIGNATURE",
            "all SIGNATURE_REQUEST",
            "request success LAUNCHED",
            "launched 6630f1a2b4c5d6e7f8091a2b with 2 embedded signer(s)",
        ],
        "{seen:#?}"
    );
}

#[test]
fn typed_ignisign_registrations_get_their_topic_only() {
    let seen = log();
    let mut handlers = Handlers::new();
    handlers.dangerous_skip_ignisign_token_check();
    let s = seen.clone();
    handlers.ignisign().on_signature_session(
        ignisign::SignatureSessionAction::Initialized,
        MsgNature::ALL,
        move |p: &CallbackParams<ignisign::SignatureSession>| {
            note(&s, format!("session {}", p.content.as_ref().unwrap().signer_id));
            Ok(())
        },
    );
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature_proof(ignisign::SignatureProofAction::ALL, MsgNature::ALL, move |p| {
            let kind = match p.content.as_ref().unwrap() {
                ignisign::SignatureProof::Success(_) => "success",
                ignisign::SignatureProof::Error(_) => "error",
                ignisign::SignatureProof::Advanced(_) => "advanced",
                _ => "other",
            };
            note(&s, format!("proof {kind}"));
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature_profile(ignisign::SignatureProfileAction::Archived, MsgNature::ALL, move |p| {
            note(
                &s,
                format!("profile {}", p.content.as_ref().unwrap().signature_profile_id),
            );
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signer(ignisign::SignerAction::ALL, MsgNature::ALL, move |_| {
            note(&s, "signer");
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on_application(ignisign::ApplicationAction::ALL, MsgNature::ALL, move |_| {
            note(&s, "app");
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature(ignisign::SignatureAction::Finalized, MsgNature::ALL, move |_| {
            note(&s, "signature");
            Ok(())
        });
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature_image_generated(ignisign::SignatureImageAction::ALL, MsgNature::ALL, move |_| {
            note(&s, "image");
            Ok(())
        });
    for name in [
        "signature_session_initialized",
        "signature_proof_generated_success",
        "signature_proof_generated_error",
        "signature_proof_adv_generated",
        "signature_profile_created",
        "signature_profile_archived",
        "signer_created",
        "app_archived",
        "signature_finalized",
        "signature_failed",
        "signature_image_generated",
    ] {
        handle(&handlers, &format!("ignisign/{name}"));
    }
    assert_eq!(
        entries(&seen),
        [
            "session 6630f1a2b4c5d6e7f8091a3c",
            "proof success",
            "proof error",
            "proof advanced",
            "profile 6630f1a2b4c5d6e7f8091a70",
            "signer",
            "app",
            "signature",
            "image",
        ]
    );
}

#[test]
fn revoke_removes_only_that_registration() {
    let seen = log();
    let mut handlers = Handlers::new();
    let s = seen.clone();
    let first = handlers
        .constellation()
        .on_session_status(constellation::SessionStatus::ALL, move |_| {
            note(&s, "first");
            Ok(())
        });
    let s = seen.clone();
    let second = handlers
        .constellation()
        .on_signer_status(constellation::SignerStatus::Declined, move |d| {
            note(&s, format!("declined: {}", d.declined_reason.as_deref().unwrap_or("")));
            Ok(())
        });
    assert_eq!(handlers.registrations(), [first, second]);
    assert!(handlers.revoke(first));
    assert!(!handlers.revoke(first));
    assert_eq!(handlers.len(), 1);
    handle(&handlers, "constellation/session_completed_camel");
    handle(&handlers, "constellation/signer_declined_pascal");
    let seen = entries(&seen);
    assert_eq!(seen.len(), 1);
    assert!(seen[0].starts_with("declined: "), "{seen:?}");
}

/// An id is its registry's: another registry refuses it, even when the
/// numbers coincide (each registry's first registration), and keeps its own.
#[test]
fn revoke_refuses_an_id_from_another_registry() {
    let seen = log();
    let mut billing = Handlers::new();
    let s = seen.clone();
    let billing_id = billing
        .constellation()
        .on_session_status(constellation::SessionStatus::ALL, move |_| {
            note(&s, "billing");
            Ok(())
        });
    let mut audit = AsyncHandlers::new();
    let audit_id = audit
        .constellation()
        .on_session_status(constellation::SessionStatus::ALL, |_| async { Ok(()) });
    let mut audit_blocking = Handlers::new();
    let audit_blocking_id = audit_blocking
        .constellation()
        .on_session_status(constellation::SessionStatus::ALL, |_| Ok(()));
    assert_ne!(billing_id, audit_id);
    assert_ne!(billing_id, audit_blocking_id);
    assert!(!billing.revoke(audit_id), "a foreign id is refused");
    assert!(!billing.revoke(audit_blocking_id), "a foreign id is refused");
    assert_eq!(billing.registrations(), [billing_id]);
    handle(&billing, "constellation/session_completed_camel");
    assert_eq!(entries(&seen), ["billing"]);
    assert!(!audit.revoke(billing_id));
    assert!(audit.revoke(audit_id));
    assert!(audit_blocking.revoke(audit_blocking_id));
    assert!(billing.revoke(billing_id));
}

#[test]
fn errors_and_panics_are_collected_and_do_not_stop_the_others() {
    let seen = log();
    let mut handlers = Handlers::new();
    let failing = handlers.esignglobal().on(esignglobal::EventKind::EnvelopeFinish, |_| {
        let parsed: u32 = "not a number".parse()?;
        let _ = parsed;
        Ok(())
    });
    let panicking = handlers
        .esignglobal()
        .on(esignglobal::EventKind::ALL, |_| panic!("boom"));
    let s = seen.clone();
    handlers.esignglobal().on_channel(
        esignglobal::EventKind::EnvelopeFinish,
        esignglobal::Channel::Webhook,
        move |p| {
            note(&s, format!("still ran for {}", p.envelope.envelope_id));
            Ok(())
        },
    );
    let s = seen.clone();
    handlers.on_error(move |failure| {
        note(&s, format!("on_error {} panicked={}", failure.id, failure.panicked));
        Ok(())
    });
    let report = handle(&handlers, "esignglobal/envelope_finish");
    let failures = report.failures();
    assert_eq!(failures.len(), 2);
    assert_eq!((failures[0].id, failures[0].panicked), (failing, false));
    assert_eq!(failures[0].message, "invalid digit found in string");
    assert_eq!(
        (failures[1].id, failures[1].panicked, failures[1].message.as_str()),
        (panicking, true, "boom")
    );
    assert_eq!(
        report.status(),
        StatusCode::INTERNAL_SERVER_ERROR,
        "the vendor should retry"
    );
    assert_eq!(
        entries(&seen),
        [
            "still ran for 0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f".to_owned(),
            format!("on_error {failing} panicked=false"),
            format!("on_error {panicking} panicked=true"),
        ]
    );
}

#[test]
fn unhandled_tells_known_from_unknown() {
    let seen = log();
    let mut handlers = Handlers::new();
    let s = seen.clone();
    handlers.on_unhandled(move |u| {
        note(&s, format!("{} {:?}", u.event.vendor(), u.reason));
        Ok(())
    });
    let s = seen.clone();
    handlers.on_any(move |_| {
        note(&s, "any");
        Ok(())
    });
    let known = handle(&handlers, "signplus/envelope_expired");
    let unknown = handle(&handlers, "esignglobal/unknown_event");
    assert_eq!(known.unhandled(), Some(Unhandled::NoHandler));
    assert_eq!(unknown.unhandled(), Some(Unhandled::UnknownEvent));
    assert_eq!(
        entries(&seen),
        ["any", "Sign.Plus NoHandler", "any", "eSignGlobal UnknownEvent"]
    );
    // Nothing registered at all is not an error either.
    let report = handle(&Handlers::new(), "constellation/unknown_status");
    assert_eq!(report.unhandled(), Some(Unhandled::UnknownEvent));
    assert!(report.ran().is_empty());
    assert_eq!(report.status(), StatusCode::OK);
}

#[test]
fn verification_failures_run_no_callback() {
    let mut handlers = Handlers::new();
    handlers.on_any(|_| panic!("must not run"));
    handlers.on_unhandled(|_| panic!("must not run"));
    let body = fixture("signplus/envelope_completed");
    let err = webhooks().handle(&handlers, &body, &[("x-sp", "wrong")]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::AuthenticationFailed);
}

#[test]
fn lifecycle_maps_every_vendor() {
    let seen = log();
    let mut handlers = Handlers::new();
    handlers.dangerous_skip_ignisign_token_check();
    let s = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        note(
            &s,
            format!(
                "{} {:?} {:?} {:?} {:?}",
                e.vendor, e.kind, e.envelope_id, e.signer_id, e.reason
            ),
        );
        Ok(())
    });
    let cases = [
        ("esignglobal/envelope_start", "eSignGlobal Sent"),
        ("esignglobal/envelope_cancel", "eSignGlobal Cancelled"),
        ("esignglobal/signer_declined", "eSignGlobal Declined"),
        ("esignglobal/app_envelope_declined", "eSignGlobal Declined"),
        ("esignglobal/app_envelope_signer_viewed", "eSignGlobal Viewed"),
        ("esignglobal/envelope_delivery_failed", "eSignGlobal DeliveryFailed"),
        ("esignglobal/app_envelope_signer_failed", "eSignGlobal Failed"),
        ("ignisign/signature_request_launched", "Ignisign Sent"),
        ("ignisign/signature_finalized", "Ignisign Signed"),
        ("ignisign/signature_request_expired", "Ignisign Expired"),
        ("signplus/envelope_voided", "Sign.Plus Cancelled"),
        ("signplus/audit_trail_signed", "Sign.Plus Signed"),
        ("constellation/signer_declined_pascal", "Constellation1 eSign Declined"),
        ("constellation/session_expired_pascal", "Constellation1 eSign Expired"),
    ];
    for (path, expected) in cases {
        let before = entries(&seen).len();
        handle(&handlers, path);
        let seen = entries(&seen);
        assert_eq!(seen.len(), before + 1, "{path}");
        assert!(seen[before].starts_with(expected), "{path}: {}", seen[before]);
    }
    let seen = entries(&seen);
    let expected = [
        r#"eSignGlobal Sent Some("0d5f3c2a9b7e4c1d8e6f0a1b2c3d4e5f") None None"#,
        r#"eSignGlobal Cancelled Some("7a1e9c3b5d2f4a6c8e0b1d3f5a7c9e2b") None Some("Contract terms changed, a new envelope will be sent")"#,
        r#"eSignGlobal Declined Some("3c8b2e7f1a9d4b6e0c5f8a2d7e1b9c4f") Some("crm-contact-18") Some("The payment schedule is not what we agreed")"#,
        r#"eSignGlobal Declined Some("e63b9d1f4a7c2e5b8d0f3a6c9e2b5d8f") Some("mei.wong@example.com") Some("Clause 7 must be reviewed by our counsel first")"#,
        r#"eSignGlobal Viewed Some("8d2a5c7e1f4b9d3a6c0e2f8b5d1a7c4e") Some("signer@example.com") None"#,
    ];
    assert_eq!(seen[..5], expected);
    assert!(
        seen[5].starts_with("eSignGlobal DeliveryFailed") && !seen[5].contains(" None None"),
        "{}",
        seen[5]
    );
    assert_eq!(
        seen[8],
        r#"Ignisign Signed Some("6630f1a2b4c5d6e7f8091a2b") Some("6630f1a2b4c5d6e7f8091a3c") None"#
    );
    assert_eq!(
        seen[12],
        r#"Constellation1 eSign Declined Some("3f2504e0-4f89-11d3-9a0c-0305e82c3301") Some("9b2e6c1a-0d4f-4e8b-a7c3-5f6e7d8c9b0a") Some("The document contains incorrect information")"#
    );
    assert_eq!(
        seen[11],
        r#"Sign.Plus Signed Some("6697e681c5e364c7c23710d4") Some("6697cc22b4bd194facb20474") None"#
    );
    // Not every event maps.
    let report = handle(&handlers, "esignglobal/envelope_all_signer_signed");
    assert_eq!(report.unhandled(), Some(Unhandled::NoHandler));
}

#[test]
fn sync_handle_refuses_unconfirmed_ignisign_deliveries() {
    let (body, headers) = request("ignisign/signer_created");
    let mut handlers = Handlers::new();
    handlers.on_any(|_| panic!("must not run"));
    let err = webhooks().handle(&handlers, &body, &headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
    assert_eq!(err.vendor(), Some(Vendor::Ignisign));
}

#[test]
fn sync_token_confirmation_through_a_blocking_transport() {
    let (body, headers) = request("ignisign/signer_created");
    let sent = log();
    let run = |outcome: TokenOutcome| {
        let mut handlers = Handlers::new();
        let s = sent.clone();
        handlers.confirm_ignisign_with(
            ApiKey::new(Secret::new(API_KEY)),
            move |request: http::Request<Vec<u8>>| {
                note(&s, format!("{} {}", request.method(), request.uri()));
                Ok(ignisign_token_response(outcome))
            },
        );
        handlers
            .ignisign()
            .on_signer(ignisign::SignerAction::Created, MsgNature::ALL, |_| Ok(()));
        webhooks().handle(&handlers, &body, &headers)
    };
    assert_eq!(run(TokenOutcome::Valid).unwrap().ran().len(), 1);
    assert!(matches!(
        run(TokenOutcome::AlreadyConsumed).unwrap_err().kind(),
        ErrorKind::ConfirmationRejected { .. }
    ));
    let err = run(TokenOutcome::Unauthorized).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::ConfirmationFailed { status: Some(401), .. }),
        "{err:?}"
    );
    assert_eq!(
        entries(&sent)[0],
        "POST https://api.ignisign.io/v4/tokens/webhook-verification/checking-consumption"
    );
    // A network failure.
    let mut handlers = Handlers::new();
    handlers.confirm_ignisign_with(ApiKey::new(Secret::new(API_KEY)), |_request: http::Request<Vec<u8>>| {
        Err::<http::Response<Vec<u8>>, TransportError>("connection refused".into())
    });
    let err = webhooks().handle(&handlers, &body, &headers).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::ConfirmationFailed { status: None, .. }));
    assert_eq!(err.status(), StatusCode::BAD_GATEWAY);
    // Ignisign's report answers 200 even when a callback fails: the token is spent.
    let mut handlers = Handlers::new();
    handlers.dangerous_skip_ignisign_token_check();
    handlers
        .ignisign()
        .on(Topic::ALL, ignisign::Action::ALL, MsgNature::ALL, |_| {
            Err(HandlerError::msg("db down"))
        });
    let report = webhooks().handle(&handlers, &body, &headers).unwrap();
    assert_eq!(report.failures().len(), 1);
    assert_eq!(report.status(), StatusCode::OK);
}

#[test]
fn handlers_are_shared_across_threads_and_can_be_updated_behind_a_lock() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Handlers>();
    assert_send_sync::<AsyncHandlers>();
    let count = Arc::new(Mutex::new(0));
    let mut handlers = Handlers::new();
    let c = count.clone();
    handlers.signplus().on(signplus::EventKind::ALL, move |_| {
        *c.lock().unwrap() += 1;
        Ok(())
    });
    let shared = Arc::new(RwLock::new(handlers));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let shared = shared.clone();
            std::thread::spawn(move || {
                for _ in 0..25 {
                    let (body, headers) = request("signplus/envelope_completed");
                    webhooks().handle(&shared.read().unwrap(), &body, &headers).unwrap();
                }
            })
        })
        .collect();
    // Registering while serving: the write lock waits for in-flight deliveries.
    let c = count.clone();
    shared.write().unwrap().on_lifecycle(Lifecycle::Completed, move |_| {
        *c.lock().unwrap() += 1000;
        Ok(())
    });
    for thread in threads {
        thread.join().unwrap();
    }
    // Every delivery ran the Sign.Plus callback; those after the registration also the lifecycle one.
    let total = *count.lock().unwrap();
    assert_eq!(total % 1000, 100, "{total}");
    let (body, headers) = request("signplus/envelope_completed");
    webhooks().handle(&shared.read().unwrap(), &body, &headers).unwrap();
    assert_eq!(*count.lock().unwrap(), total + 1001);
}

#[tokio::test]
async fn async_callbacks_run_in_order_and_are_awaited() {
    let seen = log();
    let mut handlers = AsyncHandlers::new();
    let s = seen.clone();
    handlers
        .signplus()
        .on_audit_action(signplus::AuditAction::EnvelopeViewed, move |event| {
            let s = s.clone();
            async move {
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                note(&s, format!("viewed {}", event.envelope_id().unwrap()));
                Ok(())
            }
        });
    let s = seen.clone();
    handlers.on_lifecycle(Lifecycle::Viewed, move |e| {
        let s = s.clone();
        async move {
            note(&s, format!("lifecycle {:?}", e.signer_id));
            Ok(())
        }
    });
    handlers.on_any(|_| async { panic!("async boom") });
    let (body, headers) = request("signplus/audit_trail_viewed");
    let report = webhooks().handle_async(&handlers, &body, &headers).await.unwrap();
    assert_eq!(
        entries(&seen),
        [
            "viewed 6697e681c5e364c7c23710d4",
            "lifecycle Some(\"6697cc22b4bd194facb20474\")"
        ]
    );
    assert_eq!(report.failures().len(), 1);
    assert!(report.failures()[0].panicked);
}

#[tokio::test]
async fn async_token_confirmation_runs_before_any_callback() {
    let seen = log();
    let (body, headers) = request("ignisign/signature_session_initialized");
    let mut handlers = AsyncHandlers::new();
    let s = seen.clone();
    handlers.confirm_ignisign_with(
        ApiKey::new(Secret::new(API_KEY)),
        move |request: http::Request<Vec<u8>>| {
            let s = s.clone();
            async move {
                let sent: serde_json::Value = serde_json::from_slice(request.body())?;
                note(&s, format!("check {}", sent["appEnv"]));
                Ok::<_, TransportError>(ignisign_token_response(TokenOutcome::Valid))
            }
        },
    );
    let s = seen.clone();
    handlers
        .ignisign()
        .on_signature_session(ignisign::SignatureSessionAction::ALL, MsgNature::ALL, move |p| {
            let s = s.clone();
            async move {
                note(&s, format!("session {}", p.content.unwrap().signature_request_id));
                Ok(())
            }
        });
    let report = webhooks().handle_async(&handlers, &body, &headers).await.unwrap();
    assert!(report.is_handled());
    assert_eq!(
        entries(&seen),
        ["check \"DEVELOPMENT\"", "session 6630f1a2b4c5d6e7f8091a2b"]
    );

    let unconfigured = AsyncHandlers::new();
    let err = webhooks()
        .handle_async(&unconfigured, &body, &headers)
        .await
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Configuration { .. }));
}

#[test]
fn handle_async_is_send() {
    fn assert_send<T: Send>(_: T) {}
    let handlers = AsyncHandlers::new();
    let webhooks = webhooks();
    let headers = http::HeaderMap::new();
    assert_send(webhooks.handle_async(&handlers, b"{}", &headers));
}

#[test]
fn handle_event_runs_callbacks_for_events_verified_elsewhere() {
    let mut handlers = Handlers::new();
    handlers
        .constellation()
        .on_signer_status(constellation::SignerStatus::Completed, |_| Ok(()));
    let event = esign_webhooks::dangerous::parse_unverified(
        Vendor::Constellation,
        &fixture("constellation/signer_completed_pascal"),
    )
    .unwrap();
    let esign_webhooks::Event::Constellation(update) = event else {
        panic!()
    };
    let report = handlers.handle_event(ConfirmedEvent::Constellation(update));
    assert!(report.is_handled());
}
