//! What may have been signed: the body alone, or the body with a timestamp
//! (and an id) the request carries, joined by each of the [`SEPARATORS`].

use super::SEPARATORS;
use super::candidates::{Candidate, parameters, plausible_timestamp, timestamp_prefixed};
use crate::verify::{SignatureLocation, SignedContent, TimestampLocation, TimestampUnit};

/// The bytes signed around the body.
pub(super) enum Signed {
    /// These bytes, then the body.
    ThenBody(Vec<u8>),
    /// The body, then these bytes (empty: the body alone).
    BodyThen(Vec<u8>),
}

/// A candidate signed content: what is signed with the body, and the time to verify at.
pub(super) struct Content {
    pub(super) content: SignedContent,
    pub(super) signed: Signed,
    pub(super) now: i64,
    pub(super) unit: TimestampUnit,
    /// The signature location a timestamp read from inside a signature header requires.
    tied_to: Option<Tie>,
}

/// A timestamp read from inside the signature header itself.
#[derive(Clone)]
enum Tie {
    /// A parameter of this [`SignatureLocation::Parameters`] header.
    ParameterOf(String),
    /// The part before `split` of this [`SignatureLocation::TimestampPrefixed`] header.
    PrefixOf(String, &'static str),
}

impl Content {
    /// Whether a signature at `location` can go with this content: a
    /// timestamp read from inside a signature header goes with that header
    /// only, and a timestamp-prefixed header with its own timestamp only (the
    /// engine refuses it with any other content).
    pub(super) fn fits(&self, location: &SignatureLocation) -> bool {
        match (&self.tied_to, location) {
            (None, SignatureLocation::TimestampPrefixed { .. }) => false,
            (None, _) => true,
            (Some(Tie::ParameterOf(of)), SignatureLocation::Parameters { header, .. }) => of == header,
            (Some(Tie::PrefixOf(of, split)), SignatureLocation::TimestampPrefixed { header, separator }) => {
                of == header && split == separator
            }
            (Some(_), _) => false,
        }
    }
}

/// A value of the request that reads as a timestamp.
struct FoundTimestamp<'a> {
    location: TimestampLocation,
    raw: &'a str,
    seconds: i64,
    unit: TimestampUnit,
    /// When the value is inside a signature header: the location that must read it.
    tied_to: Option<Tie>,
    /// The header the value is in.
    in_header: &'a str,
}

/// The body alone, then every timestamp × separator (timestamp first, then
/// body first), then every id × timestamp × separator.
pub(super) fn signed_contents(candidates: &[Candidate<'_>]) -> Vec<Content> {
    let mut timestamps: Vec<FoundTimestamp<'_>> = Vec::new();
    for candidate in candidates {
        let Some(value) = candidate.value else { continue };
        if let Some((seconds, unit)) = plausible_timestamp(value) {
            timestamps.push(FoundTimestamp {
                location: TimestampLocation::header(candidate.name),
                raw: value,
                seconds,
                unit,
                tied_to: None,
                in_header: candidate.name,
            });
        }
        for (split, raw, _) in timestamp_prefixed(value) {
            if let Some((seconds, unit)) = plausible_timestamp(raw) {
                timestamps.push(FoundTimestamp {
                    location: TimestampLocation::signature_prefix(),
                    raw,
                    seconds,
                    unit,
                    tied_to: Some(Tie::PrefixOf(candidate.name.to_owned(), split)),
                    in_header: candidate.name,
                });
            }
        }
        for (key, raw) in parameters(value).unwrap_or_default() {
            if let Some((seconds, unit)) = plausible_timestamp(raw) {
                timestamps.push(FoundTimestamp {
                    location: TimestampLocation::parameter(key),
                    raw,
                    seconds,
                    unit,
                    tied_to: Some(Tie::ParameterOf(candidate.name.to_owned())),
                    in_header: candidate.name,
                });
            }
        }
    }

    let mut contents = vec![Content {
        content: SignedContent::Body,
        signed: Signed::BodyThen(Vec::new()),
        now: 0,
        unit: TimestampUnit::Seconds,
        tied_to: None,
    }];
    for FoundTimestamp {
        location,
        raw,
        seconds,
        unit,
        tied_to,
        ..
    } in &timestamps
    {
        for separator in SEPARATORS {
            contents.push(Content {
                content: SignedContent::timestamp_then_body(location.clone(), separator),
                signed: Signed::ThenBody([raw.as_bytes(), separator.as_bytes()].concat()),
                now: *seconds,
                unit: *unit,
                tied_to: tied_to.clone(),
            });
            contents.push(Content {
                content: SignedContent::body_then_timestamp(location.clone(), separator),
                signed: Signed::BodyThen([separator.as_bytes(), raw.as_bytes()].concat()),
                now: *seconds,
                unit: *unit,
                tied_to: tied_to.clone(),
            });
        }
    }
    for FoundTimestamp {
        location,
        raw,
        seconds,
        unit,
        tied_to,
        in_header,
    } in &timestamps
    {
        for id in candidates.iter().filter(|c| !c.name.eq_ignore_ascii_case(in_header)) {
            let Some(id_value) = id.value.filter(|v| !v.is_empty()) else {
                continue;
            };
            for separator in SEPARATORS {
                contents.push(Content {
                    content: SignedContent::id_timestamp_body(id.name, location.clone(), separator),
                    signed: Signed::ThenBody(
                        [
                            id_value.as_bytes(),
                            separator.as_bytes(),
                            raw.as_bytes(),
                            separator.as_bytes(),
                        ]
                        .concat(),
                    ),
                    now: *seconds,
                    unit: *unit,
                    tied_to: tied_to.clone(),
                });
            }
        }
    }
    contents
}
