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
    sign_with_env(key, table, secrets, body, &|name| std::env::var(name).ok())
}

/// [`sign`], reading the variables a table names besides its secrets
/// (Adobe's `query_token_env`, `password_env`) with `env`.
fn sign_with_env(
    key: &str,
    table: &VendorConfig,
    secrets: Vec<Secret>,
    body: &[u8],
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Delivery, String> {
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
            let mut request = Signer::header_token(esign_webhooks::adobesign::CLIENT_ID_HEADER, first).sign(body);
            // The URL check configured besides the client id: the registered URL carries it.
            let variable = |key: &str| {
                let name = table.own_key(key)?;
                // The variable's name is not printed: a secret pasted there would be.
                Some(env(name).ok_or_else(|| format!("adobesign: the variable `{key}` names is not set")))
            };
            if let (Some(parameter), Some(token)) = (table.own_key("query_parameter"), variable("query_token_env")) {
                request.query = Signer::query_token(parameter, Secret::new(token?)).sign(body).query;
            }
            if let (Some(username), Some(password)) = (table.own_key("username"), variable("password_env")) {
                let credentials = Signer::basic_auth(username, Secret::new(password?)).sign(body);
                request.headers.extend(credentials.headers);
            }
            request
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

#[cfg(test)]
mod tests {
    use super::*;
    use esign_webhooks::Webhooks;
    use esign_webhooks::config::Config;

    /// Adobe's URL check (a query token, or Basic credentials) is signed as
    /// the registered URL carries it, and passes the library's own check.
    #[test]
    fn adobe_signs_the_url_check_configured_besides_its_client_id() {
        let env = |name: &str| match name {
            "ADOBE_ID" => Some("CBJCHBCAABAA-client".to_owned()),
            "ADOBE_URL_TOKEN" => Some("url-token".to_owned()),
            "ADOBE_PASSWORD" => Some("url-password".to_owned()),
            _ => None,
        };
        let body = include_bytes!("../../tests/fixtures/adobesign/agreement_created_example.json");
        for table in [
            r#"{"adobesign": {"secret_env": "ADOBE_ID", "query_parameter": "token", "query_token_env": "ADOBE_URL_TOKEN"}}"#,
            r#"{"adobesign": {"secret_env": "ADOBE_ID", "username": "adobe", "password_env": "ADOBE_PASSWORD"}}"#,
            r#"{"adobesign": {"secret_env": "ADOBE_ID"}}"#,
        ] {
            let config = Config::from_json(table).unwrap();
            let vendor_table = config.vendor("adobesign").unwrap();
            let secrets = vendor_table.secrets("adobesign", &env).unwrap();
            let delivery = sign_with_env("adobesign", vendor_table, secrets, body, &env).unwrap();
            let signed = esign_webhooks::testing::SignedRequest::new(delivery.body, delivery.headers, delivery.query);
            let webhooks = Webhooks::from_config_with_env(&config, env).unwrap();
            let event = webhooks.dispatch_incoming(&signed.incoming());
            assert!(event.is_ok(), "{table}: {event:?}");
        }
        // Without the token's variable: an error that names the key, not the variable.
        let config = Config::from_json(
            r#"{"adobesign": {"secret_env": "ADOBE_ID", "query_parameter": "token", "query_token_env": "UNSET_VARIABLE"}}"#,
        )
        .unwrap();
        let vendor_table = config.vendor("adobesign").unwrap();
        let secrets = vendor_table.secrets("adobesign", &env).unwrap();
        let err = sign_with_env("adobesign", vendor_table, secrets, body, &env)
            .err()
            .unwrap();
        assert!(
            err.contains("query_token_env") && !err.contains("UNSET_VARIABLE"),
            "{err}"
        );
    }
}
