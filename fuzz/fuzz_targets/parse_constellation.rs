//! Constellation1's parser on arbitrary bytes: never panics; what parses
//! serializes back to PascalCase and parses to an equal value.
#![no_main]

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{Event, Vendor, dangerous};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dangerous::parse_unverified(Vendor::Constellation, data) {
        Ok(event) => {
            let key = DedupKey::of(&event);
            let Event::Constellation(update) = event else {
                panic!("Constellation1 bytes parsed as another vendor")
            };
            let written = serde_json::to_vec(&update).expect("an update serializes");
            let again =
                dangerous::parse_unverified(Vendor::Constellation, &written).expect("what the crate writes it reads");
            assert_eq!(DedupKey::of(&again), key, "the key does not depend on formatting");
            let Event::Constellation(again) = again else {
                panic!("another vendor")
            };
            assert_eq!(again, update);
        }
        Err(err) => {
            let _ = (err.to_string(), err.status());
        }
    }
});
