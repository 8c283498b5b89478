//! Where encoders write: any `BufMut`, or a counter that only adds up lengths.
//!
//! Every message is written by one function that takes a [`Sink`]; `encoded_len` runs the same
//! function on a [`LenCounter`], so the length it reports is exact by construction.

use bytes::BufMut;

use crate::varint;

/// A destination for encoded bytes.
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
        match varint::encode_word(value) {
            Some((word, len)) => {
                let bytes = word.to_le_bytes();
                self.put_slice(bytes.get(..len).unwrap_or(&bytes));
            }
            None => {
                let (buf, len) = varint::encode_array(value);
                self.put_slice(buf.get(..len).unwrap_or(&buf));
            }
        }
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

/// A [`Sink`] that counts bytes instead of writing them.
#[derive(Debug, Default, Clone, Copy)]
pub struct LenCounter(pub usize);

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
        self.0 = self.0.saturating_add(varint::encoded_len(value));
    }
}

/// Write a length-prefixed byte array (varUint8Array, and varString's bytes).
pub fn put_var_bytes<W: Sink>(out: &mut W, bytes: &[u8]) {
    // usize always fits in u64 on supported targets; saturate rather than truncate otherwise.
    out.put_var_uint(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    out.put_slice(bytes);
}

/// Write a frame's trailing varUint8Array: the length, then the bytes through
/// [`Sink::put_payload`]. Use only for the last element of a frame.
pub fn put_var_payload<W: Sink>(out: &mut W, bytes: &[u8]) {
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
        put_var_bytes(&mut counter, b"abc");
        put_var_bytes(&mut out, b"abc");
        assert_eq!(counter.0, out.len());
        assert_eq!(out.get(out.len() - 4..), Some(&b"\x03abc"[..]));
        Sink::put_slice(&mut counter, &[0; 300]);
        assert_eq!(counter.0, out.len() + 300);
    }
}
