//! The vendor plug-in: everything the central code (dispatch, deduplication,
//! registry, integrations) needs to know about a vendor, in one sealed trait.
//!
//! A vendor is its folder (`src/<slug>/`) and one line in the vendor table
//! (`vendor_table!` in `src/vendor.rs`). The central code is generated from
//! the table and calls [`Plugin`]: it names no vendor. See
//! [`manual::adding_a_vendor`](crate::manual::adding_a_vendor).
//!
//! The contract comes in two tiers (axum's `FromRequestParts` →
//! `FromRequest` bridge): most vendors write a [`SimpleVendor`], only what
//! is their own, and the full [`Plugin`] and [`EventKinds`] follow by a
//! blanket impl; a vendor whose proof, confirmation or event shape differs
//! implements [`Plugin`] in full. Either way the vendor's `Verifier` owns
//! its checks ([`VendorVerifier`], rustls's habit), written once for every
//! engine vendor by `vendor_verifier!`.
//!
//! The trait is sealed: it is public so that its marker types can appear in
//! public type names (`VendorHandlers<'_, docusign::DocuSign, M>`), but only
//! this crate implements it.

mod sender;
mod shape;
mod simple;
mod verifier;

use core::fmt::Debug;
use core::ops::Range;
use std::borrow::Cow;

use http::{Response, StatusCode};

pub use crate::wire_enum::WireName;
pub use sender::{SenderModel, SenderSetup};
pub use shape::BodyShape;
pub use simple::SimpleVendor;
pub(crate) use verifier::TableSeed;
pub use verifier::VendorVerifier;

use crate::Vendor;
use crate::clock::Clock;
use crate::dedup_key::DedupKey;
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::lifecycle::LifecycleStep;
use crate::tenant_id::TenantRequest;
use crate::verify::{self, Verified};

pub(crate) mod private {
    /// Seals [`Plugin`](super::Plugin): only this crate implements it.
    pub trait Sealed {}
}

/// A vendor, as the central code sees it. Implemented by one marker type per
/// vendor module (`signplus::SignPlus`, `docusign::DocuSign`, …).
///
/// Most vendors get it from [`SimpleVendor`]. A vendor that implements it
/// in full overrides only what differs from the defaults (Ignisign's remote
/// token confirmation, Dropbox Sign's proof inside the body, Adobe's
/// response echo); the checks themselves are its verifier's
/// ([`VendorVerifier`]).
pub trait Plugin: private::Sealed + Sized + Send + Sync + 'static {
    /// The vendor's id.
    const VENDOR: Vendor;

    /// How deliveries are authenticated: what the builder method takes. It
    /// owns its checks ([`VendorVerifier`]).
    type Verifier: VendorVerifier;

    /// What [`Webhooks::dispatch`](crate::Webhooks::dispatch) returns for this vendor.
    type Event: Debug + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static;

    /// What callbacks receive once the event is confirmed: the same type as
    /// [`Event`](Plugin::Event) for every vendor without a confirmation phase.
    type Confirmed: Debug + Clone + PartialEq + Send + Sync + 'static;

    /// `true` when the body has this vendor's distinctive top-level keys:
    /// evidence used when no credential names a vendor, to choose among
    /// several that do, and to explain a mismatch. Claim only on keys no other
    /// vendor's format has (not `event` or `data` alone).
    fn claims(shape: &BodyShape<'_>) -> bool;

    /// `true` when the body has this vendor's keys but none that only this
    /// vendor uses (Constellation1's lower-case `data`). Weaker than any
    /// vendor's [`claims`](Plugin::claims): it only chooses among vendors
    /// whose credentials the request carries, never names a vendor alone.
    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        let _ = shape;
        false
    }

    /// What [`VendorVerifier::authenticate`] established, with the part
    /// of the body its proof covers and the request value the event keeps
    /// (see [`Authenticated`]): what `dispatch` parses, and what
    /// [`VerifiedBody`](crate::VerifiedBody) carries so that a later parse
    /// reads exactly those bytes. Defaults to the verifier's check over the whole
    /// body, keeping nothing; a vendor whose proof covers one part of the body
    /// (Dropbox Sign's `json` field) or whose event keeps a header (Adobe's
    /// client id, PandaDoc's event id) overrides it.
    fn authenticate_part<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        verifier
            .authenticate(incoming, clock)
            .map(|verified| Authenticated::whole(verified, incoming.body()))
    }

    /// Parses a body whose authenticity was established: the precise parse,
    /// whose errors say where and why. It reads a body without its request
    /// ([`dangerous::parse_unverified`](crate::dangerous::parse_unverified)),
    /// so it must never guess framing the request's headers would have given.
    fn parse(body: &[u8]) -> Result<Self::Event, Error>;

    /// Parses the part of a body that [`authenticate_part`](Plugin::authenticate_part)
    /// reported, with the request value it kept. Defaults to the parse of the
    /// whole body ([`fast_parse`](Plugin::fast_parse), then [`parse`](Plugin::parse)).
    fn parse_part(part: &[u8], kept: Option<&str>) -> Result<Self::Event, Error> {
        let _ = kept;
        parse::<Self>(part)
    }

    /// A one-pass parse of the body's text (checked as UTF-8 before it is
    /// called), kept only where it is measurably faster than
    /// [`parse`](Plugin::parse): `None` for anything unusual (an error, an
    /// unknown event, an odd key order), which [`parse`](Plugin::parse) then
    /// reports. Wherever it returns `Some`, it must agree with `parse` (the
    /// event, its dedup key, a verification token): the `differential` fuzz
    /// target checks it on arbitrary input.
    fn fast_parse(body: &str) -> Option<Self::Event> {
        let _ = body;
        None
    }

    /// [`authenticate_part`](Plugin::authenticate_part) where the typed parse
    /// of the reported part follows at once ([`receive`](Plugin::receive),
    /// what `dispatch` runs). A vendor whose proof lies in its body may read
    /// less of the body here (Dropbox Sign's and SignWell's `event`, D4Sign's
    /// `uuid`: up to that member), because that parse reads the rest, with
    /// its errors; it must accept and refuse what `authenticate_part` then the
    /// parse would (the `split` fuzz target checks it). Defaults to
    /// `authenticate_part`.
    fn authenticate_part_to_parse<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Authenticated, Error> {
        Self::authenticate_part(verifier, incoming, clock)
    }

    /// Authenticates and parses a request (what `dispatch` runs):
    /// [`authenticate_part_to_parse`](Plugin::authenticate_part_to_parse) then
    /// [`parse_part`](Plugin::parse_part) on the part it reported, the calls
    /// of the split path (`verify`, then [`VerifiedBody::parse`](crate::VerifiedBody::parse)),
    /// so that both read the same bytes. A vendor overrides it only for speed,
    /// and must then agree with them (the `split` fuzz target checks it).
    fn receive<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<(Self::Event, Verified), Error> {
        let authenticated = Self::authenticate_part_to_parse(verifier, incoming, clock)?;
        let part = authenticated.part_of(incoming.body())?;
        let event = sharing::<Self, _>(part, |part| Self::parse_part(part, authenticated.kept()))?;
        Ok((event, *authenticated.verified()))
    }

    /// The event's kind in the vendor's own words (`ENVELOPE_FINISH`,
    /// `envelope-completed`, …), for logs and traces.
    fn kind_name(event: &Self::Event) -> Cow<'_, str>;

    /// The event as callbacks see it, or the event back when it needs a
    /// confirmation phase first ([`Confirmation`]).
    fn into_confirmed(event: Self::Event) -> Result<Self::Confirmed, Self::Event>;

    /// What identifies the delivery for deduplication.
    fn dedup_key(event: &Self::Event) -> DedupKey;

    /// The vendor-neutral lifecycle step the event means, when it means one.
    fn lifecycle(event: &Self::Confirmed) -> Option<LifecycleStep>;

    /// The answer to a request of the vendor's that is not a delivery (Adobe
    /// Acrobat Sign's GET verification of intent), when the request is one.
    fn intent_response<H: Headers + ?Sized>(verifier: &Self::Verifier, headers: &H) -> Option<Response<Vec<u8>>> {
        let _ = (verifier, headers);
        None
    }

    /// Like [`intent_response`](Plugin::intent_response), seeing the whole
    /// request (its query string too), so that every configured credential
    /// can be checked. Defaults to `intent_response` on the headers.
    fn intent_response_incoming<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
    ) -> Option<Response<Vec<u8>>> {
        Self::intent_response(verifier, incoming.headers())
    }

    /// A setup handshake of the vendor's: a request sent while the webhook is
    /// being registered (BoldSign's `Verification`, a dashboard's unsigned
    /// test), recognised by its exact documented shape, **before** any check.
    /// `Some` error stops the request there, never reaching a parse or a
    /// callback: an [`ErrorKind::SetupRequest`](crate::ErrorKind::SetupRequest)
    /// carrying the answer the vendor expects
    /// ([`Error::setup_response`]), or a refusal
    /// ([`ErrorKind::UnsignedDashboardTest`](crate::ErrorKind::UnsignedDashboardTest)).
    /// Defaults to none. A vendor that
    /// overrides it documents each request it recognises, and why answering
    /// it gives nothing away (see the security manual).
    fn setup_request<H: Headers + ?Sized>(verifier: &Self::Verifier, incoming: &Incoming<'_, H>) -> Option<Error> {
        let _ = (verifier, incoming);
        None
    }

    /// The account a request says it is for, when the vendor names it only
    /// inside the delivery (DocuSign's `data.accountId`, Dropbox Sign's
    /// `reported_for_app_id` / `reported_for_account_id`, Ignisign's `appId`,
    /// Adobe Acrobat Sign's client id header): what a multi-tenant receiver
    /// routes on ([`TenantSource::vendor_account`](crate::tenant::TenantSource::vendor_account)).
    /// Read **before** any check, so it is a routing hint only: the tenant
    /// it names must then verify the request with its own credentials.
    /// Defaults to none (the vendor's account is not in its deliveries).
    /// Must never panic or allocate without bound on hostile input.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        let _ = request;
        None
    }

    /// `true` when the event, its action or its status is newer than this crate.
    fn is_unknown(event: &Self::Confirmed) -> bool;

    /// `false` for a vendor whose deliveries are authenticated only by a
    /// confirmation phase after the parse (Ignisign's single-use token): a
    /// body of theirs that the model cannot read was never authenticated, so
    /// it stays a `MalformedPayload` and is never handed to `on_unreadable`.
    const AUTHENTICATED_BEFORE_PARSE: bool = true;

    /// Whether a failed callback should make the vendor retry (answer 500).
    /// `false` for vendors whose delivery cannot be verified twice (Ignisign's
    /// single-use token).
    const RETRY_ON_FAILURE: bool = true;

    /// The largest body the vendor documents sending, in bytes: the default
    /// body limit of a [`Webhooks`](crate::Webhooks) is the largest of its
    /// configured vendors' (unless the user sets one). 1 MiB unless the
    /// vendor documents more (Adobe Acrobat Sign: notifications up to 10 MB).
    const MAX_BODY_SIZE: usize = DEFAULT_BODY_LIMIT;

    /// Whether the strings of a big body are read as ranges of one shared copy
    /// of it ([`Text`](crate::Text)). `true` (the default) for a model whose
    /// strings grow with the body (signers, recipients, actions, documents);
    /// `false` for one that reads a fixed handful of strings however big the
    /// body is (what makes it big is skipped or kept raw): there the copy and
    /// its UTF-8 check are one more pass over the body that saves nothing
    /// (Sign.Plus at 64 KiB: 25 µs sharing, 21 µs not).
    const SHARES_BODY_TEXT: bool = true;

    /// The response the vendor expects on success.
    fn success_response(event: &Self::Event) -> Response<Vec<u8>> {
        let _ = event;
        empty_response(StatusCode::OK)
    }

    /// What the vendor's sender does, as its documents describe it: its setup
    /// handshakes, what it requires of an answer, what it does about a
    /// failure (the simulator's model, see [`SenderModel`]). Defaults to
    /// [`SenderModel::UNPUBLISHED`]: a 2xx, no handshake, nothing published.
    const SENDER: SenderModel = SenderModel::UNPUBLISHED;
}

/// The body limit of a vendor that documents none larger: 1 MiB, far above
/// every such vendor's deliveries.
pub(crate) const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// What a vendor's check established about a request, for the parse that
/// follows it, now or later ([`Plugin::authenticate_part`]).
///
/// * [`verified`](Authenticated::verified): the matched secret and signed time;
/// * the **part** of the body the proof covers, as a byte range of the body
///   (the whole body for most vendors; Dropbox Sign's `json` field, located
///   with the boundary of the request's `Content-Type`): the parse reads
///   these bytes and no others, and never looks for framing again;
/// * the **kept** value: a request value outside the body that the event
///   carries (Adobe's matched client id, echoed in the answer; PandaDoc's
///   `X-PandaDoc-Webhook-Event-Id`), or none.
#[derive(Clone, PartialEq, Eq)]
pub struct Authenticated {
    verified: Verified,
    part: Range<usize>,
    kept: Option<String>,
}

/// The kept value by its presence only: Adobe's is the client id, a credential.
impl Debug for Authenticated {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Authenticated")
            .field("verified", &self.verified)
            .field("part", &self.part)
            .field("kept", &self.kept.as_ref().map(|_| "[REDACTED]"))
            .finish()
    }
}

impl Authenticated {
    /// The whole of `body` was verified, and nothing of the request is kept.
    pub(crate) fn whole(verified: Verified, body: &[u8]) -> Self {
        Authenticated {
            verified,
            part: 0..body.len(),
            kept: None,
        }
    }

    /// `part`, a sub-slice of `body`, was verified. Refuses (as unauthenticated)
    /// a slice that is not inside `body`: the range must come from the body
    /// itself, never from a copy.
    pub(crate) fn part(verified: Verified, body: &[u8], part: &[u8]) -> Result<Self, Error> {
        let start = (part.as_ptr() as usize).checked_sub(body.as_ptr() as usize);
        let range = start.map(|start| start..start.saturating_add(part.len()));
        match range {
            Some(range) if range.end <= body.len() && body.get(range.clone()) == Some(part) => Ok(Authenticated {
                verified,
                part: range,
                kept: None,
            }),
            _ => Err(Error::new(crate::ErrorKind::AuthenticationFailed)),
        }
    }

    /// The same, restored from storage: the caller checks `part` against the body.
    pub(crate) fn restored(verified: Verified, part: Range<usize>, kept: Option<String>) -> Self {
        Authenticated { verified, part, kept }
    }

    /// Keeps `value` (a request value outside the body) for the parse.
    pub(crate) fn keeping(mut self, value: Option<String>) -> Self {
        self.kept = value;
        self
    }

    /// What the check established.
    pub fn verified(&self) -> &Verified {
        &self.verified
    }

    /// Where the verified part lies in the body, in bytes.
    pub fn range(&self) -> Range<usize> {
        self.part.clone()
    }

    /// The request value outside the body that the event keeps, if any.
    pub(crate) fn kept(&self) -> Option<&str> {
        self.kept.as_deref()
    }

    /// The verified part of `body`; refused (as unauthenticated) when the
    /// range does not lie in it.
    pub(crate) fn part_of<'b>(&self, body: &'b [u8]) -> Result<&'b [u8], Error> {
        body.get(self.part.clone())
            .ok_or_else(|| Error::new(crate::ErrorKind::AuthenticationFailed))
    }
}

/// The one mechanism for "fast path, then precise error": the vendor's
/// one-pass parse when it accepts the body, its precise parse otherwise.
pub(crate) fn parse<P: Plugin>(body: &[u8]) -> Result<P::Event, Error> {
    match fast_parse::<P>(body) {
        Some(event) => Ok(event),
        None => P::parse(body),
    }
}

/// `parse(body)`, on one shared copy of a big body when `P`'s model
/// [shares its strings](Plugin::SHARES_BODY_TEXT) ([`crate::text::sharing`]).
pub(crate) fn sharing<P: Plugin, R>(body: &[u8], parse: impl FnOnce(&[u8]) -> R) -> R {
    if P::SHARES_BODY_TEXT {
        crate::text::sharing(body, parse)
    } else {
        parse(body)
    }
}

/// The vendor's one-pass parse, on bodies that are UTF-8 only: serde_json
/// skips the values a one-pass parse ignores, and its byte reader would skip
/// them without checking their bytes, so a body with invalid UTF-8 in an
/// ignored string would pass where the precise parse refuses it (found by the
/// `differential` fuzz target). JSON is UTF-8 (RFC 8259); the check is one
/// pass that reads ASCII a word at a time, and the vendor then reads the text
/// with serde_json's `&str` reader, which does not check each string again
/// (see `json_text`).
pub(crate) fn fast_parse<P: Plugin>(body: &[u8]) -> Option<P::Event> {
    crate::text::read_str(body, P::fast_parse).flatten()
}

/// Checks that a vendor's [`fast_parse`](Plugin::fast_parse), where it
/// accepts `body`, agrees with its precise [`parse`](Plugin::parse): the
/// same event, the same dedup key (which covers Ignisign's token).
pub(crate) fn fast_path_agrees<P: Plugin>(body: &[u8]) -> Result<(), String> {
    let Some(fast) = fast_parse::<P>(body) else {
        return Ok(());
    };
    let precise =
        P::parse(body).map_err(|err| format!("the fast path accepted what the precise parse refuses: {err}"))?;
    if format!("{fast:?}") != format!("{precise:?}") {
        return Err(format!(
            "the parses disagree:\n fast:    {fast:?}\n precise: {precise:?}"
        ));
    }
    if P::dedup_key(&fast) != P::dedup_key(&precise) {
        return Err("the parses give different dedup keys".to_owned());
    }
    Ok(())
}

/// A vendor whose events must be confirmed with the vendor before callbacks
/// may trust them (Ignisign's single-use token). Registered per vendor on its
/// registrar; the request and the reading of the answer are the vendor's, the
/// sending is the user's transport.
pub trait Confirmation: Plugin {
    /// What the confirmation request is authenticated with (an API key).
    type Credential: Send + Sync + 'static;

    /// The request to send to the vendor.
    fn request(event: &Self::Event, credential: &Self::Credential) -> Result<http::Request<Vec<u8>>, Error>;

    /// Reads the vendor's answer.
    fn finish(event: Self::Event, response: Response<Vec<u8>>) -> Result<Self::Confirmed, Error>;

    /// Trusts the event without asking the vendor.
    fn dangerous_skip(event: Self::Event) -> Self::Confirmed;
}

/// A vendor whose registrar has the generic `on(kind, callback)`: events have
/// one kind each (an event name or type).
pub trait EventKinds: Plugin {
    /// The vendor's event kind (`docusign::EventKind`, …).
    type Kind: PartialEq + Clone + Send + Sync + 'static;

    /// The event's kind.
    fn kind(event: &Self::Confirmed) -> &Self::Kind;
}

/// A setup handshake of `vendor`'s (`what`, in the vendor's words) answered
/// with `response`, the answer the vendor expects (a 2xx).
pub(crate) fn setup_answer(vendor: Vendor, what: &'static str, response: Response<Vec<u8>>) -> Error {
    Error::setup(vendor, what, response)
}

/// A vendor's unsigned dashboard test: refused (400, a reason that names the
/// test and says real deliveries are signed) unless the verifier opted in
/// (`dangerous_answer_unsigned_dashboard_test`), then answered 200 as a setup
/// handshake. Either way nothing is delivered.
pub(crate) fn unsigned_dashboard_test(vendor: Vendor, what: &'static str, answer: bool) -> Error {
    if answer {
        setup_answer(vendor, what, empty_response(StatusCode::OK))
    } else {
        Error::new(crate::ErrorKind::UnsignedDashboardTest { vendor, what }).with_vendor(vendor)
    }
}

/// A vendor's unsigned dashboard test, as its verifier sees it: only when
/// `engine` checks a signature (a token verifier's test carries the token),
/// the request carries no `signature_header` at all, and the body is a JSON
/// object of the test's documented `shape`. The one probe DocuSeal's and Zoho
/// Sign's verifiers share; the answer is [`unsigned_dashboard_test`]'s.
pub(crate) fn probe_unsigned_dashboard_test<H: Headers + ?Sized>(
    engine: &verify::Verifier,
    incoming: &Incoming<'_, H>,
    signature_header: &str,
    (vendor, what): (Vendor, &'static str),
    shape: impl FnOnce(&serde_json::Map<String, serde_json::Value>) -> bool,
) -> Option<Error> {
    engine.scheme()?;
    if incoming.headers().values(signature_header).next().is_some() {
        return None;
    }
    let body: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(incoming.body()).ok()?;
    shape(&body).then(|| unsigned_dashboard_test(vendor, what, engine.answers_unsigned_test()))
}

/// An empty response with `status`.
pub(crate) fn empty_response(status: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = status;
    response
}

/// A response with a body and its content type.
pub(crate) fn body_response(
    status: StatusCode,
    content_type: &'static str,
    body: impl Into<Vec<u8>>,
) -> Response<Vec<u8>> {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verified_part_must_lie_in_the_body_it_was_found_in() {
        let body = b"--b\r\n{\"a\":1}\r\n--b--";
        let verified = Verified::new(Some(0), None);
        let part = &body[5..12];
        let authenticated = Authenticated::part(verified, body, part).unwrap();
        assert_eq!(authenticated.range(), 5..12);
        assert_eq!(authenticated.part_of(body).unwrap(), b"{\"a\":1}");
        // Equal bytes elsewhere are not the body's part: only its own sub-slices are.
        let copy = part.to_vec();
        assert!(Authenticated::part(verified, body, &copy).is_err());
        // A range that does not fit another body is refused, not clamped.
        assert!(authenticated.part_of(&body[..8]).is_err());
        assert_eq!(Authenticated::whole(verified, body).range(), 0..body.len());
    }
}
