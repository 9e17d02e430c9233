//! [`TenantId`] and [`TenantRequest`]: the core of multi-tenant receivers
//! ([`tenant`](crate::tenant)). They live here, on the ground floor, because
//! the vendor plug-ins (which name a tenant found in a body) and the
//! registry's [`Report`](crate::Report) (which carries it) are below the
//! `tenant` module that uses them.

use core::fmt;
use std::sync::Arc;

use crate::headers::Headers;

/// The longest tenant id accepted, in bytes. Vendor account ids fit with
/// room to spare (a DocuSign account GUID is 36, a Dropbox Sign account id
/// 40, an Ignisign `appId_<uuid>` 42).
pub const MAX_TENANT_ID_LEN: usize = 64;

/// The id of one tenant (one customer account) of a multi-tenant receiver.
///
/// Validated when made: 1 to [`MAX_TENANT_ID_LEN`] bytes of ASCII letters,
/// digits, `.`, `_` and `-`, and not `.` or `..` alone. An id therefore never
/// holds a `/`, a `:`, whitespace or a control character: it is safe in a
/// file name, a store key prefix, a log line and a tracing field. It is an
/// identifier, not a secret, and prints as itself. Cheap to clone (shared).
///
/// ```
/// use esign_webhooks::tenant::TenantId;
///
/// let id = TenantId::new("acme-corp")?;
/// assert_eq!(id.as_str(), "acme-corp");
/// assert!(TenantId::new("../etc").is_err());
/// assert!(TenantId::new("a b").is_err());
/// assert!(TenantId::new("").is_err());
/// assert!(TenantId::new(&"x".repeat(65)).is_err());
/// # Ok::<(), esign_webhooks::tenant::InvalidTenantId>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TenantId(Arc<str>);

/// A string that is not a valid [`TenantId`]. Says why, never repeating the
/// string (it came from a request).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidTenantId {
    /// The id is empty.
    #[error("the tenant id is empty")]
    Empty,
    /// The id is longer than [`MAX_TENANT_ID_LEN`] bytes.
    #[error("the tenant id is longer than {MAX_TENANT_ID_LEN} bytes")]
    TooLong,
    /// The id holds a character other than ASCII letters, digits, `.`, `_`, `-`,
    /// or is `.` or `..`.
    #[error("the tenant id may hold only ASCII letters, digits, `.`, `_` and `-`")]
    BadCharacter,
}

impl TenantId {
    /// Checks `id` and makes a tenant id of it.
    pub fn new(id: &str) -> Result<TenantId, InvalidTenantId> {
        TenantId::check(id.as_bytes())?;
        Ok(TenantId(Arc::from(id)))
    }

    /// The same check on bytes (a header value, a path segment).
    pub fn from_bytes(id: &[u8]) -> Result<TenantId, InvalidTenantId> {
        TenantId::check(id)?;
        // Checked: ASCII only.
        let text = core::str::from_utf8(id).map_err(|_| InvalidTenantId::BadCharacter)?;
        Ok(TenantId(Arc::from(text)))
    }

    fn check(id: &[u8]) -> Result<(), InvalidTenantId> {
        if id.is_empty() {
            return Err(InvalidTenantId::Empty);
        }
        if id.len() > MAX_TENANT_ID_LEN {
            return Err(InvalidTenantId::TooLong);
        }
        let allowed = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-');
        if !id.iter().all(allowed) || id == b"." || id == b".." {
            return Err(InvalidTenantId::BadCharacter);
        }
        Ok(())
    }

    /// The id.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TenantId").field(&&*self.0).finish()
    }
}

impl core::str::FromStr for TenantId {
    type Err = InvalidTenantId;

    fn from_str(s: &str) -> Result<TenantId, InvalidTenantId> {
        TenantId::new(s)
    }
}

impl AsRef<str> for TenantId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl serde::Serialize for TenantId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for TenantId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<TenantId, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        TenantId::new(&text).map_err(serde::de::Error::custom)
    }
}

/// The headers of a request, seen through an object-safe trait ([`Headers`]
/// is generic), so that a [`TenantRequest`] has one type whatever the server.
trait AnyHeaders {
    /// The values of `name`.
    fn all<'s>(&'s self, name: &str) -> Vec<&'s [u8]>;
}

impl<H: Headers> AnyHeaders for H {
    fn all<'s>(&'s self, name: &str) -> Vec<&'s [u8]> {
        self.values(name).collect()
    }
}

/// What a tenant is named by: a request's path, query string, headers and
/// raw body, as [`TenantResolver::identify`](crate::tenant::TenantResolver::identify)
/// and the vendor plug-ins' account hooks read them. Nothing in it is
/// verified yet: see [`tenant`](crate::tenant) for why routing on it is safe.
#[derive(Clone, Copy)]
pub struct TenantRequest<'a> {
    path: &'a str,
    query: Option<&'a str>,
    headers: &'a dyn AnyHeaders,
    body: &'a [u8],
}

impl<'a> TenantRequest<'a> {
    /// A request of `path` (without its query), `query` (without the `?`),
    /// `headers` and the raw `body`.
    ///
    /// `headers` is any [`Headers`] by reference (`&http::HeaderMap`,
    /// `&[("name", "value")]`): pass `&headers` when you hold a reference.
    pub fn new<H: Headers>(path: &'a str, query: Option<&'a str>, headers: &'a H, body: &'a [u8]) -> Self {
        TenantRequest {
            path,
            query,
            headers,
            body,
        }
    }

    /// The path, without the query string.
    pub fn path(&self) -> &'a str {
        self.path
    }

    /// The query string, without the `?`.
    pub fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// The raw body.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The value of header `name` (any case) when it appears exactly once:
    /// a repeated header names no tenant (which copy would count is
    /// ambiguous), and neither does an absent one.
    pub fn header(&self, name: &str) -> Option<&'a [u8]> {
        match self.headers.all(name).as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The `index`-th non-empty segment of the path, from 0 (`/webhooks/acme`:
    /// 0 is `webhooks`, 1 is `acme`).
    pub fn path_segment(&self, index: usize) -> Option<&'a str> {
        self.path.split('/').filter(|segment| !segment.is_empty()).nth(index)
    }

    /// The value of query parameter `name` when it appears exactly once and
    /// needs no percent-decoding (a tenant id never does).
    pub fn query_parameter(&self, name: &str) -> Option<&'a str> {
        let mut found = None;
        for pair in self.query?.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key == name {
                if found.is_some() {
                    return None;
                }
                found = Some(value);
            }
        }
        found
    }
}

/// The string at JSON pointer `pointer` (`/data/accountId`) of a JSON body,
/// when there is one: the one way the vendor plug-ins read an account id
/// from a body ([`Plugin::account_id`](crate::plugin::Plugin::account_id)).
/// `None` for a body that is not JSON, a missing field or a non-string value.
pub(crate) fn json_string_at(body: &[u8], pointer: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    match value.pointer(pointer)? {
        serde_json::Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

/// The path, query and body size only: header values and the body may hold
/// credentials.
impl fmt::Debug for TenantRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TenantRequest")
            .field("path", &self.path)
            .field("query", &self.query.map(|_| "[REDACTED]"))
            .field("body_len", &self.body.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenant_ids_are_validated() {
        for good in [
            "a",
            "acme-corp",
            "ACME_2.eu",
            "18b4799a-b53a-4475-ae9b-fa2e7e6d4f7c",
            &"x".repeat(64),
        ] {
            assert_eq!(TenantId::new(good).unwrap().as_str(), good);
            assert_eq!(TenantId::from_bytes(good.as_bytes()).unwrap().as_str(), good);
        }
        assert_eq!(TenantId::new(""), Err(InvalidTenantId::Empty));
        assert_eq!(TenantId::new(&"x".repeat(65)), Err(InvalidTenantId::TooLong));
        for bad in [".", "..", "a/b", "a b", "a:b", "é", "a\nb", "a%2Fb", "a\0"] {
            assert_eq!(TenantId::new(bad), Err(InvalidTenantId::BadCharacter), "{bad:?}");
        }
        assert_eq!(TenantId::from_bytes(b"\xff"), Err(InvalidTenantId::BadCharacter));
        let json = serde_json::to_string(&TenantId::new("acme").unwrap()).unwrap();
        assert_eq!(json, "\"acme\"");
        assert!(serde_json::from_str::<TenantId>("\"a/b\"").is_err());
    }

    #[test]
    fn a_tenant_request_reads_single_values_only() {
        let headers = [("x-tenant", "acme"), ("x-twice", "a"), ("x-twice", "b")];
        let request = TenantRequest::new("/webhooks/acme/", Some("tenant=acme&x=1&x=2"), &headers, b"{}");
        assert_eq!(request.path_segment(0), Some("webhooks"));
        assert_eq!(request.path_segment(1), Some("acme"));
        assert_eq!(request.path_segment(2), None);
        assert_eq!(request.header("X-Tenant"), Some(b"acme".as_slice()));
        assert_eq!(request.header("x-twice"), None);
        assert_eq!(request.header("x-absent"), None);
        assert_eq!(request.query_parameter("tenant"), Some("acme"));
        assert_eq!(request.query_parameter("x"), None);
        assert_eq!(request.query_parameter("absent"), None);
        assert!(!format!("{request:?}").contains("tenant=acme"));
    }
}
