//! [`HmacScheme`]: an HMAC-SHA256 signature scheme described as data.

use core::fmt;
use std::time::Duration;

/// The default timestamp tolerance: 300 seconds, both ways.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// An HMAC-SHA256 signature scheme, described by where the signature is
/// ([`SignatureLocation`]), what is signed ([`SignedContent`]) and how the
/// signature is written ([`Encoding`], optional prefix).
///
/// One engine checks every scheme: the crate has no per-vendor HMAC code.
///
/// ```
/// use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation};
///
/// // GitHub/Yousign style: `X-Signature: sha256=<hex of HMAC(body)>`
/// let simple = HmacScheme::new(SignatureLocation::header("x-signature"), SignedContent::Body, Encoding::Hex)
///     .with_prefix("sha256=");
///
/// // BoldSign style: `X-BoldSign-Signature: t=<unix>, s0=<hex of HMAC("{t}.{body}")>`
/// let boldsign = HmacScheme::new(
///     SignatureLocation::parameters("X-BoldSign-Signature", ["s0", "s1"]),
///     SignedContent::timestamp_then_body(TimestampLocation::parameter("t"), "."),
///     Encoding::Hex,
/// );
/// assert_eq!(boldsign.tolerance().as_secs(), 300);
/// # let _ = simple;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HmacScheme {
    pub(crate) signature: SignatureLocation,
    pub(crate) content: SignedContent,
    pub(crate) encoding: Encoding,
    pub(crate) prefix: Option<String>,
    pub(crate) tolerance: Duration,
    pub(crate) timestamp_unit: TimestampUnit,
}

impl HmacScheme {
    /// A scheme from its three parts, with no prefix and the default 300 s tolerance.
    pub fn new(signature: SignatureLocation, content: SignedContent, encoding: Encoding) -> Self {
        HmacScheme {
            signature,
            content,
            encoding,
            prefix: None,
            tolerance: DEFAULT_TOLERANCE,
            timestamp_unit: TimestampUnit::Seconds,
        }
    }

    /// The [Standard Webhooks](https://www.standardwebhooks.com/) scheme:
    /// `webhook-signature: v1,<base64>` (space-separated list) over
    /// `{webhook-id}.{webhook-timestamp}.{body}`.
    ///
    /// Pair it with [`Secret::from_standard_webhooks`](crate::Secret::from_standard_webhooks)
    /// for `whsec_…` secrets.
    pub fn standard_webhooks() -> Self {
        HmacScheme::new(
            SignatureLocation::versioned_list("webhook-signature", "v1"),
            SignedContent::id_timestamp_body("webhook-id", TimestampLocation::header("webhook-timestamp"), "."),
            Encoding::Base64,
        )
    }

    /// Requires every signature value to start with `prefix` (such as `sha256=`),
    /// which is removed before decoding.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Sets how far the signed timestamp may be from the clock, in the past or
    /// in the future. `Duration::ZERO` means the same second, never "off".
    /// Ignored by schemes that sign no timestamp.
    pub fn with_tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Reads the signed timestamp in `unit` (default: seconds). The tolerance
    /// is still a duration; only the reading of the timestamp changes.
    pub fn with_timestamp_unit(mut self, unit: TimestampUnit) -> Self {
        self.timestamp_unit = unit;
        self
    }

    /// The unit of the signed timestamp (default: seconds).
    pub fn timestamp_unit(&self) -> TimestampUnit {
        self.timestamp_unit
    }

    /// The timestamp tolerance (default 300 s).
    pub fn tolerance(&self) -> Duration {
        self.tolerance
    }

    /// Where the signature is.
    pub fn signature_location(&self) -> &SignatureLocation {
        &self.signature
    }

    /// What is signed.
    pub fn signed_content(&self) -> &SignedContent {
        &self.content
    }

    /// How the signature is encoded.
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The required prefix of each signature value, if any.
    pub fn prefix(&self) -> Option<&str> {
        self.prefix.as_deref()
    }

    /// The scheme in one line of prose, for people, e.g.
    /// `HMAC-SHA256, hex, of "{timestamp}.{body}" (timestamp in parameter t), in header X-BoldSign-Signature (keys s0, s1)`.
    ///
    /// `Display` gives the compact form instead, which reads back with `str::parse`.
    pub fn describe(&self) -> impl fmt::Display + '_ {
        Description(self)
    }
}

/// The prose of [`HmacScheme::describe`].
struct Description<'a>(&'a HmacScheme);

impl fmt::Display for Description<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = self.0;
        write!(f, "HMAC-SHA256, {}", scheme.encoding)?;
        if let Some(prefix) = &scheme.prefix {
            write!(f, " after prefix {prefix:?}")?;
        }
        write!(
            f,
            ", of {}, in {}",
            DescribeContent(&scheme.content),
            DescribeLocation(&scheme.signature)
        )?;
        if scheme.content.timestamp().is_some() {
            match scheme.timestamp_unit {
                TimestampUnit::Seconds => {}
                TimestampUnit::Milliseconds => f.write_str(", timestamp in milliseconds")?,
                TimestampUnit::Rfc3339 => f.write_str(", timestamp in RFC 3339")?,
            }
        }
        Ok(())
    }
}

/// How a signed timestamp is written: Unix seconds, Unix milliseconds or an
/// RFC 3339 date-time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimestampUnit {
    /// Seconds since the Unix epoch (Standard Webhooks, BoldSign, Stripe).
    #[default]
    Seconds,
    /// Milliseconds since the Unix epoch.
    Milliseconds,
    /// An RFC 3339 date-time (Box: `BOX-DELIVERY-TIMESTAMP: 2024-05-02T10:00:00-07:00`),
    /// read to Unix seconds; a fraction of a second is ignored. The signed
    /// bytes are the text exactly as received.
    Rfc3339,
}

/// Where a request carries its signature(s).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignatureLocation {
    /// One header whose whole value is the signature.
    Header {
        /// The header name (matched ignoring case).
        name: String,
    },
    /// Numbered headers `{prefix}1`, `{prefix}2`, … (DocuSign sends one per active key).
    NumberedHeaders {
        /// The name before the number, e.g. `X-DocuSign-Signature-`.
        prefix: String,
    },
    /// One header of comma-separated `key=value` parameters, such as
    /// `t=1700000000, s0=…, s1=…`. Every parameter whose key is listed is a
    /// signature; other keys are skipped.
    Parameters {
        /// The header name.
        header: String,
        /// Keys whose values are signatures (`v1`, or `s0` and `s1`).
        keys: Vec<String>,
    },
    /// One header of space-separated `version,signature` entries (Standard Webhooks).
    /// Entries of other versions are skipped.
    VersionedList {
        /// The header name.
        header: String,
        /// The version accepted, e.g. `v1`.
        version: String,
    },
    /// A parameter of the request URI's query string (PandaDoc: `?signature=…`).
    QueryParameter {
        /// The parameter name.
        name: String,
    },
    /// Several headers, each one signature when present (Box Sign:
    /// `BOX-SIGNATURE-PRIMARY`, `BOX-SIGNATURE-SECONDARY`). At least one must
    /// be present; each may appear only once. Every signature is tried with
    /// every secret.
    AnyHeader {
        /// The header names, in the vendor's order.
        names: Vec<String>,
    },
    /// One header of `{timestamp}{separator}{signature}` (DocuSeal:
    /// `X-Docuseal-Signature: 1700000000.<hex>`), split at the first
    /// separator. Pair it with [`TimestampLocation::SignaturePrefix`].
    TimestampPrefixed {
        /// The header name.
        header: String,
        /// Between timestamp and signature, e.g. `.`.
        separator: String,
    },
}

/// The most signatures read from numbered headers.
pub(crate) const MAX_NUMBERED_HEADERS: usize = 100;

impl SignatureLocation {
    /// One header whose value is the signature.
    pub fn header(name: impl Into<String>) -> Self {
        SignatureLocation::Header { name: name.into() }
    }

    /// Numbered headers `{prefix}1` … `{prefix}N` (read until one is missing, at most 100).
    pub fn numbered_headers(prefix: impl Into<String>) -> Self {
        SignatureLocation::NumberedHeaders { prefix: prefix.into() }
    }

    /// A header of `key=value` parameters; `keys` name the signature parameters.
    pub fn parameters<K: Into<String>>(header: impl Into<String>, keys: impl IntoIterator<Item = K>) -> Self {
        SignatureLocation::Parameters {
            header: header.into(),
            keys: keys.into_iter().map(Into::into).collect(),
        }
    }

    /// A header of space-separated `version,signature` entries.
    pub fn versioned_list(header: impl Into<String>, version: impl Into<String>) -> Self {
        SignatureLocation::VersionedList {
            header: header.into(),
            version: version.into(),
        }
    }

    /// A query-string parameter.
    pub fn query(name: impl Into<String>) -> Self {
        SignatureLocation::QueryParameter { name: name.into() }
    }

    /// Several headers, each carrying one signature when present.
    pub fn any_header<N: Into<String>>(names: impl IntoIterator<Item = N>) -> Self {
        SignatureLocation::AnyHeader {
            names: names.into_iter().map(Into::into).collect(),
        }
    }

    /// One header of `{timestamp}{separator}{signature}`.
    pub fn timestamp_prefixed(header: impl Into<String>, separator: impl Into<String>) -> Self {
        SignatureLocation::TimestampPrefixed {
            header: header.into(),
            separator: separator.into(),
        }
    }
}

/// The prose form, for messages.
pub(crate) struct DescribeLocation<'a>(pub(crate) &'a SignatureLocation);

impl fmt::Display for DescribeLocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            SignatureLocation::Header { name } => write!(f, "header {name}"),
            SignatureLocation::NumberedHeaders { prefix } => write!(f, "headers {prefix}1…{prefix}N"),
            SignatureLocation::Parameters { header, keys } => {
                write!(f, "header {header} (keys {})", keys.join(", "))
            }
            SignatureLocation::VersionedList { header, version } => {
                write!(f, "header {header} (entries {version},…)")
            }
            SignatureLocation::QueryParameter { name } => write!(f, "query parameter {name}"),
            SignatureLocation::AnyHeader { names } => write!(f, "headers {}", names.join(", ")),
            SignatureLocation::TimestampPrefixed { header, separator } => {
                write!(f, "header {header} (\"{{timestamp}}{separator}{{signature}}\")")
            }
        }
    }
}

/// Where the signed timestamp (Unix seconds) is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimestampLocation {
    /// Its own header (`webhook-timestamp`).
    Header(String),
    /// A parameter of the [`SignatureLocation::Parameters`] header (`t`).
    Parameter(String),
    /// The part before the separator of a [`SignatureLocation::TimestampPrefixed`] header.
    SignaturePrefix,
}

impl TimestampLocation {
    /// The timestamp is in its own header.
    pub fn header(name: impl Into<String>) -> Self {
        TimestampLocation::Header(name.into())
    }

    /// The timestamp is a parameter of the signature header.
    pub fn parameter(key: impl Into<String>) -> Self {
        TimestampLocation::Parameter(key.into())
    }

    /// The timestamp opens the signature header's value
    /// ([`SignatureLocation::TimestampPrefixed`]).
    pub fn signature_prefix() -> Self {
        TimestampLocation::SignaturePrefix
    }
}

/// The prose form, for messages.
pub(crate) struct DescribeTimestamp<'a>(pub(crate) &'a TimestampLocation);

impl fmt::Display for DescribeTimestamp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            TimestampLocation::Header(name) => write!(f, "header {name}"),
            TimestampLocation::Parameter(key) => write!(f, "parameter {key}"),
            TimestampLocation::SignaturePrefix => f.write_str("the signature header, before the signature"),
        }
    }
}

/// What the HMAC is computed over. The body is always the raw bytes received.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignedContent {
    /// The raw body alone. No timestamp, so no replay window: deduplicate instead.
    Body,
    /// `{timestamp}{separator}{body}`, the timestamp text exactly as received.
    TimestampThenBody {
        /// Where the timestamp is.
        timestamp: TimestampLocation,
        /// Between timestamp and body, e.g. `.`.
        separator: String,
    },
    /// `{body}{separator}{timestamp}`, the timestamp text exactly as received
    /// (Box Sign: the body bytes, then the `BOX-DELIVERY-TIMESTAMP` bytes, no separator).
    BodyThenTimestamp {
        /// Where the timestamp is.
        timestamp: TimestampLocation,
        /// Between body and timestamp; empty for Box Sign.
        separator: String,
    },
    /// `{id}{separator}{timestamp}{separator}{body}` (Standard Webhooks).
    IdTimestampBody {
        /// The header that carries the message id.
        id_header: String,
        /// Where the timestamp is.
        timestamp: TimestampLocation,
        /// Between the parts, e.g. `.`.
        separator: String,
    },
}

impl SignedContent {
    /// `{timestamp}{separator}{body}`.
    pub fn timestamp_then_body(timestamp: TimestampLocation, separator: impl Into<String>) -> Self {
        SignedContent::TimestampThenBody {
            timestamp,
            separator: separator.into(),
        }
    }

    /// `{body}{separator}{timestamp}`.
    pub fn body_then_timestamp(timestamp: TimestampLocation, separator: impl Into<String>) -> Self {
        SignedContent::BodyThenTimestamp {
            timestamp,
            separator: separator.into(),
        }
    }

    /// `{id}{separator}{timestamp}{separator}{body}`.
    pub fn id_timestamp_body(
        id_header: impl Into<String>,
        timestamp: TimestampLocation,
        separator: impl Into<String>,
    ) -> Self {
        SignedContent::IdTimestampBody {
            id_header: id_header.into(),
            timestamp,
            separator: separator.into(),
        }
    }

    /// Where the signed timestamp is, when one is signed.
    pub fn timestamp(&self) -> Option<&TimestampLocation> {
        match self {
            SignedContent::Body => None,
            SignedContent::TimestampThenBody { timestamp, .. }
            | SignedContent::BodyThenTimestamp { timestamp, .. }
            | SignedContent::IdTimestampBody { timestamp, .. } => Some(timestamp),
        }
    }
}

/// The prose form, for messages.
pub(crate) struct DescribeContent<'a>(pub(crate) &'a SignedContent);

impl fmt::Display for DescribeContent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            SignedContent::Body => f.write_str("the raw body"),
            SignedContent::TimestampThenBody { timestamp, separator } => {
                write!(
                    f,
                    "\"{{timestamp}}{separator}{{body}}\" (timestamp in {})",
                    DescribeTimestamp(timestamp)
                )
            }
            SignedContent::BodyThenTimestamp { timestamp, separator } => {
                write!(
                    f,
                    "\"{{body}}{separator}{{timestamp}}\" (timestamp in {})",
                    DescribeTimestamp(timestamp)
                )
            }
            SignedContent::IdTimestampBody {
                id_header,
                timestamp,
                separator,
            } => write!(
                f,
                "\"{{id}}{separator}{{timestamp}}{separator}{{body}}\" (id in header {id_header}, timestamp in {})",
                DescribeTimestamp(timestamp)
            ),
        }
    }
}

/// How the signature bytes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Encoding {
    /// Hexadecimal, either case accepted.
    Hex,
    /// Standard base64 (`+/`), padding optional.
    Base64,
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Encoding::Hex => "hex",
            Encoding::Base64 => "base64",
        })
    }
}
