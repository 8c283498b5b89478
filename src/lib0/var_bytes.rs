//! lib0's varUint8Array and varString: a varUint byte length, then the bytes.
//!
//! ```text
//! varString "doc" = 03 64 6f 63      varUint8Array [1, 2] = 02 01 02
//! ```
//!
//! Checks, in order, all reported at the length prefix: the varUint itself, the limit, the
//! bytes actually left, then (for strings) UTF-8 validity.

use super::{
    reader::{fail, PResult},
    utf8, var_uint, ErrorKind,
};

/// Parse a length-prefixed byte run of at most `max` bytes, returning the raw bytes.
#[inline]
pub(crate) fn parse_raw<'i>(
    input: &'i [u8],
    max: usize,
    element: &'static str,
) -> PResult<'i, &'i [u8]> {
    let (rest, len) = var_uint::parse(input, element)?;
    let len = match usize::try_from(len) {
        Ok(len) if len <= max => len,
        _ => return fail(ErrorKind::LimitExceeded, input, element),
    };
    match rest.split_at_checked(len) {
        Some((raw, rest)) => Ok((rest, raw)),
        None => fail(ErrorKind::Truncated, input, element),
    }
}

/// Parse a varString of at most `max` bytes as a `&str`.
#[inline]
pub(crate) fn parse_str<'i>(
    input: &'i [u8],
    max: usize,
    element: &'static str,
) -> PResult<'i, &'i str> {
    let (rest, raw) = parse_raw(input, max, element)?;
    match core::str::from_utf8(raw) {
        Ok(text) => Ok((rest, text)),
        Err(_) => fail(ErrorKind::InvalidUtf8, input, element),
    }
}

/// Check a varString of at most `max` bytes without making a string: the same faults as
/// [`parse_str`], in the same order.
#[inline]
pub(crate) fn check_str<'i>(input: &'i [u8], max: usize, element: &'static str) -> PResult<'i, ()> {
    let (rest, raw) = parse_raw(input, max, element)?;
    if utf8::is_valid(raw) {
        Ok((rest, ()))
    } else {
        fail(ErrorKind::InvalidUtf8, input, element)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(result: PResult<'_, &str>) -> ErrorKind {
        match result {
            Err(fault) => {
                let checked = check_str(fault.at, 10, "s").map(|_| ());
                assert_eq!(checked.unwrap_err().kind, fault.kind, "check agrees");
                fault.kind
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn strings() {
        assert_eq!(parse_str(b"\x03doc!", 10, "s"), Ok((&b"!"[..], "doc")));
        assert_eq!(check_str(b"\x03doc!", 10, "s"), Ok((&b"!"[..], ())));
        assert_eq!(parse_str(b"\x00", 0, "s"), Ok((&b""[..], "")));
        assert_eq!(kind(parse_str(b"\x03do", 10, "s")), ErrorKind::Truncated);
        assert_eq!(
            parse_str(b"\x03doc", 2, "s").unwrap_err().kind,
            ErrorKind::LimitExceeded
        );
        assert_eq!(
            kind(parse_str(b"\x02\xc0\x80", 10, "s")),
            ErrorKind::InvalidUtf8
        );
        assert_eq!(
            kind(parse_str(b"\x80\x00", 10, "s")),
            ErrorKind::NonCanonicalVarint
        );
        // Over the limit is reported before the missing bytes.
        assert_eq!(
            kind(parse_str(b"\x80\x80\x80\x80\x80\x20", 10, "s")),
            ErrorKind::LimitExceeded
        );
        assert_eq!(
            parse_raw(b"\x02\xc0\x80", 2, "b"),
            Ok((&b""[..], &b"\xc0\x80"[..]))
        );
    }
}
