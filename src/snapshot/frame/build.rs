//! Constructors of doc and awareness frames; the snapshot constructors, one per kind, are
//! generated from the table in `src/snapshot/kinds.rs` (`encodeSnapshotListMessage(document)`
//! is `Frame::list_snapshots(document)`, …).
//!
//! ```text
//! Frame::update("doc", [01, 02])   59 4a 53 01 | 03 "doc" | 00 02 | 02 01 02
//!                                  "YJS" 01    | document | doc update | varUint8Array
//! ```

use crate::{
    snapshot::awareness::AwarenessMessage,
    snapshot::doc::DocMessage,
    snapshot::storage::{DocumentName, Storage},
    snapshot::SnapshotMessage,
    Frame,
};

impl<S: Storage> Frame<S> {
    /// A snapshot frame for `document`: what every snapshot constructor builds.
    pub(crate) fn snapshot(document: impl Into<S::Str>, message: SnapshotMessage<S>) -> Self {
        Frame::Snapshot {
            document: document.into(),
            message,
        }
    }

    fn doc(document: impl DocumentName<Storage = S>, message: DocMessage<S>) -> Self {
        Frame::Doc {
            document: document.into_str(),
            message,
        }
    }

    /// A doc sync-step-1 frame carrying the sender's state vector.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// // A peer that has nothing yet sends the empty state vector, [0x00].
    /// let frame = Frame::sync_step1("doc", &[0x00][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x00\x01\x00");
    /// ```
    pub fn sync_step1(
        document: impl DocumentName<Storage = S>,
        state_vector: impl Into<S::Bytes>,
    ) -> Self {
        let state_vector = state_vector.into();
        Frame::doc(document, DocMessage::SyncStep1 { state_vector })
    }

    /// A doc sync-step-2 frame carrying the update the receiver is missing.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// let frame = Frame::sync_step2("doc", &[0x01, 0x02][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x01\x02\x01\x02");
    /// ```
    pub fn sync_step2(
        document: impl DocumentName<Storage = S>,
        update: impl Into<S::Bytes>,
    ) -> Self {
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
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// let frame = Frame::update("doc", &[1, 2][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x02\x02\x01\x02");
    /// ```
    pub fn update(document: impl DocumentName<Storage = S>, update: impl Into<S::Bytes>) -> Self {
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
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// let frame = Frame::awareness("d", &[1, 2, 3][..]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x01\x03\x01\x02\x03");
    /// ```
    pub fn awareness(
        document: impl DocumentName<Storage = S>,
        update: impl Into<S::Bytes>,
    ) -> Self {
        Frame::Awareness {
            document: document.into_str(),
            message: AwarenessMessage {
                update: update.into(),
            },
        }
    }
}
