//! Every vendor's one-pass parse against its precise parse, on arbitrary
//! bytes: wherever the fast path accepts a body, both give the same event and
//! the same dedup key (which covers Ignisign's verification token).
#![no_main]

use esign_webhooks::{Vendor, testing};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for vendor in Vendor::ALL {
        if let Err(disagreement) = testing::fast_path_agrees(*vendor, data) {
            panic!("{vendor}: {disagreement}");
        }
    }
});
