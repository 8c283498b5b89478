//! Awareness messages (message type `0x01`): one encoded awareness update.
//!
//! ```text
//! awareness = varUint8Array(update)
//! ```
//!
//! The update's inner structure (client ids, clocks, JSON states) is y-protocols' business and
//! is carried opaquely.

use crate::{
    lib0::{put_var_payload, Sink},
    snapshot::parse::{self, Cx, PResult, Source},
    snapshot::storage::Storage,
};

/// An awareness update, carried as opaque bytes.
///
/// ```
/// use yjs_wire::{decode, Frame};
///
/// // "YJS" 01 • varString "d" • 01 (awareness) • varUint8Array [2a 2b]
/// let Frame::Awareness { message, .. } = decode(b"YJS\x01\x01d\x01\x02\x2a\x2b")? else {
///     unreachable!()
/// };
/// assert_eq!(message.update, &[0x2a, 0x2b]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "type",
        rename = "awareness-update",
        from = "crate::snapshot::json_form::AwarenessForm<S>",
        bound(
            serialize = "",
            deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
pub struct AwarenessMessage<S: Storage> {
    /// The encoded awareness update (y-protocols `encodeAwarenessUpdate`).
    #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::hex"))]
    pub update: S::Bytes,
}

impl<S: Storage> AwarenessMessage<S> {
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        let (rest, update) = parse::payload(cx, input, "the awareness update")?;
        Ok((rest, AwarenessMessage { update }))
    }

    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        put_var_payload(out, &self.update);
    }
}
