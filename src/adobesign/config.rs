//! Adobe Acrobat Sign's table of a configuration file ([`crate::config`]):
//! the engine's secret keys (`secret_env` …, the client ids), and the
//! optional check of the URL you registered, which the engine's keys cannot
//! say (their `method` is the vendor's only check):
//!
//! * `query_parameter` and `query_token_env`: [`Verifier::with_query_token`];
//! * `username` and `password_env`: [`Verifier::with_basic_auth`].

use serde::de::{self, MapAccess};

use super::Verifier;
use crate::Secret;
use crate::config::{ConfigError, VendorConfig};

const QUERY_PARAMETER: &str = "query_parameter";
const QUERY_TOKEN_ENV: &str = "query_token_env";
const USERNAME: &str = "username";
const PASSWORD_ENV: &str = "password_env";

/// Reads the table: Adobe's own keys here, the rest by the engine's reader
/// (which refuses any unknown key), as before these keys existed.
pub(crate) fn read_table<'de, A: MapAccess<'de>>(mut map: A) -> Result<VendorConfig, A::Error> {
    let mut own: Vec<(&'static str, String)> = Vec::new();
    let mut rest = serde_json::Map::new();
    while let Some(key) = map.next_key::<String>()? {
        let own_key = [QUERY_PARAMETER, QUERY_TOKEN_ENV, USERNAME, PASSWORD_ENV]
            .into_iter()
            .find(|own_key| *own_key == key);
        match own_key {
            Some(own_key) => {
                if own.iter().any(|(k, _)| *k == own_key) {
                    return Err(de::Error::custom(format!("`{key}` is given twice")));
                }
                own.push((own_key, map.next_value::<String>()?));
            }
            None => {
                let value = map.next_value::<serde_json::Value>()?;
                if rest.insert(key.clone(), value).is_some() {
                    return Err(de::Error::custom(format!("`{key}` is given twice")));
                }
            }
        }
    }
    let has = |key: &str| own.iter().any(|(k, _)| *k == key);
    match (
        has(QUERY_PARAMETER),
        has(QUERY_TOKEN_ENV),
        has(USERNAME),
        has(PASSWORD_ENV),
    ) {
        (false, false, false, false) | (true, true, false, false) | (false, false, true, true) => {}
        (_, _, true, _) | (_, _, _, true) if has(QUERY_PARAMETER) || has(QUERY_TOKEN_ENV) => {
            return Err(de::Error::custom(
                "`adobesign` takes `query_parameter` and `query_token_env`, or `username` and `password_env`, not both",
            ));
        }
        (true, false, _, _) | (false, true, _, _) => {
            return Err(de::Error::custom("`query_parameter` and `query_token_env` go together"));
        }
        _ => return Err(de::Error::custom("`username` and `password_env` go together")),
    }
    let engine = serde_json::Value::Object(rest)
        .deserialize_map(EngineTable)
        .map_err(de::Error::custom)?;
    Ok(engine.with_own(own))
}

/// Reads the engine's keys from the rest of the table.
struct EngineTable;

impl<'de> de::Visitor<'de> for EngineTable {
    type Value = VendorConfig;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("the `adobesign` table")
    }

    fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<VendorConfig, M::Error> {
        VendorConfig::read(map)
    }
}

use serde::Deserializer as _;

/// `verifier` with the URL check the table gives, if any; the variable named
/// is not repeated in errors (a secret pasted there would be printed back).
pub(crate) fn with_url_check(
    verifier: Verifier,
    config: &VendorConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Verifier, ConfigError> {
    let secret = |key: &str, name: &str| -> Result<Secret, ConfigError> {
        let path = format!("adobesign.{key}");
        let value = env(name)
            .ok_or_else(|| ConfigError::key(path.clone(), "the environment variable it names is not set".to_owned()))?;
        if crate::config::is_blank(&value) {
            return Err(ConfigError::key(
                path,
                "the environment variable it names is blank (empty or whitespace only)".to_owned(),
            ));
        }
        Ok(Secret::new(value))
    };
    if let (Some(parameter), Some(name)) = (config.own_key(QUERY_PARAMETER), config.own_key(QUERY_TOKEN_ENV)) {
        return Ok(verifier.with_query_token(parameter, secret(QUERY_TOKEN_ENV, name)?));
    }
    if let (Some(username), Some(name)) = (config.own_key(USERNAME), config.own_key(PASSWORD_ENV)) {
        return Ok(verifier.with_basic_auth(username, secret(PASSWORD_ENV, name)?));
    }
    Ok(verifier)
}
