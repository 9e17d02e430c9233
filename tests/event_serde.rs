//! A dispatched `Event` is stored and read back (issue: queueing), for every
//! fixture of every vendor: the same event, the same dedup key.

mod common;

use esign_webhooks::dedup::DedupKey;
use esign_webhooks::{Event, Vendor, dangerous};

#[test]
fn every_fixture_round_trips_through_serde() {
    let mut checked = 0;
    for vendor in Vendor::ALL {
        for ext in ["json", "multipart"] {
            for (name, body) in common::fixtures_with(vendor.slug(), ext) {
                // Fixtures about errors or other vendors' formats do not parse; skip those.
                let Ok(event) = dangerous::parse_unverified(*vendor, &body) else {
                    continue;
                };
                let stored = serde_json::to_vec(&event).unwrap_or_else(|err| panic!("{vendor} {name}: {err}"));
                let again: Event = serde_json::from_slice(&stored)
                    .unwrap_or_else(|err| panic!("{vendor} {name}: {err}\n{}", String::from_utf8_lossy(&stored)));
                assert_eq!(again.vendor(), *vendor);
                assert_eq!(format!("{again:?}"), format!("{event:?}"), "{vendor} {name}");
                assert_eq!(DedupKey::of(&again), DedupKey::of(&event), "{vendor} {name}");
                checked += 1;
            }
        }
    }
    assert!(checked >= 200, "only {checked} fixtures round-tripped");
}

#[test]
fn a_stored_event_names_its_vendor_by_slug() {
    let body = common::fixture("constellation", "session_completed_pascal.json");
    let event = dangerous::parse_unverified(Vendor::Constellation, &body).unwrap();
    let value = serde_json::to_value(&event).unwrap();
    assert_eq!(value["vendor"], "constellation");
    let wrong = serde_json::json!({"vendor": "nope", "event": value["event"]});
    assert!(serde_json::from_value::<Event>(wrong).is_err());
}
