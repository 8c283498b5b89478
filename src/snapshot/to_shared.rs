//! From borrowed to shared storage: [`Frame::to_shared`] and the copy of every part it is
//! made of. A decoded list stays a list of validated wire bytes (one copy, no re-check).

use bytes::Bytes;
use bytestring::ByteString;

use crate::{
    snapshot::list::List,
    snapshot::parse::Element,
    snapshot::storage::{Borrowed, Shared},
    snapshot::{AwarenessMessage, DocMessage},
    snapshot::{Checksum, RawSnapshot, SnapshotDetails, SnapshotMeta, Tag},
    Frame,
};

/// A value in [`Borrowed`] storage that has a copy in [`Shared`] storage.
pub(crate) trait ToShared {
    /// The same value in shared storage.
    type Shared;
    /// Copy the strings and byte arrays into shared storage.
    fn to_shared(&self) -> Self::Shared;
}

fn text(text: &str) -> ByteString {
    ByteString::from(text)
}

fn bytes(bytes: &[u8]) -> Bytes {
    Bytes::copy_from_slice(bytes)
}

impl<'a> Frame<Borrowed<'a>> {
    /// The same frame in [`Shared`] storage: every string and byte array copied into a
    /// reference-counted buffer, so the frame no longer borrows the input (`Send + 'static`).
    ///
    /// ```
    /// use yjs_wire::{decode, Frame, snapshot::{Shared}};
    ///
    /// let input = b"YJS\x01\x03doc\x01\x02\x2a\x2b".to_vec();
    /// let shared: Frame<Shared> = decode(&input)?.to_shared();
    /// drop(input);
    /// assert_eq!(shared.to_vec(), b"YJS\x01\x03doc\x01\x02\x2a\x2b");
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn to_shared(&self) -> Frame<Shared> {
        match self {
            Frame::Ping => Frame::Ping,
            Frame::Pong => Frame::Pong,
            Frame::Doc { document, message } => Frame::Doc {
                document: text(document),
                message: match message {
                    DocMessage::SyncStep1 { state_vector } => DocMessage::SyncStep1 {
                        state_vector: bytes(state_vector),
                    },
                    DocMessage::SyncStep2 { update } => DocMessage::SyncStep2 {
                        update: bytes(update),
                    },
                    DocMessage::Update { update } => DocMessage::Update {
                        update: bytes(update),
                    },
                },
            },
            Frame::Awareness { document, message } => Frame::Awareness {
                document: text(document),
                message: AwarenessMessage {
                    update: bytes(message.update),
                },
            },
            Frame::Snapshot { document, message } => Frame::Snapshot {
                document: text(document),
                message: message.to_shared(),
            },
        }
    }
}

impl<'a> ToShared for SnapshotMeta<Borrowed<'a>> {
    type Shared = SnapshotMeta<Shared>;
    fn to_shared(&self) -> SnapshotMeta<Shared> {
        SnapshotMeta {
            id: self.id,
            name: text(self.name),
            created_at: self.created_at,
            user_id: text(self.user_id),
        }
    }
}

impl<'a> ToShared for SnapshotDetails<Borrowed<'a>> {
    type Shared = SnapshotDetails<Shared>;
    fn to_shared(&self) -> SnapshotDetails<Shared> {
        SnapshotDetails {
            description: text(self.description),
            tags: self.tags.to_shared(),
            content_length: self.content_length,
            checksum: self.checksum.to_shared(),
            expires_at: self.expires_at,
            parent_id: self.parent_id,
            state: self.state,
        }
    }
}

impl<'a> ToShared for Checksum<Borrowed<'a>> {
    type Shared = Checksum<Shared>;
    fn to_shared(&self) -> Checksum<Shared> {
        self.map_bytes(bytes)
    }
}

impl<'a> ToShared for Tag<Borrowed<'a>> {
    type Shared = Tag<Shared>;
    fn to_shared(&self) -> Tag<Shared> {
        Tag::new(text(self.as_str()))
    }
}

impl ToShared for crate::U53 {
    type Shared = crate::U53;
    fn to_shared(&self) -> crate::U53 {
        *self
    }
}

impl<'a> ToShared for RawSnapshot<Borrowed<'a>> {
    type Shared = RawSnapshot<Shared>;
    fn to_shared(&self) -> RawSnapshot<Shared> {
        self.map_parts(text, bytes)
    }
}

impl<'a, T> ToShared for List<Borrowed<'a>, T>
where
    T: Element<Borrowed<'a>> + Clone + ToShared,
    T::Shared: Element<Shared> + Clone,
{
    type Shared = List<Shared, T::Shared>;
    fn to_shared(&self) -> List<Shared, T::Shared> {
        self.map_storage(bytes, |item| item.to_shared())
    }
}
