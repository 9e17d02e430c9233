//! The split path against `dispatch`: for arbitrary requests (body, headers
//! including `Content-Type`, query) with every vendor configured (`testing::demo`),
//! `Webhooks::verify_incoming` then `VerifiedBody::parse` (also after
//! `into_owned`, and after the stored form's round trip) accepts exactly what
//! `Webhooks::dispatch_verified` accepts, with the same event, the same
//! `Verified` and the same dedup key; `into_bytes` then
//! `dangerous::parse_unverified` gives the same event too (less the request
//! value some vendors keep beside the body).
#![no_main]

use std::sync::OnceLock;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::testing::demo;
use esign_webhooks::{Event, Incoming, Vendor, VerifiedBody, Webhooks, dangerous};
use esign_webhooks_fuzz::Request;
use libfuzzer_sys::fuzz_target;

static WEBHOOKS: OnceLock<Webhooks> = OnceLock::new();

/// Panics unless `split` is the event `dispatch` gave.
fn same(path: &str, dispatched: &Event, split: Result<Event, esign_webhooks::Error>) {
    let split = split.unwrap_or_else(|err| panic!("dispatch accepted, {path} refused: {err}"));
    assert_eq!(format!("{dispatched:?}"), format!("{split:?}"), "{path}");
    assert_eq!(DedupKey::of(dispatched), DedupKey::of(&split), "{path}");
}

fuzz_target!(|data: &[u8]| {
    let webhooks = WEBHOOKS.get_or_init(demo::webhooks);
    let request = Request::decode(data);
    let incoming = Incoming::new(request.body, &request.headers).with_query(request.query.as_deref());
    let dispatched = webhooks.dispatch_verified(&incoming);
    let verified = webhooks.verify_incoming(&incoming);
    let (event, proof, body) = match (dispatched, verified) {
        (Ok((event, proof)), Ok(body)) => (event, proof, body),
        (Err(_), Ok(body)) => {
            // Authenticated, but the event does not parse: the split path refuses it too.
            assert!(body.parse().is_err(), "dispatch refused what verify + parse accepts");
            let stored = VerifiedBody::from_trusted_store(&body.to_stored()).expect("the stored form reads back");
            assert!(
                stored.parse().is_err(),
                "dispatch refused what the stored round trip accepts"
            );
            return;
        }
        (Ok(_), Err(err)) => panic!("dispatch accepted what verify refuses: {err}"),
        (Err(_), Err(_)) => return,
    };
    assert_eq!(&proof, body.verified());
    assert_eq!(event.vendor(), body.vendor());
    same("verify + parse", &event, body.parse());
    same("into_owned + parse", &event, body.clone().into_owned().parse());
    let stored = VerifiedBody::from_trusted_store(&body.to_stored()).expect("the stored form reads back");
    assert_eq!(stored, body.clone().into_owned());
    same("stored + parse", &event, stored.parse());
    let part = body.verified_part().to_vec();
    let bytes = body.into_bytes();
    assert_eq!(part, bytes);
    let unverified = dangerous::parse_unverified(event.vendor(), &bytes);
    // Adobe's client id and PandaDoc's event id come from the request, not the bytes.
    if !matches!(event.vendor(), Vendor::AdobeSign | Vendor::PandaDoc) {
        same("into_bytes + parse_unverified", &event, unverified);
    } else {
        assert!(unverified.is_ok(), "into_bytes + parse_unverified refused");
    }
});
