//! File configuration: every vendor's verifier from a TOML or JSON file,
//! secrets read from environment variables, and
//! [`Webhooks::from_config`](crate::Webhooks::from_config).
//!
//! The same file drives the command-line tool (`esign-webhooks verify --config …`).
//!
//! # The file
//!
//! One table per vendor, keyed by the vendor's slug ([`Vendor::slug`](crate::Vendor::slug));
//! only the vendors present are accepted. Each table is read by its vendor's
//! verifier: the engine's keys below for most, a table of its own for a
//! vendor whose check is not the engine's (Ignisign's application).
//!
//! ```toml
//! max_body_size = 1048576                  # optional, bytes (default 1 MiB, at most 64 MiB)
//!
//! [esignglobal]
//! method = "hmac"
//! # The compact scheme form printed by `esign-webhooks detect` (see `verify::compact`).
//! scheme = 'header=X-Esign-Signature timestamp-header=X-Esign-Timestamp separator="." encoding=hex'
//! secret_env = "ESIGNGLOBAL_SECRET"        # or ["NEW_SECRET", "OLD_SECRET"] during a rotation
//! tolerance_secs = 300                     # optional, for schemes that sign a timestamp
//!
//! [ignisign]
//! app_id = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b"
//! app_env = "PRODUCTION"                   # or: api_key_env = "IGNISIGN_API_KEY"
//!
//! [signplus]
//! method = "query_token"                   # https://…/hooks?token=… registered at Sign.Plus
//! query_parameter = "token"
//! secret_env = "SIGNPLUS_TOKEN"
//!
//! [constellation]
//! method = "basic_auth"                    # https://esign:…@…/hooks registered at Constellation1
//! username = "esign"
//! secret_env = "CONSTELLATION_PASSWORD"
//! ```
//!
//! | Key | Applies to | Meaning |
//! |---|---|---|
//! | `method` | all but Ignisign | `hmac`, `header_token`, `basic_auth`, `query_token` or `dangerous_accept_unverified` |
//! | `scheme` | `hmac` | the [`HmacScheme`](crate::verify::HmacScheme) in its compact form |
//! | `header` | `header_token` | the header carrying the token |
//! | `query_parameter` | `query_token` | the query parameter carrying the token |
//! | `username` | `basic_auth` | the Basic user name |
//! | `secret_env` | every method but `dangerous_accept_unverified` | the environment variable(s) holding the secret(s); every one is accepted |
//! | `dangerous_inline_secret` | instead of `secret_env` | the secret(s) written in the file; avoid |
//! | `secret_format` | with a secret | `raw` (default), `base64` or `standard_webhooks` (`whsec_…`) |
//! | `tolerance_secs` | `hmac` with a timestamp | overrides the scheme's tolerance |
//! | `app_id`, `app_env` / `api_key_env` | Ignisign's own table | the application checked ([`VendorConfig::own_key`]) |
//!
//! The same keys in JSON: `{"signplus": {"method": "query_token", …}}`.
//! TOML needs the `config-toml` feature; JSON always works.
//!
//! # Reference: every vendor's table
//!
//! One example per vendor, in the table's order, with the keys its
//! verifier's reader accepts (`tests/config_reference.rs` parses every one
//! and fails when a vendor has none). Every table also takes
//! `dangerous_inline_secret` instead of `secret_env`, and `secret_format`;
//! `secret_env` takes a list during a rotation. An engine vendor (`method`)
//! also takes `method = "dangerous_accept_unverified"` and no secret, for tests.
//!
//! eSignGlobal publishes no scheme: `scheme` is required with `hmac` (find it
//! with `esign-webhooks detect`).
//!
//! ```toml
//! [esignglobal]
//! method = "hmac"                          # or header_token / query_token / basic_auth
//! scheme = 'header=X-Esign-Signature timestamp-header=X-Esign-Timestamp separator="." encoding=hex'
//! secret_env = "ESIGNGLOBAL_SECRET"
//! tolerance_secs = 300
//! ```
//!
//! Ignisign signs nothing: its table names the application checked, by id
//! and environment, or by the API key (`api_key_env`) instead.
//!
//! ```toml
//! [ignisign]
//! app_id = "appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b"
//! app_env = "PRODUCTION"
//! ```
//!
//! Sign.Plus: a token in the URL you register (`query_token`), or in a header (`header_token`).
//!
//! ```toml
//! [signplus]
//! method = "query_token"
//! query_parameter = "token"
//! secret_env = "SIGNPLUS_TOKEN"
//! ```
//!
//! Constellation1 eSign: Basic credentials in the URL you register, or a header token.
//!
//! ```toml
//! [constellation]
//! method = "basic_auth"
//! username = "esign"
//! secret_env = "CONSTELLATION_PASSWORD"
//! ```
//!
//! DocuSign Connect: HMAC, its documented scheme when `scheme` is left out;
//! `secret_env` lists every Connect key (up to 100).
//!
//! ```toml
//! [docusign]
//! method = "hmac"
//! secret_env = ["DOCUSIGN_CONNECT_KEY", "DOCUSIGN_CONNECT_KEY_OLD"]
//! ```
//!
//! Dropbox Sign: its own check with your API key(s); no `method`.
//!
//! ```toml
//! [dropboxsign]
//! secret_env = "DROPBOX_SIGN_API_KEY"
//! ```
//!
//! BoldSign: HMAC, its documented scheme.
//!
//! ```toml
//! [boldsign]
//! method = "hmac"
//! secret_env = "BOLDSIGN_WEBHOOK_SECRET"
//! ```
//!
//! Adobe Acrobat Sign: its own check, the client id(s) of your API
//! application(s) in `secret_env` (`X-AdobeSign-ClientId`); no `method`.
//! Optionally, a check of the URL you registered too: a token in its query
//! (`query_parameter` and `query_token_env`, `Verifier::with_query_token`)…
//!
//! ```toml
//! [adobesign]
//! secret_env = "ADOBE_SIGN_CLIENT_ID"
//! query_parameter = "token"
//! query_token_env = "ADOBE_SIGN_URL_TOKEN"
//! ```
//!
//! …or Basic credentials (`username` and `password_env`, `Verifier::with_basic_auth`).
//!
//! ```toml
//! [adobesign]
//! secret_env = ["ADOBE_SIGN_CLIENT_ID", "ADOBE_SIGN_OTHER_APP_CLIENT_ID"]
//! username = "adobe"
//! password_env = "ADOBE_SIGN_URL_PASSWORD"
//! ```
//!
//! Yousign: HMAC, its documented scheme.
//!
//! ```toml
//! [yousign]
//! method = "hmac"
//! secret_env = "YOUSIGN_WEBHOOK_SECRET"
//! ```
//!
//! PandaDoc: HMAC, its documented scheme (the signature in the URL's query).
//!
//! ```toml
//! [pandadoc]
//! method = "hmac"
//! secret_env = "PANDADOC_SHARED_KEY"
//! ```
//!
//! Zoho Sign: HMAC, its documented scheme.
//!
//! ```toml
//! [zohosign]
//! method = "hmac"
//! secret_env = "ZOHO_SIGN_WEBHOOK_SECRET"
//! ```
//!
//! Documenso: the secret in `X-Documenso-Secret`.
//!
//! ```toml
//! [documenso]
//! method = "header_token"
//! header = "X-Documenso-Secret"
//! secret_env = "DOCUMENSO_WEBHOOK_SECRET"
//! ```
//!
//! DocuSeal: HMAC, its documented scheme.
//!
//! ```toml
//! [docuseal]
//! method = "hmac"
//! secret_env = "DOCUSEAL_WEBHOOK_SECRET"
//! ```
//!
//! SignWell: its own check, your webhook id(s) in `secret_env`; no `method`.
//!
//! ```toml
//! [signwell]
//! secret_env = "SIGNWELL_WEBHOOK_ID"
//! ```
//!
//! OpenSign: HMAC, its documented scheme.
//!
//! ```toml
//! [opensign]
//! method = "hmac"
//! secret_env = "OPENSIGN_WEBHOOK_SECRET"
//! ```
//!
//! Box Sign: HMAC, its documented scheme; the primary and secondary keys in
//! `secret_env` (either verifies).
//!
//! ```toml
//! [boxsign]
//! method = "hmac"
//! secret_env = ["BOX_PRIMARY_KEY", "BOX_SECONDARY_KEY"]
//! secret_format = "raw"
//! ```
//!
//! OneSpan Sign: the callback key is a header token, the whole
//! `Authorization` value `Basic <callback key>` being the secret (OneSpan
//! sends the key itself after `Basic `). OAuth 2.0 takes a validator in code
//! (`onespan::Verifier::oauth2_bearer`), not a file.
//!
//! ```toml
//! [onespan]
//! method = "header_token"
//! header = "Authorization"
//! secret_env = "ONESPAN_AUTHORIZATION"        # "Basic <callback key>"
//! ```
//!
//! SignatureAPI: Standard Webhooks, its documented scheme; the endpoint's
//! signing secret as the Dashboard shows it (`whsec_…`).
//!
//! ```toml
//! [signatureapi]
//! method = "hmac"
//! secret_env = "SIGNATUREAPI_WEBHOOK_SECRET"
//! secret_format = "standard_webhooks"
//! ```
//!
//! SignNow signs nothing: a secret in a custom header of the subscription
//! (`attributes.headers`), or Basic credentials sent that way.
//!
//! ```toml
//! [signnow]
//! method = "header_token"
//! header = "X-Webhook-Token"
//! secret_env = "SIGNNOW_WEBHOOK_TOKEN"
//! ```
//!
//! Clicksign: HMAC, its documented scheme (`Content-Hmac: sha256=<hex>`).
//!
//! ```toml
//! [clicksign]
//! method = "hmac"
//! secret_env = "CLICKSIGN_HMAC_SECRET"
//! ```
//!
//! Autentique: HMAC, its documented scheme (`X-Autentique-Signature`, hex, the
//! raw body); a `scheme` table names another header if your deliveries carry
//! it elsewhere.
//!
//! ```toml
//! [autentique]
//! method = "hmac"
//! secret_env = "AUTENTIQUE_WEBHOOK_SECRET"
//! ```
//!
//! ZapSign: no signature; a custom header you set on the webhook (or Basic
//! credentials, or a query token, in the URL you register).
//!
//! ```toml
//! [zapsign]
//! method = "header_token"
//! header = "X-Webhook-Token"
//! secret_env = "ZAPSIGN_WEBHOOK_TOKEN"
//! ```
//!
//! D4Sign: its own check (`Content-Hmac`, the HMAC of the document UUID) with
//! the account's secret(s); no `method`. With `method = "basic_auth"` (or
//! `query_token`), the URL's credentials instead.
//!
//! ```toml
//! [d4sign]
//! secret_env = "D4SIGN_HMAC_SECRET"
//! ```
//!
//! # Errors
//!
//! A [`ConfigError`] names the key at fault and, for errors in the file, its
//! line and column; it never contains a secret, nor a value that could be one
//! put in the wrong place: not the value a parser refused (`invalid type: a
//! string, expected u64`), not the source line, not the name written in
//! `secret_env` or `api_key_env` (a secret pasted there is not printed back as
//! "variable `…` is not set"). Unknown keys are errors, so a typo does not
//! silently disable a check. Blank secrets (empty or whitespace only) are
//! refused, and so is a `max_body_size` above [`MAX_BODY_SIZE_LIMIT`].
//!
//! ```
//! use esign_webhooks::Webhooks;
//! use esign_webhooks::config::Config;
//!
//! let config = Config::from_json(r#"{"signplus": {"method": "header_token", "header": "X-Webhook-Token", "secret_env": "SIGNPLUS_TOKEN"}}"#)?;
//! let env = |name: &str| (name == "SIGNPLUS_TOKEN").then(|| "t0ken".to_owned());
//! let webhooks = Webhooks::from_config_with_env(&config, env)?;
//! assert_eq!(webhooks.vendors(), [esign_webhooks::Vendor::SignPlus]);
//!
//! let err = Config::from_json("{\"signplus\": {\"method\": \"header_token\",\n \"secret_env\": \"T\"}}").unwrap_err();
//! assert_eq!(err.to_string(), "line 2 column 19: method = \"header_token\" needs `header`");
//! # Ok::<(), esign_webhooks::config::ConfigError>(())
//! ```

mod error;
mod file;
mod vendor;

pub use error::ConfigError;
pub(crate) use error::without_value;
pub use file::{Config, MAX_BODY_SIZE_LIMIT};
pub(crate) use file::{ConfigVisitor, ReadTable};
pub(crate) use vendor::is_blank;
pub use vendor::{Method, SecretFormat, VendorConfig};
