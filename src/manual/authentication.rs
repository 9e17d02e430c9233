//! # Choosing each vendor's authentication
//!
//! Every configured vendor is authenticated, or explicitly opted out with a
//! method named `dangerous_…`. What can be checked depends on what the vendor
//! sends, so the choice differs per vendor:
//!
//! | Vendor | What the vendor offers | Configure | Strength |
//! |---|---|---|---|
//! | eSignGlobal (Webhook channel) | a per-webhook secret key; scheme unpublished | [`esignglobal::Verifier::new`] with the [`HmacScheme`] found by [`detect_scheme`](crate::esignglobal::detect_scheme) ([`esignglobal_scheme`](super::esignglobal_scheme)) | a MAC over the body: forgeries and tampering fail |
//! | eSignGlobal (App callback) | nothing | a token in the callback URL: [`esignglobal::Verifier::query_token`] | a shared secret in the URL ([`unsigned_vendors`](super::unsigned_vendors)) |
//! | Ignisign | a single-use `verificationToken`, checked by Ignisign's API | [`ignisign::Verifier::new`] (app id and environment, checked locally) plus the token check: [`Handlers::confirm_ignisign_with`](crate::Handlers::confirm_ignisign_with) or [`ignisign::Delivery::confirm`] | the token proves the delivery to Ignisign's API; it is consumed, so a replay fails |
//! | Sign.Plus | nothing | [`signplus::Verifier::query_token`] or [`basic_auth`](crate::signplus::Verifier::basic_auth) (`https://user:password@host/…`) | a shared secret in the URL |
//! | Constellation1 eSign | nothing | [`constellation::Verifier::query_token`] or [`basic_auth`](crate::constellation::Verifier::basic_auth) | a shared secret in the URL |
//! | OneSpan Sign | a callback key (`Authorization: Basic <key>`), OAuth 2.0 against your server, static headers, or none | [`onespan::Verifier::callback_key`](crate::onespan::Verifier::callback_key), [`oauth2_bearer`](crate::onespan::Verifier::oauth2_bearer) with your validator, or [`header_token`](crate::onespan::Verifier::header_token) | a credential in a header; the body is not covered |
//! | SignNow | nothing published; static custom headers on the subscription | [`signnow::Verifier::header_token`](crate::signnow::Verifier::header_token), [`basic_auth`](crate::signnow::Verifier::basic_auth) or [`query_token`](crate::signnow::Verifier::query_token) | a shared secret you chose; the body is not covered |
//! | SignatureAPI | Standard Webhooks | [`signatureapi::Verifier::signing_secret`](crate::signatureapi::Verifier::signing_secret) (`whsec_…`) | a MAC over id, timestamp and body, ±5 minutes |
//! | ZapSign | nothing but custom headers set on the webhook | [`zapsign::Verifier::header_token`](crate::zapsign::Verifier::header_token), [`basic_auth`](crate::zapsign::Verifier::basic_auth) or [`query_token`](crate::zapsign::Verifier::query_token) | a shared secret in a header or the URL |
//! | D4Sign | `Content-Hmac`: an HMAC of the document UUID | [`d4sign::Verifier::new`](crate::d4sign::Verifier::new), or its URL checks | the UUID only: one captured post forges any post about its document |
//!
//! A gateway in front of your service that adds a header can be checked with
//! `header_token` on any of them. Every comparison is constant-time, and
//! secrets never appear in `Debug`, `Display` or errors.
//!
//! ```
//! use std::time::Duration;
//! use esign_webhooks::verify::{Encoding, HmacScheme, SignatureLocation, SignedContent};
//! use esign_webhooks::{Secret, Webhooks, constellation, esignglobal, ignisign, signplus};
//!
//! // The scheme `detect_scheme` reported for your account (this one is made up).
//! let esg_scheme = HmacScheme::new(SignatureLocation::header("x-captured-signature"), SignedContent::Body, Encoding::Hex);
//! let webhooks = Webhooks::builder()
//!     .esignglobal(esignglobal::Verifier::new(Secret::new("esg-key"), esg_scheme).with_tolerance(Duration::from_secs(600)))
//!     .ignisign(ignisign::Verifier::new("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b", ignisign::AppEnv::Production))
//!     // registered as https://hooks.example.com/webhooks?token=<long random value>
//!     .signplus(signplus::Verifier::query_token("token", Secret::new("a-long-random-value")))
//!     // registered as https://esign:<password>@hooks.example.com/webhooks
//!     .constellation(constellation::Verifier::basic_auth("esign", Secret::new("another-long-random-value")))
//!     .build()?;
//! assert_eq!(webhooks.vendors().len(), 4);
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! ## Rotation
//!
//! To change a secret without losing deliveries, accept both for a while:
//! `with_secret` adds one more secret to any `Verifier`, and every configured
//! secret is tried.
//!
//! ```
//! use esign_webhooks::{Secret, signplus};
//! let verifier = signplus::Verifier::query_token("token", Secret::new("new-token"))
//!     .with_secret(Secret::new("old-token")); // remove once the vendor uses the new URL
//! # let _ = verifier;
//! ```
//!
//! ## Which status to answer
//!
//! [`Error::status`](crate::Error::status) says it: 401 for a failed check
//! (the vendor's retries will not help, but a misconfiguration shows in its
//! dashboard), 400 for a malformed request, 413 for an oversized body.
//!
//! [`HmacScheme`]: crate::verify::HmacScheme
//! [`esignglobal::Verifier::new`]: crate::esignglobal::Verifier::new
//! [`esignglobal::Verifier::query_token`]: crate::esignglobal::Verifier::query_token
//! [`ignisign::Verifier::new`]: crate::ignisign::Verifier::new
//! [`ignisign::Delivery::confirm`]: crate::ignisign::Delivery::confirm
//! [`signplus::Verifier::query_token`]: crate::signplus::Verifier::query_token
//! [`constellation::Verifier::query_token`]: crate::constellation::Verifier::query_token
