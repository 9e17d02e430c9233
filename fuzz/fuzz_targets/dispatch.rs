//! `Webhooks::dispatch_incoming` and `Webhooks::handle_incoming` over
//! arbitrary headers, query and body, with all sixteen vendors configured,
//! the callback registry and an in-memory deduplicator. The body limit is
//! 1 MiB, as `.ci/run`'s `-max_len`, so inputs reach the size limits.
#![no_main]

use std::sync::OnceLock;

use esign_webhooks::dedup::{DedupKey, Deduplicator, MemoryStore};
use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
use esign_webhooks::{
    FixedClock, Handlers, Incoming, Lifecycle, Secret, Webhooks, adobesign, boldsign, boxsign, constellation,
    documenso, docuseal, docusign, dropboxsign, esignglobal, ignisign, opensign, pandadoc, signplus, signwell, yousign,
    zohosign,
};
use esign_webhooks_fuzz::{NOW, Request};
use libfuzzer_sys::fuzz_target;

/// The eSignGlobal scheme the seeds are signed with (the tests' stand-in).
fn esg_scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::parameters("x-esg-signature", ["v1"]),
        SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
        Encoding::Hex,
    )
}

/// Every secret configured below, checked against every error's text.
const SECRETS: [&str; 16] = [
    "esg-secret",
    "sp-token",
    "c1-password",
    "docusign-secret",
    "dropboxsign-api-key",
    "boldsign-secret",
    "adobesign-url-token",
    "yousign-secret",
    "pandadoc-shared-key",
    "zohosign-secret",
    "documenso-secret",
    "docuseal-secret",
    "signwell-webhook-id",
    "opensign-secret",
    "boxsign-primary",
    "boxsign-secondary",
];

/// The Adobe Acrobat Sign client id (not a secret: it is echoed).
const ADOBE_CLIENT_ID: &str = "CBJCHBCAABAA-adobe-client-id";

struct Setup {
    webhooks: Webhooks,
    handlers: Handlers,
}

fn setup() -> Setup {
    let webhooks = Webhooks::builder()
        .esignglobal(esignglobal::Verifier::new(Secret::new("esg-secret"), esg_scheme()))
        .ignisign(ignisign::Verifier::new(
            "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b",
            ignisign::AppEnv::Development,
        ))
        .signplus(signplus::Verifier::query_token("token", Secret::new("sp-token")))
        .constellation(constellation::Verifier::basic_auth("esign", Secret::new("c1-password")))
        .docusign(docusign::Verifier::hmac([Secret::new("docusign-secret")]))
        .dropboxsign(dropboxsign::Verifier::new(Secret::new("dropboxsign-api-key")))
        .boldsign(boldsign::Verifier::new(Secret::new("boldsign-secret")))
        .adobesign(
            adobesign::Verifier::client_ids([ADOBE_CLIENT_ID])
                .with_query_token("token", Secret::new("adobesign-url-token")),
        )
        .yousign(yousign::Verifier::new(Secret::new("yousign-secret")))
        .pandadoc(pandadoc::Verifier::new(Secret::new("pandadoc-shared-key")))
        .zohosign(zohosign::Verifier::new(Secret::new("zohosign-secret")))
        .documenso(documenso::Verifier::new(Secret::new("documenso-secret")))
        .docuseal(docuseal::Verifier::new(Secret::new("docuseal-secret")))
        .signwell(signwell::Verifier::new(Secret::new("signwell-webhook-id")))
        .opensign(opensign::Verifier::new(Secret::new("opensign-secret")))
        .boxsign(boxsign::Verifier::new(
            Secret::new("boxsign-primary"),
            Secret::new("boxsign-secondary"),
        ))
        .max_body_size(1024 * 1024)
        .clock(FixedClock(NOW))
        .build()
        .expect("a valid configuration");
    let mut handlers = Handlers::new();
    handlers.on_any(|event| {
        let _ = format!("{event:?}");
        Ok(())
    });
    handlers.on_lifecycle(Lifecycle::ALL, |event| {
        let _ = (&event.envelope_id, event.kind);
        Ok(())
    });
    handlers.on_unhandled(|_| Ok(()));
    handlers.dangerous_skip_ignisign_token_check();
    // Small, to exercise eviction: memory must stay bounded over millions of runs.
    handlers.deduplicate_with(Deduplicator::new(MemoryStore::with_capacity(256)));
    Setup { webhooks, handlers }
}

static SETUP: OnceLock<Setup> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let setup = SETUP.get_or_init(setup);
    let request = Request::decode(data);
    let incoming = Incoming::new(request.body, &request.headers).with_query(request.query.as_deref());
    match setup.webhooks.dispatch_incoming(&incoming) {
        Ok(event) => {
            let _ = (format!("{event:?}"), DedupKey::of(&event));
        }
        Err(err) => {
            // Errors never carry a configured secret, nor a line break from the body.
            let text = err.to_string();
            for secret in SECRETS {
                let in_input = data.windows(secret.len()).any(|w| w == secret.as_bytes());
                assert!(in_input || !text.contains(secret), "{text}");
            }
            assert!(!text.contains('\n') && !text.contains('\r'), "{text:?}");
            let _ = err.status();
        }
    }
    if let Ok(report) = setup.webhooks.handle_incoming(&setup.handlers, &incoming) {
        assert!(report.failures().is_empty(), "{:?}", report.failures());
    }
});
