//! `Scratch`: a small stack buffer in which one short list entry (a snapshot META) is
//! written with fixed-size moves, then handed to the sink in one `put_slice`.
//!
//! Written field by field into a `BufMut`, a META costs four capacity checks and four copy
//! calls of a few bytes each; here a varUint is one 8-byte store and a short string two
//! overlapping fixed-size copies, and the sink sees one slice per entry.

use crate::lib0::var_uint;

/// Longest string written through the scratch buffer; longer ones use the sink directly.
pub const SHORT: usize = 64;
/// Room for two varUints and two short varStrings (each written as whole 8-byte words).
const CAPACITY: usize = 2 * var_uint::MAX_LEN + 2 * (var_uint::MAX_LEN + SHORT);

/// One entry's bytes, built on the stack.
pub struct Scratch {
    buf: [u8; CAPACITY],
    len: usize,
    overflow: bool,
}

impl Scratch {
    /// An empty buffer.
    #[inline(always)]
    pub fn new() -> Self {
        Scratch {
            buf: [0; CAPACITY],
            len: 0,
            overflow: false,
        }
    }

    /// Forget what was written (the bytes stay: each is overwritten before it is read).
    #[inline(always)]
    pub fn clear(&mut self) {
        self.len = 0;
        self.overflow = false;
    }

    /// Append a varUint of at most 56 bits (every `U53`).
    #[inline(always)]
    pub fn var_uint(&mut self, value: u64) {
        let slot = self
            .buf
            .get_mut(self.len..)
            .and_then(|rest| rest.first_chunk_mut::<{ var_uint::MAX_LEN }>());
        // One byte (lengths and small ids, three of a META's four varUints): no spreading.
        let encoded = if value < 0x80 {
            Some((value, 1))
        } else {
            var_uint::encode_word(value)
        };
        match (encoded, slot) {
            (Some((word, len)), Some(slot)) => {
                *slot = word.to_le_bytes();
                self.len = self.len.wrapping_add(len);
            }
            _ => self.overflow = true,
        }
    }

    /// Append a varString / varUint8Array of at most [`SHORT`] bytes.
    #[inline(always)]
    pub fn var_bytes(&mut self, bytes: &[u8]) {
        if bytes.len() > SHORT {
            self.overflow = true;
            return;
        }
        self.var_uint(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
        let end = self.len.wrapping_add(bytes.len());
        match self.buf.get_mut(self.len..end) {
            Some(slots) => {
                copy_short(slots, bytes);
                self.len = end;
            }
            None => self.overflow = true,
        }
    }

    /// The bytes written, or `None` if anything did not fit (then write directly).
    #[inline(always)]
    pub fn written(&self) -> Option<&[u8]> {
        if self.overflow {
            None
        } else {
            self.buf.get(..self.len)
        }
    }
}

/// `dst.copy_from_slice(src)` for at most [`SHORT`] bytes, as two fixed-size copies that may
/// overlap (the first and the last 4, 8, 16 or 32 bytes): moves, not a `memcpy` call.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    match src.len() {
        0..=3 => dst.iter_mut().zip(src).for_each(|(d, s)| *d = *s),
        4..=7 => copy_both_ends::<4>(dst, src),
        8..=16 => copy_both_ends::<8>(dst, src),
        17..=32 => copy_both_ends::<16>(dst, src),
        _ => copy_both_ends::<32>(dst, src),
    }
}

/// Copy the first and the last `N` bytes of `src` (`N <= src.len() <= 2 N`, the length of
/// `dst`), which together are all of it.
#[inline(always)]
fn copy_both_ends<const N: usize>(dst: &mut [u8], src: &[u8]) {
    if let (Some(d), Some(s)) = (dst.first_chunk_mut::<N>(), src.first_chunk::<N>()) {
        *d = *s;
    }
    if let (Some(d), Some(s)) = (dst.last_chunk_mut::<N>(), src.last_chunk::<N>()) {
        *d = *s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lib0::Sink;

    #[test]
    fn short_copies_are_exact() {
        let src: Vec<u8> = (1..=SHORT as u8).collect();
        for n in 0..=SHORT {
            let mut dst = vec![0u8; n];
            copy_short(&mut dst, &src[..n]);
            assert_eq!(dst, src[..n], "{n}");
        }
    }

    /// The same bytes as the sink's own writers for every string length up to and past
    /// `SHORT` and varUints of every length; anything that does not fit is reported.
    #[test]
    fn same_bytes_as_the_sink_or_none() {
        let text: Vec<u8> = (0..100u8).map(|i| b'a' + i % 26).collect();
        let values = [
            0u64,
            127,
            128,
            16_383,
            16_384,
            1_762_000_000_000,
            (1 << 53) - 1,
        ];
        for a in 0..=SHORT + 1 {
            for (i, &value) in values.iter().enumerate() {
                let b = (a * 7 + i * 13) % (SHORT + 2);
                let mut scratch = Scratch::new();
                scratch.var_uint(value);
                scratch.var_bytes(&text[..a]);
                scratch.var_uint(values[values.len() - 1 - i]);
                scratch.var_bytes(&text[..b]);
                let mut direct = Vec::new();
                direct.put_var_uint(value);
                direct.put_var_bytes(&text[..a]);
                direct.put_var_uint(values[values.len() - 1 - i]);
                direct.put_var_bytes(&text[..b]);
                match scratch.written() {
                    Some(bytes) => assert_eq!(bytes, direct, "{a} {b} {value}"),
                    None => assert!(a > SHORT || b > SHORT, "{a} {b} fits"),
                }
            }
        }
        let mut too_big = Scratch::new();
        too_big.var_uint(1 << 60);
        assert_eq!(too_big.written(), None);
    }
}
