//! # Adding a vendor
//!
//! A vendor is **its folder, one line in the vendor table, its cargo feature,
//! its fixtures and the rows that list every vendor**. The central code
//! (dispatch, deduplication, the registry, the framework glue, the
//! configuration file's reader) is generated from the table and calls the
//! vendor through the sealed [`Plugin`](crate::plugin::Plugin) trait: it names
//! no vendor.
//!
//! What you write is only what is your vendor's own. In the common case that
//! is a [`SimpleVendor`](crate::plugin::SimpleVendor) (which keys name the
//! body, the parse, the kind, the dedup key, the lifecycle) and a `Verifier`
//! made by `vendor_verifier!`, which also carries every check and the reading
//! of the vendor's configuration table.
//!
//! ## 1. The folder: `src/<slug>/`
//!
//! The slug is the vendor's stable lower-case id (`docusign`): its module,
//! builder method, registrar accessor, cargo feature, serde and `FromStr`
//! form of [`Vendor`](crate::Vendor), configuration key and dedup-key prefix.
//!
//! | File | What it holds |
//! |---|---|
//! | `mod.rs` | the module docs: the wire format, every documented event, the authentication and **what it proves and what not**, the response the vendor expects, its retries, a `# Lifecycle` table, the dedup key and why; `mod` lines and re-exports |
//! | models (`event.rs`, `kinds.rs`, …) | serde models of every documented field, `#[non_exhaustive]`; status and event enums with `crate::wire_enum::string_enum!` / `int_enum!`, which keep an unknown value as `Unknown(..)`; `pub const ALL: Filter<EventKind>` on the kind enum |
//! | `verify.rs` | `crate::verify::vendor_verifier!(Variant "Name")` and the constructors named after what the vendor documents (below) |
//! | `plugin.rs` | the marker type and `impl SimpleVendor` (or `impl Plugin`, below) |
//! | `tests.rs` | unit tests of the models and enums |
//!
//! A vendor folder imports only the core (`crate::{error, headers, verify,
//! plugin, filter, lifecycle, dedup_key, …}`) and never `dispatch`, `dedup`,
//! `registry` or `integrations`: `.ci/run` fails when it does.
//!
//! ## 2. `verify.rs`: the verifier owns its checks
//!
//! ```text
//! crate::verify::vendor_verifier!(Acme "Acme", documented = scheme);   // or without `documented`
//!
//! impl Verifier {
//!     /// Checks `X-Acme-Signature` with the webhook's secret.
//!     pub fn new(secret: Secret) -> Self {
//!         Verifier { inner: crate::verify::Verifier::hmac(scheme(), secret) }
//!     }
//! }
//! ```
//!
//! The macro defines `Verifier` over the shared engine with the constructors
//! every vendor has (`header_token`, `basic_auth`, `query_token`,
//! `from_engine`, `with_secret`, `dangerous_accept_unverified`) and
//! implements [`VendorVerifier`](crate::plugin::VendorVerifier) once for all
//! engine vendors: `validate`, `identifies`, `authenticate`, `is_unverified`
//! and `from_config` (the engine's configuration table; with
//! `documented = scheme`, `method = "hmac"` without `scheme` uses the
//! vendor's documented scheme). Add `documented = scheme` only when the
//! vendor publishes its HMAC scheme; never invent a header or an algorithm.
//!
//! A vendor whose proof is not a header or query credential (Ignisign's body
//! fields, Dropbox Sign's in-body hash, SignWell's event hash, Adobe's client
//! id) writes its own `Verifier` and implements `VendorVerifier` beside it;
//! one whose configuration keys are not the engine's overrides `read_table`
//! (Ignisign's `app_id`, `app_env`, `api_key_env`: read inside the file's
//! deserializer, so that errors keep their line and column).
//!
//! ## 3. `plugin.rs`: what is the vendor's own
//!
//! ```text
//! use super::{Event, EventKind, Verifier};
//! use crate::dedup_key::{DedupKey, Hasher};
//! use crate::lifecycle::{Lifecycle, LifecycleStep};
//! use crate::plugin::{BodyShape, SimpleVendor, private};
//! use crate::{Error, Vendor};
//!
//! /// The Acme plug-in (see [`SimpleVendor`]).
//! #[derive(Debug, Clone, Copy)]
//! #[non_exhaustive]
//! pub struct Acme;
//!
//! impl private::Sealed for Acme {}
//!
//! impl SimpleVendor for Acme {
//!     const VENDOR: Vendor = Vendor::Acme;
//!     type Verifier = Verifier;
//!     type Event = Event;
//!     type Kind = EventKind;
//!
//!     /// `acme_event` with `delivery_id`.
//!     fn claims(shape: &BodyShape<'_>) -> bool {
//!         shape.has("acme_event") && shape.has("delivery_id")
//!     }
//!
//!     fn parse(body: &[u8]) -> Result<Event, Error> {
//!         super::parse(body)
//!     }
//!
//!     fn kind(event: &Event) -> &EventKind {
//!         &event.acme_event
//!     }
//!
//!     /// `delivery_id`: the same on every retry.
//!     fn dedup_key(event: &Event) -> DedupKey {
//!         let mut hasher = Hasher::new(Vendor::Acme);
//!         hasher.part(event.delivery_id.as_bytes());
//!         hasher.finish()
//!     }
//!
//!     fn lifecycle(event: &Event) -> Option<LifecycleStep> {
//!         let kind = match event.acme_event {
//!             EventKind::DocumentSigned => Lifecycle::Signed,
//!             EventKind::DocumentDeclined => Lifecycle::Declined,
//!             _ => return None,
//!         };
//!         Some(LifecycleStep::new(kind, Some(&event.document_id)).signer(Some(&event.signer)))
//!     }
//! }
//! ```
//!
//! The rest of [`Plugin`](crate::plugin::Plugin) and
//! [`EventKinds`](crate::plugin::EventKinds) (so the registrar has
//! `on(kind, callback)`) follows by a blanket impl: `kind_name` is the kind's
//! wire name, the event is what callbacks receive, `is_unknown` asks the
//! kind, the verifier authenticates the whole body. The optional hooks:
//!
//! | `SimpleVendor` item | Default | Override when |
//! |---|---|---|
//! | `claims` | — (required) | say which **distinctive** top-level keys name your vendor (never `event` or `data` alone; `BodyShape` gives the keys of an array's first element too, and one level below the top with `has_in` and `text_in`: never read the body again) |
//! | `claims_weakly` | never | your vendor's body has only generic keys: it then only breaks ties between configured credentials |
//! | `parse` | — (required) | the precise parse, with [`MalformedPayload`](crate::ErrorKind::MalformedPayload) paths |
//! | `fast_parse` | none | you measured a one-pass parse faster; the `differential` fuzz target checks it agrees with `parse` |
//! | `authenticate` | the verifier's check | a check of the vendor's own around the verifier's (Box Sign's version header) |
//! | `kind`, `dedup_key`, `lifecycle` | — (required) | the vendor's delivery or event id when it sends one; otherwise what identifies *what happened* (never a time the vendor recomputes per attempt); map your events onto [`Lifecycle`](crate::Lifecycle) |
//! | `is_unknown` | the kind is unknown | the event also carries statuses that may be newer than the crate |
//! | `success_response` | 200, empty | the vendor requires a body or a header in the answer |
//! | `SENDER` (also on `Plugin`) | [`SenderModel::UNPUBLISHED`](crate::plugin::SenderModel::UNPUBLISHED) | always, from the module docs' "response and retries": what the vendor's sender does about a failed delivery (`SenderModel::new`), the setup handshakes it sends (`with_setup`) and what it requires of an answer beyond a 2xx (`with_answer_check`); the simulator (`testing::simulator`), the end-to-end matrix and `esign-webhooks check` read it |
//! | `SHARES_BODY_TEXT` (also on `Plugin`) | `true` | your model reads a fixed handful of strings however big the body is (no list of signers, recipients or documents): set `false`, and a big body's strings are copied one by one instead of the body being copied whole and shared ([`Text`](crate::Text)) |
//!
//! **When `SimpleVendor` does not fit**, implement [`Plugin`](crate::plugin::Plugin)
//! in full (and [`EventKinds`](crate::plugin::EventKinds) when each event has
//! one kind), as Ignisign, Dropbox Sign, SignWell, Adobe Acrobat Sign,
//! PandaDoc, eSignGlobal and Constellation1 do:
//!
//! | `Plugin` item | Default | Override when |
//! |---|---|---|
//! | `authenticate_part` | the verifier's check, the whole body verified, nothing kept | the proof covers one part of the body (Dropbox Sign's `json` field: report its place, found with the request's headers), or the event keeps a request value outside the body (Adobe's client id, PandaDoc's event id) |
//! | `parse_part` | `fast_parse`, then `parse`, on the verified part | the part is not a whole body (Dropbox Sign's JSON, never re-framed), or the kept value goes into the event |
//! | `authenticate_part_to_parse` | `authenticate_part` | the proof lies in the body and `dispatch` parses the part at once: read the body only up to the proof's member (`json_text::member` with `Reading::UpToKey`), since the parse reads and checks the rest (`SimpleVendor::authenticate_to_parse` for a simple vendor) |
//! | `receive` | `authenticate_part_to_parse` then `parse_part` | only for speed, and it must agree with them: the `split` fuzz target checks `dispatch` against `verify` + `VerifiedBody::parse` |
//! | `into_confirmed` | — (required) | `Ok(event)`, unless callbacks must wait for a confirmation phase ([`Confirmation`](crate::plugin::Confirmation), as Ignisign's token check) |
//! | `kind_name` | — (required) | the event has no single kind enum (eSignGlobal's channels, PandaDoc's array) |
//! | `RETRY_ON_FAILURE` | `true` | a retry could not be verified again (a spent token) |
//! | `AUTHENTICATED_BEFORE_PARSE` | `true` | the delivery is authenticated only after the parse (a confirmation phase): its bodies are then never called unreadable |
//! | `intent_response`, `intent_response_incoming` | none; the second calls the first | the vendor sends requests that are not deliveries (a GET check): check every configured credential in `intent_response_incoming`, which sees the query |
//! | `setup_request` (also on `SimpleVendor`) | none | the vendor sends a setup handshake while the webhook is registered (BoldSign's `Verification`, a dashboard's unsigned test): recognise its exact documented shape, return a `SetupRequest` (its 2xx answer) or an `UnsignedDashboardTest` refusal, and document it in the module and the security manual |
//!
//! ## 4. The table line and the feature
//!
//! In `src/vendor.rs`, in the `vendor_table!` macro, one line:
//!
//! ```text
//! DocuSign docusign DocuSign "docusign" "DocuSign Connect" "docusign";
//! ```
//!
//! (variant, module, marker type, slug, the vendor's own spelling, cargo
//! feature). From it come the [`Vendor`](crate::Vendor) variant, the
//! [`Event`](crate::Event) and [`ConfirmedEvent`](crate::ConfirmedEvent)
//! variants, `WebhooksBuilder::<slug>(..)`, `Handlers::<slug>()` and
//! `AsyncHandlers::<slug>()`, the configuration file's `[<slug>]` table, and
//! every per-vendor arm of dispatch, deduplication, lifecycle, confirmation
//! and the report's status.
//!
//! Then the lines that name the module: `#[cfg(feature = "<slug>")] pub mod
//! <slug>;` in `src/lib.rs` and the feature `<slug> = []` in `Cargo.toml`
//! (added to `all-vendors`). A table line without its feature is a compile
//! error (`#![deny(unexpected_cfgs)]`: `unexpected cfg condition value:
//! <slug>`); the feature without the `pub mod` line fails with `cannot find
//! <slug> in crate`, pointing at the table line.
//!
//! ## 5. Fixtures, tests, seeds, rows
//!
//! `tests/vendor_table.rs` walks [`Vendor::ALL`](crate::Vendor::ALL) and
//! fails, naming the vendor and the missing piece, until each of these
//! exists:
//!
//! * `tests/fixtures/<slug>/`: one realistic delivery per documented event
//!   (the vendor's published examples verbatim where there are some; a
//!   `README.md` there says where each comes from).
//! * `tests/<slug>.rs`, which runs the vendor conformance suite
//!   (`Conformance::new(Vendor::<Variant>)…run()` from
//!   `tests/common/vendor_conformance.rs`: every fixture dispatches; a wrong
//!   key, a tampered body where covered, a stale timestamp where signed and
//!   another vendor's body are refused; dedup keys and lifecycle are stable;
//!   the registrar fires), then only what is the vendor's own: its published
//!   test vectors with their source, its fields, its answer.
//! * Its demo credentials and signer in [`testing::demo`](crate::testing::demo)
//!   (a `match` on `Vendor` with no catch-all: a missing entry does not
//!   compile). The all-vendors receiver of the tests, the fuzz targets and the
//!   CLI's `send` come from there.
//! * Its fuzz seeds, `WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds`, and
//!   the fuzz dictionary, `REGENERATE=1 cargo test --test generated`.
//! * The README's rows ("What is verified", the feature table) and the
//!   security manual's row.
//!
//! The CLI's samples are the fixtures themselves (embedded by `cli/build.rs`),
//! so a vendor with fixtures has samples.
//!
//! A registrar method beyond `on(kind)` (several dimensions, as Ignisign's
//! topic, action and nature) lives in `src/registry/registrars/<slug>.rs`,
//! because registrations are the registry's layer.
