//! What may be shown of a request: the one redaction used by
//! [`Incoming`](crate::Incoming)'s `Debug`, the vendors' event `Debug` and the
//! command-line tool.
//!
//! A webhook request carries its credential wherever the vendor (or the user)
//! chose to put it: a header of any name (Sign.Plus lets users pick one), the
//! query string, the URL's user information. So what is shown is an
//! allow-list, never a deny-list:
//!
//! * a header's value only for the descriptive headers of [`SHOWN_HEADERS`]
//!   (`Content-Type`, `User-Agent`…), every other value [`REDACTED`];
//! * a query string's parameter names, never its values;
//! * a URL's scheme, host, port and path, never its user information, query
//!   values or fragment.
//!
//! ```
//! use esign_webhooks::redact;
//!
//! assert_eq!(redact::header_value("Content-Type", b"application/json"), "application/json");
//! assert_eq!(redact::header_value("X-Documenso-Secret", b"s3cr3t"), "[REDACTED]");
//! assert_eq!(redact::header_value("X-My-Own-Token", b"s3cr3t"), "[REDACTED]");
//! assert_eq!(redact::query("token=s3cr3t&v=1"), "token=[REDACTED]&v=[REDACTED]");
//! assert_eq!(
//!     redact::url("https://app:pw@example.com/hooks?token=s3cr3t"),
//!     "https://[REDACTED]@example.com/hooks?token=[REDACTED]"
//! );
//! ```

use std::borrow::Cow;

/// What replaces a value that is not shown.
pub const REDACTED: &str = "[REDACTED]";

/// The headers whose values may be shown, in lower case: they describe the
/// request (its framing, its sender's software, its date) and no vendor sends
/// a credential in them. Every other header's value is [`REDACTED`].
pub const SHOWN_HEADERS: &[&str] = &[
    "content-type",
    "content-length",
    "content-encoding",
    "transfer-encoding",
    "user-agent",
    "host",
    "date",
    "accept",
    "accept-encoding",
    "connection",
    "expect",
];

/// Whether the value of header `name` (any case) may be shown: it is one of
/// [`SHOWN_HEADERS`].
pub fn is_shown_header(name: &str) -> bool {
    SHOWN_HEADERS.iter().any(|shown| shown.eq_ignore_ascii_case(name))
}

/// The value of header `name` as it may be shown: the value (invalid UTF-8
/// replaced by `U+FFFD`) for a header of [`SHOWN_HEADERS`], [`REDACTED`] for
/// any other, whatever its value.
pub fn header_value<'a>(name: &str, value: &'a [u8]) -> Cow<'a, str> {
    if is_shown_header(name) {
        String::from_utf8_lossy(value)
    } else {
        Cow::Borrowed(REDACTED)
    }
}

/// A query string (without its `?`) with every value replaced by
/// [`REDACTED`] and the names kept: `token=[REDACTED]&v=[REDACTED]`. An item
/// without `=` is redacted whole, since it may be a bare token (`?s3cr3t`).
pub fn query(query: &str) -> String {
    query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) => format!("{name}={REDACTED}"),
            None if pair.is_empty() => String::new(),
            None => REDACTED.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A URL (or a request target: a path with a query string) with its
/// credentials redacted: user information (`https://[REDACTED]@host/`), every
/// query value ([`query`]) and the fragment; scheme, host, port and path are
/// kept. Text that is not a URL is treated the same way, so nothing after a
/// `?`, `#` or before an `@` of the authority is ever shown.
pub fn url(url: &str) -> String {
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, _)) => (rest, "#[REDACTED]"),
        None => (url, ""),
    };
    let (base, query_string) = match rest.split_once('?') {
        Some((base, query_string)) => (base, Some(query_string)),
        None => (rest, None),
    };
    let split = base
        .split_once("://")
        .map(|(scheme, after)| (format!("{scheme}://"), after))
        .or_else(|| base.strip_prefix("//").map(|after| ("//".to_owned(), after)));
    let mut shown = match split {
        Some((scheme, after)) => {
            let authority_end = after.find('/').unwrap_or(after.len());
            let (authority, path) = after.split_at(authority_end);
            match authority.rsplit_once('@') {
                Some((_, host)) => format!("{scheme}{REDACTED}@{host}{path}"),
                // A password with a raw `/` (base64) ends the authority early
                // for a parser, not for a reader: `user:pa/ss@host`. An `@`
                // after a `:` is taken as the end of user information.
                None => match after.rsplit_once('@') {
                    Some((before, host)) if before.contains(':') => format!("{scheme}{REDACTED}@{host}"),
                    _ => base.to_owned(),
                },
            }
        }
        None => base.to_owned(),
    };
    if let Some(query_string) = query_string {
        shown.push('?');
        shown.push_str(&query(query_string));
    }
    shown.push_str(fragment);
    shown
}

#[cfg(test)]
mod tests {
    use super::{header_value, is_shown_header, query, url};

    #[test]
    fn urls_keep_scheme_host_and_path_only() {
        assert_eq!(
            url("https://example.com/hooks/signplus?token=SP-URL-TOKEN-55d0"),
            "https://example.com/hooks/signplus?token=[REDACTED]"
        );
        assert_eq!(
            url("https://app:pw@example.com:8443/h?a=1&b&c=#frag"),
            "https://[REDACTED]@example.com:8443/h?a=[REDACTED]&[REDACTED]&c=[REDACTED]#[REDACTED]"
        );
        assert_eq!(url("https://example.com/hook"), "https://example.com/hook");
        assert_eq!(url("not a url?x=y"), "not a url?x=[REDACTED]");
        assert_eq!(url("/hooks?token=t&&x"), "/hooks?token=[REDACTED]&&[REDACTED]");
        assert_eq!(url("http://u@h"), "http://[REDACTED]@h");
        assert_eq!(
            url("https://user:pa/ss@host/h?t=1"),
            "https://[REDACTED]@host/h?t=[REDACTED]"
        );
        assert_eq!(url("//user:pw@host/h"), "//[REDACTED]@host/h");
        assert_eq!(url("https://host/users/@me"), "https://host/users/@me");
        assert_eq!(query(""), "");
        assert_eq!(query("s3cr3t"), "[REDACTED]");
    }

    #[test]
    fn only_descriptive_headers_show_their_value() {
        assert!(is_shown_header("CONTENT-TYPE"));
        assert_eq!(header_value("User-Agent", b"Go-http-client/1.1"), "Go-http-client/1.1");
        assert_eq!(header_value("content-length", b"\xff1"), "\u{fffd}1");
        for name in [
            "Authorization",
            "Cookie",
            "Proxy-Authorization",
            "X-Documenso-Secret",
            "X-Signplus-Token",
            "webhook-signature",
            "",
        ] {
            assert!(!is_shown_header(name), "{name}");
            assert_eq!(header_value(name, b"s3cr3t"), "[REDACTED]", "{name}");
        }
    }
}
