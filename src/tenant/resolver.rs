//! [`TenantResolver`]: the trait you implement over your own database or
//! secrets manager, and two ready ones ([`FnResolver`], [`MapResolver`]).

use core::fmt;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, PoisonError, RwLock};

use super::TenantSource;
use crate::Webhooks;
use crate::tenant_id::{TenantId, TenantRequest};

/// What [`TenantResolver::resolve`] returns: a boxed future, so that the
/// trait stays object-safe (`Arc<dyn TenantResolver>`) without the
/// `async-trait` crate (a boxed future is what it would generate; the
/// allocation is paid on a cache miss only).
pub type ResolveFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<Arc<Webhooks>>, ResolverError>> + Send + 'a>>;

/// Names the tenant of a request and gives that tenant's receiver: the
/// [`Webhooks`] configured with **that tenant's credentials only**.
///
/// Implement it over your database or secrets manager; [`Tenants`](super::Tenants)
/// caches what it returns, so `resolve` runs once per tenant per
/// [`ttl`](super::TenantsBuilder::ttl), not once per request.
///
/// ```
/// use std::sync::Arc;
/// use esign_webhooks::tenant::{ResolveFuture, TenantId, TenantRequest, TenantResolver, TenantSource};
/// use esign_webhooks::{Secret, Webhooks, docusign};
///
/// struct FromDatabase { source: TenantSource /* , pool: … */ }
///
/// impl TenantResolver for FromDatabase {
///     fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
///         self.source.identify(request)
///     }
///
///     fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
///         Box::pin(async move {
///             // let row = sqlx::query!(…, tenant.as_str()).fetch_optional(&self.pool).await
///             //     .map_err(ResolverError::from_error)?;
///             let key = (tenant.as_str() == "acme").then(|| "acme's Connect HMAC key");
///             let Some(key) = key else { return Ok(None) }; // unknown tenant
///             let webhooks = Webhooks::builder()
///                 .docusign(docusign::Verifier::hmac([Secret::new(key)]))
///                 .build()
///                 .map_err(esign_webhooks::tenant::ResolverError::from_error)?;
///             Ok(Some(Arc::new(webhooks)))
///         })
///     }
/// }
/// let _ = FromDatabase { source: TenantSource::path_segment(1) };
/// ```
pub trait TenantResolver: Send + Sync {
    /// The tenant a request names, or `None` when it names none (answered
    /// [`ErrorKind::UnknownTenant`](crate::ErrorKind::UnknownTenant)). Called
    /// for every request, before anything is verified: keep it cheap and
    /// synchronous. [`TenantSource::identify`] does the usual ones.
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId>;

    /// `tenant`'s receiver: `Ok(Some)` with a [`Webhooks`] holding that
    /// tenant's credentials (and no other tenant's), `Ok(None)` for a tenant
    /// you do not know (cached as unknown for the
    /// [`negative_ttl`](super::TenantsBuilder::negative_ttl)), `Err` when you
    /// could not tell (your database is down: answered 503, never cached).
    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a>;
}

impl<T: TenantResolver + ?Sized> TenantResolver for Arc<T> {
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        (**self).identify(request)
    }

    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
        (**self).resolve(tenant)
    }
}

/// A [`TenantResolver`] could not answer (its database or secrets manager is
/// down): [`ErrorKind::TenantResolverUnavailable`](crate::ErrorKind::TenantResolverUnavailable),
/// answered 503. Its message is logged and kept in the error's `Display`: put
/// no credential in it.
#[derive(Debug)]
pub struct ResolverError {
    reason: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl ResolverError {
    /// An outage described by `reason`.
    pub fn new(reason: impl Into<String>) -> Self {
        ResolverError {
            reason: reason.into(),
            source: None,
        }
    }

    /// An outage caused by `error` (a database driver's), kept as the source.
    pub fn from_error(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        ResolverError {
            reason: error.to_string(),
            source: Some(Box::new(error)),
        }
    }

    /// What went wrong.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ResolverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for ResolverError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

/// A [`TenantResolver`] from a [`TenantSource`] and an async closure that
/// looks a tenant up.
///
/// ```
/// use std::sync::Arc;
/// use esign_webhooks::tenant::{FnResolver, ResolverError, TenantSource, Tenants};
/// use esign_webhooks::{Secret, Webhooks, documenso};
///
/// let resolver = FnResolver::new(TenantSource::path_segment(1), |tenant| async move {
///     let secret = match tenant.as_str() {
///         "acme" => "acme-documenso-secret",
///         _ => return Ok(None),
///     };
///     let webhooks = Webhooks::builder()
///         .documenso(documenso::Verifier::new(Secret::new(secret)))
///         .build()
///         .map_err(ResolverError::from_error)?;
///     Ok(Some(Arc::new(webhooks)))
/// });
/// let tenants = Tenants::builder(resolver).build();
/// ```
pub struct FnResolver<F> {
    source: TenantSource,
    lookup: F,
}

impl<F, Fut> FnResolver<F>
where
    F: Fn(TenantId) -> Fut + Send + Sync,
    Fut: Future<Output = Result<Option<Arc<Webhooks>>, ResolverError>> + Send + 'static,
{
    /// Names tenants with `source`, looks them up with `lookup`.
    pub fn new(source: TenantSource, lookup: F) -> Self {
        FnResolver { source, lookup }
    }
}

impl<F> fmt::Debug for FnResolver<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnResolver")
            .field("source", &self.source)
            .finish_non_exhaustive()
    }
}

impl<F, Fut> TenantResolver for FnResolver<F>
where
    F: Fn(TenantId) -> Fut + Send + Sync,
    Fut: Future<Output = Result<Option<Arc<Webhooks>>, ResolverError>> + Send + 'static,
{
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        self.source.identify(request)
    }

    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
        Box::pin((self.lookup)(tenant.clone()))
    }
}

/// A [`TenantResolver`] over a map kept in memory: tenants added, replaced
/// (rotation) and removed while serving. Call
/// [`Tenants::invalidate`](super::Tenants::invalidate) after a change for it
/// to take effect before the cache entry expires.
///
/// ```
/// use std::sync::Arc;
/// use esign_webhooks::tenant::{MapResolver, TenantId, TenantSource};
/// use esign_webhooks::{Secret, Webhooks, yousign};
///
/// let resolver = MapResolver::new(TenantSource::header("x-tenant-id"));
/// let acme = TenantId::new("acme")?;
/// resolver.insert(acme.clone(), Webhooks::builder().yousign(yousign::Verifier::new(Secret::new("k1"))).build()?);
/// assert!(resolver.get(&acme).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct MapResolver {
    source: TenantSource,
    tenants: RwLock<HashMap<TenantId, Arc<Webhooks>>>,
}

impl MapResolver {
    /// No tenants yet; tenants named by `source`.
    pub fn new(source: TenantSource) -> Self {
        MapResolver {
            source,
            tenants: RwLock::new(HashMap::new()),
        }
    }

    /// Adds `tenant`, or replaces its receiver (a rotated secret).
    pub fn insert(&self, tenant: TenantId, webhooks: impl Into<Arc<Webhooks>>) {
        let mut tenants = self.tenants.write().unwrap_or_else(PoisonError::into_inner);
        tenants.insert(tenant, webhooks.into());
    }

    /// Removes `tenant`; returns whether it was there.
    pub fn remove(&self, tenant: &TenantId) -> bool {
        let mut tenants = self.tenants.write().unwrap_or_else(PoisonError::into_inner);
        tenants.remove(tenant).is_some()
    }

    /// `tenant`'s receiver.
    pub fn get(&self, tenant: &TenantId) -> Option<Arc<Webhooks>> {
        let tenants = self.tenants.read().unwrap_or_else(PoisonError::into_inner);
        tenants.get(tenant).cloned()
    }

    /// How many tenants it holds.
    pub fn len(&self) -> usize {
        self.tenants.read().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// `true` when it holds no tenant.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for MapResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MapResolver")
            .field("source", &self.source)
            .field("tenants", &self.len())
            .finish()
    }
}

impl TenantResolver for MapResolver {
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        self.source.identify(request)
    }

    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
        let found = self.get(tenant);
        Box::pin(core::future::ready(Ok(found)))
    }
}
