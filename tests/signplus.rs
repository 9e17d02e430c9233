//! Sign.Plus: the vendor conformance suite (`common/vendor_conformance.rs`).
//!
//! What is Sign.Plus's own is tested where it was first written: its
//! fixtures in `tests/fixtures.rs`, dispatch with a URL token or a gateway's
//! header in `tests/dispatch.rs`, its registrar (`on`, `on_audit_action`) in
//! `tests/registry.rs`, and its parser's unit tests in `src/signplus/`.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use esign_webhooks::{Vendor, signplus};
use vendor_conformance::Conformance;

/// Sign.Plus signs nothing: the demo receiver authenticates a token in the
/// URL, which covers no body and no time. Its events are told apart by
/// `hook.event` only, and an event newer than the crate must still arrive:
/// another vendor's body with the URL token is kept as an unknown event.
#[test]
fn conformance() {
    Conformance::new(Vendor::SignPlus)
        .body_not_covered()
        .keeps_foreign_bodies_as_unknown()
        .registrar(|handlers, hits| {
            handlers.signplus().on(signplus::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}
