//! `Webhooks::dispatch_incoming` and `Webhooks::handle_incoming` over
//! arbitrary headers, query and body, with every vendor configured
//! (`testing::demo::webhooks`),
//! the callback registry and an in-memory deduplicator. The body limit is
//! 1 MiB, as `.ci/run`'s `-max_len`, so inputs reach the size limits.
#![no_main]

use std::sync::OnceLock;

use esign_webhooks::dedup::{DedupKey, Deduplicator, MemoryStore};
use esign_webhooks::testing::demo;
use esign_webhooks::{Handlers, Incoming, Lifecycle, Webhooks};
use esign_webhooks_fuzz::Request;
use libfuzzer_sys::fuzz_target;

struct Setup {
    webhooks: Webhooks,
    handlers: Handlers,
    /// Every configured secret, checked against every error's text.
    secrets: Vec<&'static str>,
}

fn setup() -> Setup {
    let webhooks = demo::webhooks();
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
    Setup {
        webhooks,
        handlers,
        secrets: demo::all_secret_texts(),
    }
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
            for secret in &setup.secrets {
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
