//! `EncodedAny`: one validated `any` value kept as its wire bytes, in either storage.

use alloc::vec::Vec;
use bytes::Bytes;
use core::{fmt, hash::Hash};

use super::{check, Any, AnyValue};
use crate::{
    snapshot::parse::{Cx, PResult, Source},
    snapshot::storage::{Borrowed, Shared, Storage},
    Error, ErrorKind, Limits,
};

/// One `any` value as its validated wire bytes (tag first), in storage `S`: `&[u8]` for
/// [`Borrowed`], `Bytes` for [`Shared`]. Decoding a frame keeps its `any` values this way, so
/// nothing is allocated and re-encoding copies the bytes as they are; [`get`](Self::get)
/// reads the value (lazily, without allocating).
///
/// ```
/// use yjs_wire::lib0::any::{Any, AnyValue, EncodedAny};
/// use yjs_wire::snapshot::Shared;
///
/// let data = EncodedAny::<Shared>::from_value(&AnyValue::from("hi"));
/// assert_eq!(data.as_bytes(), b"\x77\x02hi");
/// assert_eq!(data.get(), Any::String("hi"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EncodedAny<S: Storage> {
    raw: S::Bytes,
}

impl<S: Storage> EncodedAny<S> {
    /// The value (validated when this was made, so reading it cannot fail).
    pub fn get(&self) -> Any<'_> {
        check::reparse_whole(&self.raw).unwrap_or(Any::Undefined)
    }

    /// The wire bytes, tag first.
    pub fn as_bytes(&self) -> &[u8] {
        &self.raw
    }

    /// The wire bytes in the storage's own type (a `Bytes` slice for [`Shared`]).
    pub fn raw(&self) -> &S::Bytes {
        &self.raw
    }

    /// The owned value (allocates).
    pub fn to_value(&self) -> AnyValue {
        self.get().to_value()
    }

    /// Parse one value from the front of `input` (crate plumbing for frame decoders).
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, (Self, Any<'i>)> {
        let (rest, value) = check::parse(&cx.limits, input, 0)?;
        let used = input.len().saturating_sub(rest.len());
        let raw = input.get(..used).unwrap_or_default();
        Ok((
            rest,
            (
                EncodedAny {
                    raw: cx.src.bytes(raw),
                },
                value,
            ),
        ))
    }

    /// One value from the front of `input` that was validated before (crate plumbing: the
    /// re-read of a validated list entry): stepped over, not validated again; `None` only
    /// for bytes that were never validated.
    pub(crate) fn reread<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> Option<(&'i [u8], Self)> {
        let rest = check::skip(input)?;
        let raw = input.get(..input.len().checked_sub(rest.len())?)?;
        Some((
            rest,
            EncodedAny {
                raw: cx.src.bytes(raw),
            },
        ))
    }
}

fn whole(bytes: &[u8], limits: &Limits) -> Result<(), Error> {
    match check::parse(limits, bytes, 0) {
        Ok(([], _)) => Ok(()),
        Ok((rest, _)) => Err(Error::new(
            ErrorKind::TrailingBytes,
            bytes.len().saturating_sub(rest.len()),
            "the any value",
        )),
        Err(err) => Err(err.into_error(bytes)),
    }
}

impl<'a> EncodedAny<Borrowed<'a>> {
    /// Validate `bytes` as exactly one value under `limits`.
    ///
    /// ```
    /// use yjs_wire::{lib0::any::EncodedAny, snapshot::Borrowed, Limits};
    ///
    /// assert!(EncodedAny::<Borrowed>::from_slice(b"\x7e", &Limits::DEFAULT).is_ok());
    /// assert!(EncodedAny::<Borrowed>::from_slice(b"\x7e\x7e", &Limits::DEFAULT).is_err());
    /// ```
    pub fn from_slice(bytes: &'a [u8], limits: &Limits) -> Result<Self, Error> {
        whole(bytes, limits)?;
        Ok(EncodedAny { raw: bytes })
    }
}

impl EncodedAny<Shared> {
    /// Validate `bytes` as exactly one value under `limits`.
    pub fn from_bytes(bytes: Bytes, limits: &Limits) -> Result<Self, Error> {
        whole(&bytes, limits)?;
        Ok(EncodedAny { raw: bytes })
    }

    /// Encode `value` as lib0's `writeAny` does. The bytes are kept as written: a value that
    /// lib0 writes but a strict decoder refuses (an object whose only key reads like a JSON
    /// marker, nesting beyond the depth limit) is kept too; [`from_bytes`](Self::from_bytes)
    /// checks.
    pub fn from_value(value: &AnyValue) -> Self {
        let mut out = Vec::with_capacity(value.encoded_len());
        value.write(&mut out);
        EncodedAny {
            raw: Bytes::from(out),
        }
    }
}

impl<'a> From<&EncodedAny<Borrowed<'a>>> for EncodedAny<Shared> {
    fn from(value: &EncodedAny<Borrowed<'a>>) -> Self {
        EncodedAny {
            raw: Bytes::copy_from_slice(value.raw),
        }
    }
}

impl<S: Storage> fmt::Debug for EncodedAny<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.get(), f)
    }
}
