//! Many tenants, one endpoint: each request verified with the credentials
//! of the tenant (the customer account) it is for, resolved at request time.
//!
//! Platforms that integrate e-signature for their own customers receive
//! webhooks from many vendor accounts, each with its own secret (one
//! DocuSign Connect HMAC key per account, one Dropbox Sign API key per app,
//! one BoldSign secret per webhook…). Putting every tenant's secret into one
//! [`Webhooks`](crate::Webhooks) would accept tenant A's signature on
//! tenant B's endpoint, and cost one HMAC per tenant per request. Instead:
//!
//! 1. a [`TenantSource`] names the tenant from the request: a path segment
//!    (`/webhooks/{tenant}`), a header, a query parameter, or the vendor's
//!    own account id inside the delivery ([`TenantSource::vendor_account`]);
//! 2. your [`TenantResolver`] gives that tenant's [`Webhooks`](crate::Webhooks), configured
//!    with **its credentials only** (from your database, your secrets
//!    manager, or [`TenantsConfig`] files);
//! 3. [`Tenants`] caches the answer (bounded, with expiry, negative entries
//!    for unknown ids, [`invalidate`](Tenants::invalidate) for rotation) and
//!    verifies the request with it, then hands you the tenant and the event.
//!
//! ```
//! use std::sync::Arc;
//! use esign_webhooks::tenant::{MapResolver, TenantId, TenantSource, Tenants};
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::{Secret, Webhooks, yousign};
//!
//! let resolver = Arc::new(MapResolver::new(TenantSource::path_segment(1)));
//! for (tenant, key) in [("acme", "acme-yousign-secret"), ("globex", "globex-yousign-secret")] {
//!     let webhooks = Webhooks::builder().yousign(yousign::Verifier::new(Secret::new(key))).build()?;
//!     resolver.insert(TenantId::new(tenant)?, webhooks);
//! }
//! let tenants = Tenants::builder(resolver.clone()).build();
//!
//! let body = include_bytes!("../../tests/fixtures/yousign/signature_request_done.json");
//! let signed = Signer::hmac(yousign::scheme(), Secret::new("acme-yousign-secret")).sign(body);
//! # tokio_test(async {
//! // acme's delivery on acme's route: accepted, for acme
//! let (tenant, event) = tenants.dispatch_request(&signed.to_http_request("/webhooks/acme")).await?;
//! assert_eq!(tenant.as_str(), "acme");
//! // the same delivery on globex's route: refused, globex's key does not verify it
//! let err = tenants.dispatch_request(&signed.to_http_request("/webhooks/globex")).await.unwrap_err();
//! assert_eq!(err.status(), 401);
//! // a tenant nobody knows: 401 too, so that tenants cannot be enumerated
//! let err = tenants.dispatch_request(&signed.to_http_request("/webhooks/initech")).await.unwrap_err();
//! assert!(matches!(err.kind(), esign_webhooks::ErrorKind::UnknownTenant));
//! # Ok::<(), esign_webhooks::Error>(())
//! # })?;
//! # fn tokio_test<F: std::future::Future>(f: F) -> F::Output {
//! #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f)
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Why routing on an unverified value is safe
//!
//! The tenant is named **before** anything is verified, from values a
//! sender chooses (a path, a header, a body field). That is safe because
//! naming a tenant grants nothing: the request must then pass the named
//! tenant's own checks, with the named tenant's own credentials, and
//! nothing else.
//!
//! * Each tenant's [`Webhooks`](crate::Webhooks) holds that tenant's secrets only, so a
//!   signature made with tenant A's key verifies on A's receiver and on no
//!   other: naming tenant B (in the path, a header, or B's account id
//!   written into the body) gets A's delivery checked with B's key, and
//!   refused. A sender without B's key cannot make B accept anything, by
//!   any route. The crate's tests send every vendor's delivery signed with
//!   one tenant's key to another tenant's route and with the other tenant's
//!   account id in its body, and check the refusal.
//! * Where a vendor's proof does not cover the whole body (Dropbox Sign and
//!   SignWell sign the event's time and type, Documenso sends its secret in
//!   a header), the account id in the body is not covered either: rewriting
//!   it only changes whose key is asked, and the delivery still verifies
//!   only with the key of the tenant whose account sent it.
//! * An unknown tenant, a malformed id and a request naming none are all
//!   answered [`ErrorKind::UnknownTenant`](crate::ErrorKind::UnknownTenant),
//!   401, like a wrong signature on a known tenant: a sender cannot tell
//!   which tenants exist. Ids are validated ([`TenantId`]: 1 to 64 ASCII
//!   letters, digits, `.`, `_`, `-`), so a path trick (`..`, `%2F`) names
//!   nothing.
//! * A resolver that cannot answer (your database is down) gives
//!   [`ErrorKind::TenantResolverUnavailable`](crate::ErrorKind::TenantResolverUnavailable),
//!   503: the vendor retries, nothing is lost, and the failure is not
//!   cached.
//!
//! What it does not protect against: two tenants configured with the same
//! secret accept each other's deliveries (give each its own), and a tenant
//! configured with `dangerous_accept_unverified` accepts anything on its
//! route, as a single receiver would.
//!
//! Ignisign's token check is sent with the API key registered on the
//! [`Handlers`](crate::Handlers) (`handlers.ignisign().confirm_with(..)`),
//! one key for every tenant: with several Ignisign applications, keep one
//! handler set per application, or dispatch and confirm each delivery
//! yourself with its tenant's key
//! ([`ignisign::Delivery::confirm`](crate::ignisign::Delivery::confirm)).
//!
//! # Cost independent of the number of tenants
//!
//! A request costs one validation of the id, one hash-map lookup under a
//! mutex and one tenant's checks: the same with 10 tenants as with
//! 100,000 (the `tenants` bench measures it). Each tenant's [`Webhooks`](crate::Webhooks) is
//! built once per cache lifetime and reused: its parsed configuration, header
//! names and keys are prepared when it is built, not per request. Unknown ids
//! are cached as unknown ([`TenantsBuilder::negative_ttl`]) so a flood of
//! requests for one id reaches the resolver once; a flood of distinct random
//! ids reaches it once per id (rate-limit upstream if your resolver is
//! expensive).
//!
//! # Tenant-scoped state
//!
//! [`Tenants::handle_parts`] (and `handle_request`, `handle_parts_blocking`)
//! run your callbacks for the tenant: deduplication keys are claimed in the
//! tenant's namespace ([`DedupKey::for_tenant`](crate::dedup::DedupKey::for_tenant)),
//! so one store serves every tenant and one tenant's deliveries never mark
//! another's as duplicates; the [`Report`](crate::Report) says
//! [`tenant()`](crate::Report::tenant); callbacks registered with
//! [`on_any_with_context`](crate::Handlers::on_any_with_context) receive it
//! in a [`DeliveryContext`](crate::registry::DeliveryContext); and with the
//! `tracing` feature the `esign_webhooks::delivery` span opens inside an
//! `esign_webhooks::tenant` span whose `tenant` field is the id (never a
//! secret).
//!
//! # Rotation without restart
//!
//! Change the secret where your resolver reads it, then call
//! [`Tenants::invalidate`] with the tenant's id: the next request resolves
//! the tenant again. Without the call, the change takes effect when the cache
//! entry expires ([`TenantsBuilder::ttl`], 5 minutes by default). To accept
//! both keys during a rotation, configure both (most vendors' verifiers take
//! several secrets).
//!
//! See [`manual::multi_tenant`](crate::manual::multi_tenant) for a complete
//! server, and the repository's `examples/multi_tenant.rs`.

mod cache;
mod config;
mod resolver;
mod source;
mod tenants;

pub use crate::tenant_id::{InvalidTenantId, MAX_TENANT_ID_LEN, TenantId, TenantRequest};
pub use config::{ConfigResolver, EnvSecrets, SecretFuture, SecretSource, TenantsConfig};
pub use resolver::{FnResolver, MapResolver, ResolveFuture, ResolverError, TenantResolver};
pub use source::TenantSource;
pub use tenants::{
    DEFAULT_CACHE_CAPACITY, DEFAULT_MAX_BODY_SIZE, DEFAULT_NEGATIVE_TTL, DEFAULT_TTL, Tenants, TenantsBuilder,
};
