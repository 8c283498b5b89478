//! `search-snapshots`: find snapshots by text, tags and creation time, a page at a time.
//!
//! ```text
//! search-snapshots = varString(query) • varUint(count) • count × varString(tag)
//!                  • varUint(createdFrom) • varUint(createdTo) • varUint(offset) • varUint(limit)
//! ```
//!
//! Answered by `list-snapshots-response` (or `snapshot-error`). An empty `query` and an empty
//! tag list match everything; a snapshot must carry every listed tag. `createdFrom` and
//! `createdTo` bound `createdAt` inclusively, 0 meaning open on that side. `offset` skips that
//! many matches; `limit` 0 lets the server choose the page size.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    list::List,
    parse::{self, Cx, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::{SnapshotMessage, Tag, TagList};

pub(super) fn parse<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, query) = parse::string(cx, input, "the query")?;
    let (input, tags) = List::parse(cx, input, "the tag list")?;
    let (input, created_from) = var_uint::parse_u53(input, "the createdFrom")?;
    let (input, created_to) = var_uint::parse_u53(input, "the createdTo")?;
    let (input, offset) = var_uint::parse_u53(input, "the offset")?;
    let (input, limit) = var_uint::parse_u53(input, "the limit")?;
    let message = SnapshotMessage::SearchSnapshots {
        query,
        tags,
        created_from,
        created_to,
        offset,
        limit,
    };
    Ok((input, message))
}

pub(super) fn write<S: Storage, W: Sink>(
    out: &mut W,
    query: &str,
    tags: &TagList<S>,
    numbers: [U53; 4],
) {
    out.put_var_bytes(query.as_bytes());
    tags.write(out);
    numbers.iter().for_each(|n| out.put_var_uint(n.get()));
}

impl<S: Storage> Frame<S> {
    /// `search-snapshots` (`searchCheckpoints(query, limit)` and its filtered form).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::search_snapshots(
    ///     "d", "auth", ["stable"], U53::ZERO, U53::ZERO, U53::ZERO, U53::from(10u8),
    /// );
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x10search-snapshots\x04auth\x01\x06stable\x00\x00\x00\x0a"
    /// );
    /// ```
    pub fn search_snapshots<T: Into<S::Str>>(
        document: impl Into<S::Str>,
        query: impl Into<S::Str>,
        tags: impl IntoIterator<Item = T>,
        created_from: U53,
        created_to: U53,
        offset: U53,
        limit: U53,
    ) -> Self {
        let message = SnapshotMessage::SearchSnapshots {
            query: query.into(),
            tags: tags.into_iter().map(Tag::new).collect(),
            created_from,
            created_to,
            offset,
            limit,
        };
        Frame::snapshot(document, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::tests::check, Borrowed};

    #[test]
    fn round_trips() {
        let frame = Frame::<Borrowed>::search_snapshots(
            "d",
            "",
            core::iter::empty::<&str>(),
            U53::from(1u8),
            U53::MAX,
            U53::from(128u8),
            U53::ZERO,
        );
        let mut bytes = b"YJS\x01\x01d\x02\x10search-snapshots\x00\x00\x01".to_vec();
        bytes.extend([
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x80, 0x01, 0x00,
        ]);
        check(&frame, &bytes);
    }
}
