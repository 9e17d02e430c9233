//! SignNow: the vendor conformance suite (`common/vendor_conformance.rs`),
//! then what is SignNow's own: every event name to its typed event and
//! lifecycle, the user's own header or Basic credential (SignNow signs
//! nothing), and the access token SignNow may put in the body.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::Signer;
use esign_webhooks::{ErrorKind, Event, Handlers, Lifecycle, Secret, Vendor, Webhooks, signnow};
use signnow::EventName;
use vendor_conformance::Conformance;

/// A credential the user chose, in a header: the body is not covered.
#[test]
fn conformance() {
    Conformance::new(Vendor::SignNow)
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers.signnow().on(EventName::ALL, move |_| hits.hit());
        })
        .run();
}

const HEADER: &str = "X-Callback-Secret";
const TOKEN: &str = "a-long-random-value-set-in-attributes.headers";

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/signnow")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(format!("{name}.json"))).unwrap()
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .signnow(signnow::Verifier::header_token(HEADER, Secret::new(TOKEN)))
        .build()
        .unwrap()
}

fn dispatch(webhooks: &Webhooks, body: &[u8], headers: &[(&str, &str)]) -> Result<signnow::Event, ErrorKind> {
    match webhooks.dispatch(body, headers) {
        Ok(Event::SignNow(event)) => Ok(event),
        Ok(other) => panic!("{other:?}"),
        Err(err) => Err(err.kind().clone()),
    }
}

#[test]
fn every_event_name_has_its_fixture_and_dispatches_to_it() {
    let webhooks = webhooks();
    let headers = [(HEADER, TOKEN)];
    let mut keys = Vec::new();
    for name in EventName::KNOWN {
        let file = name.as_str().replace('.', "_");
        let event = dispatch(&webhooks, &fixture(&file), &headers).unwrap_or_else(|err| panic!("{file}: {err:?}"));
        assert_eq!(event.kind(), name, "{file}");
        keys.push(DedupKey::of(&webhooks.dispatch(&fixture(&file), &headers).unwrap()));
    }
    assert_eq!(EventName::KNOWN.len(), 75);
    let mut unique = keys.clone();
    unique.sort_by_key(|key| *key.digest());
    unique.dedup();
    assert_eq!(unique.len(), keys.len(), "one dedup key per event");
    let unknown = dispatch(&webhooks, &fixture("unknown_event"), &headers).unwrap();
    assert_eq!(
        unknown.meta.event,
        EventName::Unknown("user.document.archive".to_owned())
    );
}

#[test]
fn lifecycle_of_both_scopes() {
    let webhooks = webhooks();
    let headers = [(HEADER, TOKEN)];
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut handlers = Handlers::new();
    let log = seen.clone();
    handlers.on_lifecycle(Lifecycle::ALL, move |e| {
        log.lock()
            .unwrap()
            .push((e.kind, e.envelope_id.clone(), e.signer_id.clone()));
        Ok(())
    });
    let cases = [
        ("user_document_fieldinvite_sent", Some(Lifecycle::Sent)),
        ("document_open", Some(Lifecycle::Viewed)),
        ("user_document_fieldinvite_signed", Some(Lifecycle::Signed)),
        ("document_freeform_signed", Some(Lifecycle::Signed)),
        ("user_document_complete", Some(Lifecycle::Completed)),
        ("document_group_complete", Some(Lifecycle::Completed)),
        ("document_fieldinvite_decline", Some(Lifecycle::Declined)),
        ("user_invite_expired", Some(Lifecycle::Expired)),
        ("user_document_group_invite_cancel", Some(Lifecycle::Cancelled)),
        (
            "document_fieldinvite_email_delivery_failed",
            Some(Lifecycle::DeliveryFailed),
        ),
        ("user_document_create", None),
        ("document_fieldinvite_consent_agreed", None),
    ];
    for (file, step) in cases {
        let before = seen.lock().unwrap().len();
        webhooks.handle(&handlers, &fixture(file), &headers).unwrap();
        let after = seen.lock().unwrap().clone();
        match step {
            Some(kind) => {
                assert_eq!(after.len(), before + 1, "{file}");
                let (got, document, signer) = after.last().unwrap();
                assert_eq!(*got, kind, "{file}");
                assert!(document.is_some(), "{file}");
                let with_signer = matches!(
                    kind,
                    Lifecycle::Viewed | Lifecycle::Signed | Lifecycle::Declined | Lifecycle::DeliveryFailed
                );
                assert_eq!(signer.is_some(), with_signer, "{file}");
            }
            None => assert_eq!(after.len(), before, "{file}"),
        }
    }
}

#[test]
fn only_the_credential_you_chose_is_accepted() {
    let body = fixture("user_document_complete");
    let webhooks = webhooks();
    assert!(dispatch(&webhooks, &body, &[(HEADER, TOKEN)]).is_ok());
    assert_eq!(
        dispatch(
            &webhooks,
            &body,
            &[(HEADER, "a-long-random-value-set-in-attributes.header")]
        ),
        Err(ErrorKind::AuthenticationFailed)
    );
    // Without the header, the body still names SignNow, and the error names the header.
    assert_eq!(
        dispatch(&webhooks, &body, &[]),
        Err(ErrorKind::MissingHeader {
            name: HEADER.to_owned()
        })
    );
    // Basic credentials sent as a custom `Authorization` header.
    let basic = Webhooks::builder()
        .signnow(signnow::Verifier::basic_auth("signnow", Secret::new("pa55-w0rd")))
        .build()
        .unwrap();
    let request = Signer::basic_auth("signnow", Secret::new("pa55-w0rd")).sign(&body);
    assert!(basic.dispatch(&request.body, &request.headers).is_ok());
    let forged = Signer::basic_auth("signnow", Secret::new("guess")).sign(&body);
    assert_eq!(
        basic.dispatch(&forged.body, &forged.headers).unwrap_err().kind(),
        &ErrorKind::AuthenticationFailed
    );
    // Nothing at all is only the explicitly dangerous choice.
    let open = Webhooks::builder()
        .signnow(signnow::Verifier::dangerous_accept_unverified())
        .build()
        .unwrap();
    assert!(dispatch(&open, &body, &[]).is_ok());
}

#[test]
fn the_access_token_in_the_body_is_kept_but_never_shown() {
    let webhooks = webhooks();
    let event = dispatch(&webhooks, &fixture("with_access_token"), &[(HEADER, TOKEN)]).unwrap();
    let token = event.meta.access_token.as_ref().unwrap();
    assert_eq!(token.expose(), "sn-access-token-3f9a2c");
    assert!(!format!("{event:?}").contains("sn-access-token"));
    // The same event as the one without the token: one dedup key.
    let plain = webhooks
        .dispatch(&fixture("user_document_complete"), &[(HEADER, TOKEN)])
        .unwrap();
    let with = webhooks
        .dispatch(&fixture("with_access_token"), &[(HEADER, TOKEN)])
        .unwrap();
    assert_eq!(DedupKey::of(&plain), DedupKey::of(&with));
    assert!(!format!("{with:?}").contains("sn-access-token"));
}
