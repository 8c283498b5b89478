//! lib0's varInt: a signed integer, sign and magnitude, little-endian groups.
//!
//! ```text
//! first byte: [more: 1 bit][negative: 1 bit][low 6 bits of |n|]
//! next bytes: [more: 1 bit][next 7 bits of |n|]  …
//!
//!   0 = 00        -0 = 40        63 = 3f        64 = 80 01        -64 = c0 01
//! ```
//!
//! lib0's `writeVarInt` writes the shortest form, and sets the sign bit for negative numbers
//! and for negative zero (`40`, the only form with the sign bit and magnitude 0). A strict
//! reader accepts exactly that: a later byte of `00` that ends the number is
//! `non-canonical-varint`, reported at the first byte.

use crate::{
    lib0::Sink,
    snapshot::parse::{fail, PResult},
    ErrorKind,
};

const MORE: u8 = 0x80;
const SIGN: u8 = 0x40;
const LOW6: u8 = 0x3f;
const LOW7: u8 = 0x7f;
/// The most bytes read before a varInt is out of range (6 + 7 × 7 = 55 bits > 2^53).
const MAX_LEN: usize = 8;

/// A decoded varInt: the sign bit and the magnitude (so `-0` stays distinct from `0`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VarInt {
    /// The sign bit was set (a negative number, or negative zero).
    pub negative: bool,
    /// The absolute value, at most 2^53 − 1.
    pub magnitude: u64,
}

impl VarInt {
    /// The value as a JavaScript number would hold it (negative zero included).
    ///
    /// ```
    /// use yjs_wire::lib0::var_int::VarInt;
    ///
    /// let minus_zero = VarInt { negative: true, magnitude: 0 }.to_f64();
    /// assert!(minus_zero == 0.0 && minus_zero.is_sign_negative());
    /// assert_eq!(VarInt { negative: true, magnitude: 64 }.to_f64(), -64.0);
    /// ```
    #[allow(clippy::cast_precision_loss)] // at most 2^53 - 1: exact in an f64
    pub fn to_f64(self) -> f64 {
        let magnitude = self.magnitude as f64;
        if self.negative {
            -magnitude
        } else {
            magnitude
        }
    }
}

/// Read a varInt strictly. Errors point at its first byte: `truncated` when the input ends
/// inside it, `integer-out-of-range` above 2^53 − 1, `non-canonical-varint` for a final
/// `00` group after the first byte.
pub fn parse<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, VarInt> {
    let Some((&first, mut rest)) = input.split_first() else {
        return fail(ErrorKind::Truncated, input, element);
    };
    let negative = first & SIGN != 0;
    let mut magnitude = u64::from(first & LOW6);
    if first & MORE == 0 {
        return Ok((
            rest,
            VarInt {
                negative,
                magnitude,
            },
        ));
    }
    let mut shift = 6u32;
    for _ in 1..MAX_LEN {
        let Some((&byte, after)) = rest.split_first() else {
            return fail(ErrorKind::Truncated, input, element);
        };
        rest = after;
        magnitude |= u64::from(byte & LOW7).wrapping_shl(shift);
        shift = shift.wrapping_add(7);
        if byte & MORE == 0 {
            if byte == 0 {
                return fail(ErrorKind::NonCanonicalVarint, input, element);
            }
            if magnitude > crate::U53::MAX.get() {
                return fail(ErrorKind::IntegerOutOfRange, input, element);
            }
            return Ok((
                rest,
                VarInt {
                    negative,
                    magnitude,
                },
            ));
        }
    }
    fail(ErrorKind::IntegerOutOfRange, input, element)
}

/// Write `value` as lib0's `writeVarInt` does (shortest form; the sign bit for negative
/// numbers and negative zero).
pub fn write<W: Sink>(out: &mut W, value: VarInt) {
    let mut rest = value.magnitude;
    let low = u8::try_from(rest & u64::from(LOW6)).unwrap_or(0);
    rest >>= 6;
    let sign = if value.negative { SIGN } else { 0 };
    let more = if rest > 0 { MORE } else { 0 };
    out.put_u8(more | sign | low);
    while rest > 0 {
        let low = u8::try_from(rest & u64::from(LOW7)).unwrap_or(0);
        rest >>= 7;
        let more = if rest > 0 { MORE } else { 0 };
        out.put_u8(more | low);
    }
}

/// How many bytes [`write()`] writes for `magnitude`.
pub fn encoded_len(magnitude: u64) -> usize {
    let mut len = 1usize;
    let mut rest = magnitude >> 6;
    while rest > 0 {
        len = len.saturating_add(1);
        rest >>= 7;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(negative: bool, magnitude: u64) -> Vec<u8> {
        let mut out = Vec::new();
        write(
            &mut out,
            VarInt {
                negative,
                magnitude,
            },
        );
        assert_eq!(out.len(), encoded_len(magnitude));
        out
    }

    fn kind(input: &[u8]) -> ErrorKind {
        match parse(input, "n") {
            Err(fault) => fault.kind,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lib0_forms() {
        assert_eq!(enc(false, 0), [0x00]);
        assert_eq!(enc(true, 0), [0x40]);
        assert_eq!(enc(false, 63), [0x3f]);
        assert_eq!(enc(false, 64), [0x80, 0x01]);
        assert_eq!(enc(true, 64), [0xc0, 0x01]);
        assert_eq!(enc(false, 8191), [0xbf, 0x7f]);
        assert_eq!(enc(false, 8192), [0x80, 0x80, 0x01]);
        assert_eq!(enc(false, (1 << 31) - 1), [0xbf, 0xff, 0xff, 0xff, 0x0f]);
        for (neg, mag) in [
            (false, 0),
            (true, 0),
            (true, 5),
            (false, 1 << 40),
            (true, (1 << 53) - 1),
        ] {
            let bytes = enc(neg, mag);
            assert_eq!(
                parse(&bytes, "n"),
                Ok((
                    &[][..],
                    VarInt {
                        negative: neg,
                        magnitude: mag
                    }
                ))
            );
        }
    }

    #[test]
    fn rejections() {
        assert_eq!(kind(&[]), ErrorKind::Truncated);
        assert_eq!(kind(&[0x80]), ErrorKind::Truncated);
        assert_eq!(kind(&[0x80, 0x00]), ErrorKind::NonCanonicalVarint);
        assert_eq!(kind(&[0xc0, 0x00]), ErrorKind::NonCanonicalVarint);
        assert_eq!(kind(&[0x81, 0x80, 0x00]), ErrorKind::NonCanonicalVarint);
        assert_eq!(kind(&[0xff; 9]), ErrorKind::IntegerOutOfRange);
        // 6 + 6 × 7 bits, then an 8th byte above 0x1f: over 2^53 − 1.
        assert_eq!(
            kind(&[0xbf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x20]),
            ErrorKind::IntegerOutOfRange
        );
    }
}
