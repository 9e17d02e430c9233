//! Ignisign: the vendor conformance suite (`common/vendor_conformance.rs`).
//!
//! What is Ignisign's own is tested where it was first written: its fixtures
//! in `tests/fixtures.rs`, dispatch and the app id and environment checks in
//! `tests/dispatch.rs`, the token check (`Delivery::confirm`, the
//! registrar's `confirm_with`) in `tests/registry.rs`, `tests/dedup.rs`,
//! `tests/dedup_before_auth.rs` and `tests/reqwest_transport.rs`, and its
//! parser's unit tests in `src/ignisign/`.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use esign_webhooks::Vendor;
use esign_webhooks::ignisign::{Action, MsgNature, Topic};
use vendor_conformance::Conformance;

/// Ignisign signs nothing: its proof is a single-use token checked later
/// with its API (the suite skips that check), so no key is refused and the
/// body is not covered locally.
#[test]
fn conformance() {
    Conformance::new(Vendor::Ignisign)
        .unkeyed()
        .body_not_covered()
        .registrar(|handlers, hits| {
            handlers
                .ignisign()
                .on(Topic::ALL, Action::ALL, MsgNature::ALL, move |_| hits.hit());
        })
        .run();
}
