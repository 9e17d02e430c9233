//! [`VendorConfig`]: one vendor's table of a configuration file, and the
//! engine verifier it describes.

use core::fmt;

use serde::Deserialize;

use super::ConfigError;
use crate::Secret;
use crate::verify::{HmacScheme, Verifier};

/// How a vendor's deliveries are authenticated: the engine's methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Method {
    /// An HMAC-SHA256 signature described by `scheme` ([`Verifier::hmac`]).
    Hmac,
    /// The secret in header `header` ([`Verifier::header_token`]).
    HeaderToken,
    /// `Authorization: Basic` with `username` and the secret ([`Verifier::basic_auth`]).
    BasicAuth,
    /// The secret in query parameter `query_parameter` ([`Verifier::query_token`]).
    QueryToken,
    /// Nothing is checked ([`Verifier::dangerous_accept_unverified`]).
    DangerousAcceptUnverified,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::Hmac => "hmac",
            Method::HeaderToken => "header_token",
            Method::BasicAuth => "basic_auth",
            Method::QueryToken => "query_token",
            Method::DangerousAcceptUnverified => "dangerous_accept_unverified",
        })
    }
}

/// How the text of a secret becomes its bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SecretFormat {
    /// The text's bytes, verbatim (default).
    #[default]
    Raw,
    /// Standard base64 ([`Secret::from_base64`]).
    Base64,
    /// A `whsec_…` Standard Webhooks secret ([`Secret::from_standard_webhooks`]).
    StandardWebhooks,
}

/// One string or a list of strings.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

/// The table as written, before its keys are checked together.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVendorConfig {
    method: Option<Method>,
    scheme: Option<HmacScheme>,
    header: Option<String>,
    query_parameter: Option<String>,
    username: Option<String>,
    secret_env: Option<OneOrMany>,
    dangerous_inline_secret: Option<OneOrMany>,
    #[serde(default)]
    secret_format: SecretFormat,
    tolerance_secs: Option<u64>,
}

/// One vendor's table: a [`Method`], what it needs, and where its secrets are.
///
/// Secrets are named by environment variable (`secret_env = "VAR"`, or a list
/// `["NEW", "OLD"]` during a rotation: every one is accepted). Inline secrets
/// need the loud key `dangerous_inline_secret`: a file in a repository or an
/// image is readable by more people than the secret should be.
///
/// A vendor whose check is not the engine's may read a table of its own
/// instead (its verifier's reader, with its own keys and checks): those
/// keys are kept as [`own_key`](VendorConfig::own_key)s, and `method` is
/// then `None`.
///
/// Its `Debug` shows how many variables `secret_env` names, not their names
/// (a secret pasted there by mistake stays unprinted), no inline secret and
/// the names of a vendor's own keys but not their values.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct VendorConfig {
    /// The method; `None` for a vendor whose check is its own.
    pub method: Option<Method>,
    /// The HMAC scheme, for `method = "hmac"`.
    pub scheme: Option<HmacScheme>,
    /// The token header, for `method = "header_token"`.
    pub header: Option<String>,
    /// The query parameter, for `method = "query_token"`.
    pub query_parameter: Option<String>,
    /// The user name, for `method = "basic_auth"`.
    pub username: Option<String>,
    /// Environment variables holding the secrets, first the current one.
    pub secret_env: Vec<String>,
    dangerous_inline_secret: Vec<Secret>,
    /// How a secret's text becomes bytes.
    pub secret_format: SecretFormat,
    /// The timestamp tolerance in seconds, overriding the scheme's.
    pub tolerance_secs: Option<u64>,
    /// The keys of a vendor's own table, as its verifier's reader checked them.
    own: Vec<(String, String)>,
}

impl fmt::Debug for VendorConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VendorConfig")
            .field("method", &self.method)
            .field("scheme", &self.scheme)
            .field("header", &self.header)
            .field("query_parameter", &self.query_parameter)
            .field("username", &self.username)
            .field(
                "secret_env",
                &format_args!("{} variable(s) [REDACTED]", self.secret_env.len()),
            )
            .field(
                "dangerous_inline_secret",
                &format_args!("{} [REDACTED]", self.dangerous_inline_secret.len()),
            )
            .field("secret_format", &self.secret_format)
            .field("tolerance_secs", &self.tolerance_secs)
            .field("own", &OwnKeys(&self.own))
            .finish()
    }
}

/// A vendor's own keys by name, their values redacted: one may name the
/// variable holding a key, or be a key pasted in the wrong place.
struct OwnKeys<'a>(&'a [(String, String)]);

impl fmt::Debug for OwnKeys<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(key, _)| (key, format_args!("[REDACTED]"))))
            .finish()
    }
}

impl<'de> Deserialize<'de> for VendorConfig {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Checked inside the table's own visitor, so that the deserializer
        // reports the table's position, not the end of the file.
        deserializer.deserialize_map(VendorVisitor)
    }
}

struct VendorVisitor;

impl<'de> serde::de::Visitor<'de> for VendorVisitor {
    type Value = VendorConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a vendor table (method, secret_env, …)")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<VendorConfig, A::Error> {
        VendorConfig::read(map)
    }
}

/// Whether a secret's text is empty or whitespace only: never a real secret,
/// and one an attacker guesses first.
pub(crate) fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

impl VendorConfig {
    /// Reads an engine table from the table's own map (so that errors carry
    /// the table's position): what every vendor's verifier reads unless it
    /// has a table of its own.
    pub(crate) fn read<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<VendorConfig, A::Error> {
        let raw = RawVendorConfig::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        VendorConfig::check(raw).map_err(serde::de::Error::custom)
    }

    /// The table of a vendor whose verifier reads keys of its own, already
    /// checked by that reader: no method, no secret, only those keys.
    pub(crate) fn own_table(own: impl IntoIterator<Item = (&'static str, String)>) -> VendorConfig {
        VendorConfig {
            method: None,
            scheme: None,
            header: None,
            query_parameter: None,
            username: None,
            secret_env: Vec::new(),
            dangerous_inline_secret: Vec::new(),
            secret_format: SecretFormat::Raw,
            tolerance_secs: None,
            own: own.into_iter().map(|(key, value)| (key.to_owned(), value)).collect(),
        }
    }

    /// This engine table with keys of the vendor's own besides (Adobe's URL
    /// check), already checked by the vendor's reader.
    pub(crate) fn with_own(mut self, own: impl IntoIterator<Item = (&'static str, String)>) -> VendorConfig {
        self.own
            .extend(own.into_iter().map(|(key, value)| (key.to_owned(), value)));
        self
    }

    /// A key of the vendor's own table (`app_id` in `[ignisign]`), when the
    /// table is the vendor's own and gives it.
    pub fn own_key(&self, key: &str) -> Option<&str> {
        self.own.iter().find(|(k, _)| k == key).map(|(_, value)| value.as_str())
    }

    /// Checks the keys together; errors name the key at fault.
    fn check(raw: RawVendorConfig) -> Result<VendorConfig, String> {
        let given = |present: bool, key: &str, method: Method| -> Result<(), String> {
            match (present, raw.method == Some(method)) {
                (true, false) => Err(format!("`{key}` goes with method = \"{method}\" only")),
                (false, true) => Err(format!("method = \"{method}\" needs `{key}`")),
                _ => Ok(()),
            }
        };
        // `scheme` may be left out for a vendor that documents its scheme
        // (`vendor_verifier!(…, documented = scheme)` passes it); a vendor
        // that publishes none needs it in its table, refused when built.
        if raw.scheme.is_some() && raw.method != Some(Method::Hmac) {
            return Err("`scheme` goes with method = \"hmac\" only".to_owned());
        }
        given(raw.header.is_some(), "header", Method::HeaderToken)?;
        given(raw.query_parameter.is_some(), "query_parameter", Method::QueryToken)?;
        given(raw.username.is_some(), "username", Method::BasicAuth)?;
        let secret_env = raw.secret_env.map(OneOrMany::into_vec).unwrap_or_default();
        let inline: Vec<String> = raw.dangerous_inline_secret.map(OneOrMany::into_vec).unwrap_or_default();
        match raw.method {
            // No `method`: vendors with a check of their own (an API key, a
            // webhook id, client ids) need only the secret; the engine vendors
            // refuse the table when it is built.
            None if secret_env.is_empty() && inline.is_empty() => {
                return Err(
                    "`method` is required: hmac, header_token, basic_auth, query_token or dangerous_accept_unverified \
                     (or `secret_env` alone, for a vendor whose check is its own)"
                        .to_owned(),
                );
            }
            None => {}
            Some(method) => {
                let unverified = method == Method::DangerousAcceptUnverified;
                match (unverified, secret_env.is_empty() && inline.is_empty()) {
                    (true, false) => {
                        return Err("method = \"dangerous_accept_unverified\" takes no secret".to_owned());
                    }
                    (false, true) => {
                        return Err(format!(
                            "method = \"{method}\" needs `secret_env` (the environment variable holding the secret)"
                        ));
                    }
                    _ => {}
                }
                if !secret_env.is_empty() && !inline.is_empty() {
                    return Err("give `secret_env` or `dangerous_inline_secret`, not both".to_owned());
                }
            }
        }
        if secret_env.iter().any(|name| name.trim().is_empty()) {
            return Err("`secret_env` names an empty variable".to_owned());
        }
        if inline.iter().any(|secret| is_blank(secret)) {
            return Err("`dangerous_inline_secret` is blank (empty or whitespace only)".to_owned());
        }
        if raw.tolerance_secs.is_some()
            && raw
                .scheme
                .as_ref()
                .is_none_or(|s| s.signed_content().timestamp().is_none())
        {
            return Err("`tolerance_secs` needs a `scheme` that signs a timestamp".to_owned());
        }
        Ok(VendorConfig {
            method: raw.method,
            scheme: raw.scheme,
            header: raw.header,
            query_parameter: raw.query_parameter,
            username: raw.username,
            secret_env,
            dangerous_inline_secret: inline.into_iter().map(Secret::new).collect(),
            secret_format: raw.secret_format,
            tolerance_secs: raw.tolerance_secs,
            own: Vec::new(),
        })
    }

    /// The secrets, read from the environment through `env` (or inline), in
    /// order, decoded as `secret_format` says. `vendor` is the table's key,
    /// for error messages.
    pub fn secrets(&self, vendor: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Secret>, ConfigError> {
        let decode = |text: &str, key: String| -> Result<Secret, ConfigError> {
            let secret = match self.secret_format {
                SecretFormat::Raw => Ok(Secret::new(text)),
                SecretFormat::Base64 => Secret::from_base64(text),
                SecretFormat::StandardWebhooks => Secret::from_standard_webhooks(text),
            };
            secret.map_err(|_| {
                ConfigError::key(
                    key,
                    format!("the secret is not valid for secret_format = {:?}", self.secret_format),
                )
            })
        };
        let mut secrets = Vec::new();
        let count = self.secret_env.len();
        for (index, name) in self.secret_env.iter().enumerate() {
            let key = format!("{vendor}.secret_env");
            // The variable is told by its place, never by its name: a secret
            // pasted into `secret_env` would otherwise be printed back.
            let which = if count == 1 {
                "the environment variable it names".to_owned()
            } else {
                format!("environment variable {} of the {count} it names", index + 1)
            };
            let Some(text) = env(name) else {
                return Err(ConfigError::key(key, format!("{which} is not set")));
            };
            if is_blank(&text) {
                return Err(ConfigError::key(
                    key,
                    format!("{which} is blank (empty or whitespace only): a blank secret authenticates nothing"),
                ));
            }
            secrets.push(decode(&text, key)?);
        }
        for secret in &self.dangerous_inline_secret {
            let key = format!("{vendor}.dangerous_inline_secret");
            let text = String::from_utf8_lossy(secret.expose()).into_owned();
            secrets.push(decode(&text, key)?);
        }
        Ok(secrets)
    }

    /// The engine verifier this table describes, with its secrets from `env`.
    /// Every vendor that verifies with the engine builds its `Verifier` from this.
    ///
    /// With `method = "hmac"` and no `scheme`, `documented` is used: the
    /// scheme the vendor documents, when it documents one.
    pub(crate) fn engine_verifier(
        &self,
        vendor: &str,
        documented: Option<HmacScheme>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Verifier, ConfigError> {
        let method = self.method.ok_or_else(|| {
            ConfigError::key(
                format!("{vendor}.method"),
                "`method` is required: hmac, header_token, basic_auth, query_token or dangerous_accept_unverified"
                    .to_owned(),
            )
        })?;
        if method == Method::DangerousAcceptUnverified {
            return Ok(Verifier::dangerous_accept_unverified());
        }
        let mut secrets = self.secrets(vendor, env)?.into_iter();
        let first = secrets
            .next()
            .ok_or_else(|| ConfigError::key(format!("{vendor}.secret_env"), "no secret is configured".to_owned()))?;
        let missing = |key: &str| {
            ConfigError::key(
                format!("{vendor}.{key}"),
                format!("method = \"{method}\" needs `{key}`"),
            )
        };
        let mut verifier = match method {
            Method::Hmac => {
                let mut scheme = self.scheme.clone().or(documented).ok_or_else(|| missing("scheme"))?;
                if let Some(secs) = self.tolerance_secs {
                    scheme = scheme.with_tolerance(std::time::Duration::from_secs(secs));
                }
                Verifier::hmac(scheme, first)
            }
            Method::HeaderToken => Verifier::header_token(self.header.clone().ok_or_else(|| missing("header"))?, first),
            Method::BasicAuth => Verifier::basic_auth(self.username.clone().ok_or_else(|| missing("username"))?, first),
            Method::QueryToken => Verifier::query_token(
                self.query_parameter.clone().ok_or_else(|| missing("query_parameter"))?,
                first,
            ),
            Method::DangerousAcceptUnverified => Verifier::dangerous_accept_unverified(),
        };
        for secret in secrets {
            verifier = verifier.with_secret(secret);
        }
        Ok(verifier)
    }

    /// The secrets of a vendor whose check is its own (an API key, a webhook
    /// id, client ids): at least one, from `secret_env` or inline.
    pub(crate) fn vendor_secrets(
        &self,
        vendor: crate::Vendor,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Vec<Secret>, ConfigError> {
        let secrets = self.secrets(vendor.slug(), env)?;
        if secrets.is_empty() {
            return Err(ConfigError::key(
                format!("{}.secret_env", vendor.slug()),
                "no secret is configured".to_owned(),
            ));
        }
        Ok(secrets)
    }
}
