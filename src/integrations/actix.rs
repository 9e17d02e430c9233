//! actix-web support (feature `actix`): [`Headers`] and [`HeaderNames`] for
//! actix-web's own `HeaderMap` (`actix_web::http::header::HeaderMap`, defined
//! in `actix-http`), so `req.headers()` goes straight into
//! [`Webhooks::dispatch`](crate::Webhooks::dispatch),
//! [`Webhooks::handle_async`](crate::Webhooks::handle_async) or
//! [`detect_scheme`](crate::esignglobal::detect_scheme).
//!
//! A handler takes the raw body as `web::Bytes` (never `web::Json`: a
//! re-serialised body no longer matches its signature), the request for its
//! headers and query string, and the shared [`Webhooks`](crate::Webhooks):
//!
//! ```
//! use actix_web::{HttpRequest, HttpResponse, http::StatusCode, web};
//! use esign_webhooks::{Event, Incoming, Webhooks, esignglobal};
//!
//! async fn hook(req: HttpRequest, body: web::Bytes, webhooks: web::Data<Webhooks>) -> HttpResponse {
//!     let incoming = Incoming::new(&body, req.headers()).with_query(Some(req.query_string()));
//!     match webhooks.dispatch_incoming(&incoming) {
//!         Ok(Event::EsignGlobal(_event)) => HttpResponse::Ok()
//!             .content_type("application/json")
//!             .body(esignglobal::SUCCESS_RESPONSE),
//!         Ok(_other) => HttpResponse::Ok().finish(),
//!         Err(err) => HttpResponse::build(StatusCode::from_u16(err.status().as_u16()).unwrap_or(StatusCode::BAD_REQUEST))
//!             .body(err.to_string()),
//!     }
//! }
//! # let _ = actix_web::App::new().route("/webhooks", web::post().to(hook));
//! ```
//!
//! actix-web 4 uses the `http` crate 0.2 while this crate uses 1.x, so a
//! status crosses over as a number (`StatusCode::from_u16(err.status().as_u16())`).
//! The repository's `examples/actix.rs` is a complete server.

use crate::esignglobal::HeaderNames;
use crate::headers::Headers;
use actix_http::header::HeaderMap;

/// Looks header names up ignoring case, as actix-web does; a name that is not
/// a valid header name finds nothing.
///
/// ```
/// use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
/// use esign_webhooks::Headers;
///
/// let mut map = HeaderMap::new();
/// map.append(HeaderName::from_static("x-token"), HeaderValue::from_static("a"));
/// map.append(HeaderName::from_static("x-token"), HeaderValue::from_static("b"));
/// let values: Vec<&[u8]> = Headers::values(&map, "X-Token").collect();
/// assert_eq!(values, [b"a".as_slice(), b"b".as_slice()]);
/// assert_eq!(Headers::values(&map, "not a header name").count(), 0);
/// ```
impl Headers for HeaderMap {
    fn values<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a [u8]> {
        self.get_all(name).map(|value| value.as_bytes())
    }
}

/// Lists the header names, for [`detect_scheme`](crate::esignglobal::detect_scheme).
///
/// ```
/// use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
/// use esign_webhooks::esignglobal::HeaderNames;
///
/// let mut map = HeaderMap::new();
/// map.insert(HeaderName::from_static("x-signature"), HeaderValue::from_static("ab12"));
/// assert_eq!(map.header_names().collect::<Vec<_>>(), ["x-signature"]);
/// ```
impl HeaderNames for HeaderMap {
    fn header_names(&self) -> impl Iterator<Item = &str> {
        self.keys().map(|name| name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use actix_http::header::{HeaderName, HeaderValue};

    use super::*;
    use crate::testing::Signer;
    use crate::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
    use crate::{Event, Secret, Webhooks, esignglobal};

    fn actix_map(pairs: &[(String, String)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    #[test]
    fn dispatches_and_detects_through_an_actix_header_map() {
        let scheme = HmacScheme::new(
            SignatureLocation::header("X-Captured-Signature"),
            SignedContent::Body,
            Encoding::Hex,
        );
        let secret = Secret::new("actix-secret");
        let body = include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json");
        let signed = Signer::hmac(scheme.clone(), secret.clone()).sign(body);
        let map = actix_map(&signed.headers);

        let webhooks = Webhooks::builder()
            .esignglobal(esignglobal::Verifier::new(secret.clone(), scheme))
            .build()
            .unwrap();
        let event = webhooks.dispatch(body, &map).unwrap();
        assert!(matches!(
            event,
            Event::EsignGlobal(esignglobal::Event::EnvelopeFinish(_))
        ));

        let found = esignglobal::detect_scheme(body, &map, &secret).unwrap();
        assert_eq!(found.hmac_scheme().map(|s| s.encoding()), Some(Encoding::Hex));

        let forged = actix_map(&[("x-captured-signature".to_owned(), "00".repeat(32))]);
        let err = webhooks.dispatch(body, &forged).unwrap_err();
        assert_eq!(err.status(), http::StatusCode::UNAUTHORIZED);
    }
}
