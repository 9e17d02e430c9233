//! [`Secret`]: key material that never shows up in logs and is only compared in constant time.

use core::fmt;

use subtle::ConstantTimeEq;

use crate::encoding;
use crate::error::Error;

/// A shared secret: an HMAC key, a shared token or a password.
///
/// `Secret` is deliberately hard to leak: `Debug` and `Display` print
/// `[REDACTED]`, no error message of this crate ever contains it, and equality is
/// decided in constant time (`subtle`), so comparing two secrets reveals nothing
/// through timing beyond their lengths.
///
/// The bytes are used exactly as given: most vendors key their HMAC with the
/// secret's UTF-8 bytes. Use [`Secret::from_base64`] or
/// [`Secret::from_standard_webhooks`] when a vendor hands out an encoded key.
/// An empty secret is refused when the verifier is built.
///
/// With the default feature `zeroize`, the bytes are wiped from memory when
/// the `Secret` is dropped (every copy: a clone is a `Secret` too), so a
/// later heap read or core dump does not find them. What the crate derives
/// from a secret to check requests fast (a keyed HMAC state, a token's
/// digest) lives as long as its verifier and is not wiped.
///
/// ```
/// use esign_webhooks::Secret;
///
/// let secret = Secret::new("s3cr3t");
/// assert_eq!(format!("{secret:?}"), "Secret([REDACTED])");
/// assert_eq!(secret.to_string(), "[REDACTED]");
/// assert_eq!(secret, Secret::new("s3cr3t"));
/// ```
#[derive(Clone)]
pub struct Secret(Box<[u8]>);

impl Secret {
    /// Wraps raw secret bytes (a `&str`, `String` or `Vec<u8>`), used verbatim.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        let mut bytes = bytes.into();
        if bytes.len() == bytes.capacity() {
            return Secret(bytes.into_boxed_slice());
        }
        // `into_boxed_slice` would reallocate and free the old buffer with
        // the secret still in it: copy, then wipe the original.
        let secret = Secret(bytes.as_slice().into());
        wipe(&mut bytes);
        secret
    }

    /// Decodes a standard-alphabet base64 secret (padding optional).
    ///
    /// ```
    /// use esign_webhooks::Secret;
    /// assert_eq!(Secret::from_base64("c2VjcmV0").unwrap(), Secret::new("secret"));
    /// assert!(Secret::from_base64("not base64!").is_err());
    /// ```
    pub fn from_base64(encoded: &str) -> Result<Self, Error> {
        encoding::decode_base64(encoded.trim().as_bytes())
            .map(|mut decoded| {
                let secret = Secret::new(decoded.as_slice());
                wipe(&mut decoded);
                secret
            })
            .ok_or_else(|| Error::configuration("the secret is not valid base64"))
    }

    /// Decodes a [Standard Webhooks](https://www.standardwebhooks.com/) secret:
    /// the optional `whsec_` prefix is stripped and the rest base64-decoded.
    ///
    /// ```
    /// use esign_webhooks::Secret;
    /// let secret = Secret::from_standard_webhooks("whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD").unwrap();
    /// assert_eq!(secret.len(), 24);
    /// ```
    pub fn from_standard_webhooks(encoded: &str) -> Result<Self, Error> {
        let trimmed = encoded.trim();
        Self::from_base64(trimmed.strip_prefix("whsec_").unwrap_or(trimmed))
    }

    /// Number of bytes in the secret.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` for an empty secret (refused when a verifier is built).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `true` for a secret that is empty or only white space (`"   "`, a
    /// stray newline): a value pasted wrong, never a real key. Verifiers
    /// refuse it when they are built.
    pub(crate) fn is_blank(&self) -> bool {
        self.0.iter().all(u8::is_ascii_whitespace)
    }

    /// The secret bytes, for the crate's own MAC and comparison code only.
    pub(crate) fn expose(&self) -> &[u8] {
        &self.0
    }
}

/// Wipes the bytes (feature `zeroize`).
impl Drop for Secret {
    fn drop(&mut self) {
        wipe(&mut self.0);
    }
}

#[cfg(feature = "zeroize")]
impl zeroize::ZeroizeOnDrop for Secret {}

/// Overwrites `bytes` with zeros in a way the compiler keeps (feature
/// `zeroize`); nothing without it.
fn wipe(bytes: &mut [u8]) {
    #[cfg(feature = "zeroize")]
    zeroize::Zeroize::zeroize(bytes);
    #[cfg(not(feature = "zeroize"))]
    let _ = bytes;
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([REDACTED])")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[REDACTED]")
    }
}

/// Constant-time equality (lengths may differ; only the length is not hidden).
impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl Eq for Secret {}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<Vec<u8>> for Secret {
    fn from(value: Vec<u8>) -> Self {
        Secret::new(value)
    }
}

impl From<&[u8]> for Secret {
    fn from(value: &[u8]) -> Self {
        Secret::new(value)
    }
}
