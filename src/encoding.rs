//! Hex and base64, the two encodings vendors use for signatures.
//!
//! Written here rather than pulled in as a dependency: both are a few lines,
//! and the crate's runtime dependencies are kept to a chosen few.

const BASE64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Lowercase hex.
pub(crate) fn encode_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

/// Where decoded bytes go: a growable `Vec`, or a fixed buffer on the stack
/// for signatures, whose size is known (no allocation per request).
pub(crate) trait Output {
    /// Empties the output.
    fn clear(&mut self);
    /// Appends a byte; `false` when it does not fit.
    fn push(&mut self, byte: u8) -> bool;

    /// Appends bytes; `false` when they do not all fit.
    fn push_all(&mut self, bytes: &[u8]) -> bool {
        bytes.iter().all(|&byte| self.push(byte))
    }
}

impl Output for Vec<u8> {
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn push(&mut self, byte: u8) -> bool {
        Vec::push(self, byte);
        true
    }
    fn push_all(&mut self, bytes: &[u8]) -> bool {
        self.extend_from_slice(bytes);
        true
    }
}

/// A fixed-capacity byte buffer.
pub(crate) struct FixedBuf<const N: usize> {
    bytes: [u8; N],
    len: usize,
}

impl<const N: usize> FixedBuf<N> {
    pub(crate) fn new() -> Self {
        FixedBuf { bytes: [0; N], len: 0 }
    }

    /// The bytes, when exactly `N` were written.
    pub(crate) fn full(&self) -> Option<[u8; N]> {
        (self.len == N).then_some(self.bytes)
    }
}

impl<const N: usize> Output for FixedBuf<N> {
    fn clear(&mut self) {
        self.len = 0;
    }
    fn push(&mut self, byte: u8) -> bool {
        match self.bytes.get_mut(self.len) {
            Some(slot) => {
                *slot = byte;
                self.len += 1;
                true
            }
            None => false,
        }
    }
    fn push_all(&mut self, bytes: &[u8]) -> bool {
        let end = self.len + bytes.len();
        match self.bytes.get_mut(self.len..end) {
            Some(slots) => {
                slots.copy_from_slice(bytes);
                self.len = end;
                true
            }
            None => false,
        }
    }
}

/// Decodes hex (either case) into `out`; `None` on odd length, a non-hex
/// digit, or more bytes than `out` holds.
pub(crate) fn decode_hex_into(text: &[u8], out: &mut impl Output) -> Option<()> {
    if text.len() % 2 != 0 {
        return None;
    }
    out.clear();
    for pair in text.chunks_exact(2) {
        let hi = hex_value(*pair.first()?)?;
        let lo = hex_value(*pair.get(1)?)?;
        if !out.push((hi << 4) | lo) {
            return None;
        }
    }
    Some(())
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// Standard base64 with padding.
pub(crate) fn encode_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let n = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let sextet = |shift: u32| char::from(BASE64_ALPHABET[((n >> shift) & 0x3f) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

/// Decodes standard base64 (padding optional) into a new vector.
pub(crate) fn decode_base64(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    decode_base64_into(text, &mut out).map(|()| out)
}

/// Decodes standard base64 (padding optional) into `out`; `None` on a character
/// outside the alphabet, misplaced padding, an impossible length or non-zero
/// trailing bits (so every signature has exactly one accepted spelling).
pub(crate) fn decode_base64_into(text: &[u8], out: &mut impl Output) -> Option<()> {
    out.clear();
    let unpadded = match text {
        [rest @ .., b'=', b'='] => rest,
        [rest @ .., b'='] => rest,
        all => all,
    };
    if text.len() != unpadded.len() && text.len() % 4 != 0 {
        return None;
    }
    if unpadded.len() % 4 == 1 {
        return None;
    }
    // Four characters make three bytes; a last group of two or three makes
    // one or two, and the bits left over must be zero. A group's characters
    // are checked together: a value of the table above 63 is not base64.
    let sextets = |group: &[u8]| {
        let (n, seen) = group.iter().fold((0u32, 0u8), |(n, seen), &c| {
            let value = base64_value(c);
            ((n << 6) | u32::from(value), seen | value)
        });
        (seen < 64).then_some(n)
    };
    let mut quads = unpadded.chunks_exact(4);
    for quad in &mut quads {
        let [_, b0, b1, b2] = sextets(quad)?.to_be_bytes();
        if !out.push_all(&[b0, b1, b2]) {
            return None;
        }
    }
    let rest = quads.remainder();
    let n = sextets(rest)?;
    let pushed = match rest.len() {
        0 => true,
        2 => n & 0xf == 0 && out.push((n >> 4) as u8),
        3 => n & 0x3 == 0 && out.push_all(&[(n >> 10) as u8, (n >> 2) as u8]),
        _ => false,
    };
    pushed.then_some(())
}

/// Not a base64 character, in [`BASE64_VALUES`].
const INVALID: u8 = 0xff;

/// Each byte's value in the base64 alphabet, [`INVALID`] for every other
/// byte: one load per character (a signature is decoded on every request).
const BASE64_VALUES: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < BASE64_ALPHABET.len() {
        table[BASE64_ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// `c`'s value in the base64 alphabet, or [`INVALID`].
fn base64_value(c: u8) -> u8 {
    BASE64_VALUES.get(usize::from(c)).copied().unwrap_or(INVALID)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_every_length() {
        let data: Vec<u8> = (0..=255u8).collect();
        for len in 0..40 {
            let slice = &data[..len];
            let encoded = encode_base64(slice);
            assert_eq!(decode_base64(encoded.as_bytes()).unwrap(), slice, "len {len}");
            let unpadded = encoded.trim_end_matches('=');
            assert_eq!(decode_base64(unpadded.as_bytes()).unwrap(), slice, "len {len}");
        }
    }

    #[test]
    fn base64_known_values_and_rejections() {
        assert_eq!(encode_base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(encode_base64(b"fo"), "Zm8=");
        assert!(decode_base64(b"Zm8").is_some());
        assert!(decode_base64(b"Zm9=").is_none(), "non-zero trailing bits");
        assert!(decode_base64(b"Z").is_none());
        assert!(decode_base64(b"Zm8==").is_none());
        assert!(decode_base64(b"Zm-_").is_none());
        assert!(decode_base64(b"Zm 8").is_none());
    }

    #[test]
    fn hex_round_trips_and_rejects() {
        let mut out = Vec::new();
        assert_eq!(encode_hex(&[0x00, 0xab, 0xff]), "00abff");
        decode_hex_into(b"00ABff", &mut out).unwrap();
        assert_eq!(out, [0x00, 0xab, 0xff]);
        assert!(decode_hex_into(b"abc", &mut out).is_none());
        assert!(decode_hex_into(b"zz", &mut out).is_none());
    }
}
