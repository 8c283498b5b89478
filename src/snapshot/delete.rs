//! Deleting a snapshot: `snapshot-delete-request`, `snapshot-delete-response`,
//! `snapshot-deleted-event`.
//!
//! ```text
//! snapshot-delete-request  = varUint(snapshotId)
//! snapshot-delete-response = varUint(snapshotId)
//! snapshot-deleted-event   = varUint(snapshotId) • varString(deletedBy)
//! ```
//!
//! The response and event carry only the id: the snapshot is gone, so there is no META to
//! show.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    parse::{self, Cx, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::SnapshotMessage;

pub(super) fn parse_event<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot_id) = var_uint::parse_u53(input, "the snapshot id")?;
    let (input, deleted_by) = parse::string(cx, input, "the deletedBy")?;
    let message = SnapshotMessage::SnapshotDeletedEvent {
        snapshot_id,
        deleted_by,
    };
    Ok((input, message))
}

pub(super) fn write_event<W: Sink>(out: &mut W, snapshot_id: U53, deleted_by: &str) {
    out.put_var_uint(snapshot_id.get());
    out.put_var_bytes(deleted_by.as_bytes());
}

impl<S: Storage> Frame<S> {
    /// `snapshot-delete-request` (`Checkpoints.delete`, `deleteCheckpoint(id)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_delete_request("d", U53::from(7u8));
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x17snapshot-delete-request\x07");
    /// ```
    pub fn snapshot_delete_request(document: impl Into<S::Str>, snapshot_id: U53) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotDeleteRequest { snapshot_id },
        )
    }

    /// `snapshot-delete-response`: `snapshot_id` was deleted.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_delete_response("d", U53::from(7u8));
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x18snapshot-delete-response\x07");
    /// ```
    pub fn snapshot_delete_response(document: impl Into<S::Str>, snapshot_id: U53) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotDeleteResponse { snapshot_id },
        )
    }

    /// `snapshot-deleted-event`: tells every client `deleted_by` deleted `snapshot_id`.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_deleted_event("d", U53::from(7u8), "ana");
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x16snapshot-deleted-event\x07\x03ana");
    /// ```
    pub fn snapshot_deleted_event(
        document: impl Into<S::Str>,
        snapshot_id: U53,
        deleted_by: impl Into<S::Str>,
    ) -> Self {
        let deleted_by = deleted_by.into();
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotDeletedEvent {
                snapshot_id,
                deleted_by,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::tests::check, Borrowed};

    #[test]
    fn round_trips() {
        check(
            &Frame::<Borrowed>::snapshot_delete_response("d", U53::from(128u8)),
            b"YJS\x01\x01d\x02\x18snapshot-delete-response\x80\x01",
        );
        check(
            &Frame::<Borrowed>::snapshot_deleted_event("d", U53::ZERO, ""),
            b"YJS\x01\x01d\x02\x16snapshot-deleted-event\x00\x00",
        );
        check(
            &Frame::<Borrowed>::snapshot_delete_request("d", U53::from(1u8)),
            b"YJS\x01\x01d\x02\x17snapshot-delete-request\x01",
        );
    }
}
