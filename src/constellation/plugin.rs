//! The Constellation1 eSign plug-in: how the central code identifies, authenticates,
//! parses, deduplicates and maps Constellation1 eSign deliveries.

use std::borrow::Cow;

use super::{SessionStatus, SignerStatus, Update, Verifier};
use crate::dedup_key::DedupKey;
use crate::filter::Filter;
use crate::lifecycle::{Lifecycle, LifecycleStep};
use crate::plugin::{BodyShape, Plugin, private};
use crate::{Vendor, constellation};

/// The Constellation1 eSign plug-in (see [`Plugin`]).
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Constellation;

impl private::Sealed for Constellation {}

impl Plugin for Constellation {
    const VENDOR: Vendor = Vendor::Constellation;
    /// The module docs' "response and retries", as a sender model.
    /// Its model reads a fixed handful of strings, however big the body: a shared copy would cost a pass over the body
    /// and save nothing ([`Plugin::SHARES_BODY_TEXT`](crate::plugin::Plugin::SHARES_BODY_TEXT)).
    const SHARES_BODY_TEXT: bool = false;
    const SENDER: crate::plugin::SenderModel =
        crate::plugin::SenderModel::new("documents no expected response and no retry policy");
    type Verifier = Verifier;
    type Event = Update;
    type Confirmed = Update;

    /// `Data` in upper or mixed case (`Data`, `DATA`), the documented C#
    /// model's casing, which no other vendor uses; or a lower-case `data` that
    /// is the body's only member (with at most a `version`), the documented
    /// body camelCased.
    fn claims(shape: &BodyShape<'_>) -> bool {
        if shape.is_array() {
            return false;
        }
        let is_data = |key: &str| key.eq_ignore_ascii_case("data");
        shape.keys().any(|key| is_data(key) && key != "data")
            || (shape.has("data")
                && shape
                    .keys()
                    .all(|key| is_data(key) || key.eq_ignore_ascii_case("version")))
    }

    /// A lower-case `data` beside other members: a key many vendors use, so
    /// only a tie-breaker among configured credentials.
    fn claims_weakly(shape: &BodyShape<'_>) -> bool {
        !shape.is_array() && shape.has("data")
    }

    fn parse(body: &[u8]) -> Result<Update, crate::Error> {
        super::parse(body)
    }

    /// `session Completed`, `signer Declined`, or the type and code.
    fn kind_name(update: &Update) -> Cow<'_, str> {
        Cow::Owned(match &update.data.status {
            constellation::Status::Session(status) => format!("session {status}"),
            constellation::Status::Signer(status) => format!("signer {status}"),
            other => format!("{} {}", other.type_name(), other.code()),
        })
    }

    fn into_confirmed(update: Update) -> Result<Update, Update> {
        Ok(update)
    }

    /// Every `Data` member: no delivery id is sent.
    fn dedup_key(update: &Update) -> DedupKey {
        DedupKey::from_json(Vendor::Constellation, update)
    }

    fn lifecycle(update: &Update) -> Option<LifecycleStep> {
        constellation_step(update)
    }

    fn is_unknown(update: &Update) -> bool {
        match update.data.status {
            constellation::Status::Session(status) => status.is_unknown(),
            constellation::Status::Signer(status) => status.is_unknown(),
            _ => true,
        }
    }
}

fn constellation_step(update: &constellation::Update) -> Option<LifecycleStep> {
    use constellation::{SessionStatus, SignerStatus, Status};
    let data = &update.data;
    let session = data.signing_session_id.to_string();
    let step = |kind| LifecycleStep::new(kind, Some(&session));
    let signer = data.signer_id.map(|id| id.to_string());
    Some(match data.status {
        Status::Session(SessionStatus::InSent) => step(Lifecycle::Sent),
        Status::Session(SessionStatus::Completed) => step(Lifecycle::Completed),
        Status::Session(SessionStatus::Cancelled) => step(Lifecycle::Cancelled),
        Status::Session(SessionStatus::Expired) => step(Lifecycle::Expired),
        Status::Signer(SignerStatus::Invited) => step(Lifecycle::Sent).signer(signer.as_deref()),
        Status::Signer(SignerStatus::InProgress) => step(Lifecycle::Viewed).signer(signer.as_deref()),
        Status::Signer(SignerStatus::Completed) => step(Lifecycle::Signed).signer(signer.as_deref()),
        Status::Signer(SignerStatus::Declined) => step(Lifecycle::Declined)
            .signer(signer.as_deref())
            .reason(data.declined_reason.as_deref()),
        Status::Signer(SignerStatus::AuthenticationFailed) => step(Lifecycle::Failed).signer(signer.as_deref()),
        _ => return None,
    })
}

impl SessionStatus {
    /// Every session status.
    pub const ALL: Filter<SessionStatus> = Filter::All;
}

impl SignerStatus {
    /// Every signer status.
    pub const ALL: Filter<SignerStatus> = Filter::All;
}
