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

/// A parser's message made safe to show: the offending value dropped, one line.
///
/// serde's messages quote the value they refused (`invalid type: string
/// "s3cr3t", expected …`, ``unknown variant `s3cr3t` ``), and a value in the
/// wrong place can be a secret; keys (``unknown field `secert` ``) are kept.
/// Line breaks and other control characters become spaces, so an error stays
/// one log line.
pub(crate) fn without_value(message: &str) -> String {
    let safe = drop_refused_value(message);
    let single_line: String = safe.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    single_line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn drop_refused_value(message: &str) -> String {
    // serde's `Error::invalid_type`/`invalid_value`: "invalid type: {what}, expected {exp}".
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let kind = unexpected_kind(rest);
            let head = prefix.trim_end_matches([':', ' ']);
            return match rest.rfind(", expected ") {
                Some(at) => format!("{head}: {kind}{}", rest.get(at..).unwrap_or_default()),
                None => format!("{head}: {kind}"),
            };
        }
    }
    // serde's `Error::unknown_variant`: "unknown variant `{v}`, expected …".
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.rfind(", expected ") {
            Some(at) => format!("unknown variant{}", rest.get(at..).unwrap_or_default()),
            None => "unknown variant".to_owned(),
        };
    }
    message.to_owned()
}

/// What serde's `Unexpected` names, without the value it quotes.
fn unexpected_kind(rest: &str) -> &'static str {
    const KINDS: [(&str, &str); 8] = [
        ("string", "a string"),
        ("integer", "an integer"),
        ("floating point", "a floating point number"),
        ("boolean", "a boolean"),
        ("character", "a character"),
        ("byte array", "a byte array"),
        ("sequence", "a sequence"),
        ("map", "a map"),
    ];
    KINDS
        .iter()
        .find(|(start, _)| rest.starts_with(start))
        .map_or("a value", |(_, kind)| kind)
}

#[cfg(test)]
mod tests {
    use super::without_value;

    #[test]
    fn refused_values_are_dropped_keys_kept() {
        assert_eq!(
            without_value("invalid type: string \"s3cr3t, expected x\", expected u64"),
            "invalid type: a string, expected u64"
        );
        assert_eq!(
            without_value("invalid value: integer `-5`, expected usize"),
            "invalid value: an integer, expected usize"
        );
        assert_eq!(
            without_value("unknown variant `s3cr3t`, expected one of `hmac`, `header_token`"),
            "unknown variant, expected one of `hmac`, `header_token`"
        );
        assert_eq!(without_value("unknown variant `s3cr3t`"), "unknown variant");
        assert_eq!(
            without_value("unknown field `secert`, expected `secret_env`"),
            "unknown field `secert`, expected `secret_env`"
        );
        assert_eq!(
            without_value("invalid string\nexpected `\"`"),
            "invalid string expected `\"`"
        );
    }
}
