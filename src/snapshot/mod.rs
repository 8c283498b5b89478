//! Snapshot messages (message type `0x02`): a kind string, then the kind's payload.
//!
//! ```text
//! snapshot = varString(kind) • payload(kind)
//! META     = varUint(id) • varString(name) • varUint(createdAt) • varString(userId)
//! ```
//!
//! | kind | payload |
//! |---|---|
//! | `list-snapshots` | (nothing) |
//! | `list-snapshots-response` | varUint(count) • count × META |
//! | `snapshot-request` | varString(name) • varString(currentSnapshotName) |
//! | `snapshot-fetch-request` | varUint(snapshotId) |
//! | `snapshot-fetch-response` | META • varUint8Array(content) |
//! | `snapshot-revert-request` | varUint(snapshotId) |
//! | `snapshot-revert-response` | META |
//! | `snapshot-created-event` | META |
//! | `snapshot-reverted-event` | META • varString(revertedBy) |

mod kind;
mod meta;

pub use kind::SnapshotKind;
pub use meta::SnapshotMeta;

use crate::{
    list::List,
    parse::{Cx, Element, PResult, Source},
    sink::{put_var_bytes, put_var_payload, Sink},
    storage::Storage,
    var_bytes, varint, U53,
};

/// A list of snapshot metadata, as in `list-snapshots-response`.
pub type MetaList<S> = List<S, SnapshotMeta<S>>;

/// A snapshot message: one variant per [`SnapshotKind`], fields named as on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "type",
        rename_all = "kebab-case",
        rename_all_fields = "camelCase",
        deny_unknown_fields,
        bound(
            serialize = "S::Str: serde::Serialize",
            deserialize = "S::Str: serde::Deserialize<'de>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
#[non_exhaustive]
pub enum SnapshotMessage<S: Storage> {
    /// `list-snapshots`: request every snapshot's metadata.
    ListSnapshots,
    /// `list-snapshots-response`: every snapshot's metadata.
    ListSnapshotsResponse {
        /// The snapshots, decoded lazily.
        snapshots: MetaList<S>,
    },
    /// `snapshot-request`: create a snapshot.
    SnapshotRequest {
        /// Name for the new snapshot.
        name: S::Str,
        /// Name of the current snapshot (for uncommitted changes).
        current_snapshot_name: S::Str,
    },
    /// `snapshot-fetch-request`: ask for one snapshot's content.
    SnapshotFetchRequest {
        /// Id of the snapshot to fetch.
        snapshot_id: U53,
    },
    /// `snapshot-fetch-response`: one snapshot's metadata and content.
    SnapshotFetchResponse {
        /// The snapshot's metadata.
        snapshot: SnapshotMeta<S>,
        /// The Y.js document state (an update) of the snapshot.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::hex"))]
        content: S::Bytes,
    },
    /// `snapshot-revert-request`: revert the document to a snapshot.
    SnapshotRevertRequest {
        /// Id of the snapshot to revert to.
        snapshot_id: U53,
    },
    /// `snapshot-revert-response`: the revert was done.
    SnapshotRevertResponse {
        /// The snapshot reverted to.
        snapshot: SnapshotMeta<S>,
    },
    /// `snapshot-created-event`: a snapshot was created.
    SnapshotCreatedEvent {
        /// The new snapshot.
        snapshot: SnapshotMeta<S>,
    },
    /// `snapshot-reverted-event`: the document was reverted.
    SnapshotRevertedEvent {
        /// The snapshot reverted to.
        snapshot: SnapshotMeta<S>,
        /// Id of the user who reverted.
        reverted_by: S::Str,
    },
}

impl<S: Storage> SnapshotMessage<S> {
    /// The message's kind.
    pub fn kind(&self) -> SnapshotKind {
        match self {
            SnapshotMessage::ListSnapshots => SnapshotKind::ListSnapshots,
            SnapshotMessage::ListSnapshotsResponse { .. } => SnapshotKind::ListSnapshotsResponse,
            SnapshotMessage::SnapshotRequest { .. } => SnapshotKind::SnapshotRequest,
            SnapshotMessage::SnapshotFetchRequest { .. } => SnapshotKind::SnapshotFetchRequest,
            SnapshotMessage::SnapshotFetchResponse { .. } => SnapshotKind::SnapshotFetchResponse,
            SnapshotMessage::SnapshotRevertRequest { .. } => SnapshotKind::SnapshotRevertRequest,
            SnapshotMessage::SnapshotRevertResponse { .. } => SnapshotKind::SnapshotRevertResponse,
            SnapshotMessage::SnapshotCreatedEvent { .. } => SnapshotKind::SnapshotCreatedEvent,
            SnapshotMessage::SnapshotRevertedEvent { .. } => SnapshotKind::SnapshotRevertedEvent,
        }
    }

    /// Parse the payload of a message of `kind` (the kind string is already read).
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        kind: SnapshotKind,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        const ID: &str = "the snapshot id";
        Ok(match kind {
            SnapshotKind::ListSnapshots => (input, SnapshotMessage::ListSnapshots),
            SnapshotKind::ListSnapshotsResponse => {
                let (input, snapshots) = List::parse(cx, input, "the snapshot list")?;
                (input, SnapshotMessage::ListSnapshotsResponse { snapshots })
            }
            SnapshotKind::SnapshotRequest => {
                let (input, name) = var_bytes::string(cx, input, "the snapshot name")?;
                let (input, current_snapshot_name) =
                    var_bytes::string(cx, input, "the currentSnapshotName")?;
                let message = SnapshotMessage::SnapshotRequest {
                    name,
                    current_snapshot_name,
                };
                (input, message)
            }
            SnapshotKind::SnapshotFetchRequest => {
                let (input, snapshot_id) = varint::parse_u53(input, ID)?;
                (input, SnapshotMessage::SnapshotFetchRequest { snapshot_id })
            }
            SnapshotKind::SnapshotFetchResponse => {
                let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
                let (input, content) = var_bytes::payload(cx, input, "the snapshot content")?;
                (
                    input,
                    SnapshotMessage::SnapshotFetchResponse { snapshot, content },
                )
            }
            SnapshotKind::SnapshotRevertRequest => {
                let (input, snapshot_id) = varint::parse_u53(input, ID)?;
                (
                    input,
                    SnapshotMessage::SnapshotRevertRequest { snapshot_id },
                )
            }
            SnapshotKind::SnapshotRevertResponse => {
                let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
                (input, SnapshotMessage::SnapshotRevertResponse { snapshot })
            }
            SnapshotKind::SnapshotCreatedEvent => {
                let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
                (input, SnapshotMessage::SnapshotCreatedEvent { snapshot })
            }
            SnapshotKind::SnapshotRevertedEvent => {
                let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
                let (input, reverted_by) = var_bytes::string(cx, input, "the revertedBy")?;
                (
                    input,
                    SnapshotMessage::SnapshotRevertedEvent {
                        snapshot,
                        reverted_by,
                    },
                )
            }
        })
    }

    /// Write `varString(kind) • payload`.
    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        put_var_bytes(out, self.kind().as_str().as_bytes());
        match self {
            SnapshotMessage::ListSnapshots => {}
            SnapshotMessage::ListSnapshotsResponse { snapshots } => snapshots.write(out),
            SnapshotMessage::SnapshotRequest {
                name,
                current_snapshot_name,
            } => {
                put_var_bytes(out, name.as_bytes());
                put_var_bytes(out, current_snapshot_name.as_bytes());
            }
            SnapshotMessage::SnapshotFetchRequest { snapshot_id }
            | SnapshotMessage::SnapshotRevertRequest { snapshot_id } => {
                out.put_var_uint(snapshot_id.get());
            }
            SnapshotMessage::SnapshotFetchResponse { snapshot, content } => {
                snapshot.write(out);
                put_var_payload(out, content);
            }
            SnapshotMessage::SnapshotRevertResponse { snapshot }
            | SnapshotMessage::SnapshotCreatedEvent { snapshot } => snapshot.write(out),
            SnapshotMessage::SnapshotRevertedEvent {
                snapshot,
                reverted_by,
            } => {
                snapshot.write(out);
                put_var_bytes(out, reverted_by.as_bytes());
            }
        }
    }
}
