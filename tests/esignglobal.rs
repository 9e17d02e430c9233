//! eSignGlobal: the vendor conformance suite (`common/vendor_conformance.rs`).
//!
//! What is eSignGlobal's own is tested where it was first written, beside the
//! other three vendors of the crate's first release: its fixtures' fields and
//! both channels in `tests/fixtures.rs`, dispatch and the configurable scheme
//! in `tests/dispatch.rs`, its registrar (`on`, `on_channel`) in
//! `tests/registry.rs`, deduplication in `tests/dedup.rs`, and its parser's
//! unit tests in `src/esignglobal/`.

#[path = "common/vendor_conformance.rs"]
mod vendor_conformance;

use esign_webhooks::{Vendor, esignglobal};
use vendor_conformance::Conformance;

/// The demo receiver's stand-in scheme signs `t.body` with a timestamp.
/// eSignGlobal's events are told apart by a field as generic as `event`, and
/// an event newer than the crate must still arrive: another vendor's body
/// under eSignGlobal's signature is kept as an unknown eSignGlobal event.
#[test]
fn conformance() {
    Conformance::new(Vendor::EsignGlobal)
        .timestamp_signed()
        .keeps_foreign_bodies_as_unknown()
        .registrar(|handlers, hits| {
            handlers
                .esignglobal()
                .on(esignglobal::EventKind::ALL, move |_| hits.hit());
        })
        .run();
}
