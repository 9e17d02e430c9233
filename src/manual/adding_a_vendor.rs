//! # Adding a vendor
//!
//! A vendor is **its folder, one line in the vendor table, its fixtures and its
//! fuzz seeds**. The central code (dispatch, deduplication, the registry, the
//! framework glue) is generated from the table and calls the vendor through
//! the sealed [`Plugin`](crate::plugin::Plugin) trait: it names no vendor, so
//! there is nothing else to edit, and nothing to forget.
//!
//! ## 1. The folder: `src/<slug>/`
//!
//! The slug is the vendor's stable lower-case id (`docusign`): its module,
//! builder method, registrar accessor, cargo feature, serde and `FromStr`
//! form of [`Vendor`](crate::Vendor), configuration key and dedup-key prefix.
//!
//! | File | What it holds |
//! |---|---|
//! | `mod.rs` | the module docs: the wire format, every documented event, the authentication and **what it proves and what not**, the response the vendor expects, its retries, a `# Lifecycle` table, the dedup key and why |
//! | models (`event.rs`, …) | serde models of every documented field, `#[non_exhaustive]`; status and event enums with `crate::wire_enum::string_enum!` / `int_enum!`, which keep an unknown value as `Unknown(..)` |
//! | `verify.rs` | `crate::verify::vendor_verifier!("Name")` (header token, Basic, query token, rotation, `dangerous_accept_unverified`) plus constructors named after what the vendor documents (`Verifier::new(secret)` building an [`HmacScheme`](crate::verify::HmacScheme)) |
//! | `plugin.rs` | `pub struct <Marker>;`, `impl private::Sealed`, `impl Plugin` and, when each event has one kind, `impl EventKinds` (the registrar then has `on(kind, callback)`); `pub const ALL: Filter<EventKind>` on the kind enum |
//! | `tests.rs` | unit tests of the models and enums |
//!
//! A vendor folder imports only the core (`crate::{error, headers, verify,
//! plugin, filter, lifecycle, dedup_key, …}`) and never `dispatch`, `dedup`,
//! `registry` or `integrations`: `.ci/run` fails when it does.
//!
//! ## 2. The trait: override only what differs
//!
//! | Method | Default | Override when |
//! |---|---|---|
//! | `engine` | — (required) | return the engine verifier inside your `Verifier`, or `None` for a check of your own |
//! | `validate`, `identifies`, `authenticate` | the engine's | the proof is not a header or query credential (Ignisign's body fields, Dropbox Sign's in-body hash) |
//! | `claims` | — (required) | say which **distinctive** top-level keys name your vendor (never `event` or `data` alone; `BodyShape` gives the keys of an array's first element too) |
//! | `claims_weakly` | never | your vendor's body has only generic keys: it then only breaks ties between configured credentials |
//! | `parse` | — (required) | the precise parse, with [`Error::malformed_payload`-style](crate::ErrorKind::MalformedPayload) paths |
//! | `fast_parse` | none | you measured a one-pass parse faster; the `differential` fuzz target checks it agrees with `parse` |
//! | `authenticate_part` | `authenticate`, the whole body verified, nothing kept | the proof covers one part of the body (Dropbox Sign's `json` field: report its place, found with the request's headers), or the event keeps a request value outside the body (Adobe's client id, PandaDoc's event id) |
//! | `parse_part` | `fast_parse`, then `parse`, on the verified part | the part is not a whole body (Dropbox Sign's JSON, never re-framed), or the kept value goes into the event |
//! | `receive` | `authenticate_part` then `parse_part` | only for speed, and it must agree with them: the `split` fuzz target checks `dispatch` against `verify` + `VerifiedBody::parse` |
//! | `into_confirmed` | — (required) | `Ok(event)`, unless callbacks must wait for a confirmation phase ([`Confirmation`](crate::plugin::Confirmation), as Ignisign's token check) |
//! | `dedup_key` | — (required) | the vendor's delivery or event id when it sends one; otherwise what identifies *what happened* (never a time the vendor recomputes per attempt) |
//! | `lifecycle`, `is_unknown` | — (required) | map your events onto [`Lifecycle`](crate::Lifecycle) |
//! | `RETRY_ON_FAILURE` | `true` | a retry could not be verified again (a spent token) |
//! | `success_response` | 200, empty | the vendor requires a body or a header in the answer |
//! | `intent_response`, `intent_response_incoming` | none; the second calls the first | the vendor sends requests that are not deliveries (a GET check): check every configured credential in `intent_response_incoming`, which sees the query |
//!
//! ## 3. The table line
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
//! `AsyncHandlers::<slug>()`, and every per-vendor arm of dispatch,
//! deduplication, lifecycle, confirmation and the report's status.
//!
//! Then, outside the folder, the few lines that name the module:
//! `#[cfg(feature = "<slug>")] pub mod <slug>;` in `src/lib.rs`, the feature
//! `<slug> = []` in `Cargo.toml` (added to `default`), and the feature in the
//! `cfg_attr` at the top of `src/lib.rs` that relaxes lints for partial
//! builds.
//!
//! ## 4. Fixtures, tests, seeds
//!
//! * `tests/fixtures/<slug>/`: one realistic delivery per documented event
//!   (the vendor's published examples verbatim where there are some; a
//!   `README.md` there says where each comes from).
//! * `tests/<slug>.rs`: every fixture through `Webhooks::dispatch` with the
//!   real scheme ([`testing::Signer`](crate::testing::Signer)); a wrong key,
//!   a tampered body (where covered), a stale timestamp (where signed) and
//!   another vendor's body refused; the vendor's published test vectors, with
//!   their source; `Event::success_response`, the dedup key, the lifecycle
//!   mapping, and the registrar.
//! * Fuzzing: the `parse_*`-style and `differential` targets read
//!   `tests/fixtures/` directly; add the vendor to `fuzz/fuzz_targets/dispatch.rs`
//!   and its signed seeds to `tests/fuzz_seeds.rs` (regenerate with
//!   `WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds`).
//!
//! ## 5. What a vendor still touches outside its folder
//!
//! Documentation that lists every vendor: the README's vendor table, the
//! security manual's row, the quickstart example. A registrar method beyond
//! `on(kind)` (several dimensions, as Ignisign's topic, action and nature)
//! lives in `src/registry/registrars/<slug>.rs`, because registrations are the
//! registry's layer.
