//! [`Headers`]: how the crate reads request headers without tying you to a web framework.

/// Read access to a request's headers: case-insensitive names, several values per name.
///
/// Implemented for [`http::HeaderMap`] (http 1.x, used by axum, hyper and
/// reqwest) and for plain pairs: slices, arrays and `Vec`s of `(name, value)`
/// where the name is a `str`/`String` and the value a `str`/`String`/bytes.
/// Any other server can implement it in a few lines, or collect its headers into
/// a `Vec<(String, String)>`.
///
/// ```
/// use esign_webhooks::Headers;
///
/// let pairs = [("X-Token", "a"), ("x-token", "b"), ("Content-Type", "application/json")];
/// let values: Vec<&[u8]> = pairs.values("X-TOKEN").collect();
/// assert_eq!(values, [b"a".as_slice(), b"b".as_slice()]);
///
/// let mut map = http::HeaderMap::new();
/// map.insert("x-token", "a".parse().unwrap());
/// assert_eq!(Headers::values(&map, "X-Token").count(), 1); // the trait method, not HeaderMap::values
/// ```
pub trait Headers {
    /// Every value of the header `name` (matched ignoring ASCII case), in the
    /// order received. Values are raw bytes: header values need not be UTF-8.
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]>;
}

impl<T: Headers + ?Sized> Headers for &T {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        (**self).values(name)
    }
}

impl Headers for http::HeaderMap {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        // `HeaderMap` lower-cases `&str` names on lookup; a name that is not a
        // valid header name simply finds nothing.
        self.get_all(name).iter().map(http::HeaderValue::as_bytes)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for [(K, V)] {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        self.iter()
            .filter(move |(key, _)| key.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> Headers for [(K, V); N] {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        self.as_slice().values(name)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> Headers for Vec<(K, V)> {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        self.as_slice().values(name)
    }
}

/// What a verifier reads from a request: the raw body, the headers and,
/// optionally, the URI's query string (for vendors authenticated by a token in
/// the URL).
///
/// [`Incoming::from_request`] and [`Incoming::from_parts`] build one from an
/// `http` request, URI included, as
/// [`Webhooks::dispatch_request`](crate::Webhooks::dispatch_request) does;
/// [`Webhooks::dispatch`](crate::Webhooks::dispatch) builds one from body and
/// headers only, which starves a vendor authenticated by a query token.
/// Servers not built on `http` 1.x add the query string with
/// [`Incoming::with_query`].
///
/// ```
/// use esign_webhooks::Incoming;
///
/// let headers: [(&str, &str); 0] = [];
/// let uri: http::Uri = "/hooks/signplus?token=abc".parse().unwrap();
/// let incoming = Incoming::new(b"{}", &headers).with_uri(&uri);
/// assert_eq!(incoming.query(), Some("token=abc"));
/// ```
///
/// Its `Debug` shows no credential: the body by its length only (a delivery
/// can carry a token, as Ignisign's does), every header name but the value of
/// only a few descriptive headers (`Content-Type`, `User-Agent`…), so
/// `Authorization`, `Cookie`, `Proxy-Authorization` and whatever header a
/// scheme reads a token from are `[REDACTED]`, and every query value
/// `[REDACTED]` (`token=[REDACTED]`).
///
/// ```
/// use esign_webhooks::Incoming;
///
/// let headers = [("Authorization", "Basic ZXNpZ246czNjcjN0"), ("Content-Type", "application/json")];
/// let incoming = Incoming::new(b"{}", &headers).with_query(Some("token=s3cr3t&v=1"));
/// let shown = format!("{incoming:?}");
/// assert!(!shown.contains("ZXNpZ246czNjcjN0") && !shown.contains("s3cr3t"), "{shown}");
/// assert!(shown.contains("token=[REDACTED]&v=[REDACTED]"), "{shown}");
/// ```
#[derive(Clone, Copy)]
pub struct Incoming<'a, H: ?Sized> {
    body: &'a [u8],
    headers: &'a H,
    query: Option<&'a str>,
    /// Whether the request's URI (or its query string) was given at all:
    /// tells "the URL has no token" from "the caller never passed the URL".
    uri_passed: bool,
}

impl<'a, H: Headers + ?Sized> Incoming<'a, H> {
    /// A request made of its raw body bytes and its headers, without a query string.
    pub fn new(body: &'a [u8], headers: &'a H) -> Self {
        Incoming {
            body,
            headers,
            query: None,
            uri_passed: false,
        }
    }

    /// Sets the raw query string (the part after `?`, without the `?`);
    /// `None` for a URI without one.
    pub fn with_query(mut self, query: Option<&'a str>) -> Self {
        self.query = query;
        self.uri_passed = true;
        self
    }

    /// Takes the query string from the request URI.
    pub fn with_uri(self, uri: &'a http::Uri) -> Self {
        self.with_query(uri.query())
    }

    /// The raw body bytes.
    pub fn body(&self) -> &'a [u8] {
        self.body
    }

    /// The request headers.
    pub fn headers(&self) -> &'a H {
        self.headers
    }

    /// The raw query string, if one was given.
    pub fn query(&self) -> Option<&'a str> {
        self.query
    }

    /// `true` once [`with_query`](Incoming::with_query) or
    /// [`with_uri`](Incoming::with_uri) was called (or the value was built
    /// from a request): a missing query parameter is then the sender's fault,
    /// not a call that left the URI out.
    pub fn has_uri(&self) -> bool {
        self.uri_passed
    }
}

/// Headers whose values `Debug` may show: they describe the request and never
/// carry a credential.
const SHOWN_HEADERS: [&str; 6] = [
    "content-type",
    "content-length",
    "content-encoding",
    "user-agent",
    "host",
    "date",
];

/// A query string with every value replaced by `[REDACTED]`, the names kept
/// (`token=[REDACTED]&v=[REDACTED]`).
pub(crate) fn redacted_query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) => format!("{name}=[REDACTED]"),
            None => pair.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A URL with its credentials redacted: user information
/// (`https://[REDACTED]@host/`), every query value and the fragment; scheme,
/// host and path are kept.
#[cfg_attr(not(any(feature = "signplus", feature = "adobesign")), allow(dead_code))]
pub(crate) fn redacted_url(url: &str) -> String {
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, _)) => (rest, "#[REDACTED]"),
        None => (url, ""),
    };
    let (base, query) = match rest.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (rest, None),
    };
    let mut shown = match base.split_once("://") {
        Some((scheme, after)) => {
            let authority_end = after.find('/').unwrap_or(after.len());
            let (authority, path) = after.split_at(authority_end);
            match authority.rsplit_once('@') {
                Some((_, host)) => format!("{scheme}://[REDACTED]@{host}{path}"),
                None => base.to_owned(),
            }
        }
        None => base.to_owned(),
    };
    if let Some(query) = query {
        shown.push('?');
        shown.push_str(&redacted_query(query));
    }
    shown.push_str(fragment);
    shown
}

/// The headers as `Debug` shows them: names, and values of [`SHOWN_HEADERS`] only.
struct RedactedHeaders<'a, H: ?Sized>(&'a H);

impl<H: HeaderNames + ?Sized> core::fmt::Debug for RedactedHeaders<'_, H> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut list = f.debug_list();
        let mut seen: Vec<String> = Vec::new();
        for name in self.0.header_names() {
            let lower = name.to_ascii_lowercase();
            if seen.contains(&lower) {
                continue;
            }
            let shown = SHOWN_HEADERS.contains(&lower.as_str());
            for value in self.0.values(name) {
                if shown {
                    list.entry(&(name, String::from_utf8_lossy(value)));
                } else {
                    list.entry(&(name, "[REDACTED]"));
                }
            }
            seen.push(lower);
        }
        list.finish()
    }
}

impl<H: HeaderNames + ?Sized> core::fmt::Debug for Incoming<'_, H> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Incoming")
            .field("body", &format_args!("{} bytes", self.body.len()))
            .field("headers", &RedactedHeaders(self.headers))
            .field("query", &self.query.map(redacted_query))
            .field("uri_passed", &self.uri_passed)
            .finish()
    }
}

/// Headers whose names can be listed, which scheme detection needs ([`Headers`]
/// can only look a name up).
///
/// Implemented for everything [`Headers`] is implemented for in this crate:
/// [`http::HeaderMap`] and slices, arrays and `Vec`s of `(name, value)` pairs.
pub trait HeaderNames: Headers {
    /// Every header name of the request, in any case, in the order received; repeats are allowed.
    fn header_names(&self) -> impl Iterator<Item = &str>;
}

impl<T: HeaderNames + ?Sized> HeaderNames for &T {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        (**self).header_names()
    }
}

impl HeaderNames for http::HeaderMap {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.keys().map(http::HeaderName::as_str)
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> HeaderNames for [(K, V)] {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(name, _)| name.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>, const N: usize> HeaderNames for [(K, V); N] {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.as_slice().header_names()
    }
}

impl<K: AsRef<str>, V: AsRef<[u8]>> HeaderNames for Vec<(K, V)> {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.as_slice().header_names()
    }
}

#[cfg(test)]
mod tests {
    use super::{redacted_query, redacted_url};

    #[test]
    fn urls_keep_scheme_host_and_path_only() {
        assert_eq!(
            redacted_url("https://example.com/hooks/signplus?token=SP-URL-TOKEN-55d0"),
            "https://example.com/hooks/signplus?token=[REDACTED]"
        );
        assert_eq!(
            redacted_url("https://app:pw@example.com:8443/h?a=1&b&c=#frag"),
            "https://[REDACTED]@example.com:8443/h?a=[REDACTED]&b&c=[REDACTED]#[REDACTED]"
        );
        assert_eq!(redacted_url("https://example.com/hook"), "https://example.com/hook");
        assert_eq!(redacted_url("not a url?x=y"), "not a url?x=[REDACTED]");
        assert_eq!(redacted_query(""), "");
    }
}
