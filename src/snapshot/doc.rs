//! Y.js document sync messages (message type `0x00`), as in y-protocols' sync protocol.
//!
//! ```text
//! doc = 00 • varUint8Array(stateVector)   sync-step-1
//!     | 01 • varUint8Array(update)        sync-step-2
//!     | 02 • varUint8Array(update)        update
//! ```

use crate::{
    lib0::{put_var_payload, Sink},
    snapshot::parse::{self, Cx, PResult, Source},
    snapshot::storage::Storage,
};

/// The sub-type byte of a doc message.
///
/// ```
/// use yjs_wire::snapshot::DocType;
///
/// assert_eq!(DocType::from_byte(0x01), Some(DocType::SyncStep2));
/// assert_eq!(DocType::from_byte(0x03), None);
/// assert_eq!(DocType::Update.as_byte(), 0x02);
/// assert_eq!(DocType::SyncStep1.as_str(), "sync-step-1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocType {
    /// `0x00`: sync-step-1, the sender's state vector.
    SyncStep1 = 0,
    /// `0x01`: sync-step-2, the update the receiver is missing.
    SyncStep2 = 1,
    /// `0x02`: an incremental update.
    Update = 2,
}

impl DocType {
    /// The doc type of a sub-type byte, or `None` for an unknown byte.
    ///
    /// ```
    /// use yjs_wire::snapshot::DocType;
    ///
    /// assert_eq!(DocType::from_byte(0x01), Some(DocType::SyncStep2));
    /// assert_eq!(DocType::from_byte(0x03), None);
    /// ```
    pub const fn from_byte(byte: u8) -> Option<DocType> {
        match byte {
            0 => Some(DocType::SyncStep1),
            1 => Some(DocType::SyncStep2),
            2 => Some(DocType::Update),
            _ => None,
        }
    }

    /// The sub-type byte.
    ///
    /// ```
    /// assert_eq!(yjs_wire::snapshot::DocType::Update.as_byte(), 0x02);
    /// ```
    pub const fn as_byte(self) -> u8 {
        self as u8
    }

    /// The name used in the JSON form (`sync-step-1`, `sync-step-2`, `update`).
    ///
    /// ```
    /// assert_eq!(yjs_wire::snapshot::DocType::SyncStep1.as_str(), "sync-step-1");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DocType::SyncStep1 => "sync-step-1",
            DocType::SyncStep2 => "sync-step-2",
            DocType::Update => "update",
        }
    }
}

/// A doc message: the sync protocol's three messages.
///
/// ```
/// use yjs_wire::{decode, Frame, snapshot::{DocMessage, DocType}};
///
/// // "YJS" 01 • varString "d" • 00 (doc) • 00 (sync-step-1) • varUint8Array [01 05 0a]
/// let Frame::Doc { message, .. } = decode(b"YJS\x01\x01d\x00\x00\x03\x01\x05\x0a")? else {
///     unreachable!()
/// };
/// assert_eq!(message, DocMessage::SyncStep1 { state_vector: &[0x01, 0x05, 0x0a][..] });
/// assert_eq!(message.doc_type(), DocType::SyncStep1);
/// assert_eq!(message.payload(), &[0x01, 0x05, 0x0a]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "type",
        deny_unknown_fields,
        bound(
            serialize = "",
            deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
pub enum DocMessage<S: Storage> {
    /// Sync step 1: the sender's encoded state vector.
    #[cfg_attr(feature = "serde", serde(rename = "sync-step-1"))]
    SyncStep1 {
        /// The Y.js state vector (`sv` in the JSON form).
        #[cfg_attr(
            feature = "serde",
            serde(rename = "sv", with = "crate::snapshot::json_form::hex")
        )]
        state_vector: S::Bytes,
    },
    /// Sync step 2: the update that brings the receiver up to date.
    #[cfg_attr(feature = "serde", serde(rename = "sync-step-2"))]
    SyncStep2 {
        /// The Y.js update.
        #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::hex"))]
        update: S::Bytes,
    },
    /// An incremental update.
    #[cfg_attr(feature = "serde", serde(rename = "update"))]
    Update {
        /// The Y.js update.
        #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::hex"))]
        update: S::Bytes,
    },
}

impl<S: Storage> DocMessage<S> {
    /// The message's sub-type.
    ///
    /// ```
    /// use yjs_wire::{decode, Frame, snapshot::{DocType}};
    ///
    /// let Frame::Doc { message, .. } = decode(b"YJS\x01\x01d\x00\x01\x01\x00")? else { panic!() };
    /// assert_eq!(message.doc_type(), DocType::SyncStep2);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn doc_type(&self) -> DocType {
        match self {
            DocMessage::SyncStep1 { .. } => DocType::SyncStep1,
            DocMessage::SyncStep2 { .. } => DocType::SyncStep2,
            DocMessage::Update { .. } => DocType::Update,
        }
    }

    /// The bytes the message carries (state vector or update).
    ///
    /// ```
    /// use yjs_wire::{decode, Frame};
    ///
    /// let Frame::Doc { message, .. } = decode(b"YJS\x01\x01d\x00\x00\x02\x01\x05")? else { panic!() };
    /// assert_eq!(message.payload(), [0x01, 0x05]);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn payload(&self) -> &[u8] {
        match self {
            DocMessage::SyncStep1 {
                state_vector: bytes,
            }
            | DocMessage::SyncStep2 { update: bytes }
            | DocMessage::Update { update: bytes } => bytes,
        }
    }

    /// Parse the byte array after a sub-type byte that was already read.
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        doc_type: DocType,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        Ok(match doc_type {
            DocType::SyncStep1 => {
                let (rest, state_vector) = parse::payload(cx, input, "the state vector")?;
                (rest, DocMessage::SyncStep1 { state_vector })
            }
            DocType::SyncStep2 => {
                let (rest, update) = parse::payload(cx, input, "the update")?;
                (rest, DocMessage::SyncStep2 { update })
            }
            DocType::Update => {
                let (rest, update) = parse::payload(cx, input, "the update")?;
                (rest, DocMessage::Update { update })
            }
        })
    }

    /// Write `docType • varUint8Array`.
    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        out.put_u8(self.doc_type().as_byte());
        put_var_payload(out, self.payload());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_types_have_their_byte_and_name() {
        let all = [
            (DocType::SyncStep1, 0, "sync-step-1"),
            (DocType::SyncStep2, 1, "sync-step-2"),
            (DocType::Update, 2, "update"),
        ];
        for (doc_type, byte, name) in all {
            assert_eq!(DocType::from_byte(byte), Some(doc_type));
            assert_eq!(doc_type.as_byte(), byte);
            assert_eq!(doc_type.as_str(), name);
        }
        assert_eq!(DocType::from_byte(3), None);
        assert_eq!(DocType::from_byte(0xff), None);
    }
}
