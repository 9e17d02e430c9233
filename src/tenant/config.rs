//! [`TenantsConfig`]: many tenants' configurations (a directory of files, or
//! one file with a table per tenant), their secrets read through an async
//! [`SecretSource`], served by a [`TenantResolver`].

use core::fmt;
use std::collections::{BTreeMap, HashMap};
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, PoisonError, RwLock};

use super::{ResolveFuture, ResolverError, TenantResolver, TenantSource};
use crate::Webhooks;
use crate::config::{Config, ConfigError};
use crate::tenant_id::{TenantId, TenantRequest};

/// What [`SecretSource::secret`] returns: a boxed future (object-safe, no
/// `async-trait`).
pub type SecretFuture<'a> = Pin<Box<dyn Future<Output = Result<Option<String>, ResolverError>> + Send + 'a>>;

/// Where the secrets named in configuration files (`secret_env`, …) are
/// read, asynchronously: a secrets manager, a vault, the environment
/// ([`EnvSecrets`]). `Ok(None)`: no such secret (the tenant's configuration
/// is then incomplete, answered 503 until it appears); `Err`: the source is
/// down (503 too).
pub trait SecretSource: Send + Sync {
    /// The secret called `name`.
    fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a>;
}

impl<T: SecretSource + ?Sized> SecretSource for Arc<T> {
    fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a> {
        (**self).secret(name)
    }
}

/// Secrets from the process environment, read at each resolution (so a
/// changed variable is seen after [`Tenants::invalidate`](super::Tenants::invalidate)).
#[derive(Debug, Clone, Copy, Default)]
#[allow(
    clippy::exhaustive_structs,
    reason = "a unit struct users name as a value; it will never gain fields"
)]
pub struct EnvSecrets;

impl SecretSource for EnvSecrets {
    fn secret<'a>(&'a self, name: &'a str) -> SecretFuture<'a> {
        Box::pin(core::future::ready(Ok(std::env::var(name).ok())))
    }
}

/// The configurations of many tenants: each a [`Config`] (the single-tenant
/// file format, see [`config`](crate::config)), keyed by [`TenantId`].
///
/// Two layouts:
///
/// * a **directory** with one file per tenant, named after it
///   (`acme.json`, `globex.toml`): [`from_dir`](TenantsConfig::from_dir);
/// * **one file** with a table per tenant under `tenants`:
///   [`from_json`](TenantsConfig::from_json), or
///   [`from_file`](TenantsConfig::from_file).
///
/// ```
/// use esign_webhooks::tenant::{EnvSecrets, TenantSource, Tenants, TenantsConfig};
///
/// let config = TenantsConfig::from_json(r#"{
///   "tenants": {
///     "acme":   { "docusign": { "method": "hmac", "secret_env": "ACME_DOCUSIGN_KEY" } },
///     "globex": { "yousign":  { "method": "hmac", "secret_env": "GLOBEX_YOUSIGN_SECRET" } }
///   }
/// }"#)?;
/// assert_eq!(config.len(), 2);
/// let resolver = config.resolver(TenantSource::path_segment(1), EnvSecrets);
/// let tenants = Tenants::builder(resolver).build();
/// # Ok::<(), esign_webhooks::config::ConfigError>(())
/// ```
///
/// Secrets are read when a tenant is resolved (its first request, then
/// once per cache lifetime), through the [`SecretSource`]: a rotated
/// secret is seen on the next resolution ([`Tenants::invalidate`](super::Tenants::invalidate)).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TenantsConfig {
    tenants: BTreeMap<TenantId, Config>,
}

/// The one-file layout: `{"tenants": {"<id>": <Config>, …}}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantsFile {
    tenants: BTreeMap<TenantId, Config>,
}

impl TenantsConfig {
    /// No tenants.
    pub fn new() -> Self {
        TenantsConfig::default()
    }

    /// Adds (or replaces) `tenant`'s configuration.
    pub fn insert(&mut self, tenant: TenantId, config: Config) {
        self.tenants.insert(tenant, config);
    }

    /// `tenant`'s configuration.
    pub fn get(&self, tenant: &TenantId) -> Option<&Config> {
        self.tenants.get(tenant)
    }

    /// The tenants, in id order.
    pub fn tenants(&self) -> impl Iterator<Item = &TenantId> {
        self.tenants.keys()
    }

    /// How many tenants.
    pub fn len(&self) -> usize {
        self.tenants.len()
    }

    /// `true` with no tenant.
    pub fn is_empty(&self) -> bool {
        self.tenants.is_empty()
    }

    /// Reads the one-file layout in JSON: `{"tenants": {"acme": {…}, …}}`,
    /// each table a whole single-tenant configuration.
    pub fn from_json(text: &str) -> Result<TenantsConfig, ConfigError> {
        let file: TenantsFile = serde_json::from_str(text).map_err(|err| {
            let message = err.to_string();
            let suffix = format!(" at line {} column {}", err.line(), err.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            ConfigError::at(err.line(), err.column(), crate::config::without_value(message))
        })?;
        Ok(TenantsConfig { tenants: file.tenants })
    }

    /// Reads the one-file layout in TOML: a `[tenants.acme.docusign]` table
    /// per tenant and vendor.
    #[cfg(feature = "config-toml")]
    #[cfg_attr(docsrs, doc(cfg(feature = "config-toml")))]
    pub fn from_toml(text: &str) -> Result<TenantsConfig, ConfigError> {
        let file: TenantsFile = toml::from_str(text)
            .map_err(|err| ConfigError::key(String::new(), crate::config::without_value(err.message())))?;
        Ok(TenantsConfig { tenants: file.tenants })
    }

    /// Reads the one-file layout from a file: TOML when its name ends in
    /// `.toml` (with the `config-toml` feature), JSON otherwise.
    pub fn from_file(path: impl AsRef<Path>) -> Result<TenantsConfig, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path)
            .map_err(|err| ConfigError::key(String::new(), format!("cannot read the file: {err}")).in_file(path))?;
        let is_toml = path.extension().is_some_and(|ext| ext.eq_ignore_ascii_case("toml"));
        let parsed = if is_toml {
            TenantsConfig::toml_or_error(&text)
        } else {
            TenantsConfig::from_json(&text)
        };
        parsed.map_err(|err| err.in_file(path))
    }

    #[cfg(feature = "config-toml")]
    fn toml_or_error(text: &str) -> Result<TenantsConfig, ConfigError> {
        TenantsConfig::from_toml(text)
    }

    #[cfg(not(feature = "config-toml"))]
    fn toml_or_error(_: &str) -> Result<TenantsConfig, ConfigError> {
        Err(ConfigError::key(
            String::new(),
            "reading TOML needs the `config-toml` feature of esign-webhooks; or write the file in JSON".to_owned(),
        ))
    }

    /// Reads a directory with one configuration file per tenant: every
    /// `*.json` (and, with `config-toml`, `*.toml`) file, the tenant id its
    /// name without the extension. A file whose name is not a valid
    /// [`TenantId`] is an error, as are two files for one tenant; other
    /// files are ignored.
    pub fn from_dir(path: impl AsRef<Path>) -> Result<TenantsConfig, ConfigError> {
        let dir = path.as_ref();
        let entries = std::fs::read_dir(dir)
            .map_err(|err| ConfigError::key(String::new(), format!("cannot read the directory: {err}")).in_file(dir))?;
        let mut config = TenantsConfig::new();
        for entry in entries {
            let entry = entry.map_err(|err| {
                ConfigError::key(String::new(), format!("cannot read the directory: {err}")).in_file(dir)
            })?;
            let file = entry.path();
            let extension = file
                .extension()
                .and_then(|ext| ext.to_str())
                .map(str::to_ascii_lowercase);
            if !matches!(extension.as_deref(), Some("json" | "toml")) {
                continue;
            }
            let stem = file.file_stem().and_then(|stem| stem.to_str()).unwrap_or_default();
            let tenant = TenantId::new(stem).map_err(|err| {
                ConfigError::key(String::new(), format!("the file name is not a tenant id: {err}")).in_file(&file)
            })?;
            if config.tenants.contains_key(&tenant) {
                return Err(
                    ConfigError::key(String::new(), format!("a second file for tenant `{tenant}`")).in_file(&file),
                );
            }
            config.tenants.insert(tenant, Config::from_file(&file)?);
        }
        Ok(config)
    }

    /// A [`TenantResolver`] serving these tenants, named by `source`, their
    /// secrets read through `secrets`.
    pub fn resolver(self, source: TenantSource, secrets: impl SecretSource + 'static) -> ConfigResolver {
        ConfigResolver {
            source,
            tenants: RwLock::new(Arc::new(self)),
            secrets: Box::new(secrets),
        }
    }
}

/// Builds `config`'s receiver, reading the secrets it names through
/// `secrets`. The names a configuration needs are found by building it:
/// each build that stops at a missing name asks the source for it, then
/// builds again, so the configuration format needs no second reader.
pub(crate) async fn build(config: &Config, secrets: &dyn SecretSource) -> Result<Webhooks, ResolverError> {
    let mut known: HashMap<String, Option<String>> = HashMap::new();
    loop {
        let asked = std::sync::Mutex::new(Vec::new());
        let built = config.builder_with_env(|name| match known.get(name) {
            Some(value) => value.clone(),
            None => {
                asked
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(name.to_owned());
                None
            }
        });
        let asked = asked.into_inner().unwrap_or_else(PoisonError::into_inner);
        if asked.is_empty() {
            // Every name was answered: the outcome is final. The error names
            // a key, never a secret's value.
            return built
                .and_then(|builder| {
                    builder
                        .build()
                        .map_err(|err| ConfigError::key(String::new(), err.to_string()))
                })
                .map_err(|err| ResolverError::new(format!("the tenant's configuration cannot be used: {err}")));
        }
        drop(built);
        for name in asked {
            let value = secrets.secret(&name).await?;
            known.insert(name, value);
        }
    }
}

/// The [`TenantResolver`] of a [`TenantsConfig`]
/// ([`TenantsConfig::resolver`]); [`replace`](ConfigResolver::replace)
/// swaps in a re-read configuration while serving.
pub struct ConfigResolver {
    source: TenantSource,
    tenants: RwLock<Arc<TenantsConfig>>,
    secrets: Box<dyn SecretSource>,
}

impl ConfigResolver {
    /// Serves `config` from now on (a re-read directory, say); call
    /// [`Tenants::invalidate_all`](super::Tenants::invalidate_all) after it.
    pub fn replace(&self, config: TenantsConfig) {
        *self.tenants.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(config);
    }

    fn config(&self) -> Arc<TenantsConfig> {
        Arc::clone(&self.tenants.read().unwrap_or_else(PoisonError::into_inner))
    }
}

impl fmt::Debug for ConfigResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigResolver")
            .field("source", &self.source)
            .field("tenants", &self.config().len())
            .finish_non_exhaustive()
    }
}

impl TenantResolver for ConfigResolver {
    fn identify(&self, request: &TenantRequest<'_>) -> Option<TenantId> {
        self.source.identify(request)
    }

    fn resolve<'a>(&'a self, tenant: &'a TenantId) -> ResolveFuture<'a> {
        let config = self.config();
        Box::pin(async move {
            let Some(tenant_config) = config.get(tenant) else {
                return Ok(None);
            };
            let webhooks = build(tenant_config, self.secrets.as_ref()).await?;
            Ok(Some(Arc::new(webhooks)))
        })
    }
}
