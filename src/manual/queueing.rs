//! # Verify, then queue, then parse
//!
//! Vendors wait only a few seconds for an answer (eSignGlobal: 5 s) and
//! retry otherwise. Doing the work (download a signed PDF, update a CRM)
//! inside the request risks duplicate deliveries, and parsing inside the
//! request turns a vendor's payload change into an error answer, hence
//! retries, hence a pile-up. The robust shape is below; the command-line tool
//! exercises it without a vendor: `esign-webhooks send --config FILE --url URL`
//! POSTs signed sample deliveries of every configured vendor to your endpoint,
//! and `esign-webhooks replay CAPTURE --url URL` resends a captured real one
//! byte for byte (see [`esignglobal_scheme`](super::esignglobal_scheme) for `capture`).
//!
//! 1. **Verify** at receipt: [`Webhooks::verify`](crate::Webhooks::verify)
//!    checks size and authenticity only and returns a
//!    [`VerifiedBody`](crate::VerifiedBody): the vendor, the raw bytes, and
//!    which part of them the check covered (found with the request's
//!    headers: Dropbox Sign's `json` field).
//! 2. **Queue** its stored form, [`VerifiedBody::to_stored`](crate::VerifiedBody::to_stored)
//!    (a table, a message queue), and answer 2xx at once (eSignGlobal:
//!    [`SUCCESS_RESPONSE`](crate::esignglobal::SUCCESS_RESPONSE)).
//! 3. **Parse** in a worker: [`VerifiedBody::from_trusted_store`](crate::VerifiedBody::from_trusted_store),
//!    then [`parse`](crate::VerifiedBody::parse). The bytes were verified
//!    before they were stored, and the guarantee now travels with your
//!    storage. The parse reads exactly the part that was verified, so it
//!    gives the event `dispatch` would have given. A parse error is yours to
//!    look at (the error carries the JSON path), not the vendor's to retry.
//!
//! ```
//! use esign_webhooks::{Event, Secret, VerifiedBody, Webhooks, constellation};
//!
//! let webhooks = Webhooks::builder()
//!     .constellation(constellation::Verifier::basic_auth("esign", Secret::new("pw")))
//!     .build()?;
//! # let request = esign_webhooks::testing::Signer::basic_auth("esign", Secret::new("pw"))
//! #     .sign(include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json"));
//! # let (body, headers) = (request.body, request.headers);
//! let mut queue: Vec<Vec<u8>> = Vec::new();
//!
//! // 1 and 2: in the HTTP handler
//! let verified = webhooks.verify(&body, &headers)?;
//! queue.push(verified.to_stored());
//! // …answer 200 now
//!
//! // 3: in a worker
//! for stored in queue.drain(..) {
//!     match VerifiedBody::from_trusted_store(&stored)?.parse()? {
//!         Event::Constellation(update) => println!("session {} is {:?}", update.data.signing_session_id, update.data.status),
//!         _ => {}
//!     }
//! }
//! # Ok::<(), esign_webhooks::Error>(())
//! ```
//!
//! Where a queue already holds a vendor and bytes, queue
//! [`VerifiedBody::into_bytes`](crate::VerifiedBody::into_bytes) (the
//! verified part, not the raw body) and parse it with
//! [`dangerous::parse_unverified`](crate::dangerous::parse_unverified): the
//! same event, less the request value Adobe's and PandaDoc's events keep
//! beside the body (the client id to echo, the event id). Never store the raw
//! body of a Dropbox Sign multipart delivery without its `Content-Type`: read
//! back alone, its framing is ambiguous.
//!
//! Store the vendor with the bytes: its [`slug`](crate::Vendor::slug) is a
//! stable lower-case string that reads back with `FromStr`, and is the
//! vendor's serde form:
//!
//! ```
//! use esign_webhooks::Vendor;
//!
//! let stored = Vendor::SignPlus.slug(); // "signplus", written next to the bytes
//! assert_eq!(stored.parse::<Vendor>(), Ok(Vendor::SignPlus));
//! assert_eq!(serde_json::to_string(&Vendor::SignPlus)?, "\"signplus\"");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! What is queued is the raw bytes, not an [`Event`](crate::Event): the worker
//! parses them again, so a newer crate version reads old entries with its
//! newer types. In axum, the `VerifiedBytes` extractor (feature `axum`,
//! [`integrations`](crate::integrations)) does step 1.
//!
//! **Ignisign** is the exception: its token must be confirmed with
//! Ignisign's API, once. Confirm it before queueing
//! ([`Delivery::confirm`](crate::ignisign::Delivery::confirm), or
//! [`Webhooks::handle_async`](crate::Webhooks::handle_async) which does it),
//! then queue the confirmed message's data.
