//! Authentication of ZapSign deliveries.
//!
//! ZapSign signs nothing: a webhook can carry custom headers that you choose
//! when you create it (in the panel or with the API's `headers` list, e.g.
//! `Authorization: Bearer …`). Put a secret in one and check it with
//! [`Verifier::header_token`], or put `user:password@` credentials in the URL
//! and check them with [`Verifier::basic_auth`]; the header's name and value
//! are yours, not ZapSign's.

crate::verify::vendor_verifier!(ZapSign "ZapSign");
