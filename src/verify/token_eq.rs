//! Comparison of a presented token or password with a configured one that
//! hides both the content and the length.
//!
//! `subtle`'s slice comparison returns early when the lengths differ, so a
//! raw comparison tells a sender, through timing, how long the configured
//! token is. Both sides are first reduced to an HMAC-SHA256 digest under a
//! key drawn at random once per process; the two 32-byte digests are then
//! compared in constant time. The work done depends on the presented value's
//! length only (which the sender knows), never on the configured one's, and a
//! sender cannot precompute a collision since it does not know the key.

use std::sync::OnceLock;

use hmac::Mac;
use sha2::{Digest, Sha256};
use subtle::{Choice, ConstantTimeEq};

/// The per-process comparison key: 32 bytes drawn from the operating
/// system's CSPRNG. The source is `uuid`'s version 4 generator (`getrandom`
/// underneath, already a dependency), whose UUIDs carry 122 random bits
/// each: three of them (366 bits) are hashed into the 256-bit key, so the key
/// is uniform although 6 bits of each UUID are fixed.
fn key() -> &'static [u8; 32] {
    static KEY: OnceLock<[u8; 32]> = OnceLock::new();
    KEY.get_or_init(random_key)
}

fn random_key() -> [u8; 32] {
    let mut hasher = Sha256::new();
    for _ in 0..3 {
        hasher.update(uuid::Uuid::new_v4().as_bytes());
    }
    hasher.finalize().into()
}

/// The HMAC state keyed once per process: a digest then costs no keying.
fn keyed() -> &'static super::HmacSha256 {
    static MAC: OnceLock<super::HmacSha256> = OnceLock::new();
    MAC.get_or_init(|| super::keyed_mac(key()))
}

/// HMAC-SHA256 of `value` under the per-process key. A configured token's
/// digest is computed once, when its verifier is built (`verify::Key`).
pub(crate) fn digest(value: &[u8]) -> [u8; 32] {
    let mut mac = keyed().clone();
    mac.update(value);
    mac.finalize().into_bytes().into()
}

/// Whether `presented` equals `configured`, in time independent of the
/// configured value's content and length.
pub(crate) fn tokens_equal(presented: &[u8], configured: &[u8]) -> Choice {
    digest(presented).ct_eq(&digest(configured))
}

/// Like [`tokens_equal`], against a configured token's precomputed digest.
pub(crate) fn matches_digest(presented: &[u8], configured: &[u8; 32]) -> Choice {
    digest(presented).ct_eq(configured)
}

#[cfg(test)]
mod tests {
    use super::{key, random_key, tokens_equal};

    #[test]
    fn the_key_is_random_and_drawn_once_per_process() {
        let (first, second) = (random_key(), random_key());
        assert_ne!(first, second, "two draws from the OS generator differ");
        assert_ne!(first, [0; 32]);
        assert_eq!(key(), key(), "one key per process");
    }

    #[test]
    fn equal_only_when_the_bytes_are() {
        assert!(bool::from(tokens_equal(b"SP-URL-TOKEN-55d0", b"SP-URL-TOKEN-55d0")));
        assert!(!bool::from(tokens_equal(b"SP-URL-TOKEN-55d1", b"SP-URL-TOKEN-55d0")));
        assert!(!bool::from(tokens_equal(b"SP-URL-TOKEN-55d", b"SP-URL-TOKEN-55d0")));
        assert!(!bool::from(tokens_equal(b"", b"SP-URL-TOKEN-55d0")));
        assert!(bool::from(tokens_equal(b"", b"")));
    }
}
