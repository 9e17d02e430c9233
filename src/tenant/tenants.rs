//! [`Tenants`]: the multi-tenant receiver, a cache in front of a
//! [`TenantResolver`].

use core::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use http::request::Parts;

use super::TenantResolver;
use super::cache::{Cache, Lookup};
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::registry::{AsyncHandlers, Handlers, Report};
use crate::tenant_id::{TenantId, TenantRequest};
use crate::{Event, Webhooks, trace};

/// The default number of tenants cached: 100,000 (a cached tenant costs
/// about as much as its [`Webhooks`], a few hundred bytes: see the
/// `tenants` bench).
pub const DEFAULT_CACHE_CAPACITY: usize = 100_000;

/// The default time a resolved tenant is cached: 5 minutes, the longest an
/// old secret keeps working after a rotation nobody announced with
/// [`Tenants::invalidate`].
pub const DEFAULT_TTL: Duration = Duration::from_secs(300);

/// The default time an unknown tenant is remembered as unknown: 30 seconds,
/// so that a flood of requests for one unknown id costs one resolver call
/// per 30 seconds, and a tenant just created is found soon.
pub const DEFAULT_NEGATIVE_TTL: Duration = Duration::from_secs(30);

/// The default body limit before the tenant is known: 10 MiB, the largest
/// any vendor documents (Adobe Acrobat Sign). Each tenant's [`Webhooks`]
/// then applies its own.
pub const DEFAULT_MAX_BODY_SIZE: usize = 10 * 1024 * 1024;

/// Receives the deliveries of many tenants on one endpoint: names the
/// tenant of each request ([`TenantResolver::identify`]), finds that
/// tenant's [`Webhooks`] (cached; [`TenantResolver::resolve`] on a miss) and
/// verifies the request with **that tenant's credentials only**.
///
/// The cost of a request does not grow with the number of tenants: one
/// hash-map lookup, then one tenant's checks (one HMAC, not one per tenant).
/// Cheap to clone (an `Arc` inside). See [`tenant`](super) for the
/// guarantees and an example.
#[derive(Clone)]
pub struct Tenants {
    inner: Arc<Inner>,
}

struct Inner {
    resolver: Box<dyn TenantResolver>,
    cache: Cache,
    max_body_size: usize,
}

/// Configures [`Tenants`]. Every setting has a documented default.
///
/// | Setting | Default |
/// |---|---|
/// | [`capacity`](TenantsBuilder::capacity) | [`DEFAULT_CACHE_CAPACITY`] tenants (known and unknown together) |
/// | [`ttl`](TenantsBuilder::ttl) | [`DEFAULT_TTL`] (5 minutes) |
/// | [`negative_ttl`](TenantsBuilder::negative_ttl) | [`DEFAULT_NEGATIVE_TTL`] (30 seconds) |
/// | [`max_body_size`](TenantsBuilder::max_body_size) | [`DEFAULT_MAX_BODY_SIZE`] (10 MiB) before the tenant is known |
#[must_use = "call build() to get Tenants"]
pub struct TenantsBuilder {
    resolver: Box<dyn TenantResolver>,
    capacity: usize,
    ttl: Duration,
    negative_ttl: Duration,
    max_body_size: usize,
}

impl TenantsBuilder {
    /// Caches at most `tenants` answers (known and unknown tenants together);
    /// when full, an expired entry or an arbitrary one makes room. 0 caches
    /// nothing (every request asks the resolver).
    pub fn capacity(mut self, tenants: usize) -> Self {
        self.capacity = tenants;
        self
    }

    /// Keeps a resolved tenant's receiver for `ttl`: a rotated secret takes
    /// effect at the latest after it, or at once with [`Tenants::invalidate`].
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// Remembers an unknown tenant as unknown for `ttl`, so that requests
    /// naming it do not reach the resolver again meanwhile.
    pub fn negative_ttl(mut self, ttl: Duration) -> Self {
        self.negative_ttl = ttl;
        self
    }

    /// Refuses bodies larger than `bytes` before the tenant is looked up.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
        self
    }

    /// The receiver.
    pub fn build(self) -> Tenants {
        Tenants {
            inner: Arc::new(Inner {
                resolver: self.resolver,
                cache: Cache::new(self.capacity, self.ttl, self.negative_ttl),
                max_body_size: self.max_body_size,
            }),
        }
    }
}

impl fmt::Debug for TenantsBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TenantsBuilder")
            .field("capacity", &self.capacity)
            .field("ttl", &self.ttl)
            .field("negative_ttl", &self.negative_ttl)
            .field("max_body_size", &self.max_body_size)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Tenants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tenants")
            .field("cached", &self.inner.cache.len())
            .field("max_body_size", &self.inner.max_body_size)
            .finish_non_exhaustive()
    }
}

fn unknown_tenant() -> Error {
    Error::new(ErrorKind::UnknownTenant)
}

impl Tenants {
    /// Starts a configuration around `resolver`. See [`TenantsBuilder`] for
    /// the defaults.
    pub fn builder(resolver: impl TenantResolver + 'static) -> TenantsBuilder {
        TenantsBuilder {
            resolver: Box::new(resolver),
            capacity: DEFAULT_CACHE_CAPACITY,
            ttl: DEFAULT_TTL,
            negative_ttl: DEFAULT_NEGATIVE_TTL,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
        }
    }

    /// The body limit applied before the tenant is known.
    pub fn max_body_size(&self) -> usize {
        self.inner.max_body_size
    }

    /// The tenant `request` names ([`TenantResolver::identify`]), after the
    /// size limit: [`ErrorKind::PayloadTooLarge`] or
    /// [`ErrorKind::UnknownTenant`] when it names none.
    pub fn identify(&self, request: &TenantRequest<'_>) -> Result<TenantId, Error> {
        let size = request.body().len();
        let limit = self.inner.max_body_size;
        if size > limit {
            return Err(Error::new(ErrorKind::PayloadTooLarge { size, limit }));
        }
        self.inner.resolver.identify(request).ok_or_else(unknown_tenant)
    }

    /// `tenant`'s receiver, from the cache or the resolver:
    /// [`ErrorKind::UnknownTenant`] (401) for a tenant the resolver does not
    /// know, [`ErrorKind::TenantResolverUnavailable`] (503) when it failed.
    pub async fn receiver_for(&self, tenant: &TenantId) -> Result<Arc<Webhooks>, Error> {
        let cache = &self.inner.cache;
        let generation = match cache.get(tenant) {
            Lookup::Hit(Some(webhooks)) => return Ok(webhooks),
            Lookup::Hit(None) => return Err(unknown_tenant()),
            Lookup::Miss(generation) => generation,
        };
        match self.inner.resolver.resolve(tenant).await {
            Ok(found) => {
                cache.insert(tenant.clone(), found.clone(), generation);
                found.ok_or_else(unknown_tenant)
            }
            Err(err) => Err(Error::new(ErrorKind::TenantResolverUnavailable {
                reason: err.reason().to_owned(),
            })
            .with_source(err)),
        }
    }

    /// The tenant `request` names and its receiver. The request is read
    /// before the returned future is awaited (it need not outlive it).
    pub fn receiver(
        &self,
        request: &TenantRequest<'_>,
    ) -> impl Future<Output = Result<(TenantId, Arc<Webhooks>), Error>> + Send + '_ {
        let tenant = self.identify(request);
        async move {
            let tenant = tenant?;
            let webhooks = self.receiver_for(&tenant).await?;
            Ok((tenant, webhooks))
        }
    }

    /// The tenant the request's parts and body name.
    fn identify_parts(&self, parts: &Parts, body: &[u8]) -> Result<TenantId, Error> {
        let headers = &parts.headers;
        self.identify(&TenantRequest::new(parts.uri.path(), parts.uri.query(), headers, body))
    }

    /// Names the tenant, finds its receiver and verifies and parses the
    /// request with it ([`Webhooks::dispatch_parts`]): the tenant and its
    /// typed [`Event`].
    pub async fn dispatch_parts(&self, parts: &Parts, body: &[u8]) -> Result<(TenantId, Event), Error> {
        let tenant = self.identify_parts(parts, body)?;
        let webhooks = self.receiver_for(&tenant).await?;
        let event = {
            let _span = trace::tenant(tenant.as_str());
            webhooks.dispatch_parts(parts, body)?
        };
        Ok((tenant, event))
    }

    /// [`dispatch_parts`](Tenants::dispatch_parts) for a whole request.
    pub async fn dispatch_request<B: AsRef<[u8]> + Sync>(
        &self,
        request: &http::Request<B>,
    ) -> Result<(TenantId, Event), Error> {
        let tenant = {
            let headers = request.headers();
            let uri = request.uri();
            self.identify(&TenantRequest::new(
                uri.path(),
                uri.query(),
                headers,
                request.body().as_ref(),
            ))?
        };
        let webhooks = self.receiver_for(&tenant).await?;
        let event = {
            let _span = trace::tenant(tenant.as_str());
            webhooks.dispatch_request(request)?
        };
        Ok((tenant, event))
    }

    /// [`dispatch_parts`](Tenants::dispatch_parts) for a request of any
    /// server, as an [`Incoming`] and its `path` (without the query string,
    /// which `incoming` carries).
    pub async fn dispatch_incoming<H: Headers + Sync + ?Sized>(
        &self,
        path: &str,
        incoming: &Incoming<'_, H>,
    ) -> Result<(TenantId, Event), Error> {
        let tenant = {
            let headers = incoming.headers();
            self.identify(&TenantRequest::new(path, incoming.query(), &headers, incoming.body()))?
        };
        let webhooks = self.receiver_for(&tenant).await?;
        let event = {
            let _span = trace::tenant(tenant.as_str());
            webhooks.dispatch_incoming(incoming)?
        };
        Ok((tenant, event))
    }

    /// Names the tenant, finds its receiver and handles the request with
    /// `handlers` ([`Webhooks::handle_parts_async`]), for that tenant: its
    /// dedup keys in the tenant's namespace
    /// ([`DedupKey::for_tenant`](crate::dedup::DedupKey::for_tenant)), the
    /// tenant in the [`Report`] ([`Report::tenant`]) and in the context of
    /// the context-taking registrations ([`AsyncHandlers::on_any_with_context`]).
    pub async fn handle_parts(&self, handlers: &AsyncHandlers, parts: &Parts, body: &[u8]) -> Result<Report, Error> {
        let tenant = self.identify_parts(parts, body)?;
        let webhooks = self.receiver_for(&tenant).await?;
        let event = {
            let _span = trace::tenant(tenant.as_str());
            webhooks.dispatch_parts(parts, body)
        };
        crate::registry::run_dispatched_async(handlers, body, event, Some(&tenant)).await
    }

    /// [`handle_parts`](Tenants::handle_parts) for a whole request.
    pub async fn handle_request<B: AsRef<[u8]> + Sync>(
        &self,
        handlers: &AsyncHandlers,
        request: &http::Request<B>,
    ) -> Result<Report, Error> {
        let body = request.body().as_ref();
        let tenant = {
            let headers = request.headers();
            let uri = request.uri();
            self.identify(&TenantRequest::new(uri.path(), uri.query(), headers, body))?
        };
        let webhooks = self.receiver_for(&tenant).await?;
        let event = {
            let _span = trace::tenant(tenant.as_str());
            webhooks.dispatch_request(request)
        };
        crate::registry::run_dispatched_async(handlers, body, event, Some(&tenant)).await
    }

    /// [`handle_parts`](Tenants::handle_parts) with blocking callbacks
    /// ([`Handlers`]): the tenant is resolved asynchronously, then the
    /// callbacks run on the calling task, as in [`Webhooks::handle`].
    pub async fn handle_parts_blocking(
        &self,
        handlers: &Handlers,
        parts: &Parts,
        body: &[u8],
    ) -> Result<Report, Error> {
        let tenant = self.identify_parts(parts, body)?;
        let webhooks = self.receiver_for(&tenant).await?;
        let _span = trace::tenant(tenant.as_str());
        webhooks.handle_incoming_for(handlers, &Incoming::from_parts(parts, body), Some(&tenant))
    }

    /// Forgets `tenant`'s cached receiver (known or unknown): the next
    /// request asks the resolver again. Call it when a tenant's secret
    /// rotates, or when a tenant is created or removed. An answer the
    /// resolver gave before this call is not cached after it.
    pub fn invalidate(&self, tenant: &TenantId) {
        self.inner.cache.invalidate(tenant);
    }

    /// Forgets every cached receiver.
    pub fn invalidate_all(&self) {
        self.inner.cache.invalidate_all();
    }

    /// How many tenants (known and unknown) are cached now.
    pub fn cached(&self) -> usize {
        self.inner.cache.len()
    }
}
