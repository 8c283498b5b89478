//! [`Reader`]: a cursor over one whole frame that reads lib0's primitives under the strict
//! rules, and the slice parsers beneath it.
//!
//! ```text
//! frame:   59 4a 53 01 03 64 6f 63 01 …
//!          ^ offset 0     ^ read_var_string starts here (offset 4): errors point at 03
//! ```
//!
//! Every read checks, in this order, the varUint form, the limit, the bytes left, then (for
//! strings) UTF-8, and reports a failure at the first byte of the element it was reading (the
//! length prefix of a varString or varUint8Array). A failed read leaves the reader where it
//! was, so a caller may try another reading of the same bytes.

use super::{var_bytes, var_uint, Error, ErrorKind};

/// A decoding fault inside the slice parsers: the kind, the input remaining where the
/// rejected element starts, and the element's name. Becomes an [`Error`] once the whole
/// frame is known ([`Fault::into_error`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault<'i> {
    pub kind: ErrorKind,
    pub at: &'i [u8],
    pub element: &'static str,
}

impl Fault<'_> {
    /// Turn into the public [`Error`], measuring the offset against the whole `frame`.
    pub(crate) fn into_error(self, frame: &[u8]) -> Error {
        Error::new(
            self.kind,
            frame.len().saturating_sub(self.at.len()),
            self.element,
        )
    }
}

/// The result of every slice parser: the input after the element, and the element.
pub type PResult<'i, T> = Result<(&'i [u8], T), Fault<'i>>;

/// Reject the element starting at `at`.
#[inline]
pub(crate) fn fail<'i, T>(kind: ErrorKind, at: &'i [u8], element: &'static str) -> PResult<'i, T> {
    Err(Fault { kind, at, element })
}

/// A cursor over one whole frame. Offsets (in [`Reader::offset`] and in every [`Error`])
/// count from the frame's first byte.
///
/// ```
/// use yjs_wire::{lib0::Reader, ErrorKind};
///
/// // varUint 300, varString "doc", one byte, then a float64.
/// let frame = [&[0xac, 0x02, 0x03][..], b"doc", &[0x07], &1.5f64.to_be_bytes()].concat();
/// let mut reader = Reader::new(&frame);
/// assert_eq!(reader.read_var_uint("an id")?, 300);
/// assert_eq!(reader.read_var_string(16, "a name")?, "doc");
/// assert_eq!(reader.offset(), 6);
/// assert_eq!(reader.read_u8("a flag")?, 7);
/// assert_eq!(reader.read_f64_be("a number")?, 1.5);
/// reader.finish()?;
///
/// // A failed read reports the element's first byte and leaves the reader where it was.
/// let mut reader = Reader::new(b"\x01\x05abc");
/// reader.read_u8("a flag")?;
/// let err = reader.read_var_bytes(16, "a payload").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::Truncated, 1));
/// assert_eq!(reader.offset(), 1);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader<'a> {
    frame: &'a [u8],
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader at the first byte of `frame`.
    #[inline]
    pub fn new(frame: &'a [u8]) -> Self {
        Reader { frame, rest: frame }
    }

    /// How many bytes have been read: the offset of the next byte in the frame.
    #[inline]
    pub fn offset(&self) -> usize {
        self.frame.len().saturating_sub(self.rest.len())
    }

    /// The bytes not read yet.
    #[inline]
    pub fn rest(&self) -> &'a [u8] {
        self.rest
    }

    /// Whether every byte has been read.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// Move on past an element a slice parser read, or report its fault.
    #[inline]
    fn advance<T>(&mut self, parsed: PResult<'a, T>) -> Result<T, Error> {
        match parsed {
            Ok((rest, value)) => {
                self.rest = rest;
                Ok(value)
            }
            Err(fault) => Err(fault.into_error(self.frame)),
        }
    }

    /// One byte; `truncated` at the end of the frame.
    #[inline]
    pub fn read_u8(&mut self, element: &'static str) -> Result<u8, Error> {
        let parsed = match self.rest.split_first() {
            Some((&byte, rest)) => Ok((rest, byte)),
            None => fail(ErrorKind::Truncated, self.rest, element),
        };
        self.advance(parsed)
    }

    /// The next `n` bytes; `truncated` (at the first of them) if fewer are left.
    #[inline]
    pub fn read_exact(&mut self, n: usize, element: &'static str) -> Result<&'a [u8], Error> {
        let parsed = match self.rest.split_at_checked(n) {
            Some((bytes, rest)) => Ok((rest, bytes)),
            None => fail(ErrorKind::Truncated, self.rest, element),
        };
        self.advance(parsed)
    }

    /// The next `N` bytes as an array.
    #[inline]
    fn read_array<const N: usize>(&mut self, element: &'static str) -> Result<[u8; N], Error> {
        let parsed = match self.rest.split_first_chunk::<N>() {
            Some((bytes, rest)) => Ok((rest, *bytes)),
            None => fail(ErrorKind::Truncated, self.rest, element),
        };
        self.advance(parsed)
    }

    /// A varUint in its shortest form, at most 2^53 − 1: `truncated`,
    /// `integer-out-of-range` or `non-canonical-varint` otherwise.
    #[inline]
    pub fn read_var_uint(&mut self, element: &'static str) -> Result<u64, Error> {
        let parsed = var_uint::parse(self.rest, element);
        self.advance(parsed)
    }

    /// A varString of at most `max` UTF-8 bytes (`limit-exceeded` otherwise), checked to be
    /// UTF-8 (`invalid-utf8`); every error is at the length prefix.
    #[inline]
    pub fn read_var_string(&mut self, max: usize, element: &'static str) -> Result<&'a str, Error> {
        let parsed = var_bytes::parse_str(self.rest, max, element);
        self.advance(parsed)
    }

    /// A varUint8Array of at most `max` bytes (`limit-exceeded` otherwise); every error is at
    /// the length prefix.
    #[inline]
    pub fn read_var_bytes(&mut self, max: usize, element: &'static str) -> Result<&'a [u8], Error> {
        let parsed = var_bytes::parse_raw(self.rest, max, element);
        self.advance(parsed)
    }

    /// A big-endian IEEE 754 float32 (lib0's `writeFloat32`).
    #[inline]
    pub fn read_f32_be(&mut self, element: &'static str) -> Result<f32, Error> {
        self.read_array(element).map(f32::from_be_bytes)
    }

    /// A big-endian IEEE 754 float64 (lib0's `writeFloat64`).
    #[inline]
    pub fn read_f64_be(&mut self, element: &'static str) -> Result<f64, Error> {
        self.read_array(element).map(f64::from_be_bytes)
    }

    /// A big-endian two's-complement 64-bit integer (lib0's `writeBigInt64`).
    #[inline]
    pub fn read_i64_be(&mut self, element: &'static str) -> Result<i64, Error> {
        self.read_array(element).map(i64::from_be_bytes)
    }

    /// `Ok` if every byte has been read; otherwise `trailing-bytes` at the first extra byte.
    #[inline]
    pub fn finish(&self) -> Result<(), Error> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            Err(self.error_at(ErrorKind::TrailingBytes, self.offset(), "the frame"))
        }
    }

    /// An error of `kind` for `element` at `offset` of this frame: for a check the caller
    /// makes after reading (a value its message does not allow, an unknown kind).
    #[inline]
    pub fn error_at(&self, kind: ErrorKind, offset: usize, element: &'static str) -> Error {
        Error::new(kind, offset, element)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(result: Result<impl core::fmt::Debug, Error>) -> (ErrorKind, usize) {
        let err = result.unwrap_err();
        (err.kind(), err.offset())
    }

    #[test]
    fn reads_every_primitive_and_counts_offsets() {
        let mut frame = vec![0x07, 0xac, 0x02, 0x02, b'h', b'i', 0x01, 0xee];
        frame.extend(2.5f32.to_be_bytes());
        frame.extend((-1.25f64).to_be_bytes());
        frame.extend((-3i64).to_be_bytes());
        frame.extend([0xaa, 0xbb]);
        let mut r = Reader::new(&frame);
        assert!(!r.is_empty());
        assert_eq!(r.read_u8("u8").unwrap(), 7);
        assert_eq!(r.read_var_uint("n").unwrap(), 300);
        assert_eq!(r.offset(), 3);
        assert_eq!(r.read_var_string(2, "s").unwrap(), "hi");
        assert_eq!(r.read_var_bytes(1, "b").unwrap(), &[0xee]);
        assert_eq!(r.read_f32_be("f").unwrap(), 2.5);
        assert_eq!(r.read_f64_be("d").unwrap(), -1.25);
        assert_eq!(r.read_i64_be("i").unwrap(), -3);
        assert_eq!(r.rest(), &[0xaa, 0xbb]);
        assert_eq!(err(r.finish()), (ErrorKind::TrailingBytes, 28));
        assert_eq!(r.read_exact(2, "x").unwrap(), &[0xaa, 0xbb]);
        assert!(r.is_empty());
        assert_eq!(r.finish(), Ok(()));
        assert_eq!(r.offset(), frame.len());
        assert_eq!(err(r.read_u8("u8")), (ErrorKind::Truncated, 30));
    }

    #[test]
    fn failures_point_at_the_element_and_do_not_move() {
        let frame = b"\x09\x03do\x80\x00";
        let mut r = Reader::new(frame);
        r.read_u8("x").unwrap();
        let before = r;
        assert_eq!(
            err(r.read_var_string(2, "s")),
            (ErrorKind::LimitExceeded, 1)
        );
        assert_eq!(err(r.read_var_string(9, "s")), (ErrorKind::InvalidUtf8, 1));
        assert_eq!(err(r.read_var_bytes(2, "b")), (ErrorKind::LimitExceeded, 1));
        assert_eq!(err(r.read_exact(6, "e")), (ErrorKind::Truncated, 1));
        assert_eq!(err(r.read_f64_be("d")), (ErrorKind::Truncated, 1));
        assert_eq!(err(r.read_i64_be("i")), (ErrorKind::Truncated, 1));
        assert_eq!(r, before);
        r.read_exact(3, "e").unwrap();
        assert_eq!(
            err(r.read_var_uint("n")),
            (ErrorKind::NonCanonicalVarint, 4)
        );
        assert_eq!(r.offset(), 4);
        let e = r.error_at(ErrorKind::InvalidValue, 2, "a state");
        assert_eq!(
            (e.kind(), e.offset(), e.element()),
            (ErrorKind::InvalidValue, 2, "a state")
        );
        assert_eq!(
            err(Reader::new(b"\x04do").read_var_bytes(9, "b")),
            (ErrorKind::Truncated, 0)
        );
        assert_eq!(
            err(Reader::new(b"\x01\x02\x03").read_f32_be("f")),
            (ErrorKind::Truncated, 0)
        );
        let mut r = Reader::new(&[0xff; 9]);
        assert_eq!(err(r.read_var_uint("n")), (ErrorKind::IntegerOutOfRange, 0));
    }

    #[test]
    fn invalid_utf8_is_checked_last() {
        // Within the limit and present, but not UTF-8.
        let mut r = Reader::new(b"\x02\xc0\x80");
        assert_eq!(err(r.read_var_string(2, "s")), (ErrorKind::InvalidUtf8, 0));
        // The same bytes as a byte array are fine.
        assert_eq!(r.read_var_bytes(2, "b").unwrap(), b"\xc0\x80");
    }
}
