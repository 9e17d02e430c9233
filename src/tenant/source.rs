//! [`TenantSource`]: where a request names its tenant.

use core::fmt;

use crate::tenant_id::{TenantId, TenantRequest};

/// Where a request names its tenant: a path segment, a header, a query
/// parameter, or the vendor's own account id inside the delivery; or the
/// first of several that names one ([`or`](TenantSource::or)).
///
/// Whatever names it, the name is a routing hint, read before anything is
/// verified: the tenant it names must then authenticate the request with its
/// own credentials (see [`tenant`](super) for why that is safe). A value that
/// is not a valid [`TenantId`] names no tenant.
///
/// ```
/// use esign_webhooks::tenant::{TenantRequest, TenantSource};
///
/// let source = TenantSource::path_segment(1).or(TenantSource::header("x-tenant-id"));
/// let by_path = TenantRequest::new("/webhooks/acme", None, &[("x", "y")], b"{}");
/// assert_eq!(source.identify(&by_path).unwrap().as_str(), "acme");
/// let by_header = TenantRequest::new("/webhooks", None, &[("x-tenant-id", "globex")], b"{}");
/// assert_eq!(source.identify(&by_header).unwrap().as_str(), "globex");
/// let bad = TenantRequest::new("/webhooks/a%2Fb", None, &[("x", "y")], b"{}");
/// assert!(source.identify(&bad).is_none());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct TenantSource {
    kinds: Vec<Kind>,
}

#[derive(Clone, PartialEq, Eq)]
enum Kind {
    PathSegment(usize),
    Header(String),
    Query(String),
    VendorAccount,
}

impl TenantSource {
    fn one(kind: Kind) -> Self {
        TenantSource { kinds: vec![kind] }
    }

    /// The `index`-th non-empty segment of the path, from 0: `/webhooks/{tenant}`
    /// is `path_segment(1)`.
    pub fn path_segment(index: usize) -> Self {
        TenantSource::one(Kind::PathSegment(index))
    }

    /// The value of header `name` (any case), when it appears exactly once.
    /// Only for a header the vendor lets you set per webhook, or one your
    /// gateway adds.
    pub fn header(name: impl Into<String>) -> Self {
        TenantSource::one(Kind::Header(name.into()))
    }

    /// The value of query parameter `name` in the registered URL
    /// (`/webhooks?tenant=acme`), when it appears exactly once.
    pub fn query(name: impl Into<String>) -> Self {
        TenantSource::one(Kind::Query(name.into()))
    }

    /// The vendor's account id in the delivery, for vendors that identify
    /// the account only there: DocuSign's `data.accountId`, Dropbox Sign's
    /// `reported_for_app_id` (else `reported_for_account_id`), Ignisign's
    /// `appId`, Adobe Acrobat Sign's `X-AdobeSign-ClientId` header. Each
    /// vendor's plug-in reads its own
    /// ([`Plugin::account_id`](crate::plugin::Plugin::account_id)), from the
    /// vendor whose distinctive keys the body has.
    ///
    /// The tenant id is `<vendor slug>.<account id>`
    /// (`docusign.18b4799a-b53a-4475-ae9b-fa2e7e6d4f7c`), so that two vendors'
    /// account ids never name the same tenant: key your tenants (or your
    /// resolver's lookup) by it.
    pub fn vendor_account() -> Self {
        TenantSource::one(Kind::VendorAccount)
    }

    /// This source, then `other` when this one names no tenant.
    pub fn or(mut self, other: TenantSource) -> Self {
        self.kinds.extend(other.kinds);
        self
    }

    /// The tenant `request` names, or `None`.
    pub fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        self.kinds.iter().find_map(|kind| kind.identify(request))
    }
}

impl Kind {
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        match self {
            Kind::PathSegment(index) => TenantId::new(request.path_segment(*index)?).ok(),
            Kind::Header(name) => TenantId::from_bytes(request.header(name)?).ok(),
            Kind::Query(name) => TenantId::new(request.query_parameter(name)?).ok(),
            Kind::VendorAccount => {
                let (vendor, account) = crate::dispatch::account_named(request)?;
                let mut id = String::with_capacity(vendor.slug().len() + 1 + account.len());
                id.push_str(vendor.slug());
                id.push('.');
                id.push_str(&account);
                TenantId::new(&id).ok()
            }
        }
    }
}

impl fmt::Debug for TenantSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        for kind in &self.kinds {
            match kind {
                Kind::PathSegment(index) => list.entry(&format_args!("path_segment({index})")),
                Kind::Header(name) => list.entry(&format_args!("header({name:?})")),
                Kind::Query(name) => list.entry(&format_args!("query({name:?})")),
                Kind::VendorAccount => list.entry(&format_args!("vendor_account")),
            };
        }
        list.finish()
    }
}
