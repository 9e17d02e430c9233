//! Which models read a big body's strings as ranges of one shared copy of it
//! (`Plugin::SHARES_BODY_TEXT`), through `dispatch`: a model whose strings
//! grow with the body shares them; a model of a fixed handful of strings
//! copies them, and keeps no copy of the whole body alive.

use esign_webhooks::testing::demo;
use esign_webhooks::{Event, Vendor, signplus};

/// `fixture` of `vendor` with a `benchNotes` member of about 32 KiB added to
/// the object at `pointer`: big enough to be shared (16 KiB and more).
fn padded(vendor: Vendor, fixture: &str, pointer: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/{}/{fixture}",
        env!("CARGO_MANIFEST_DIR"),
        vendor.slug()
    );
    let mut body: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let notes: Vec<String> = (0..800).map(|i| format!("note {i:05}: added by a later API")).collect();
    body.pointer_mut(pointer)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .insert("benchNotes".into(), notes.into());
    serde_json::to_vec(&body).unwrap()
}

fn dispatch(vendor: Vendor, body: &[u8]) -> Event {
    let signed = demo::signer(vendor).sign(body);
    let uri = signed
        .query
        .map_or_else(|| "/hooks".to_owned(), |query| format!("/hooks?{query}"));
    let mut request = http::Request::post(uri).header("content-type", "application/json");
    for (name, value) in &signed.headers {
        request = request.header(name.as_str(), value.as_str());
    }
    let webhooks = demo::builder_for(vendor).build().unwrap();
    webhooks.dispatch_request(&request.body(signed.body).unwrap()).unwrap()
}

#[test]
fn a_model_of_growing_lists_shares_a_big_body() {
    let body = padded(Vendor::DocuSign, "envelope_completed.json", "/data");
    assert!(body.len() > 16 * 1024);
    let Event::DocuSign(event) = dispatch(Vendor::DocuSign, &body) else {
        panic!("not DocuSign")
    };
    let envelope_id = event.data.envelope_id.as_ref().unwrap();
    assert!(envelope_id.is_shared());
    // Detached, it no longer keeps the body alive, and reads the same.
    let detached = envelope_id.detach();
    assert!(!detached.is_shared() && detached == *envelope_id);
}

#[test]
fn a_model_of_a_fixed_handful_of_strings_copies_them() {
    let body = padded(Vendor::SignPlus, "envelope_completed.json", "/data");
    assert!(body.len() > 16 * 1024);
    let Event::SignPlus(event) = dispatch(Vendor::SignPlus, &body) else {
        panic!("not Sign.Plus")
    };
    let signplus::Data::Envelope(data) = &event.data else {
        panic!("not an envelope event")
    };
    assert!(!data.envelope_id.is_empty() && !data.envelope_id.is_shared());
}
