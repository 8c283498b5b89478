//! `snapshot-create-request`: create a snapshot with rich metadata.
//!
//! ```text
//! snapshot-create-request = varString(name) • varString(currentSnapshotName)
//!                         • varString(description) • varUint(count) • count × varString(tag)
//!                         • varUint(expiresAt) • varUint(parentId)
//! ```
//!
//! The richer sibling of `snapshot-request`: an empty `name` lets the server choose one,
//! `expiresAt` 0 means never, `parentId` 0 means no parent. Answered by
//! `snapshot-created-event` (sent to every client) or `snapshot-error`.

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
    let (input, name) = parse::string(cx, input, "the snapshot name")?;
    let (input, current_snapshot_name) = parse::string(cx, input, "the currentSnapshotName")?;
    let (input, description) = parse::string(cx, input, "the description")?;
    let (input, tags) = List::parse(cx, input, "the tag list")?;
    let (input, expires_at) = var_uint::parse_u53(input, "the expiresAt")?;
    let (input, parent_id) = var_uint::parse_u53(input, "the parentId")?;
    let message = SnapshotMessage::SnapshotCreateRequest {
        name,
        current_snapshot_name,
        description,
        tags,
        expires_at,
        parent_id,
    };
    Ok((input, message))
}

pub(super) fn write<S: Storage, W: Sink>(
    out: &mut W,
    [name, current_snapshot_name, description]: [&str; 3],
    tags: &TagList<S>,
    expires_at: U53,
    parent_id: U53,
) {
    out.put_var_bytes(name.as_bytes());
    out.put_var_bytes(current_snapshot_name.as_bytes());
    out.put_var_bytes(description.as_bytes());
    tags.write(out);
    out.put_var_uint(expires_at.get());
    out.put_var_uint(parent_id.get());
}

impl<S: Storage> Frame<S> {
    /// `snapshot-create-request` (`createMilestone(name?)`, `Checkpoints.create`,
    /// `checkpointManager.create`). An empty `name` lets the server choose; `expires_at` 0:
    /// never; `parent_id` 0: none.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_create_request(
    ///     "d", "", "", "", ["stable"], U53::ZERO, U53::from(5u8),
    /// );
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x17snapshot-create-request\x00\x00\x00\x01\x06stable\x00\x05"
    /// );
    /// ```
    pub fn snapshot_create_request<T: Into<S::Str>>(
        document: impl Into<S::Str>,
        name: impl Into<S::Str>,
        current_snapshot_name: impl Into<S::Str>,
        description: impl Into<S::Str>,
        tags: impl IntoIterator<Item = T>,
        expires_at: U53,
        parent_id: U53,
    ) -> Self {
        let message = SnapshotMessage::SnapshotCreateRequest {
            name: name.into(),
            current_snapshot_name: current_snapshot_name.into(),
            description: description.into(),
            tags: tags.into_iter().map(Tag::new).collect(),
            expires_at,
            parent_id,
        };
        Frame::snapshot(document, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode, snapshot::tests::check, Borrowed, ErrorKind};

    #[test]
    fn round_trips() {
        let frame = Frame::<Borrowed>::snapshot_create_request(
            "d",
            "v1",
            "cur",
            "first",
            ["a", "😀"],
            U53::MAX,
            U53::from(9u8),
        );
        let mut bytes =
            b"YJS\x01\x01d\x02\x17snapshot-create-request\x02v1\x03cur\x05first\x02\x01a\x04"
                .to_vec();
        bytes.extend("😀".as_bytes());
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x09]);
        check(&frame, &bytes);
        let Frame::Snapshot {
            message: SnapshotMessage::SnapshotCreateRequest { tags, .. },
            ..
        } = decode(&bytes).unwrap()
        else {
            panic!()
        };
        let tags: Vec<&str> = tags.iter().map(Tag::into_inner).collect();
        assert_eq!(tags, ["a", "😀"]);
    }

    #[test]
    fn bad_tag_is_reported_at_its_start() {
        let head = b"YJS\x01\x01d\x02\x17snapshot-create-request\x00\x00\x00";
        let err = decode(&[&head[..], b"\x02\x00\x01\xff\x00\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::InvalidUtf8, head.len() + 2)
        );
        // count 9 > 3 bytes left: truncated at the count.
        let err = decode(&[&head[..], b"\x09\x00\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::Truncated, head.len())
        );
    }
}
