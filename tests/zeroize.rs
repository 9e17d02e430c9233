//! `Secret`, and every public type that keeps one, wipes the secret when
//! dropped (feature `zeroize`, on by default).
#![cfg(feature = "zeroize")]

use esign_webhooks::Secret;
use zeroize::ZeroizeOnDrop;

fn wipes_on_drop<T: ZeroizeOnDrop>() {}

#[test]
fn secrets_are_wiped_on_drop() {
    wipes_on_drop::<Secret>();
    #[cfg(feature = "ignisign")]
    wipes_on_drop::<esign_webhooks::ignisign::ApiKey>();
}

#[test]
fn a_secret_built_from_a_vec_with_spare_capacity_keeps_its_bytes() {
    let mut bytes = Vec::with_capacity(64);
    bytes.extend_from_slice(b"s3cr3t");
    let secret = Secret::new(bytes);
    assert_eq!(secret, Secret::new("s3cr3t"));
    assert_eq!(secret.len(), 6);
    assert_eq!(Secret::from_base64("c2VjcmV0").ok(), Some(Secret::new("secret")));
}
