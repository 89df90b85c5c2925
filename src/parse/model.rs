//! The binary model format.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | content |
//! | --- | --- |
//! | 8 | magic `PGPARSE\x1a` |
//! | 4 | format version ([`FORMAT_VERSION`]) |
//! | 8 | payload length |
//! | 8 | checksum of the payload (FxHash-style 64-bit, see [`checksum`]) |
//! | n | payload |
//!
//! The payload is a sequence of sections written with [`Enc`]: a free-text description
//! (what the model was trained on), the tagger, the lemmatiser and the parser. Numbers are
//! LEB128 varints, signed ones zigzag-encoded, strings length-prefixed UTF-8. Each perceptron
//! table is stored sorted by its 32-bit feature key with delta-coded keys and `i16` weights
//! (see [`super::perceptron::Table::encode`]).

use super::ParseError;
use super::hash;

/// First bytes of every model file.
pub(crate) const MAGIC: &[u8; 8] = b"PGPARSE\x1a";
/// The format version this build reads and writes.
pub(crate) const FORMAT_VERSION: u32 = 2;
const HEADER: usize = 8 + 4 + 8 + 8;

/// 64-bit checksum of a byte string (the crate's feature hash over the whole payload).
pub(crate) fn checksum(b: &[u8]) -> u64 {
    hash::hash_bytes(b)
}

/// Byte-buffer writer for the model payload.
#[derive(Default)]
pub(crate) struct Enc {
    buf: Vec<u8>,
}

impl Enc {
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    pub(crate) fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reader over a model payload; every getter names the section it reads for error messages.
pub(crate) struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Dec { buf, pos: 0 }
    }
    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    pub(crate) fn u8(&mut self, what: &str) -> Result<u8, ParseError> {
        let v = *self
            .buf
            .get(self.pos)
            .ok_or_else(|| ParseError::Truncated(what.to_string()))?;
        self.pos += 1;
        Ok(v)
    }
    pub(crate) fn varint(&mut self, what: &str) -> Result<u64, ParseError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ParseError::Corrupt(format!("{what}: overlong varint")))
    }
    pub(crate) fn varint_usize(&mut self, what: &str) -> Result<usize, ParseError> {
        let v = self.varint(what)?;
        usize::try_from(v).map_err(|_| ParseError::Corrupt(format!("{what}: number too large")))
    }
    /// A count of items that each take at least one byte: bounded by the bytes left.
    pub(crate) fn count(&mut self, what: &str) -> Result<usize, ParseError> {
        let n = self.varint_usize(what)?;
        if n > self.remaining() {
            return Err(ParseError::Corrupt(format!(
                "{what}: {n} items but only {} bytes left",
                self.remaining()
            )));
        }
        Ok(n)
    }
    pub(crate) fn zigzag(&mut self, what: &str) -> Result<i64, ParseError> {
        let v = self.varint(what)?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    pub(crate) fn str(&mut self, what: &str) -> Result<String, ParseError> {
        let n = self.varint_usize(what)?;
        if n > self.remaining() {
            return Err(ParseError::Truncated(what.to_string()));
        }
        let s = std::str::from_utf8(&self.buf[self.pos..self.pos + n])
            .map_err(|_| ParseError::Corrupt(format!("{what}: string is not UTF-8")))?;
        self.pos += n;
        Ok(s.to_string())
    }
}

/// Wraps a payload in the header (magic, version, length, checksum).
pub(crate) fn wrap(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn le_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// Checks the header and returns the payload.
pub(crate) fn unwrap(bytes: &[u8]) -> Result<&[u8], ParseError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        if bytes.is_empty() {
            return Err(ParseError::Truncated("empty model file".into()));
        }
        return Err(ParseError::BadMagic);
    }
    if bytes.len() < HEADER {
        return Err(ParseError::Truncated("model header".into()));
    }
    let mut v = [0u8; 4];
    v.copy_from_slice(&bytes[8..12]);
    let version = u32::from_le_bytes(v);
    if version != FORMAT_VERSION {
        return Err(ParseError::Version {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let len = le_u64(&bytes[12..20]);
    let sum = le_u64(&bytes[20..28]);
    let body = &bytes[HEADER..];
    if (body.len() as u64) < len {
        return Err(ParseError::Truncated(format!(
            "payload has {} of {len} bytes",
            body.len()
        )));
    }
    if (body.len() as u64) > len {
        return Err(ParseError::Corrupt(format!(
            "{} bytes after the payload",
            body.len() as u64 - len
        )));
    }
    if checksum(body) != sum {
        return Err(ParseError::Checksum);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_roundtrip() {
        let mut e = Enc::default();
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            e.varint(v);
        }
        for v in [0i64, -1, 1, -300, i64::MIN, i64::MAX] {
            e.zigzag(v);
        }
        e.str("héllo");
        let b = e.into_bytes();
        let mut d = Dec::new(&b);
        for v in [0u64, 1, 127, 128, 300, u64::MAX] {
            assert_eq!(d.varint("t").unwrap(), v);
        }
        for v in [0i64, -1, 1, -300, i64::MIN, i64::MAX] {
            assert_eq!(d.zigzag("t").unwrap(), v);
        }
        assert_eq!(d.str("t").unwrap(), "héllo");
        assert!(d.u8("t").is_err());
    }

    #[test]
    fn header_errors_are_specific() {
        let w = wrap(b"abc");
        assert_eq!(unwrap(&w).unwrap(), b"abc");
        assert!(matches!(
            unwrap(&w[..w.len() - 1]),
            Err(ParseError::Truncated(_))
        ));
        assert!(matches!(
            unwrap(b"nonsense-bytes-here"),
            Err(ParseError::BadMagic)
        ));
        assert!(matches!(unwrap(&[]), Err(ParseError::Truncated(_))));
        let mut bad = w.clone();
        bad[8] = 9;
        assert!(matches!(
            unwrap(&bad),
            Err(ParseError::Version { found: 9, .. })
        ));
        let mut flip = w.clone();
        let last = flip.len() - 1;
        flip[last] ^= 1;
        assert!(matches!(unwrap(&flip), Err(ParseError::Checksum)));
    }
}
