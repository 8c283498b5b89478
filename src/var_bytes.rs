//! lib0's varUint8Array and varString: a varUint byte length, then the bytes.
//!
//! ```text
//! varString "doc" = 03 64 6f 63      varUint8Array [1, 2] = 02 01 02
//! ```
//!
//! Checks, in order, all reported at the length prefix: the varUint itself, the limit, the
//! bytes actually left, then (for strings) UTF-8 validity.

use crate::{
    parse::{fail, Cx, PResult, Source},
    storage::Storage,
    utf8, varint, ErrorKind, Limits,
};

/// Parse a length-prefixed byte run of at most `max` bytes, returning the raw bytes.
#[inline]
pub fn parse_raw<'i>(input: &'i [u8], max: usize, element: &'static str) -> PResult<'i, &'i [u8]> {
    let (rest, len) = varint::parse(input, element)?;
    let len = match usize::try_from(len) {
        Ok(len) if len <= max => len,
        _ => return fail(ErrorKind::LimitExceeded, input, element),
    };
    match rest.split_at_checked(len) {
        Some((raw, rest)) => Ok((rest, raw)),
        None => fail(ErrorKind::Truncated, input, element),
    }
}

/// Parse a varUint8Array of at most `max` bytes into the context's storage.
#[inline]
pub fn parse_bytes<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    max: usize,
    element: &'static str,
) -> PResult<'i, <X::Storage as Storage>::Bytes> {
    let (rest, raw) = parse_raw(input, max, element)?;
    Ok((rest, cx.src.bytes(raw)))
}

/// Parse a varString of at most `max` bytes into the context's storage.
#[inline]
pub fn parse_text<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    max: usize,
    element: &'static str,
) -> PResult<'i, <X::Storage as Storage>::Str> {
    let (rest, raw) = parse_raw(input, max, element)?;
    match cx.src.text(raw) {
        Some(text) => Ok((rest, text)),
        None => fail(ErrorKind::InvalidUtf8, input, element),
    }
}

/// Parse a varString held to [`Limits::max_string_bytes`](crate::Limits).
#[inline]
pub fn string<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    element: &'static str,
) -> PResult<'i, <X::Storage as Storage>::Str> {
    parse_text(cx, input, cx.limits.max_string_bytes, element)
}

/// Check a varString held to [`Limits::max_string_bytes`](crate::Limits) without making a
/// string: the same faults as [`string`], in the same order.
#[inline]
pub fn check_string<'i>(
    limits: &Limits,
    input: &'i [u8],
    element: &'static str,
) -> PResult<'i, ()> {
    let (rest, raw) = parse_raw(input, limits.max_string_bytes, element)?;
    if utf8::is_valid(raw) {
        Ok((rest, ()))
    } else {
        fail(ErrorKind::InvalidUtf8, input, element)
    }
}

/// Parse a varUint8Array held to [`Limits::max_payload_bytes`](crate::Limits).
#[inline]
pub fn payload<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    element: &'static str,
) -> PResult<'i, <X::Storage as Storage>::Bytes> {
    parse_bytes(cx, input, cx.limits.max_payload_bytes, element)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::BorrowedSource;

    fn kind(result: PResult<'_, &str>) -> ErrorKind {
        match result {
            Err(nom::Err::Error(fault)) => fault.kind,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn strings() {
        let cx = Cx::new(BorrowedSource, &Limits::DEFAULT);
        assert_eq!(
            parse_text(&cx, b"\x03doc!", 10, "s"),
            Ok((&b"!"[..], "doc"))
        );
        assert_eq!(parse_text(&cx, b"\x00", 0, "s"), Ok((&b""[..], "")));
        assert_eq!(
            kind(parse_text(&cx, b"\x03do", 10, "s")),
            ErrorKind::Truncated
        );
        assert_eq!(
            kind(parse_text(&cx, b"\x03doc", 2, "s")),
            ErrorKind::LimitExceeded
        );
        assert_eq!(
            kind(parse_text(&cx, b"\x02\xc0\x80", 10, "s")),
            ErrorKind::InvalidUtf8
        );
        assert_eq!(
            kind(parse_text(&cx, b"\x80\x00", 10, "s")),
            ErrorKind::NonCanonicalVarint
        );
        // Over the limit is reported before the missing bytes.
        assert_eq!(
            kind(parse_text(&cx, b"\x80\x80\x80\x80\x80\x20", 10, "s")),
            ErrorKind::LimitExceeded
        );
    }
}
