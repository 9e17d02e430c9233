//! [`Config`]: a whole configuration file, read from TOML or JSON.

use core::fmt;
use std::path::Path;

use core::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};

use super::error::without_value;
use super::{ConfigError, VendorConfig};
use crate::Vendor;

/// Every vendor's key (its slug), for messages.
fn vendor_keys() -> String {
    Vendor::ALL
        .iter()
        .map(|vendor| vendor.slug())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The largest `max_body_size` a configuration may set: 64 MiB. The largest
/// delivery a vendor documents is Adobe Acrobat Sign's (10 MB); a limit far
/// above it only lets a sender make the receiver buffer more.
pub const MAX_BODY_SIZE_LIMIT: usize = 64 * 1024 * 1024;

/// A configuration: one [`VendorConfig`] per configured vendor, and the body
/// size limit. See the [module documentation](super) for the keys.
///
/// Its `Debug` shows no secret: see [`VendorConfig`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    vendors: Vec<(&'static str, VendorConfig)>,
    max_body_size: Option<usize>,
}

impl Config {
    /// Reads a JSON configuration.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(text).map_err(|err| {
            let message = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            ConfigError::at(err.line(), err.column(), without_value(message))
        })
    }

    /// Reads a TOML configuration.
    #[cfg(feature = "config-toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "config-toml")))]
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|err| {
            // `message()`, not `Display`: the latter quotes the source line.
            let (line, column) = err.span().map_or((1, 1), |span| line_and_column(text, span.start));
            ConfigError::at(line, column, without_value(err.message()))
        })
    }

    /// Reads a file: TOML when its name ends in `.toml` (with the
    /// `config-toml` feature), JSON otherwise.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Config, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|err| ConfigError::key(String::new(), format!("cannot read the file: {err}")).in_file(path))?;
        let is_toml = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
        let parsed = if is_toml {
            Config::toml_or_error(&text)
        } else {
            Config::from_json(&text)
        };
        parsed.map_err(|err| err.in_file(path))
    }

    #[cfg(feature = "config-toml")]
    fn toml_or_error(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text)
    }

    #[cfg(not(feature = "config-toml"))]
    fn toml_or_error(_: &str) -> Result<Config, ConfigError> {
        Err(ConfigError::key(
            String::new(),
            "reading TOML needs the `config-toml` feature of esign-webhooks; or write the file in JSON".to_owned(),
        ))
    }

    /// The configured vendors, as `(key, table)`, in the order of [`Vendor::ALL`].
    pub fn vendors(&self) -> impl Iterator<Item = (&'static str, &VendorConfig)> {
        self.vendors.iter().map(|(key, vendor)| (*key, vendor))
    }

    /// The table of vendor `key` (`"signplus"`), when configured.
    pub fn vendor(&self, key: &str) -> Option<&VendorConfig> {
        self.vendors.iter().find(|(k, _)| *k == key).map(|(_, vendor)| vendor)
    }

    /// The body size limit, when set.
    pub fn max_body_size(&self) -> Option<usize> {
        self.max_body_size
    }
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
#[cfg(feature = "config-toml")]
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    (line, column)
}

/// How the file's reader reads one vendor's table: with that vendor's
/// verifier's reader, so that each vendor checks its own keys. Implemented
/// where the vendors are known (generated from the vendor table, in
/// `dispatch::from_config`, with `Config`'s `Deserialize`): this layer names no
/// vendor.
pub(crate) trait ReadTable {
    /// Reads `vendor`'s table, the map's next value.
    fn read_table<'de, A: MapAccess<'de>>(vendor: Vendor, map: &mut A) -> Result<VendorConfig, A::Error>;
}

/// The file's reader: the body size, and each vendor's table read by `R`.
pub(crate) struct ConfigVisitor<R>(PhantomData<R>);

impl<R> ConfigVisitor<R> {
    pub(crate) fn new() -> Self {
        ConfigVisitor(PhantomData)
    }
}

impl<'de, R: ReadTable> Visitor<'de> for ConfigVisitor<R> {
    type Value = Config;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of vendors, keyed by slug")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Config, A::Error> {
        let mut config = Config::default();
        let mut size_seen = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "max_body_size" {
                if size_seen {
                    return Err(de::Error::custom("`max_body_size` is given twice"));
                }
                size_seen = true;
                let size: u64 = map.next_value()?;
                match usize::try_from(size) {
                    Ok(size) if size <= MAX_BODY_SIZE_LIMIT => config.max_body_size = Some(size),
                    _ => {
                        return Err(de::Error::custom(format!(
                            "`max_body_size` is at most {MAX_BODY_SIZE_LIMIT} bytes (64 MiB); \
                             the largest vendor delivery, Adobe Acrobat Sign's, is 10 MB"
                        )));
                    }
                }
                continue;
            }
            let Some(vendor) = Vendor::ALL.iter().copied().find(|vendor| vendor.slug() == key) else {
                return Err(de::Error::custom(format!(
                    "unknown key `{key}`: expected a vendor ({}) or max_body_size",
                    vendor_keys()
                )));
            };
            let slug = vendor.slug();
            if config.vendor(slug).is_some() {
                return Err(de::Error::custom(format!("`{slug}` is given twice")));
            }
            let table = R::read_table(vendor, &mut map)?;
            config.vendors.push((slug, table));
        }
        // The vendors' fixed order, whatever the file's (TOML tables come sorted).
        config
            .vendors
            .sort_by_key(|(key, _)| Vendor::ALL.iter().position(|vendor| vendor.slug() == *key));
        if config.vendors.is_empty() {
            return Err(de::Error::custom(format!(
                "no vendor is configured: add a table for one of {}",
                vendor_keys()
            )));
        }
        Ok(config)
    }
}
