//! [`SimpleVendor`]: the contract a vendor writes when its proof is the
//! verifier's, its event needs no confirmation and has one kind; the full
//! [`Plugin`] and [`EventKinds`] follow from it (axum's `FromRequestParts`
//! → `FromRequest` bridge).

use core::fmt::Debug;
use std::borrow::Cow;

use http::{Response, StatusCode};

use super::{BodyShape, EventKinds, Plugin, SenderModel, VendorVerifier, empty_response, private};
use crate::Vendor;
use crate::clock::Clock;
use crate::dedup_key::DedupKey;
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::lifecycle::LifecycleStep;
use crate::tenant_id::TenantRequest;
use crate::verify::Verified;
use crate::wire_enum::WireName;

/// What a vendor writes in the common case: only what is its own.
///
/// The vendor's event is what callbacks receive (no confirmation phase), its
/// kind is a wire enum (`string_enum!`), and the whole body is what the
/// verifier checks. Everything else of [`Plugin`] follows by a blanket impl:
/// `kind_name` is the kind's wire name, `into_confirmed` passes the event
/// through, `is_unknown` asks the kind, and the verifier's checks are the
/// verifier's ([`VendorVerifier`]). A vendor whose proof, confirmation or
/// event shape differs implements [`Plugin`] in full instead.
///
/// Sealed: only this crate implements it.
pub trait SimpleVendor: private::Sealed + Sized + Send + Sync + 'static {
    /// The vendor's id.
    const VENDOR: Vendor;

    /// How deliveries are authenticated: what the builder method takes.
    type Verifier: VendorVerifier;

    /// The vendor's event: what `dispatch` returns and callbacks receive.
    type Event: Debug + Clone + PartialEq + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static;

    /// The event's kind (an event name or type), a wire enum.
    type Kind: WireName + PartialEq + Clone + Send + Sync + 'static;

    /// `true` when the body has this vendor's distinctive top-level keys
    /// ([`Plugin::claims`]).
    fn claims(shape: &BodyShape<'_>) -> bool;

    /// `true` when the body has this vendor's keys but none only it uses
    /// ([`Plugin::claims_weakly`]). Defaults to `false`.
    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        let _ = shape;
        false
    }

    /// The precise parse of a verified body ([`Plugin::parse`]).
    fn parse(body: &[u8]) -> Result<Self::Event, Error>;

    /// A one-pass parse, where measurably faster ([`Plugin::fast_parse`]).
    fn fast_parse(body: &str) -> Option<Self::Event> {
        let _ = body;
        None
    }

    /// A check of the vendor's own before or around the verifier's (Box
    /// Sign's version header). Defaults to the verifier's check.
    fn authenticate<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        verifier.authenticate(incoming, clock)
    }

    /// [`authenticate`](SimpleVendor::authenticate) where the typed parse of
    /// the body follows at once ([`Plugin::authenticate_part_to_parse`]).
    /// Defaults to `authenticate`.
    fn authenticate_to_parse<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        Self::authenticate(verifier, incoming, clock)
    }

    /// The event's kind.
    fn kind(event: &Self::Event) -> &Self::Kind;

    /// What identifies the delivery for deduplication ([`Plugin::dedup_key`]).
    fn dedup_key(event: &Self::Event) -> DedupKey;

    /// The vendor-neutral lifecycle step the event means, when it means one.
    fn lifecycle(event: &Self::Event) -> Option<LifecycleStep>;

    /// `true` when the event is newer than this crate. Defaults to its kind
    /// being unknown; a vendor whose event carries statuses too extends it.
    fn is_unknown(event: &Self::Event) -> bool {
        Self::kind(event).is_unknown_value()
    }

    /// The response the vendor expects on success. Defaults to an empty 200.
    fn success_response(event: &Self::Event) -> Response<Vec<u8>> {
        let _ = event;
        empty_response(StatusCode::OK)
    }

    /// The account a request names, read before any check: see
    /// [`Plugin::account_id`]. Defaults to none.
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        let _ = request;
        None
    }

    /// A setup handshake of the vendor's, recognised before any check: see
    /// [`Plugin::setup_request`]. Defaults to none.
    fn setup_request<H: Headers + ?Sized>(verifier: &Self::Verifier, incoming: &Incoming<'_, H>) -> Option<Error> {
        let _ = (verifier, incoming);
        None
    }

    /// What the vendor's sender does ([`Plugin::SENDER`]). Defaults to
    /// [`SenderModel::UNPUBLISHED`].
    const SENDER: SenderModel = SenderModel::UNPUBLISHED;

    /// Whether the strings of a big body are read as ranges of one shared
    /// copy of it ([`Plugin::SHARES_BODY_TEXT`]). Defaults to `true`.
    const SHARES_BODY_TEXT: bool = true;
}

impl<T: SimpleVendor> Plugin for T {
    const VENDOR: Vendor = T::VENDOR;
    const SENDER: SenderModel = T::SENDER;
    const SHARES_BODY_TEXT: bool = T::SHARES_BODY_TEXT;
    type Verifier = T::Verifier;
    type Event = T::Event;
    type Confirmed = T::Event;

    fn claims(shape: &BodyShape<'_>) -> bool {
        T::claims(shape)
    }

    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        T::claims_weakly(shape)
    }

    fn authenticate_part<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<super::Authenticated, Error> {
        T::authenticate(verifier, incoming, clock)
            .map(|verified| super::Authenticated::whole(verified, incoming.body()))
    }

    fn parse(body: &[u8]) -> Result<T::Event, Error> {
        T::parse(body)
    }

    fn authenticate_part_to_parse<H: Headers + ?Sized>(
        verifier: &Self::Verifier,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<super::Authenticated, Error> {
        T::authenticate_to_parse(verifier, incoming, clock)
            .map(|verified| super::Authenticated::whole(verified, incoming.body()))
    }

    fn fast_parse(body: &str) -> Option<T::Event> {
        T::fast_parse(body)
    }

    fn kind_name(event: &T::Event) -> Cow<'_, str> {
        Cow::Borrowed(T::kind(event).wire_name())
    }

    fn into_confirmed(event: T::Event) -> Result<T::Event, T::Event> {
        Ok(event)
    }

    fn dedup_key(event: &T::Event) -> DedupKey {
        T::dedup_key(event)
    }

    fn lifecycle(event: &T::Event) -> Option<LifecycleStep> {
        T::lifecycle(event)
    }

    fn is_unknown(event: &T::Event) -> bool {
        T::is_unknown(event)
    }

    fn success_response(event: &T::Event) -> Response<Vec<u8>> {
        T::success_response(event)
    }

    fn setup_request<H: Headers + ?Sized>(verifier: &Self::Verifier, incoming: &Incoming<'_, H>) -> Option<Error> {
        T::setup_request(verifier, incoming)
    }
    fn account_id(request: &TenantRequest<'_>) -> Option<String> {
        T::account_id(request)
    }
}

impl<T: SimpleVendor> EventKinds for T {
    type Kind = T::Kind;

    fn kind(event: &T::Event) -> &T::Kind {
        T::kind(event)
    }
}
