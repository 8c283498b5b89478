//! Constructors: one per frame shape, named after the seed protocol's helper functions
//! (`encodeSnapshotListMessage(document)` is `Frame::list_snapshots(document)`, …).
//!
//! ```text
//! Frame::update("doc", [01, 02])   59 4a 53 01 | 03 "doc" | 00 02 | 02 01 02
//!                                  "YJS" 01    | document | doc update | varUint8Array
//! ```

use crate::{
    awareness::AwarenessMessage,
    doc::DocMessage,
    snapshot::{MetaList, SnapshotMessage, SnapshotMeta},
    storage::Storage,
    Frame, U53,
};

impl<S: Storage> Frame<S> {
    /// A snapshot frame for `document`: what every snapshot constructor builds.
    pub(crate) fn snapshot(document: impl Into<S::Str>, message: SnapshotMessage<S>) -> Self {
        Frame::Snapshot {
            document: document.into(),
            message,
        }
    }

    fn doc(document: impl Into<S::Str>, message: DocMessage<S>) -> Self {
        Frame::Doc {
            document: document.into(),
            message,
        }
    }

    /// A doc sync-step-1 frame carrying the sender's state vector.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// // A peer that has nothing yet sends the empty state vector, [0x00].
    /// let frame = Frame::<Borrowed>::sync_step1("doc", &[0x00][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x00\x01\x00");
    /// ```
    pub fn sync_step1(document: impl Into<S::Str>, state_vector: impl Into<S::Bytes>) -> Self {
        let state_vector = state_vector.into();
        Frame::doc(document, DocMessage::SyncStep1 { state_vector })
    }

    /// A doc sync-step-2 frame carrying the update the receiver is missing.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::sync_step2("doc", &[0x01, 0x02][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x01\x02\x01\x02");
    /// ```
    pub fn sync_step2(document: impl Into<S::Str>, update: impl Into<S::Bytes>) -> Self {
        Frame::doc(
            document,
            DocMessage::SyncStep2 {
                update: update.into(),
            },
        )
    }

    /// A doc update frame.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::update("doc", &[1, 2][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x02\x02\x01\x02");
    /// ```
    pub fn update(document: impl Into<S::Str>, update: impl Into<S::Bytes>) -> Self {
        Frame::doc(
            document,
            DocMessage::Update {
                update: update.into(),
            },
        )
    }

    /// An awareness frame.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::awareness("d", &[1, 2, 3][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x01\x03\x01\x02\x03");
    /// ```
    pub fn awareness(document: impl Into<S::Str>, update: impl Into<S::Bytes>) -> Self {
        Frame::Awareness {
            document: document.into(),
            message: AwarenessMessage {
                update: update.into(),
            },
        }
    }

    /// `list-snapshots` (`encodeSnapshotListMessage(document)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::list_snapshots("d");
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x0elist-snapshots");
    /// ```
    pub fn list_snapshots(document: impl Into<S::Str>) -> Self {
        Frame::snapshot(document, SnapshotMessage::ListSnapshots)
    }

    /// `list-snapshots-response`
    /// (`encodeSnapshotListResponseMessage(document, snapshots)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::list_snapshots_response("d", [meta]);
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x17list-snapshots-response\x01\x07\x02v1\x01\x01u"
    /// );
    /// ```
    pub fn list_snapshots_response(
        document: impl Into<S::Str>,
        snapshots: impl IntoIterator<Item = SnapshotMeta<S>>,
    ) -> Self {
        let snapshots: MetaList<S> = snapshots.into_iter().collect();
        Frame::snapshot(
            document,
            SnapshotMessage::ListSnapshotsResponse { snapshots },
        )
    }

    /// `snapshot-request`
    /// (`encodeSnapshotRequestMessage(document, name, currentSnapshotName)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_request("d", "v2", "v1");
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x10snapshot-request\x02v2\x02v1");
    /// ```
    pub fn snapshot_request(
        document: impl Into<S::Str>,
        name: impl Into<S::Str>,
        current_snapshot_name: impl Into<S::Str>,
    ) -> Self {
        let message = SnapshotMessage::SnapshotRequest {
            name: name.into(),
            current_snapshot_name: current_snapshot_name.into(),
        };
        Frame::snapshot(document, message)
    }

    /// `snapshot-fetch-request`
    /// (`encodeSnapshotFetchRequestMessage(document, snapshotId)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_fetch_request("d", U53::from(300u16));
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x16snapshot-fetch-request\xac\x02");
    /// ```
    pub fn snapshot_fetch_request(document: impl Into<S::Str>, snapshot_id: U53) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotFetchRequest { snapshot_id },
        )
    }

    /// `snapshot-fetch-response`
    /// (`encodeSnapshotFetchResponseMessage(document, snapshot, content)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_fetch_response("d", meta, &[0xaa][..]);
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x17snapshot-fetch-response\x07\x02v1\x01\x01u\x01\xaa"
    /// );
    /// ```
    pub fn snapshot_fetch_response(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
        content: impl Into<S::Bytes>,
    ) -> Self {
        let content = content.into();
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotFetchResponse { snapshot, content },
        )
    }

    /// `snapshot-revert-request`
    /// (`encodeSnapshotRevertRequestMessage(document, snapshotId)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_revert_request("d", U53::from(7u8));
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x17snapshot-revert-request\x07");
    /// ```
    pub fn snapshot_revert_request(document: impl Into<S::Str>, snapshot_id: U53) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRevertRequest { snapshot_id },
        )
    }

    /// `snapshot-revert-response`
    /// (`encodeSnapshotRevertResponseMessage(document, snapshot)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_revert_response("d", meta);
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x18snapshot-revert-response\x07\x02v1\x01\x01u"
    /// );
    /// ```
    pub fn snapshot_revert_response(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
    ) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRevertResponse { snapshot },
        )
    }

    /// `snapshot-created-event`
    /// (`encodeSnapshotCreatedEventMessage(document, snapshot)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_created_event("d", meta);
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x16snapshot-created-event\x07\x02v1\x01\x01u"
    /// );
    /// ```
    pub fn snapshot_created_event(document: impl Into<S::Str>, snapshot: SnapshotMeta<S>) -> Self {
        Frame::snapshot(document, SnapshotMessage::SnapshotCreatedEvent { snapshot })
    }

    /// `snapshot-reverted-event`
    /// (`encodeSnapshotRevertedEventMessage(document, snapshot, revertedBy)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, SnapshotMeta, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::<Borrowed>::snapshot_reverted_event("d", meta, "ana");
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x17snapshot-reverted-event\x07\x02v1\x01\x01u\x03ana"
    /// );
    /// ```
    pub fn snapshot_reverted_event(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
        reverted_by: impl Into<S::Str>,
    ) -> Self {
        let reverted_by = reverted_by.into();
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotRevertedEvent {
                snapshot,
                reverted_by,
            },
        )
    }
}
