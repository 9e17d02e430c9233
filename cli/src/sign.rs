//! Signs a sample delivery the way the configured vendor would, so that
//! `send` exercises the same check the receiver runs: the configuration's
//! `method` (with the vendor's documented scheme when the table names none),
//! or the vendor's own proof (Dropbox Sign's `event_hash`, SignWell's
//! `event.hash`, Adobe's client id).

use esign_webhooks::config::{Method, VendorConfig};
use esign_webhooks::testing::Signer;
use esign_webhooks::testing::demo::{self, documented_scheme};
use esign_webhooks::{Secret, Vendor};

/// A delivery ready to post: the body, its headers and the query string.
pub struct Delivery {
    pub body: Vec<u8>,
    pub headers: Vec<(String, String)>,
    pub query: Option<String>,
}

/// `body` signed for `key`'s table with `secrets`; unsigned when the vendor
/// signs nothing (Ignisign) or no secret is configured.
pub fn sign(key: &str, table: &VendorConfig, secrets: Vec<Secret>, body: &[u8]) -> Result<Delivery, String> {
    let vendor: Option<Vendor> = key.parse().ok();
    let mut secrets = secrets.into_iter();
    let Some(first) = secrets.next() else {
        return Ok(Delivery {
            body: body.to_vec(),
            headers: Vec::new(),
            query: None,
        });
    };
    let request = match (vendor, table.method) {
        (Some(Vendor::DropboxSign), _) => Signer::dropboxsign(first).multipart(body),
        // Adobe signs nothing: each delivery names the application's client id.
        (Some(Vendor::AdobeSign), _) => {
            Signer::header_token(esign_webhooks::adobesign::CLIENT_ID_HEADER, first).sign(body)
        }
        // SignWell's proof is in the body (`event.hash`), as the demo signer makes it.
        (Some(Vendor::SignWell), _) => demo::signer(Vendor::SignWell).with_secret(first).sign(body),
        // D4Sign's HMAC covers the body's `uuid`, as the demo signer computes it (its URL checks use `method`).
        (Some(Vendor::D4Sign), None) => demo::signer(Vendor::D4Sign).with_secret(first).sign(body),
        (_, Some(Method::Hmac)) => {
            let scheme = table
                .scheme
                .clone()
                .or_else(|| vendor.and_then(documented_scheme))
                .ok_or_else(|| format!("{key}: no scheme"))?;
            // The scheme the vendor documents, when the table names none (the
            // receiver uses the same one). Several keys sign several headers
            // (Box Sign's primary and secondary).
            secrets
                .fold(Signer::hmac(scheme, first), Signer::with_secret)
                .sign(body)
        }
        (_, Some(Method::HeaderToken)) => {
            Signer::header_token(table.header.clone().unwrap_or_default(), first).sign(body)
        }
        (_, Some(Method::BasicAuth)) => {
            Signer::basic_auth(table.username.clone().unwrap_or_default(), first).sign(body)
        }
        (_, Some(Method::QueryToken)) => {
            Signer::query_token(table.query_parameter.clone().unwrap_or_default(), first).sign(body)
        }
        _ => {
            return Ok(Delivery {
                body: body.to_vec(),
                headers: Vec::new(),
                query: None,
            });
        }
    };
    Ok(Delivery {
        body: request.body,
        headers: request.headers,
        query: request.query,
    })
}
