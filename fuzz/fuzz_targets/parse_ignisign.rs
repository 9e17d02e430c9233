//! Ignisign's parser on arbitrary bytes: never panics; a delivery's message
//! serializes and deserializes back to an equal value.
#![no_main]

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::ignisign::{Content, Message, MsgNature};
use esign_webhooks::{Event, Vendor, dangerous};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match dangerous::parse_unverified(Vendor::Ignisign, data) {
        Ok(event) => {
            let _ = DedupKey::of(&event);
            let Event::Ignisign(delivery) = event else {
                panic!("Ignisign bytes parsed as another vendor")
            };
            let _ = format!("{delivery:?}");
            let message = delivery.dangerous_skip_token_check();
            let written = serde_json::to_vec(&message).expect("a message serializes");
            let again: Message = serde_json::from_slice(&written).expect("what the crate writes it reads");
            if again != message {
                // An error report's content kept as raw JSON because it did not read as
                // its DTO only for what a JSON value cannot keep (a key given twice)
                // reads back typed, once; from then on it is stable.
                assert!(
                    message.msg_nature == MsgNature::Error,
                    "{message:?} read back as {again:?}"
                );
                assert!(
                    matches!(message.content, Some(Content::Unknown(_))),
                    "{message:?} read back as {again:?}"
                );
                let twice: Message = serde_json::from_slice(&serde_json::to_vec(&again).expect("serializes"))
                    .expect("what the crate writes it reads");
                assert_eq!(twice, again);
            }
        }
        Err(err) => {
            let _ = (err.to_string(), err.status());
        }
    }
});
