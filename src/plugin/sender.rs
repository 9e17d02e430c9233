//! [`SenderModel`]: what a vendor's *sender* does, as its documents describe
//! it, for the simulator (`testing::simulator`) and `esign-webhooks check`:
//! the setup handshakes it sends while a webhook is registered, what it
//! requires of an answer beyond a 2xx status, and what it does about a
//! delivery it counts as failed. Each vendor states its own in its plug-in
//! ([`Plugin::SENDER`](super::Plugin::SENDER)), so that no central code
//! holds one vendor's facts.

use core::fmt;

use http::{HeaderMap, Response};

/// What a vendor's sender does: the model a simulated sender follows.
///
/// Built by the vendor's plug-in from [`SenderModel::new`]; read through
/// the simulator (`esign_webhooks::testing::simulator`).
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct SenderModel {
    /// The setup handshakes the vendor sends while the webhook is being
    /// registered, before any delivery (Adobe Acrobat Sign's GET
    /// verification of intent, BoldSign's `Verification`).
    pub setup: &'static [SenderSetup],
    /// What the vendor requires of an answer beyond a 2xx status, given the
    /// headers of the request it sent (Adobe echoes its client id), as a
    /// reason when the answer falls short. The reason never holds a value of
    /// the request or the answer: a client id or a token is a credential.
    pub answer_check: fn(&HeaderMap, &Response<Vec<u8>>) -> Result<(), &'static str>,
    /// What the vendor does about a delivery it counts as failed, in the
    /// words of its documents (the module docs cite them); when they say
    /// nothing, that they say nothing.
    pub on_failure: &'static str,
}

impl SenderModel {
    /// A vendor that documents neither its answer requirements nor its retries.
    pub const UNPUBLISHED: SenderModel =
        SenderModel::new("publishes neither the answer it expects nor what it does about a failed delivery");

    /// A sender that requires a 2xx and nothing more, sends no setup
    /// handshake, and does `on_failure` about a failed delivery.
    pub const fn new(on_failure: &'static str) -> SenderModel {
        SenderModel {
            setup: &[],
            answer_check: any_answer,
            on_failure,
        }
    }

    /// The same, sending these setup handshakes first.
    pub const fn with_setup(mut self, setup: &'static [SenderSetup]) -> SenderModel {
        self.setup = setup;
        self
    }

    /// The same, requiring `check` of a 2xx answer too.
    pub const fn with_answer_check(
        mut self,
        check: fn(&HeaderMap, &Response<Vec<u8>>) -> Result<(), &'static str>,
    ) -> SenderModel {
        self.answer_check = check;
        self
    }
}

impl fmt::Debug for SenderModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SenderModel")
            .field("setup", &self.setup)
            .field("on_failure", &self.on_failure)
            .finish_non_exhaustive()
    }
}

/// Any 2xx will do.
fn any_answer(_sent: &HeaderMap, _answer: &Response<Vec<u8>>) -> Result<(), &'static str> {
    Ok(())
}

/// A setup handshake a vendor sends while its webhook is being registered,
/// as its documents describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct SenderSetup {
    /// Its name, in the vendor's words.
    pub what: &'static str,
    /// Its HTTP method (`GET`, `POST`).
    pub method: &'static str,
    /// The headers that make it what it is (BoldSign's `X-BoldSign-Event: Verification`).
    pub headers: &'static [(&'static str, &'static str)],
    /// Its body (empty for a GET).
    pub body: &'static [u8],
    /// `true` when it carries the webhook's credentials as a delivery does
    /// (Adobe's GET goes to the registered URL, with its client id header);
    /// `false` when it is sent before they exist (BoldSign's `Verification`
    /// precedes its signing secret).
    pub carries_credentials: bool,
}

impl SenderSetup {
    /// A handshake named `what`, sent with `method` and `body` and no
    /// credentials; see the `with_…` methods.
    pub const fn new(what: &'static str, method: &'static str, body: &'static [u8]) -> SenderSetup {
        SenderSetup {
            what,
            method,
            headers: &[],
            body,
            carries_credentials: false,
        }
    }

    /// The same, with these headers.
    pub const fn with_headers(mut self, headers: &'static [(&'static str, &'static str)]) -> SenderSetup {
        self.headers = headers;
        self
    }

    /// The same, carrying the webhook's credentials as a delivery does.
    pub const fn with_credentials(mut self) -> SenderSetup {
        self.carries_credentials = true;
        self
    }
}
