//! lib0's varUint: unsigned LEB128, strict and bounded to 2^53 − 1.
//!
//! ```text
//! value 300 = 0b10_0101100  ->  ac 02
//!             low 7 bits 0x2c | 0x80 (more follows), then 300 >> 7 = 0x02
//! ```
//!
//! A strict decoder accepts only the shortest form (no final `00` group after the first byte)
//! and values up to 2^53 − 1 (`ff ff ff ff ff ff ff 0f`, 8 bytes). See `spec/encoding.md`.

use crate::{
    parse::{fail, PResult},
    ErrorKind, U53,
};

/// The most bytes a varUint up to 2^53 − 1 takes.
pub const MAX_LEN: usize = 8;
/// The largest final (8th) byte of a varUint: 2^53 − 1 has 4 bits left after 7 × 7 bits.
const LAST_BYTE_MAX: u8 = 0x0f;
const MORE: u8 = 0x80;
const LOW7: u8 = 0x7f;

/// Parse a varUint under the strict rules, in this order for each byte `i`: input ends ->
/// `truncated`; `i == 7` with the continuation bit or above `0x0f` -> `integer-out-of-range`;
/// a final `00` byte after the first -> `non-canonical-varint`. Errors point at the first byte.
#[inline]
pub fn parse<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, u64> {
    match input.split_first() {
        Some((&first, rest)) if first & MORE == 0 => Ok((rest, u64::from(first))),
        _ => parse_multi(input, element),
    }
}

fn parse_multi<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, u64> {
    let mut value: u64 = 0;
    let mut shift: u32 = 0;
    for (i, &byte) in input.iter().enumerate().take(MAX_LEN) {
        let last = i == MAX_LEN - 1;
        if last && (byte & MORE != 0 || byte > LAST_BYTE_MAX) {
            return fail(ErrorKind::IntegerOutOfRange, input, element);
        }
        value |= u64::from(byte & LOW7).wrapping_shl(shift);
        shift = shift.wrapping_add(7);
        if byte & MORE == 0 {
            if byte == 0 && i > 0 {
                return fail(ErrorKind::NonCanonicalVarint, input, element);
            }
            let rest = input.get(i.wrapping_add(1)..).unwrap_or_default();
            return Ok((rest, value));
        }
    }
    fail(ErrorKind::Truncated, input, element)
}

/// Parse a varUint as a [`U53`] (the strict parser never returns more than 53 bits).
#[inline]
pub fn parse_u53<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, U53> {
    let (rest, value) = parse(input, element)?;
    match U53::new(value) {
        Some(value) => Ok((rest, value)),
        None => fail(ErrorKind::IntegerOutOfRange, input, element),
    }
}

/// The bytes of `value` as a varUint, in a fixed array, and how many of them are used.
#[inline]
pub fn encode_array(mut value: u64) -> ([u8; 10], usize) {
    let mut buf = [0u8; 10];
    let mut len = 0usize;
    for slot in buf.iter_mut() {
        let [low, ..] = value.to_le_bytes();
        len = len.wrapping_add(1);
        if value <= u64::from(LOW7) {
            *slot = low;
            break;
        }
        *slot = (low & LOW7) | MORE;
        value >>= 7;
    }
    (buf, len)
}

/// How many bytes `value` takes as a varUint (1 for 0).
#[inline]
pub const fn encoded_len(value: u64) -> usize {
    let bits = u64::BITS.saturating_sub((value | 1).leading_zeros());
    // At most 10 for a u64, so the cast is lossless.
    bits.div_ceil(7) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(value: u64) -> Vec<u8> {
        let (buf, len) = encode_array(value);
        buf[..len].to_vec()
    }

    fn kind_of(input: &[u8]) -> ErrorKind {
        match parse(input, "x") {
            Err(nom::Err::Error(fault)) => {
                assert_eq!(fault.at.len(), input.len(), "offset is the varint start");
                fault.kind
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn known_encodings() {
        let cases: &[(u64, &[u8])] = &[
            (0, &[0x00]),
            (1, &[0x01]),
            (127, &[0x7f]),
            (128, &[0x80, 0x01]),
            (300, &[0xac, 0x02]),
            (16383, &[0xff, 0x7f]),
            (16384, &[0x80, 0x80, 0x01]),
            (
                (1 << 53) - 1,
                &[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f],
            ),
        ];
        for &(value, bytes) in cases {
            assert_eq!(enc(value), bytes, "encode {value}");
            assert_eq!(encoded_len(value), bytes.len(), "len {value}");
            let mut input = bytes.to_vec();
            input.push(0xaa);
            assert_eq!(
                parse(&input, "x"),
                Ok((&[0xaa][..], value)),
                "parse {value}"
            );
        }
    }

    #[test]
    fn length_boundaries_round_trip() {
        for k in 0..=53u32 {
            for value in [(1u64 << k).saturating_sub(1), 1u64 << k.min(52)] {
                let bytes = enc(value);
                assert_eq!(bytes.len(), encoded_len(value));
                assert_eq!(parse(&bytes, "x"), Ok((&[][..], value)));
            }
        }
        assert_eq!(encoded_len(u64::MAX), 10);
        assert_eq!(enc(u64::MAX).len(), 10);
    }

    /// `parse` takes a fast path for one-byte values; `parse_multi` is a whole parser too.
    #[test]
    fn multi_byte_parser_reads_one_byte_values() {
        assert_eq!(parse_multi(&[0x00, 0xaa], "x"), Ok((&[0xaa][..], 0)));
        assert_eq!(parse_multi(&[0x7f], "x"), Ok((&[][..], 127)));
    }

    #[test]
    fn rejections() {
        assert_eq!(kind_of(&[]), ErrorKind::Truncated);
        assert_eq!(kind_of(&[0x80]), ErrorKind::Truncated);
        assert_eq!(kind_of(&[0xff; 7]), ErrorKind::Truncated);
        assert_eq!(kind_of(&[0x80, 0x00]), ErrorKind::NonCanonicalVarint);
        assert_eq!(kind_of(&[0xff, 0x80, 0x00]), ErrorKind::NonCanonicalVarint);
        assert_eq!(
            kind_of(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
            ErrorKind::NonCanonicalVarint
        );
        assert_eq!(
            kind_of(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]),
            ErrorKind::IntegerOutOfRange
        );
        assert_eq!(kind_of(&[0xff; 8]), ErrorKind::IntegerOutOfRange);
        assert_eq!(kind_of(&[0xff; 20]), ErrorKind::IntegerOutOfRange);
        assert_eq!(
            kind_of(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]),
            ErrorKind::IntegerOutOfRange
        );
    }
}
