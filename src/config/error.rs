//! [`ConfigError`]: what is wrong with a configuration, and where.

use core::fmt;
use std::path::{Path, PathBuf};

/// A configuration that cannot be used: the key at fault, the position in
/// the file when the error is in the file, and what is wrong. Never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    file: Option<PathBuf>,
    key: Option<String>,
    position: Option<(usize, usize)>,
    message: String,
}

impl ConfigError {
    pub(crate) fn key(key: String, message: String) -> Self {
        ConfigError {
            file: None,
            key: (!key.is_empty()).then_some(key),
            position: None,
            message,
        }
    }

    pub(crate) fn at(line: usize, column: usize, message: String) -> Self {
        ConfigError {
            file: None,
            key: None,
            position: Some((line, column)),
            message,
        }
    }

    pub(crate) fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_owned());
        self
    }

    /// The key at fault (`signplus.secret_env`), when one is known.
    pub fn key_path(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The 1-based line and column in the file, for errors in the file.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.position
    }

    /// The file, when the configuration was read from one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        if let Some((line, column)) = self.position {
            write!(f, "line {line} column {column}: ")?;
        }
        if let Some(key) = &self.key {
            write!(f, "`{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}
