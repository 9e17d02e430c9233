//! eSignGlobal's parser (both channels) on arbitrary bytes: never panics;
//! what parses serializes back to its wire shape and parses to an equal value.
#![no_main]

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{Event, Vendor, dangerous};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dangerous::parse_unverified(Vendor::EsignGlobal, data) {
        Ok(event) => {
            let key = DedupKey::of(&event);
            let Event::EsignGlobal(event) = event else {
                panic!("eSignGlobal bytes parsed as another vendor")
            };
            let _ = (event.kind(), event.channel(), event.envelope_id());
            let written = serde_json::to_vec(&event).expect("an event serializes");
            let again =
                dangerous::parse_unverified(Vendor::EsignGlobal, &written).expect("what the crate writes it reads");
            assert_eq!(DedupKey::of(&again), key, "the key does not depend on formatting");
            let Event::EsignGlobal(again) = again else {
                panic!("another vendor")
            };
            assert_eq!(again, event);
        }
        Err(err) => {
            let _ = (err.to_string(), err.status());
        }
    }
});
