//! Renaming a snapshot: `snapshot-rename-request`, `snapshot-rename-response`,
//! `snapshot-renamed-event`.
//!
//! ```text
//! snapshot-rename-request  = varUint(snapshotId) • varString(name)
//! snapshot-rename-response = META                       (META with the new name)
//! snapshot-renamed-event   = META • varString(renamedBy)
//! ```

use crate::{
    lib0::var_uint,
    lib0::Sink,
    parse::{self, Cx, Element, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::{SnapshotMessage, SnapshotMeta};

pub(super) fn parse_request<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot_id) = var_uint::parse_u53(input, "the snapshot id")?;
    let (input, name) = parse::string(cx, input, "the new snapshot name")?;
    Ok((
        input,
        SnapshotMessage::SnapshotRenameRequest { snapshot_id, name },
    ))
}

pub(super) fn parse_response<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
    Ok((input, SnapshotMessage::SnapshotRenameResponse { snapshot }))
}

pub(super) fn parse_event<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
    let (input, renamed_by) = parse::string(cx, input, "the renamedBy")?;
    let message = SnapshotMessage::SnapshotRenamedEvent {
        snapshot,
        renamed_by,
    };
    Ok((input, message))
}

pub(super) fn write_request<W: Sink>(out: &mut W, snapshot_id: U53, name: &str) {
    out.put_var_uint(snapshot_id.get());
    out.put_var_bytes(name.as_bytes());
}

pub(super) fn write_event<S: Storage, W: Sink>(
    out: &mut W,
    snapshot: &SnapshotMeta<S>,
    renamed_by: &str,
) {
    snapshot.write(out);
    out.put_var_bytes(renamed_by.as_bytes());
}

impl<S: Storage> Frame<S> {
    /// `snapshot-rename-request` (`updateMilestoneName(id, name)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_rename_request("d", U53::from(7u8), "v2");
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x17snapshot-rename-request\x07\x02v2");
    /// ```
    pub fn snapshot_rename_request(
        document: impl Into<S::Str>,
        snapshot_id: U53,
        name: impl Into<S::Str>,
    ) -> Self {
        let name = name.into();
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRenameRequest { snapshot_id, name },
        )
    }

    /// `snapshot-rename-response`: the snapshot with its new name.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v2", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_rename_response("d", meta);
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x18snapshot-rename-response\x07\x02v2\x01\x01u"
    /// );
    /// ```
    pub fn snapshot_rename_response(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
    ) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRenameResponse { snapshot },
        )
    }

    /// `snapshot-renamed-event`: tells every client `renamed_by` renamed `snapshot`.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v2", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_renamed_event("d", meta, "ana");
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x16snapshot-renamed-event\x07\x02v2\x01\x01u\x03ana"
    /// );
    /// ```
    pub fn snapshot_renamed_event(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
        renamed_by: impl Into<S::Str>,
    ) -> Self {
        let renamed_by = renamed_by.into();
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRenamedEvent {
                snapshot,
                renamed_by,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::tests::check, Borrowed};

    fn meta() -> SnapshotMeta<Borrowed<'static>> {
        SnapshotMeta::new(U53::from(7u8), "v2", U53::from(1u8), "u")
    }

    #[test]
    fn round_trips() {
        check(
            &Frame::<Borrowed>::snapshot_rename_request("d", U53::ZERO, ""),
            b"YJS\x01\x01d\x02\x17snapshot-rename-request\x00\x00",
        );
        check(
            &Frame::snapshot_rename_response("d", meta()),
            b"YJS\x01\x01d\x02\x18snapshot-rename-response\x07\x02v2\x01\x01u",
        );
        check(
            &Frame::snapshot_renamed_event("d", meta(), "ana"),
            b"YJS\x01\x01d\x02\x16snapshot-renamed-event\x07\x02v2\x01\x01u\x03ana",
        );
    }
}
