//! Sign.Plus's parser on arbitrary bytes: never panics; what parses
//! serializes back to `{hook, data}` and parses to an equal value.
#![no_main]

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{Event, Vendor, dangerous};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dangerous::parse_unverified(Vendor::SignPlus, data) {
        Ok(event) => {
            let key = DedupKey::of(&event);
            let Event::SignPlus(event) = event else {
                panic!("Sign.Plus bytes parsed as another vendor")
            };
            let _ = (event.kind(), event.envelope_id(), event.audit_action());
            let written = serde_json::to_vec(&event).expect("an event serializes");
            let again =
                dangerous::parse_unverified(Vendor::SignPlus, &written).expect("what the crate writes it reads");
            assert_eq!(DedupKey::of(&again), key, "the key does not depend on formatting");
            let Event::SignPlus(again) = again else {
                panic!("another vendor")
            };
            assert_eq!(again, event);
        }
        Err(err) => {
            let _ = (err.to_string(), err.status());
        }
    }
});
