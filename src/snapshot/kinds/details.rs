//! `SnapshotDetails` (DETAILS): what `snapshot-info-response` tells beyond META.
//!
//! ```text
//! DETAILS = varString(description) • varUint(count) • count × varString(tag)
//!         • varUint(contentLength) • varUint8Array(checksum: 0 or 32 bytes)
//!         • varUint(expiresAt) • varUint(parentId) • varUint(state)
//! ```
//!
//! `expiresAt` 0 means the snapshot never expires; `parentId` 0 means it has no parent.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::list::List,
    snapshot::parse::{self, Cx, Element, PResult, Source},
    snapshot::storage::Storage,
    U53,
};
use crate::{
    snapshot::storage::{Borrowed, BorrowedSource},
    Limits,
};

use super::{Checksum, SnapshotState, TagList};

/// The rich metadata of one snapshot (DETAILS), as in `snapshot-info-response`.
///
/// ```
/// use yjs_wire::{U53, snapshot::{Borrowed, Checksum, SnapshotDetails, SnapshotState, Tag}};
///
/// let details = SnapshotDetails::<Borrowed> {
///     description: "Q1 milestones reached",
///     tags: ["release"].into_iter().map(Tag::new).collect(),
///     content_length: U53::from(2048u32),
///     checksum: Checksum::new(&[][..]).unwrap(),
///     expires_at: U53::ZERO,
///     parent_id: U53::from(11u8),
///     state: SnapshotState::Active,
/// };
/// assert_eq!(details.tags.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        rename_all = "camelCase",
        deny_unknown_fields,
        bound(
            serialize = "",
            deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
pub struct SnapshotDetails<S: Storage> {
    /// Free-text description (empty when none).
    #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::text"))]
    pub description: S::Str,
    /// Search and filter tags, decoded lazily.
    pub tags: TagList<S>,
    /// Size of the snapshot content in bytes.
    pub content_length: U53,
    /// SHA-256 of the content, or unknown.
    pub checksum: Checksum<S>,
    /// When the snapshot expires (milliseconds since the Unix epoch); 0: never.
    pub expires_at: U53,
    /// Id of the snapshot this one was made from (checkpoint chains); 0: none.
    pub parent_id: U53,
    /// Lifecycle state.
    pub state: SnapshotState,
}

impl<S: Storage> Element<S> for SnapshotDetails<S> {
    /// Seven fields of at least one byte each.
    const MIN_WIRE_LEN: usize = 7;
    const NAME: &'static str = "snapshot details";

    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self> {
        let (input, description) = parse::string(cx, input, "the description")?;
        let (input, tags) = List::parse(cx, input, "the tag list")?;
        let (input, content_length) = var_uint::parse_u53(input, "the contentLength")?;
        let (input, checksum) = Checksum::parse(cx, input)?;
        let (input, expires_at) = var_uint::parse_u53(input, "the expiresAt")?;
        let (input, parent_id) = var_uint::parse_u53(input, "the parentId")?;
        let (input, state) = SnapshotState::parse(input)?;
        let details = SnapshotDetails {
            description,
            tags,
            content_length,
            checksum,
            expires_at,
            parent_id,
            state,
        };
        Ok((input, details))
    }

    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()> {
        // Not a list entry in any message; checking by parsing into borrowed storage is exact.
        let cx = Cx::new(BorrowedSource, limits, false);
        let (rest, _) = SnapshotDetails::<Borrowed<'i>>::parse(&cx, input)?;
        Ok((rest, ()))
    }

    fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_bytes(self.description.as_bytes());
        self.tags.write(out);
        out.put_var_uint(self.content_length.get());
        self.checksum.write(out);
        out.put_var_uint(self.expires_at.get());
        out.put_var_uint(self.parent_id.get());
        self.state.write(out);
    }
}
