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

    /// Like [`values`](Headers::values), for a name parsed ahead of time:
    /// the verifiers parse the header names they read when they are built,
    /// and call this on every request. Defaults to `values(name.as_str())`;
    /// [`http::HeaderMap`]'s looks the name up without parsing it again.
    ///
    /// ```
    /// use esign_webhooks::Headers;
    ///
    /// let mut map = http::HeaderMap::new();
    /// map.insert("x-token", "a".parse().unwrap());
    /// let name = http::HeaderName::from_static("x-token");
    /// assert_eq!(map.values_of(&name).collect::<Vec<_>>(), [b"a".as_slice()]);
    /// assert_eq!([("X-Token", "a")].values_of(&name).count(), 1);
    /// ```
    fn values_of<'a>(&'a self, name: &http::HeaderName) -> impl Iterator<Item = &'a [u8]> {
        self.values(name.as_str())
    }
}

impl<T: Headers + ?Sized> Headers for &T {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        (**self).values(name)
    }

    fn values_of<'a>(&'a self, name: &http::HeaderName) -> impl Iterator<Item = &'a [u8]> {
        (**self).values_of(name)
    }
}

impl Headers for http::HeaderMap {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        // `HeaderMap` lower-cases `&str` names on lookup; a name that is not a
        // valid header name simply finds nothing.
        self.get_all(name).iter().map(http::HeaderValue::as_bytes)
    }

    fn values_of<'a>(&'a self, name: &http::HeaderName) -> impl Iterator<Item = &'a [u8]> {
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
/// `[REDACTED]` (`token=[REDACTED]`). It redacts through [`crate::redact`],
/// the same functions the command-line tool prints through.
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

/// The vendors' event `Debug` shows URLs through the crate's one redaction.
#[cfg_attr(not(any(feature = "signplus", feature = "adobesign")), allow(unused_imports))]
pub(crate) use crate::redact::url as redacted_url;

/// The headers as `Debug` shows them: names, and values of
/// [`redact::SHOWN_HEADERS`](crate::redact::SHOWN_HEADERS) only.
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
            for value in self.0.values(name) {
                list.entry(&(name, crate::redact::header_value(name, value)));
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
            .field("query", &self.query.map(crate::redact::query))
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
