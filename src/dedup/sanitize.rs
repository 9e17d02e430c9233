//! Store error texts that are safe to log: one line, no control character,
//! through the whole `source()` chain.
//!
//! A store's errors carry text chosen by the server (a Redis error reply, a
//! PostgreSQL message), and a hostile or compromised server can put a line
//! break into it to forge log lines. Every error a store of this crate makes
//! is built here, at the boundary, so nothing the server says reaches a log
//! unescaped: control characters (and Unicode line separators and bidi
//! controls, which some viewers honour) are written as Rust escapes (`\n`,
//! `\u{1b}`), and the text is bounded.

use core::fmt;
use std::error::Error;

/// The longest text kept per error in the chain, in bytes; longer texts end with `…`.
const MAX_TEXT: usize = 1024;

/// How many `source()` levels are copied; deeper causes are dropped.
const MAX_DEPTH: usize = 8;

/// An error whose text and causes are all sanitised copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SanitizedError {
    text: String,
    source: Option<Box<SanitizedError>>,
}

impl SanitizedError {
    /// An error of `text`, without a cause.
    pub(crate) fn new(text: impl fmt::Display) -> Self {
        SanitizedError {
            text: sanitize(&text.to_string()),
            source: None,
        }
    }

    /// An error of `text`, whose causes are sanitised copies of `cause`'s chain
    /// (`cause` itself first).
    pub(crate) fn caused_by(mut self, cause: Option<&(dyn Error + 'static)>) -> Self {
        self.source = cause.map(|cause| Box::new(copy(cause, 1)));
        self
    }

    /// `context` followed by `err`'s text, with `err`'s causes.
    pub(crate) fn wrap(context: &str, err: &(dyn Error + 'static)) -> Self {
        SanitizedError::new(format_args!("{context}{err}")).caused_by(err.source())
    }
}

/// A sanitised copy of `err` and its causes, `depth` levels down already.
fn copy(err: &(dyn Error + 'static), depth: usize) -> SanitizedError {
    SanitizedError {
        text: sanitize(&err.to_string()),
        source: err
            .source()
            .filter(|_| depth < MAX_DEPTH)
            .map(|cause| Box::new(copy(cause, depth + 1))),
    }
}

impl fmt::Display for SanitizedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Error for SanitizedError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.source.as_deref().map(|source| source as &(dyn Error + 'static))
    }
}

/// `text` on one line: every character that could break or disguise a log
/// line is escaped, and the whole is bounded by [`MAX_TEXT`].
pub(crate) fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_TEXT + 16));
    for c in text.chars() {
        if out.len() >= MAX_TEXT {
            out.push('…');
            break;
        }
        if is_unsafe(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// C0 and C1 controls and DEL, the Unicode line and paragraph separators,
/// and the bidirectional controls (which can make a log line read differently).
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Hostile(&'static str, Option<Box<Hostile>>);

    impl fmt::Display for Hostile {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl Error for Hostile {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            self.1.as_deref().map(|source| source as &(dyn Error + 'static))
        }
    }

    fn chain(err: &(dyn Error + 'static)) -> Vec<String> {
        let mut texts = vec![err.to_string()];
        let mut next = err.source();
        while let Some(err) = next {
            texts.push(err.to_string());
            next = err.source();
        }
        texts
    }

    #[test]
    fn every_level_of_the_chain_is_one_line_without_controls() {
        let inner = Hostile("ERR\r\n2026-12-04 INFO admin logged in\u{1b}[2J", None);
        let outer = Hostile("parse error:\nforged\u{2028}line\u{202e}", Some(Box::new(inner)));
        let wrapped = SanitizedError::wrap("Redis: ", &outer);
        let texts = chain(&wrapped);
        assert_eq!(texts.len(), 2, "the cause is kept: {texts:?}");
        assert_eq!(texts[0], r"Redis: parse error:\nforged\u{2028}line\u{202e}");
        assert_eq!(texts[1], r"ERR\r\n2026-12-04 INFO admin logged in\u{1b}[2J");
        for text in texts {
            assert!(!text.chars().any(is_unsafe), "{text:?}");
        }
    }

    #[test]
    fn texts_are_bounded_and_plain_text_is_unchanged() {
        assert_eq!(
            sanitize("connection refused (os error 111)"),
            "connection refused (os error 111)"
        );
        assert_eq!(sanitize("tab\there"), r"tab\there");
        let long = sanitize(&"x".repeat(10 * MAX_TEXT));
        assert!(long.len() <= MAX_TEXT + '…'.len_utf8() && long.ends_with('…'));
    }

    #[test]
    fn deep_chains_are_cut() {
        let mut err = Hostile("level", None);
        for _ in 0..20 {
            err = Hostile("level", Some(Box::new(err)));
        }
        assert_eq!(chain(&SanitizedError::wrap("", &err)).len(), MAX_DEPTH + 1);
    }
}
