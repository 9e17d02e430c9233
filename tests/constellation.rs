//! Constellation1 eSign: the vendor conformance suite
//! (`common/vendor_conformance.rs`).
//!
//! What is Constellation1's own is tested where it was first written: its
//! fixtures (PascalCase and camelCase) in `tests/fixtures.rs`, dispatch with
//! Basic credentials or a URL token in `tests/dispatch.rs`, its registrar
//! (`on_session_status`, `on_signer_status`) in `tests/registry.rs`, and its
//! parser's unit tests in `src/constellation/`.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use esign_webhooks::{Vendor, constellation};
use vendor_conformance::Conformance;

/// Constellation1 signs nothing: the demo receiver authenticates Basic
/// credentials in the registered URL, which cover no body and no time.
#[test]
fn conformance() {
    Conformance::new(Vendor::Constellation)
        .body_not_covered()
        .registrar(|handlers, hits| {
            let session = hits.clone();
            handlers
                .constellation()
                .on_session_status(constellation::SessionStatus::ALL, move |_| session.hit());
            handlers
                .constellation()
                .on_signer_status(constellation::SignerStatus::ALL, move |_| hits.hit());
        })
        .run();
}
