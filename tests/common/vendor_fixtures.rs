//! Shared helpers of the per-vendor integration tests (`tests/<slug>.rs`):
//! loading a vendor's fixtures and recording the lifecycle steps a delivery
//! produces through `Handlers::on_lifecycle`.
#![allow(dead_code)] // each test file uses a part

use std::sync::{Arc, Mutex};

use esign_webhooks::{Handlers, Incoming, Lifecycle, Report, Webhooks};

/// Every `tests/fixtures/<slug>/*.json` file, sorted by name: `(file stem, bytes)`.
pub fn load(slug: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(slug);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// One fixture by stem.
pub fn fixture(slug: &str, stem: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(slug)
        .join(format!("{stem}.json"));
    std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// A lifecycle step as recorded: kind, envelope id, signer id.
pub type Step = (Lifecycle, Option<String>, Option<String>);

/// Runs `incoming` through `webhooks.handle_incoming` with one `on_lifecycle(ALL)`
/// callback and returns the steps it saw, with the report.
pub fn lifecycle_steps<H: esign_webhooks::Headers + ?Sized>(
    webhooks: &Webhooks,
    incoming: &Incoming<'_, H>,
) -> (Vec<Step>, Report) {
    let seen: Arc<Mutex<Vec<Step>>> = Arc::default();
    let mut handlers = Handlers::new();
    let sink = Arc::clone(&seen);
    handlers.on_lifecycle(Lifecycle::ALL, move |event| {
        sink.lock()
            .unwrap()
            .push((event.kind, event.envelope_id.clone(), event.signer_id.clone()));
        Ok(())
    });
    let report = webhooks.handle_incoming(&handlers, incoming).expect("handled");
    let steps = seen.lock().unwrap().clone();
    (steps, report)
}
