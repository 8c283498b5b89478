//! Where encoders write: any `BufMut`, or a counter that only adds up lengths.
//!
//! Every message is written by one function that takes a [`Sink`]; `encoded_len` runs the same
//! function on a [`LenCounter`], so the length it reports is exact by construction.

use bytes::BufMut;

use super::var_uint;

/// A destination for encoded bytes, with lib0's writers.
///
/// Implemented for every [`bytes::BufMut`] (a `Vec<u8>`, a `BytesMut`, …) and for
/// [`LenCounter`], so one writer function gives both the bytes and their exact length.
///
/// ```
/// use yjs_wire::lib0::{LenCounter, Sink};
///
/// fn write<W: Sink>(out: &mut W) {
///     out.put_var_uint(300);
///     out.put_var_string("doc");
///     out.put_f64_be(1.5);
/// }
/// let mut bytes = Vec::new();
/// write(&mut bytes);
/// assert_eq!(bytes[..6], [0xac, 0x02, 0x03, b'd', b'o', b'c']);
/// let mut counter = LenCounter::default();
/// write(&mut counter);
/// assert_eq!(counter.len(), bytes.len());
/// ```
pub trait Sink {
    /// Write one byte.
    fn put_u8(&mut self, byte: u8);
    /// Write a slice of bytes.
    fn put_slice(&mut self, bytes: &[u8]);
    /// Write the bytes of a frame's trailing byte array (after its length prefix). Only the
    /// last element of a frame goes through here, so a sink can leave it out and send the
    /// caller's handle instead (see `frame::vectored`).
    fn put_payload(&mut self, bytes: &[u8]) {
        self.put_slice(bytes);
    }
    /// Write a varUint.
    #[inline]
    fn put_var_uint(&mut self, value: u64) {
        if let Ok(byte @ 0..=0x7f) = u8::try_from(value) {
            // Counts, lengths and small ids: one byte.
            return self.put_u8(byte);
        }
        match var_uint::encode_word(value) {
            Some((word, len)) => {
                let bytes = word.to_le_bytes();
                self.put_slice(bytes.get(..len).unwrap_or(&bytes));
            }
            None => {
                let (buf, len) = var_uint::encode_array(value);
                self.put_slice(buf.get(..len).unwrap_or(&buf));
            }
        }
    }
    /// Write a varString: the UTF-8 byte length as a varUint, then the bytes.
    #[inline]
    fn put_var_string(&mut self, text: &str) {
        self.put_var_bytes(text.as_bytes());
    }
    /// Write a varUint8Array: the length as a varUint, then the bytes.
    #[inline]
    fn put_var_bytes(&mut self, bytes: &[u8]) {
        // usize always fits in u64 on supported targets; saturate rather than truncate otherwise.
        self.put_var_uint(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
        self.put_slice(bytes);
    }
    /// Write a big-endian IEEE 754 float32 (lib0's `writeFloat32`).
    #[inline]
    fn put_f32_be(&mut self, value: f32) {
        self.put_slice(&value.to_be_bytes());
    }
    /// Write a big-endian IEEE 754 float64 (lib0's `writeFloat64`).
    #[inline]
    fn put_f64_be(&mut self, value: f64) {
        self.put_slice(&value.to_be_bytes());
    }
    /// Write a big-endian two's-complement 64-bit integer (lib0's `writeBigInt64`).
    #[inline]
    fn put_i64_be(&mut self, value: i64) {
        self.put_slice(&value.to_be_bytes());
    }
}

impl<B: BufMut> Sink for B {
    #[inline]
    fn put_u8(&mut self, byte: u8) {
        BufMut::put_u8(self, byte);
    }
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        BufMut::put_slice(self, bytes);
    }
}

/// A [`Sink`] that counts bytes instead of writing them: running a writer on it gives the
/// exact length that writer produces.
///
/// ```
/// use yjs_wire::lib0::{LenCounter, Sink};
///
/// let mut counter = LenCounter::new();
/// counter.put_var_bytes(&[0; 200]); // a 2-byte length prefix, then 200 bytes
/// assert_eq!(counter.len(), 202);
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LenCounter(pub usize);

impl LenCounter {
    /// A counter at zero.
    pub const fn new() -> LenCounter {
        LenCounter(0)
    }

    /// The bytes counted so far.
    pub const fn len(&self) -> usize {
        self.0
    }

    /// Whether nothing has been counted.
    pub const fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl Sink for LenCounter {
    #[inline]
    fn put_u8(&mut self, _byte: u8) {
        self.0 = self.0.saturating_add(1);
    }
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.0 = self.0.saturating_add(bytes.len());
    }
    #[inline]
    fn put_var_uint(&mut self, value: u64) {
        self.0 = self.0.saturating_add(var_uint::encoded_len(value));
    }
}

/// Write a frame's trailing varUint8Array: the length, then the bytes through
/// [`Sink::put_payload`]. Use only for the last element of a frame.
pub(crate) fn put_var_payload<W: Sink>(out: &mut W, bytes: &[u8]) {
    out.put_var_uint(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    out.put_payload(bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counter adds up exactly what a `Vec` receives, call by call.
    #[test]
    fn len_counter_counts_what_a_vec_gets() {
        let mut counter = LenCounter::default();
        let mut out = Vec::new();
        for value in [0u64, 127, 128, 1 << 53] {
            Sink::put_var_uint(&mut counter, value);
            Sink::put_var_uint(&mut out, value);
            assert_eq!(counter.0, out.len());
        }
        Sink::put_u8(&mut counter, 7);
        Sink::put_u8(&mut out, 7);
        assert_eq!(counter.0, out.len());
        counter.put_var_bytes(b"abc");
        out.put_var_bytes(b"abc");
        counter.put_var_string("é");
        out.put_var_string("é");
        assert_eq!(counter.0, out.len());
        counter.put_f32_be(1.0);
        out.put_f32_be(1.0);
        counter.put_f64_be(-2.0);
        out.put_f64_be(-2.0);
        counter.put_i64_be(-1);
        out.put_i64_be(-1);
        assert_eq!(counter.len(), out.len());
        assert_eq!(out[out.len() - 20..out.len() - 16], [0x3f, 0x80, 0, 0]);
        assert_eq!(
            out[out.len() - 16..out.len() - 8],
            [0xc0, 0, 0, 0, 0, 0, 0, 0]
        );
        assert_eq!(out[out.len() - 8..], [0xff; 8]);
        assert_eq!(out[out.len() - 23..out.len() - 20], [0x02, 0xc3, 0xa9]);
        counter.put_var_bytes(b"abc");
        out.put_var_bytes(b"abc");
        assert_eq!(counter.0, out.len());
        assert_eq!(out.get(out.len() - 4..), Some(&b"\x03abc"[..]));
        Sink::put_slice(&mut counter, &[0; 300]);
        assert_eq!(counter.0, out.len() + 300);
    }
}
