//! Sample deliveries `send` signs: the crate's own test fixtures.

/// `(vendor key, event name, body)`; the first of each vendor is its default.
pub const SAMPLES: &[(&str, &str, &[u8])] = &[
    ("esignglobal", "envelope_finish", include_bytes!("../../tests/fixtures/esignglobal/envelope_finish.json")),
    ("esignglobal", "envelope_start", include_bytes!("../../tests/fixtures/esignglobal/envelope_start.json")),
    ("esignglobal", "envelope_signer_signed", include_bytes!("../../tests/fixtures/esignglobal/envelope_signer_signed.json")),
    ("esignglobal", "envelope_cancel", include_bytes!("../../tests/fixtures/esignglobal/envelope_cancel.json")),
    ("esignglobal", "signer_declined", include_bytes!("../../tests/fixtures/esignglobal/signer_declined.json")),
    ("esignglobal", "app_envelope_finish", include_bytes!("../../tests/fixtures/esignglobal/app_envelope_finish.json")),
    ("ignisign", "signature_request_completed", include_bytes!("../../tests/fixtures/ignisign/signature_request_completed.json")),
    ("ignisign", "signature_request_launched", include_bytes!("../../tests/fixtures/ignisign/signature_request_launched.json")),
    ("ignisign", "signer_created", include_bytes!("../../tests/fixtures/ignisign/signer_created.json")),
    ("signplus", "envelope_completed", include_bytes!("../../tests/fixtures/signplus/envelope_completed.json")),
    ("signplus", "envelope_declined", include_bytes!("../../tests/fixtures/signplus/envelope_declined.json")),
    ("signplus", "envelope_expired", include_bytes!("../../tests/fixtures/signplus/envelope_expired.json")),
    ("signplus", "audit_trail_signed", include_bytes!("../../tests/fixtures/signplus/audit_trail_signed.json")),
    ("constellation", "session_completed", include_bytes!("../../tests/fixtures/constellation/session_completed_pascal.json")),
    ("constellation", "signer_completed", include_bytes!("../../tests/fixtures/constellation/signer_completed_pascal.json")),
    ("constellation", "signer_declined", include_bytes!("../../tests/fixtures/constellation/signer_declined_pascal.json")),
];
