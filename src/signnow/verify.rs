//! Authentication of SignNow callbacks.
//!
//! SignNow publishes **no signature**. A subscription (`POST /api/v2/events`)
//! can carry static custom headers (`attributes.headers`) that SignNow sends
//! with every callback: put a secret in one and check it with
//! [`Verifier::header_token`], or send `Authorization: Basic …` that way and
//! check it with [`Verifier::basic_auth`]. There is no default: the choice is
//! yours and explicit. SignNow's SDKs also accept a `secret_key` attribute,
//! but how SignNow uses it (a header? a signature? of what?) is not published,
//! so this crate checks nothing with it (see the module documentation).

crate::verify::vendor_verifier!(SignNow "SignNow");
