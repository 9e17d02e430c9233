//! `Webhooks::from_config` and `Config::builder`: a [`WebhooksBuilder`] from
//! a configuration file, each vendor's table read by its plug-in.

use serde::de::{Deserialize, Deserializer, MapAccess};

use crate::Vendor;
use crate::config::{Config, ConfigError, ConfigVisitor, ReadTable, VendorConfig};
use crate::dispatch::vendors::configure;
use crate::dispatch::{Webhooks, WebhooksBuilder};

impl Webhooks {
    /// A receiver configured by `config`, secrets read from the process environment.
    ///
    /// ```no_run
    /// use esign_webhooks::Webhooks;
    /// use esign_webhooks::config::Config;
    ///
    /// let webhooks = Webhooks::from_config(&Config::from_file("esign-webhooks.json")?)?;
    /// # Ok::<(), esign_webhooks::config::ConfigError>(())
    /// ```
    pub fn from_config(config: &Config) -> Result<Webhooks, ConfigError> {
        Webhooks::from_config_with_env(config, |name| std::env::var(name).ok())
    }

    /// Like [`from_config`](Webhooks::from_config), reading variables through
    /// `env` (tests, a secrets manager).
    pub fn from_config_with_env(
        config: &Config,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Webhooks, ConfigError> {
        config
            .builder_with_env(env)?
            .build()
            .map_err(|err| ConfigError::key(String::new(), err.to_string()))
    }
}

impl Config {
    /// A [`WebhooksBuilder`] with every configured vendor, secrets read from
    /// the process environment, to set what a file does not (a clock) before `build`.
    pub fn builder(&self) -> Result<WebhooksBuilder, ConfigError> {
        self.builder_with_env(|name| std::env::var(name).ok())
    }

    /// Like [`builder`](Config::builder), reading variables through `env`.
    pub fn builder_with_env(&self, env: impl Fn(&str) -> Option<String>) -> Result<WebhooksBuilder, ConfigError> {
        let env: &dyn Fn(&str) -> Option<String> = &env;
        let mut builder = Webhooks::builder();
        for (key, table) in self.vendors() {
            let vendor: Vendor = key
                .parse()
                .map_err(|err: crate::UnknownVendor| ConfigError::key(key.to_owned(), err.to_string()))?;
            builder.vendors = configure(core::mem::take(&mut builder.vendors), vendor, table, env)?;
        }
        if let Some(bytes) = self.max_body_size() {
            builder = builder.max_body_size(bytes);
        }
        Ok(builder)
    }
}

/// A configuration file's reader: each vendor's table read by its verifier.
impl<'de> Deserialize<'de> for Config {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ConfigVisitor::<TableReaders>::new())
    }
}

/// Each vendor's table reader, generated from the vendor table.
struct TableReaders;

macro_rules! table_readers {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        impl ReadTable for TableReaders {
            fn read_table<'de, A: MapAccess<'de>>(vendor: Vendor, map: &mut A) -> Result<VendorConfig, A::Error> {
                match vendor {
                    $(
                        #[cfg(feature = $feature)]
                        Vendor::$variant => map.next_value_seed(
                            crate::plugin::TableSeed::<crate::$module::Verifier>::new(),
                        ),
                    )*
                    // A vendor not compiled in: the engine's table, refused
                    // by name when the receiver is built.
                    #[allow(unreachable_patterns)]
                    _ => map.next_value::<VendorConfig>(),
                }
            }
        }
    };
}

crate::vendor::vendor_table!(table_readers);
