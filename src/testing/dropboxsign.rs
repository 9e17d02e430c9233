//! Test deliveries for Dropbox Sign: [`Signer::dropboxsign`] builds a
//! callback signed with an API key, posted as multipart (Dropbox Sign's
//! default) or as JSON.

use hmac::Mac;

use super::{SignedRequest, Signer};
use crate::dropboxsign::body::JSON_FIELD;
use crate::encoding;
use crate::secret::Secret;
use crate::verify::keyed_mac;

impl Signer {
    /// Signs Dropbox Sign callbacks with `api_key`: see [`CallbackSigner`].
    ///
    /// ```
    /// use esign_webhooks::testing::Signer;
    /// use esign_webhooks::{Event, Webhooks, dropboxsign};
    ///
    /// let webhooks = Webhooks::builder().dropboxsign(dropboxsign::Verifier::new("api-key")).build()?;
    /// let json = br#"{"event":{"event_time":"1700000000","event_type":"callback_test","event_hash":""}}"#;
    /// let request = Signer::dropboxsign("api-key").multipart(json);
    /// let event = webhooks.dispatch(&request.body, &request.headers)?;
    /// assert!(matches!(event, Event::DropboxSign(_)));
    /// assert_eq!(event.success_response().body().as_slice(), b"Hello API Event Received");
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn dropboxsign(api_key: impl Into<Secret>) -> CallbackSigner {
        CallbackSigner {
            api_key: api_key.into(),
            boundary: "----DropboxSignTestBoundary7MA4YWxkTrZu0gW".to_owned(),
            hash_override: None,
        }
    }
}

/// Builds Dropbox Sign callbacks as Dropbox Sign would send them, from
/// [`Signer::dropboxsign`].
///
/// The callback JSON you give is read, its `event.event_hash` set to the
/// HMAC of its `event_time` ‖ `event_type`, and written back with
/// `serde_json` (keys sorted). JSON without a readable `event` object is
/// sent unchanged, and so fails verification.
#[derive(Debug, Clone)]
pub struct CallbackSigner {
    api_key: Secret,
    boundary: String,
    hash_override: Option<String>,
}

impl CallbackSigner {
    /// Uses this multipart boundary (without the leading `--`).
    pub fn with_boundary(mut self, boundary: impl Into<String>) -> Self {
        self.boundary = boundary.into();
        self
    }

    /// Writes `hash` as `event_hash` instead of the right one, for negative tests.
    pub fn with_hash_override(mut self, hash: impl Into<String>) -> Self {
        self.hash_override = Some(hash.into());
        self
    }

    /// The `event_hash` of an event: lower-case hex HMAC-SHA256 of
    /// `event_time` ‖ `event_type`, keyed with the API key.
    ///
    /// ```
    /// use esign_webhooks::testing::Signer;
    /// // Dropbox Sign's own example (dropbox-sign-node, examples/EventCallbackExample.ts).
    /// let signer = Signer::dropboxsign("324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782");
    /// assert_eq!(
    ///     signer.event_hash("1669926463", "account_confirmed"),
    ///     "ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f"
    /// );
    /// ```
    pub fn event_hash(&self, event_time: &str, event_type: &str) -> String {
        let mut mac = keyed_mac(self.api_key.expose());
        mac.update(event_time.as_bytes());
        mac.update(event_type.as_bytes());
        encoding::encode_hex(&mac.finalize().into_bytes())
    }

    /// The callback JSON with its `event_hash` set.
    pub fn signed_json(&self, callback_json: &[u8]) -> Vec<u8> {
        let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(callback_json) else {
            return callback_json.to_vec();
        };
        let Some(event) = value.get_mut("event").and_then(serde_json::Value::as_object_mut) else {
            return callback_json.to_vec();
        };
        let text = |v: Option<&serde_json::Value>| match v {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other @ serde_json::Value::Number(_)) => other.to_string(),
            _ => String::new(),
        };
        let hash = self
            .hash_override
            .clone()
            .unwrap_or_else(|| self.event_hash(&text(event.get("event_time")), &text(event.get("event_type"))));
        event.insert("event_hash".to_owned(), serde_json::Value::String(hash));
        serde_json::to_vec(&value).unwrap_or_else(|_| callback_json.to_vec())
    }

    /// A `multipart/form-data` POST with the signed callback in its `json`
    /// field, and the `Content-Type` header with the boundary.
    pub fn multipart(&self, callback_json: &[u8]) -> SignedRequest {
        let json = self.signed_json(callback_json);
        let mut body = Vec::with_capacity(json.len() + 2 * self.boundary.len() + 96);
        body.extend_from_slice(b"--");
        body.extend_from_slice(self.boundary.as_bytes());
        body.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
        body.extend_from_slice(JSON_FIELD.as_bytes());
        body.extend_from_slice(b"\"\r\n\r\n");
        body.extend_from_slice(&json);
        body.extend_from_slice(b"\r\n--");
        body.extend_from_slice(self.boundary.as_bytes());
        body.extend_from_slice(b"--\r\n");
        SignedRequest {
            body,
            headers: vec![(
                "Content-Type".to_owned(),
                format!("multipart/form-data; boundary={}", self.boundary),
            )],
            query: None,
        }
    }

    /// A JSON POST of the signed callback (accounts set to post JSON).
    pub fn json(&self, callback_json: &[u8]) -> SignedRequest {
        SignedRequest {
            body: self.signed_json(callback_json),
            headers: vec![("Content-Type".to_owned(), "application/json".to_owned())],
            query: None,
        }
    }
}
