//! # Many tenants on one endpoint
//!
//! A platform that integrates e-signature for its own customers receives
//! webhooks from many vendor accounts, each with its own secret: one
//! DocuSign Connect HMAC key per customer account, one Dropbox Sign API key
//! per app, one BoldSign secret per webhook. This page sets up one endpoint
//! for all of them, each request verified with the credentials of the
//! customer (the *tenant*) it is for. The reference is the
//! [`tenant`](crate::tenant) module; the repository's
//! `examples/multi_tenant.rs` is the complete server.
//!
//! ## Try the example
//!
//! ```sh
//! cargo run --example multi_tenant --features axum
//! # another terminal: a Yousign delivery signed with tenant acme's demo secret
//! cargo run --example multi_tenant --features axum -- --sign yousign acme | sh            # 200
//! cargo run --example multi_tenant --features axum -- --sign yousign acme \
//!   | sed 's|/webhooks/acme|/webhooks/globex|' | sh                                        # refused
//! ```
//!
//! It reads `examples/tenants.json` (`TENANTS_FILE`), listens on
//! `127.0.0.1:3000` (`LISTEN_ADDR`) and takes each tenant's secrets from the
//! environment variables the file names, with a demo value and a warning
//! for any that is unset.
//!
//! ## 1. Say where a request names its tenant
//!
//! Best, in the URL you register at each vendor: `https://…/webhooks/acme`
//! ([`TenantSource::path_segment`](crate::tenant::TenantSource::path_segment)`(1)`),
//! or `?tenant=acme` ([`TenantSource::query`](crate::tenant::TenantSource::query)),
//! or a header your gateway adds ([`TenantSource::header`](crate::tenant::TenantSource::header)).
//! When one URL serves every account (a DocuSign Connect configuration at the
//! organisation level, a Dropbox Sign app), route on the account the vendor
//! names in the delivery: [`TenantSource::vendor_account`](crate::tenant::TenantSource::vendor_account)
//! gives `docusign.<accountId>`, `dropboxsign.<app or account id>`,
//! `ignisign.<appId>` or `adobesign.<client id>`. Combine them with
//! [`or`](crate::tenant::TenantSource::or).
//!
//! Routing on a value the sender chose is safe because naming a tenant
//! grants nothing: the request must then verify with that tenant's own
//! secret (see [`tenant`](crate::tenant#why-routing-on-an-unverified-value-is-safe)).
//!
//! ## 2. Give each tenant its receiver
//!
//! Either describe the tenants in files, or implement
//! [`TenantResolver`](crate::tenant::TenantResolver) over your database.
//! Files: one file with a table per tenant, each table a whole
//! [configuration](crate::config) of its own:
//!
//! ```json
//! { "tenants": {
//!     "acme":   { "docusign": { "method": "hmac", "secret_env": "ACME_DOCUSIGN_HMAC_KEY" } },
//!     "globex": { "dropboxsign": { "secret_env": "GLOBEX_DROPBOXSIGN_API_KEY" } } } }
//! ```
//!
//! or a directory with one file per tenant (`acme.json`, `globex.toml`).
//! Secrets are read when a tenant is first resolved, through a
//! [`SecretSource`](crate::tenant::SecretSource) (async: your secrets
//! manager; [`EnvSecrets`](crate::tenant::EnvSecrets) reads the environment).
//!
//! ```
//! use std::sync::Arc;
//! use esign_webhooks::tenant::{SecretFuture, SecretSource, TenantSource, Tenants, TenantsConfig};
//! use esign_webhooks::testing::Signer;
//! use esign_webhooks::{AsyncHandlers, Secret, docusign};
//!
//! /// Your secrets manager (here, a fixed answer).
//! struct Vault;
//! impl SecretSource for Vault {
//!     fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a> {
//!         let value = (name == "ACME_DOCUSIGN_HMAC_KEY").then(|| "acme-connect-key".to_owned());
//!         Box::pin(async move { Ok(value) })
//!     }
//! }
//!
//! let config = TenantsConfig::from_json(r#"{ "tenants": {
//!     "acme": { "docusign": { "method": "hmac", "secret_env": "ACME_DOCUSIGN_HMAC_KEY" } } } }"#)?;
//! let tenants = Tenants::builder(config.resolver(TenantSource::path_segment(1), Vault)).build();
//!
//! let mut handlers = AsyncHandlers::new();
//! handlers.on_any_with_context(|event, context| async move {
//!     println!("{} event for tenant {:?}", event.vendor(), context.tenant());
//!     Ok(())
//! });
//!
//! // In your handler: the request, with its raw body.
//! let body = include_bytes!("../../tests/fixtures/docusign/envelope_completed.json");
//! let request = Signer::hmac(docusign::scheme(), Secret::new("acme-connect-key"))
//!     .sign(body)
//!     .to_http_request("/webhooks/acme");
//! # let runtime = tokio::runtime::Builder::new_current_thread().build()?;
//! # runtime.block_on(async {
//! let report = tenants.handle_request(&handlers, &request).await?;
//! assert_eq!(report.tenant().map(|t| t.as_str()), Some("acme"));
//! let answer = report.response(); // send it back as it is
//! # assert_eq!(answer.status(), 200);
//! # Ok::<(), esign_webhooks::Error>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 3. Wire it into your server
//!
//! * axum: the `TenantEvent` extractor (`integrations::axum`), with
//!   [`Tenants`](crate::tenant::Tenants) in the router's state, or
//!   [`Tenants::handle_parts`](crate::tenant::Tenants::handle_parts) in a
//!   handler taking `Parts` and `Bytes` as `examples/multi_tenant.rs` does;
//! * actix-web: the `TenantEvent` extractor (`integrations::actix`), with
//!   `web::Data<Tenants>`;
//! * tower / hyper: `VerifyLayer::tenants` (the tenant in the request's
//!   extensions) or `HandlersService::tenants_async` (`integrations::tower`).
//!
//! Set your framework's body limit to at least
//! [`Tenants::max_body_size`](crate::tenant::Tenants::max_body_size) (10 MiB
//! by default, before the tenant is known).
//!
//! ## 4. What each answer means
//!
//! | Answer | When |
//! |---|---|
//! | the report's (200, or the vendor's own success answer) | verified with the tenant's secret, callbacks succeeded |
//! | 401 [`UnknownTenant`](crate::ErrorKind::UnknownTenant) | no tenant named, a malformed id, or one your resolver does not know: the same status as a wrong signature, so tenants cannot be enumerated |
//! | 401 / 403 | the named tenant's credentials do not verify the request (another tenant's signature included) |
//! | 503 [`TenantResolverUnavailable`](crate::ErrorKind::TenantResolverUnavailable) | your resolver or secrets store failed: the vendor retries |
//!
//! ## 5. Rotate a secret without a restart
//!
//! Change it where the resolver reads it (your secrets manager, the
//! environment, the file with [`ConfigResolver::replace`](crate::tenant::ConfigResolver::replace)),
//! then call [`Tenants::invalidate`](crate::tenant::Tenants::invalidate)
//! with the tenant's id: its next request is verified with the new secret.
//! Without the call it takes effect when the cached entry expires (five
//! minutes, [`TenantsBuilder::ttl`](crate::tenant::TenantsBuilder::ttl)).
//! For a rotation without refused deliveries, list both secrets
//! (`"secret_env": ["NEW", "OLD"]`) until the vendor sends with the new one.
//!
//! ## 6. Deduplication, logs and traces
//!
//! One deduplication store serves every tenant: keys are claimed in the
//! tenant's namespace, so the same delivery for two tenants runs for both.
//! [`Report::tenant`](crate::Report::tenant) and the callbacks' context
//! ([`DeliveryContext`](crate::registry::DeliveryContext)) say whose delivery
//! it was; with the `tracing` feature the delivery span sits in an
//! `esign_webhooks::tenant` span carrying the tenant id (never a secret).
//!
//! ## Cost
//!
//! One request costs the same with 10 tenants as with 100,000: one lookup in
//! a bounded cache, then one tenant's check (`cargo bench --bench tenants`:
//! a median 1.06× at 100,000 against 10 tenants, the extra being the cache
//! misses of receivers that are no longer all in the CPU's caches; about
//! 3.3 KB per cached tenant for a DocuSign receiver and under 100 bytes for
//! its cache entry).
