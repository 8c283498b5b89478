//! Private nom plumbing shared by every decoder: the fault type, the decoding context and
//! the element trait. Nothing here is public: the API shows only [`Error`].

use nom::error::{ErrorKind as NomErrorKind, ParseError};

use crate::{storage::Storage, DecodeOptions, Error, ErrorKind, Limits};

/// A decoding fault inside nom: the kind, the input remaining where the rejected element
/// starts, and the element's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault<'i> {
    pub kind: ErrorKind,
    pub at: &'i [u8],
    pub element: &'static str,
}

impl<'i> Fault<'i> {
    /// Turn into the public [`Error`], measuring the offset against the whole `frame`.
    pub(crate) fn into_error(self, frame: &[u8]) -> Error {
        Error::new(
            self.kind,
            frame.len().saturating_sub(self.at.len()),
            self.element,
        )
    }
}

impl<'i> ParseError<&'i [u8]> for Fault<'i> {
    fn from_error_kind(input: &'i [u8], _kind: NomErrorKind) -> Self {
        // Our parsers check lengths before nom's `take`/`u8`, so nom only fails at an end.
        Fault {
            kind: ErrorKind::Truncated,
            at: input,
            element: "the frame",
        }
    }

    fn append(_input: &'i [u8], _kind: NomErrorKind, other: Self) -> Self {
        other
    }
}

/// The result of every private parser.
pub type PResult<'i, T> = nom::IResult<&'i [u8], T, Fault<'i>>;

/// Reject the element starting at `at`.
pub(crate) fn fail<'i, T>(kind: ErrorKind, at: &'i [u8], element: &'static str) -> PResult<'i, T> {
    Err(nom::Err::Error(Fault { kind, at, element }))
}

/// Unwrap nom's `Err` layers into the fault.
pub(crate) fn fault_of(err: nom::Err<Fault<'_>>) -> Fault<'_> {
    match err {
        nom::Err::Error(fault) | nom::Err::Failure(fault) => fault,
        // Only streaming parsers return `Incomplete`; ours are all `complete`.
        nom::Err::Incomplete(_) => Fault {
            kind: ErrorKind::Truncated,
            at: &[],
            element: "the frame",
        },
    }
}

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
    /// [`DecodeOptions::keep_unknown_kinds`](crate::DecodeOptions).
    pub keep_unknown_kinds: bool,
}

impl<X> Cx<X> {
    pub(crate) fn new(src: X, limits: &Limits) -> Cx<X> {
        Cx {
            src,
            limits: *limits,
            keep_unknown_kinds: false,
        }
    }

    /// A context with the given options.
    pub(crate) fn with_options(src: X, limits: &Limits, options: &DecodeOptions) -> Cx<X> {
        Cx {
            keep_unknown_kinds: options.keep_unknown_kinds,
            ..Cx::new(src, limits)
        }
    }

    /// For re-reading input that was already validated.
    pub(crate) fn unlimited(src: X) -> Cx<X> {
        Cx::new(src, &Limits::UNLIMITED)
    }
}

/// A value that can be an entry of a [`List`](crate::List): parsed the same way in either
/// storage, encoded the same way.
pub trait Element<S: Storage>: Sized {
    /// The fewest bytes one entry takes on the wire, used to reject impossible counts early.
    const MIN_WIRE_LEN: usize;
    /// What an entry is called in errors.
    const NAME: &'static str;
    /// Parse one entry.
    #[doc(hidden)]
    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self>;
    /// Check one entry without producing it (the validating pass of a list decode): the
    /// same rules as [`parse`](Element::parse), in the same order, with the same faults.
    #[doc(hidden)]
    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()>;
    /// Write one entry.
    #[doc(hidden)]
    fn write<W: crate::sink::Sink>(&self, out: &mut W);
}
