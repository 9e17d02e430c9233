//! The vendor conformance suite: what every vendor must do, checked the same
//! way for each (as `dedup::conformance` is for stores), against the
//! all-vendors demo receiver of `testing::demo` and each vendor's demo signer.
//!
//! A `tests/<slug>.rs` declares what its vendor's proof covers and registers
//! on its typed registrar, then runs the suite; the rest of the file is what
//! is that vendor's own:
//!
//! ```ignore
//! Conformance::new(Vendor::ZohoSign)
//!     .registrar(|handlers, hits| {
//!         handlers.zohosign().on(OperationType::ALL, move |_| hits.hit());
//!     })
//!     .run();
//! ```
//!
//! The suite checks, for the vendor:
//! * every fixture (`tests/fixtures/<slug>/*.json`), signed, dispatches to
//!   that vendor's event, and twice to the same dedup key, also re-signed
//!   later (a redelivery);
//! * another key is refused (unless the vendor signs nothing);
//! * a body changed after signing is refused where the proof covers the body,
//!   and accepted where it does not (so the declaration is checked both ways);
//! * a stale timestamp is refused where one is signed, and accepted where none is;
//! * another vendor's body, signed with this vendor's credential, is never
//!   taken for this vendor's event (or, where declared, only for an unknown one);
//! * the lifecycle steps of every fixture are the same on every delivery,
//!   and some fixture gives one;
//! * with a deduplicator, a second delivery of the same event is a duplicate;
//! * the typed registrar fires for this vendor's events, never for another's.
#![allow(dead_code)] // each test file uses a part

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use esign_webhooks::dedup::{DedupKey, Deduplicator};
use esign_webhooks::registry::Unhandled;
use esign_webhooks::testing::{SignedRequest, demo};
use esign_webhooks::{ErrorKind, Event, HandlerError, Handlers, Lifecycle, Report, Vendor, Webhooks};

/// Counts the calls of a registered callback.
#[derive(Debug, Clone, Default)]
pub struct Hits(Arc<AtomicUsize>);

impl Hits {
    /// Counts one call; what a callback returns.
    pub fn hit(&self) -> Result<(), HandlerError> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// The calls so far.
    pub fn count(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

type Registrar = Box<dyn Fn(&mut Handlers, Hits)>;

/// A lifecycle step as recorded: kind, envelope id, signer id.
pub type Step = (Lifecycle, Option<String>, Option<String>);

/// The suite for one vendor: see the module documentation.
pub struct Conformance {
    vendor: Vendor,
    keyed: bool,
    body_covered: bool,
    timestamp_signed: bool,
    foreign_as_unknown: bool,
    registrar: Option<Registrar>,
}

impl Conformance {
    /// A vendor whose proof is keyed and covers the whole body, with no
    /// signed timestamp: change what differs with the methods below.
    pub fn new(vendor: Vendor) -> Self {
        Conformance {
            vendor,
            keyed: true,
            body_covered: true,
            timestamp_signed: false,
            foreign_as_unknown: false,
            registrar: None,
        }
    }

    /// The proof carries no key the receiver holds (Ignisign: a token
    /// checked later with the vendor's API), so another key is not refused.
    pub fn unkeyed(mut self) -> Self {
        self.keyed = false;
        self
    }

    /// The proof does not cover the body's bytes (a token, Basic
    /// credentials, a hash of some fields).
    pub fn body_not_covered(mut self) -> Self {
        self.body_covered = false;
        self
    }

    /// The proof signs a timestamp checked against a tolerance.
    pub fn timestamp_signed(mut self) -> Self {
        self.timestamp_signed = true;
        self
    }

    /// Another vendor's body, with this vendor's credential, is kept as this
    /// vendor's unknown event rather than refused: the vendor's events are
    /// told apart by a field as generic as `event`, and an event newer than
    /// the crate must still arrive (eSignGlobal, Sign.Plus). It must still
    /// never be taken for a known event.
    pub fn keeps_foreign_bodies_as_unknown(mut self) -> Self {
        self.foreign_as_unknown = true;
        self
    }

    /// Registers a callback on the vendor's typed registrar that calls
    /// `hits.hit()` for each of its events (e.g. `on(Kind::ALL, …)`).
    pub fn registrar(mut self, register: impl Fn(&mut Handlers, Hits) + 'static) -> Self {
        self.registrar = Some(Box::new(register));
        self
    }

    /// Runs every check; panics naming the vendor, the check and the fixture.
    pub fn run(self) {
        let vendor = self.vendor;
        let webhooks = demo::webhooks();
        let own = fixtures(vendor);
        assert!(
            !own.is_empty(),
            "{vendor}: no fixture in tests/fixtures/{}/",
            vendor.slug()
        );
        let signer = demo::signer(vendor);

        // Every fixture dispatches, to a stable dedup key.
        for (name, body) in &own {
            let request = signer.sign(body);
            let event = dispatch(&webhooks, &request)
                .unwrap_or_else(|err| panic!("{vendor} {name}: refused: {err} ({:?})", err.kind()));
            assert_eq!(event.vendor(), vendor, "{vendor} {name}: dispatched as another vendor");
            let again = dispatch(&webhooks, &request).unwrap();
            assert_eq!(DedupKey::of(&event), DedupKey::of(&again), "{vendor} {name}: dedup key");
            let later = signer.clone().at(demo::NOW + 60).sign(body);
            let redelivered = dispatch(&webhooks, &later)
                .unwrap_or_else(|err| panic!("{vendor} {name}: refused a minute later: {err}"));
            assert_eq!(
                DedupKey::of(&event),
                DedupKey::of(&redelivered),
                "{vendor} {name}: a redelivery's dedup key"
            );
        }

        let (name, body) = &own[0];
        // Another key.
        let forged = signer.clone().with_secret("not-the-demo-credential").sign(body);
        match (self.keyed, dispatch(&webhooks, &forged)) {
            (true, Ok(event)) => panic!("{vendor} {name}: another key accepted: {event:?}"),
            (true, Err(err)) => assert_eq!(
                err.status(),
                401,
                "{vendor} {name}: another key: {err} ({:?})",
                err.kind()
            ),
            (false, result) => assert!(result.is_ok(), "{vendor} {name}: unkeyed, yet refused: {result:?}"),
        }

        // A body changed after signing: one byte of JSON whitespace.
        let mut tampered = signer.sign(body);
        tampered.body.insert(1, b' ');
        match (self.body_covered, dispatch(&webhooks, &tampered)) {
            (true, Ok(_)) => panic!("{vendor} {name}: a changed body accepted, yet declared covered"),
            (true, Err(err)) => assert_eq!(err.status(), 401, "{vendor} {name}: a changed body: {err}"),
            (false, result) => assert!(
                result.is_ok(),
                "{vendor} {name}: a changed body refused, yet declared not covered: {result:?}"
            ),
        }

        // A stale timestamp: a day old.
        let stale = signer.clone().at(demo::NOW - 86_400).sign(body);
        match (self.timestamp_signed, dispatch(&webhooks, &stale)) {
            (true, Ok(_)) => panic!("{vendor} {name}: a day-old timestamp accepted, yet declared signed"),
            (true, Err(err)) => assert!(
                matches!(err.kind(), ErrorKind::TimestampOutOfTolerance { .. }),
                "{vendor} {name}: a day-old timestamp: {err} ({:?})",
                err.kind()
            ),
            (false, result) => assert!(
                result.is_ok(),
                "{vendor} {name}: a day-old delivery refused, yet no timestamp declared signed: {result:?}"
            ),
        }

        // Another vendor's body with this vendor's credential.
        for other in Vendor::ALL.iter().copied().filter(|other| *other != vendor) {
            let Some((other_name, other_body)) = fixtures(other).into_iter().next() else {
                continue;
            };
            let request = signer.sign(&other_body);
            match dispatch(&webhooks, &request) {
                Err(_) => {}
                // A vendor that signs nothing accepts its own body whatever else it carries.
                Ok(event) if event.vendor() == other && demo::secret_texts(other).is_empty() => {}
                Ok(event) if self.foreign_as_unknown && event.vendor() == vendor => {
                    let report = webhooks.handle_incoming(&handlers(), &request.incoming()).unwrap();
                    assert_eq!(
                        report.unhandled(),
                        Some(Unhandled::UnknownEvent),
                        "{vendor}: {other}'s {other_name} with {vendor}'s credential taken for a known event: {event:?}"
                    );
                }
                Ok(event) => panic!(
                    "{vendor}: {other}'s {other_name} with {vendor}'s credential dispatched as {}",
                    event.vendor()
                ),
            }
        }

        // Lifecycle: the same steps on every delivery; some fixture has one.
        let mut with_steps = 0;
        for (name, body) in &own {
            let request = signer.sign(body);
            let (steps, report) = lifecycle_steps(&webhooks, &request);
            assert!(report.failures().is_empty(), "{vendor} {name}: {:?}", report.failures());
            let (again, _) = lifecycle_steps(&webhooks, &request);
            assert_eq!(
                steps, again,
                "{vendor} {name}: lifecycle steps differ between deliveries"
            );
            with_steps += usize::from(!steps.is_empty());
        }
        assert!(with_steps > 0, "{vendor}: no fixture gives a lifecycle step");

        // A second delivery of the same event is a duplicate.
        let mut deduplicated = handlers();
        deduplicated.deduplicate_with(Deduplicator::in_memory());
        deduplicated.on_any(|_| Ok(()));
        let request = signer.sign(body);
        let first = webhooks.handle_incoming(&deduplicated, &request.incoming()).unwrap();
        assert!(
            !first.is_duplicate(),
            "{vendor} {name}: a first delivery is a duplicate"
        );
        let second = webhooks
            .handle_incoming(&deduplicated, &signer.clone().at(demo::NOW + 60).sign(body).incoming())
            .unwrap();
        assert!(
            second.is_duplicate(),
            "{vendor} {name}: a redelivery is not a duplicate"
        );

        // The typed registrar fires for this vendor's events only.
        let register = self
            .registrar
            .unwrap_or_else(|| panic!("{vendor}: no registrar given to the conformance suite"));
        let hits = Hits::default();
        let mut registered = handlers();
        register(&mut registered, hits.clone());
        for (name, body) in &own {
            let report = webhooks
                .handle_incoming(&registered, &signer.sign(body).incoming())
                .unwrap();
            assert!(report.failures().is_empty(), "{vendor} {name}: {:?}", report.failures());
        }
        assert!(hits.count() > 0, "{vendor}: the registrar never fired");
        assert!(
            hits.count() <= own.len(),
            "{vendor}: the registrar fired {} times",
            hits.count()
        );
        let before = hits.count();
        for other in Vendor::ALL.iter().copied().filter(|other| *other != vendor) {
            for (_, body) in fixtures(other).into_iter().take(1) {
                let request = demo::signer(other).sign(&body);
                let _ = webhooks.handle_incoming(&registered, &request.incoming());
            }
        }
        assert_eq!(
            hits.count(),
            before,
            "{vendor}: the registrar fired for another vendor's event"
        );
    }
}

/// Handlers that skip Ignisign's token check (the suite has no Ignisign API).
fn handlers() -> Handlers {
    let mut handlers = Handlers::new();
    handlers.dangerous_skip_ignisign_token_check();
    handlers
}

fn dispatch(webhooks: &Webhooks, request: &SignedRequest) -> Result<Event, esign_webhooks::Error> {
    webhooks.dispatch_incoming(&request.incoming())
}

/// Runs `request` through `handle_incoming` with one `on_lifecycle(ALL)`
/// callback and returns the steps it saw, with the report.
pub fn lifecycle_steps(webhooks: &Webhooks, request: &SignedRequest) -> (Vec<Step>, Report) {
    let seen: Arc<Mutex<Vec<Step>>> = Arc::default();
    let mut handlers = handlers();
    let sink = Arc::clone(&seen);
    handlers.on_lifecycle(Lifecycle::ALL, move |event| {
        sink.lock()
            .unwrap()
            .push((event.kind, event.envelope_id.clone(), event.signer_id.clone()));
        Ok(())
    });
    let report = webhooks
        .handle_incoming(&handlers, &request.incoming())
        .expect("handled");
    let steps = seen.lock().unwrap().clone();
    (steps, report)
}

/// Every `tests/fixtures/<slug>/*.json`, sorted by name: `(file stem, bytes)`;
/// empty when the folder is missing.
pub fn fixtures(vendor: Vendor) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(vendor.slug());
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}
