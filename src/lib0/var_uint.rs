//! lib0's varUint: unsigned LEB128, strict and bounded to 2^53 − 1.
//!
//! ```text
//! value 300 = 0b10_0101100  ->  ac 02
//!             low 7 bits 0x2c | 0x80 (more follows), then 300 >> 7 = 0x02
//! ```
//!
//! A strict decoder accepts only the shortest form (no final `00` group after the first byte)
//! and values up to 2^53 − 1 (`ff ff ff ff ff ff ff 0f`, 8 bytes). See `spec/encoding.md`.

use super::{
    reader::{fail, PResult},
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
#[inline(always)]
pub fn parse<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, u64> {
    match input.split_first() {
        Some((&first, rest)) if first & MORE == 0 => Ok((rest, u64::from(first))),
        _ => parse_multi(input, element),
    }
}

/// Two or more bytes (or an error). With 8 bytes of input left, one little-endian load finds
/// the terminal byte and gathers the 7-bit groups without a loop; near the end of the input,
/// byte by byte. Both apply the same rules in the same order.
#[inline(always)]
fn parse_multi<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, u64> {
    match input.first_chunk::<MAX_LEN>() {
        Some(word) => parse_word(input, u64::from_le_bytes(*word), element),
        None => parse_bytes(input, element),
    }
}

/// `word` is the first 8 bytes of `input`, little-endian.
#[inline(always)]
fn parse_word<'i>(input: &'i [u8], word: u64, element: &'static str) -> PResult<'i, u64> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    // The 0x80 bit of every byte that ends the varint; none in 8 bytes: over 2^53 - 1.
    let stops = !word & HIGH_BITS;
    if stops == 0 {
        return fail(ErrorKind::IntegerOutOfRange, input, element);
    }
    // Bit index of the first terminal byte's 0x80 bit: 8 * (len - 1) + 7.
    let stop_bit = stops.trailing_zeros();
    let len = usize::try_from(stop_bit / 8)
        .unwrap_or(MAX_LEN)
        .wrapping_add(1);
    let [last, ..] = word.wrapping_shr(stop_bit.wrapping_sub(7)).to_le_bytes();
    if len == MAX_LEN && last > LAST_BYTE_MAX {
        return fail(ErrorKind::IntegerOutOfRange, input, element);
    }
    if last == 0 {
        // `parse` took the one-byte case, so here `len > 1`.
        return fail(ErrorKind::NonCanonicalVarint, input, element);
    }
    // Keep the `len` bytes (every bit up to the stop bit), drop the continuation bits, then
    // close the gaps: 7-bit groups -> 14-bit -> 28-bit -> 56-bit.
    let mut value = word & (stops ^ stops.wrapping_sub(1)) & !HIGH_BITS;
    value = (value & 0x007f_007f_007f_007f) | ((value & 0x7f00_7f00_7f00_7f00) >> 1);
    value = (value & 0x0000_3fff_0000_3fff) | ((value & 0x3fff_0000_3fff_0000) >> 2);
    value = (value & 0x0000_0000_0fff_ffff) | ((value & 0x0fff_ffff_0000_0000) >> 4);
    let rest = input.get(len..).unwrap_or_default();
    Ok((rest, value))
}

fn parse_bytes<'i>(input: &'i [u8], element: &'static str) -> PResult<'i, u64> {
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
pub fn encode_array(value: u64) -> ([u8; 10], usize) {
    let mut buf = [0u8; 10];
    match (encode_word(value), buf.first_chunk_mut::<8>()) {
        (Some((word, len)), Some(first)) => {
            *first = word.to_le_bytes();
            (buf, len)
        }
        _ => {
            encode_loop(value, &mut buf);
            (buf, encoded_len(value))
        }
    }
}

/// The varUint of a value up to 56 bits (so every `U53`) as the low `len` bytes of a
/// little-endian word, and `len`; `None` for larger values. No loop: the 7-bit groups are
/// spread into bytes (28 -> 14 -> 7 bits), then every byte but the last gets its
/// continuation bit.
#[inline(always)]
pub fn encode_word(value: u64) -> Option<(u64, usize)> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    if value >> 56 != 0 {
        return None;
    }
    let mut spread = (value & 0x0fff_ffff) | ((value & 0x00ff_ffff_f000_0000) << 4);
    spread = (spread & 0x0000_3fff_0000_3fff) | ((spread & 0x0fff_c000_0fff_c000) << 2);
    spread = (spread & 0x007f_007f_007f_007f) | ((spread & 0x3f80_3f80_3f80_3f80) << 1);
    // 8 × the number of unused high bytes (the value 0 still uses one byte).
    let unused_bits = (spread | 1).leading_zeros() & !7;
    let len = usize::try_from(8u32.wrapping_sub(unused_bits / 8)).unwrap_or(MAX_LEN);
    // A continuation bit in every used byte but the last.
    let more = HIGH_BITS.wrapping_shr(unused_bits) >> 8;
    Some((spread | more, len))
}

/// Seven bits at a time, for values of 57 to 64 bits (never a `U53`).
fn encode_loop(mut value: u64, buf: &mut [u8; 10]) {
    for slot in buf.iter_mut() {
        let [low, ..] = value.to_le_bytes();
        if value <= u64::from(LOW7) {
            *slot = low;
            break;
        }
        *slot = (low & LOW7) | MORE;
        value >>= 7;
    }
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
            Err(fault) => {
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
    fn word_encoding_matches_the_byte_loop() {
        let mut values: Vec<u64> = (0..=1 << 16).collect();
        for k in 0..64u32 {
            let edge = 1u64 << k;
            values.extend([edge - 1, edge, edge | 1, edge.wrapping_mul(3)]);
        }
        values.push(u64::MAX);
        for value in values {
            let mut looped = [0u8; 10];
            encode_loop(value, &mut looped);
            let len = encoded_len(value);
            match encode_word(value) {
                Some((word, word_len)) => {
                    assert!(value < 1 << 56);
                    assert_eq!(word_len, len, "{value}");
                    assert_eq!(word.to_le_bytes()[..len], looped[..len], "{value}");
                    assert!(word.to_le_bytes()[len..].iter().all(|&b| b == 0));
                }
                None => assert!(value >= 1 << 56, "{value}"),
            }
            assert_eq!(encode_array(value), (looped, len), "{value}");
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

    /// Every value from 0 to 2^16 and around each length boundary, with and without 8 bytes
    /// of input (word path and byte path), and every corrupted last byte.
    #[test]
    fn word_and_byte_paths_agree() {
        let mut values: Vec<u64> = (0..=1 << 16).collect();
        for k in 0..=53u32 {
            let edge = 1u64 << k;
            values.extend([edge.saturating_sub(2), edge - 1, edge, edge + 1]);
        }
        for value in values.into_iter().filter(|&v| v < 1 << 53) {
            let bytes = enc(value);
            let mut padded = bytes.clone();
            padded.extend([0xaa; 8]);
            assert_eq!(parse(&padded, "x"), Ok((&[0xaa; 8][..], value)), "{value}");
            assert_eq!(parse(&bytes, "x"), Ok((&[][..], value)), "{value}");
        }
        // Every 2..=8 byte shape with every last byte, padded or not: same verdict.
        for len in 2..=MAX_LEN {
            for last in 0..=255u8 {
                let mut bytes = vec![0x81u8; len - 1];
                bytes.push(last);
                let short = verdict(&bytes);
                bytes.extend([0x05; 8]);
                let long = verdict(&bytes);
                // The short input may end inside the varint (truncated); otherwise both
                // paths give the same value or the same kind.
                if short != Err(ErrorKind::Truncated) {
                    assert_eq!(short, long, "{len} {last:#x}");
                }
            }
        }
    }

    fn verdict(input: &[u8]) -> Result<u64, ErrorKind> {
        match parse(input, "x") {
            Ok((_, value)) => Ok(value),
            Err(fault) => Err(fault.kind),
        }
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
