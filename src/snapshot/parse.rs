//! Private plumbing shared by every decoder on top of [`lib0`](crate::lib0): the decoding
//! context (storage and limits), the storage-aware string and byte-array parsers, and the
//! list element trait. Nothing here is public: the API shows only [`Error`](crate::Error).

use crate::{
    lib0::{
        var_bytes::{self, parse_raw},
        Sink,
    },
    snapshot::storage::Storage,
    ErrorKind, Limits,
};

pub(crate) use crate::lib0::reader::{fail, PResult};

/// Turns validated input slices into a storage's strings and byte arrays.
pub trait Source<'i>: Copy {
    /// The storage produced.
    type Storage: Storage;
    /// `raw` as a string, or `None` if it is not UTF-8.
    fn text(self, raw: &'i [u8]) -> Option<<Self::Storage as Storage>::Str>;
    /// `raw`, already checked to be the UTF-8 `text`, as a string (`None` never happens for
    /// input that really is `text`; storages that can reuse `text` do).
    fn checked_text(self, raw: &'i [u8], text: &'i str) -> Option<<Self::Storage as Storage>::Str> {
        let _ = text;
        self.text(raw)
    }
    /// `raw` as a byte array.
    fn bytes(self, raw: &'i [u8]) -> <Self::Storage as Storage>::Bytes;
}

/// What a parser needs: where values go, and the limits to hold them to.
#[derive(Debug, Clone, Copy)]
pub struct Cx<X> {
    pub src: X,
    pub limits: Limits,
    /// [`Decoder::keep_unknown_kinds`](crate::Decoder::keep_unknown_kinds).
    pub keep_unknown_kinds: bool,
}

impl<X> Cx<X> {
    pub(crate) fn new(src: X, limits: &Limits, keep_unknown_kinds: bool) -> Cx<X> {
        Cx {
            src,
            limits: *limits,
            keep_unknown_kinds,
        }
    }

    /// For re-reading input that was already validated.
    pub(crate) fn unlimited(src: X) -> Cx<X> {
        Cx::new(src, &Limits::UNLIMITED, false)
    }
}

/// A value that can be an entry of a [`List`](crate::snapshot::List): parsed the same way in
/// either storage, encoded the same way. Implemented by
/// [`SnapshotMeta`](crate::snapshot::SnapshotMeta) (META), [`U53`](crate::U53) (ids) and
/// [`Tag`](crate::snapshot::Tag); it cannot be implemented outside this crate (its methods
/// take the decoder's private context).
pub trait Element<S: Storage>: Sized {
    /// The fewest bytes one entry takes on the wire, used to reject impossible counts early.
    const MIN_WIRE_LEN: usize;
    /// What an entry is called in errors.
    const NAME: &'static str;
    /// Parse one entry. A list calls it only to re-read entries [`check`](Element::check)
    /// accepted; an element that is only ever a list entry may rely on that (its impl says
    /// so: [`PresenceClient`](crate::teleportal::PresenceClient) does not validate its data
    /// again).
    #[doc(hidden)]
    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self>;
    /// Check one entry without producing it (the validating pass of a list decode): the
    /// same rules as [`parse`](Element::parse), in the same order, with the same faults.
    #[doc(hidden)]
    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()>;
    /// Write one entry.
    #[doc(hidden)]
    fn write<W: Sink>(&self, out: &mut W);
    /// Write entries one after another (a list's body); implementations may share work
    /// between entries (a scratch buffer), the bytes are those of [`write`](Element::write).
    #[doc(hidden)]
    #[inline]
    fn write_all<W: Sink>(items: &[Self], out: &mut W) {
        items.iter().for_each(|item| item.write(out));
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

/// Parse a varString held to [`Limits::max_string_bytes`].
#[inline]
pub fn string<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    element: &'static str,
) -> PResult<'i, <X::Storage as Storage>::Str> {
    parse_text(cx, input, cx.limits.max_string_bytes, element)
}

/// Check a varString held to [`Limits::max_string_bytes`] without making a string: the same
/// faults as [`string`], in the same order.
#[inline]
pub fn check_string<'i>(
    limits: &Limits,
    input: &'i [u8],
    element: &'static str,
) -> PResult<'i, ()> {
    var_bytes::check_str(input, limits.max_string_bytes, element)
}

/// Parse a varUint8Array held to [`Limits::max_payload_bytes`].
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
    use crate::snapshot::storage::BorrowedSource;

    #[test]
    fn storage_strings_follow_the_lib0_rules() {
        let cx = Cx::new(BorrowedSource, &Limits::DEFAULT, false);
        assert_eq!(
            parse_text(&cx, b"\x03doc!", 10, "s"),
            Ok((&b"!"[..], "doc"))
        );
        assert_eq!(
            parse_text(&cx, b"\x02\xc0\x80", 10, "s").unwrap_err().kind,
            ErrorKind::InvalidUtf8
        );
        assert_eq!(
            parse_text(&cx, b"\x03doc", 2, "s").unwrap_err().kind,
            ErrorKind::LimitExceeded
        );
        assert_eq!(payload(&cx, b"\x01\xff", "p"), Ok((&b""[..], &b"\xff"[..])));
    }
}
