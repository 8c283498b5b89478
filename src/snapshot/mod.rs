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
//!
//! The extension kinds (`spec/snapshot-extensions.md`) have one file per operation:
//! [`error`] (`snapshot-error`), [`list_since`], [`rename`], [`delete`], [`info`], [`create`],
//! [`progress`] (revert progress), [`search`] and [`stats`]; their value types are
//! [`SnapshotDetails`], [`Checksum`], [`SnapshotState`], [`ErrorCode`], [`Tag`] and id lists.
//! A kind this crate does not know is rejected, or kept as a [`RawSnapshot`] when decoding
//! with [`DecodeOptions::keep_unknown_kinds`](crate::DecodeOptions).

mod checksum;
mod create;
mod delete;
mod details;
mod error;
mod error_code;
mod ids;
mod info;
mod kind;
mod list_since;
mod meta;
mod progress;
mod raw;
mod rename;
mod search;
mod state;
mod stats;
mod tag;

pub use checksum::Checksum;
pub use details::SnapshotDetails;
pub use error_code::{ErrorCode, ErrorCodeParseError};
pub use ids::IdList;
pub use kind::SnapshotKind;
pub use meta::SnapshotMeta;
pub use raw::RawSnapshot;
pub use state::SnapshotState;
pub use tag::{Tag, TagList};

use crate::{
    lib0::var_uint,
    lib0::{put_var_payload, Sink},
    list::List,
    parse::{self, fail, Cx, Element, PResult, Source},
    storage::Storage,
    ErrorKind, U53,
};

/// A list of snapshot metadata, as in `list-snapshots-response`: `varUint(count) • count ×
/// META`, decoded lazily.
///
/// ```
/// use yjs_wire::{decode, Frame, SnapshotMessage};
///
/// // 02 • (07 02 "v1" 01 01 "u") • (08 02 "v2" 02 01 "u")
/// let bytes = b"YJS\x01\x01d\x02\x17list-snapshots-response\x02\x07\x02v1\x01\x01u\x08\x02v2\x02\x01u";
/// let Frame::Snapshot { message: SnapshotMessage::ListSnapshotsResponse { snapshots }, .. } =
///     decode(bytes)? else { unreachable!() };
/// assert_eq!(snapshots.iter().map(|m| m.id.get()).collect::<Vec<_>>(), [7, 8]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub type MetaList<S> = List<S, SnapshotMeta<S>>;

/// A snapshot message: one variant per [`SnapshotKind`], fields named as on the wire.
///
/// ```text
/// 59 4a 53 01 01 64 02 | 10 "snapshot-request" | 02 "v2" • 02 "v1"
/// header, type 0x02    | varString(kind)       | payload: name • currentSnapshotName
/// ```
///
/// ```
/// use yjs_wire::{decode, Frame, SnapshotMessage};
///
/// let bytes = b"YJS\x01\x01d\x02\x10snapshot-request\x02v2\x02v1";
/// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
/// assert!(matches!(message, SnapshotMessage::SnapshotRequest { name: "v2", current_snapshot_name: "v1" }));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
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
            serialize = "",
            deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
pub enum SnapshotMessage<S: Storage> {
    /// `list-snapshots`: request every snapshot's metadata.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json_form::no_fields")
    )]
    ListSnapshots,
    /// `list-snapshots-response`: every snapshot's metadata.
    ListSnapshotsResponse {
        /// The snapshots, decoded lazily.
        snapshots: MetaList<S>,
    },
    /// `snapshot-request`: create a snapshot.
    SnapshotRequest {
        /// Name for the new snapshot.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        name: S::Str,
        /// Name of the current snapshot (for uncommitted changes).
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
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
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        reverted_by: S::Str,
    },
    /// `snapshot-error`: a request failed.
    SnapshotError {
        /// Kind string of the request that failed: any string, since a request of a kind the
        /// server does not know is answered with [`ErrorCode::UNSUPPORTED`] and its kind.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        request_kind: S::Str,
        /// The snapshot the request was about; 0 when none.
        snapshot_id: U53,
        /// Why it failed (open code space; unknown codes are kept).
        code: ErrorCode,
        /// Explanation for people.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        message: S::Str,
    },
    /// `list-snapshots-since`: list only the snapshots whose ids are not in `known_ids`;
    /// answered by `list-snapshots-response`.
    ListSnapshotsSince {
        /// Ids the client already knows, decoded lazily.
        known_ids: IdList<S>,
    },
    /// `snapshot-rename-request`: rename a snapshot.
    SnapshotRenameRequest {
        /// Id of the snapshot to rename.
        snapshot_id: U53,
        /// The new name.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        name: S::Str,
    },
    /// `snapshot-rename-response`: the rename was done.
    SnapshotRenameResponse {
        /// The snapshot, with its new name.
        snapshot: SnapshotMeta<S>,
    },
    /// `snapshot-renamed-event`: a snapshot was renamed.
    SnapshotRenamedEvent {
        /// The snapshot, with its new name.
        snapshot: SnapshotMeta<S>,
        /// Id of the user who renamed it.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        renamed_by: S::Str,
    },
    /// `snapshot-delete-request`: delete a snapshot.
    SnapshotDeleteRequest {
        /// Id of the snapshot to delete.
        snapshot_id: U53,
    },
    /// `snapshot-delete-response`: the delete was done.
    SnapshotDeleteResponse {
        /// Id of the deleted snapshot.
        snapshot_id: U53,
    },
    /// `snapshot-deleted-event`: a snapshot was deleted.
    SnapshotDeletedEvent {
        /// Id of the deleted snapshot.
        snapshot_id: U53,
        /// Id of the user who deleted it.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        deleted_by: S::Str,
    },
    /// `snapshot-info-request`: ask for one snapshot's metadata and details.
    SnapshotInfoRequest {
        /// Id of the snapshot.
        snapshot_id: U53,
    },
    /// `snapshot-info-response`: one snapshot's metadata and details.
    SnapshotInfoResponse {
        /// The snapshot's metadata.
        snapshot: SnapshotMeta<S>,
        /// Description, tags, size, checksum, expiry, parent and state.
        details: SnapshotDetails<S>,
    },
    /// `snapshot-create-request`: create a snapshot with rich metadata; answered by
    /// `snapshot-created-event` or `snapshot-error`.
    SnapshotCreateRequest {
        /// Name for the new snapshot; empty: the server chooses one.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        name: S::Str,
        /// Name of the current snapshot (for uncommitted changes).
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        current_snapshot_name: S::Str,
        /// Free-text description (empty when none).
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        description: S::Str,
        /// Tags, decoded lazily.
        tags: TagList<S>,
        /// Expiry time, milliseconds since the Unix epoch; 0: never.
        expires_at: U53,
        /// Id of the snapshot this one derives from; 0: none.
        parent_id: U53,
    },
    /// `snapshot-revert-progress-event`: progress of a running revert.
    SnapshotRevertProgressEvent {
        /// Id of the snapshot being reverted to.
        snapshot_id: U53,
        /// Free text naming the current stage ("stopping", "restoring", …).
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        stage: S::Str,
        /// Work units done.
        completed: U53,
        /// Work units in all; 0: unknown.
        total: U53,
    },
    /// `search-snapshots`: search by text, tags and creation time; answered by
    /// `list-snapshots-response`.
    SearchSnapshots {
        /// Text to find in names and descriptions; empty: any.
        #[cfg_attr(feature = "serde", serde(with = "crate::json_form::text"))]
        query: S::Str,
        /// Tags a snapshot must all carry; empty: any. Decoded lazily.
        tags: TagList<S>,
        /// Earliest `createdAt` (inclusive); 0: open.
        created_from: U53,
        /// Latest `createdAt` (inclusive); 0: open.
        created_to: U53,
        /// Matches to skip (paging).
        offset: U53,
        /// Most matches to return; 0: the server chooses.
        limit: U53,
    },
    /// `snapshot-stats-request`: ask for statistics over the document's snapshots.
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::json_form::no_fields")
    )]
    SnapshotStatsRequest,
    /// `snapshot-stats-response`: statistics over the document's snapshots.
    SnapshotStatsResponse {
        /// Number of snapshots.
        count: U53,
        /// Sum of their content lengths, in bytes.
        total_content_length: U53,
        /// `createdAt` of the oldest snapshot; 0 when there is none.
        oldest_created_at: U53,
        /// `createdAt` of the newest snapshot; 0 when there is none.
        newest_created_at: U53,
    },
    /// A kind this crate does not know, kept undecoded. Only decoding with
    /// [`DecodeOptions::keep_unknown_kinds`](crate::DecodeOptions) produces it. In a
    /// serialized [`Frame`](crate::Frame) its JSON form is that of [`RawSnapshot`],
    /// `{"type": KIND, "payload": HEX}` (serializing this variant on its own is an error:
    /// serialize the frame or the `RawSnapshot`). It is never read back: the JSON form, like
    /// strict decoding, accepts only known kinds.
    #[cfg_attr(feature = "serde", serde(skip))]
    Unknown(RawSnapshot<S>),
}

impl<S: Storage> SnapshotMessage<S> {
    /// The message's kind: which variant it is, and so which kind string it encodes with.
    ///
    /// ```
    /// use yjs_wire::{decode, Frame, SnapshotKind};
    ///
    /// let bytes = b"YJS\x01\x01d\x02\x16snapshot-stats-request";
    /// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
    /// assert_eq!(message.kind(), SnapshotKind::SnapshotStatsRequest);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
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
            SnapshotMessage::SnapshotError { .. } => SnapshotKind::SnapshotError,
            SnapshotMessage::ListSnapshotsSince { .. } => SnapshotKind::ListSnapshotsSince,
            SnapshotMessage::SnapshotRenameRequest { .. } => SnapshotKind::SnapshotRenameRequest,
            SnapshotMessage::SnapshotRenameResponse { .. } => SnapshotKind::SnapshotRenameResponse,
            SnapshotMessage::SnapshotRenamedEvent { .. } => SnapshotKind::SnapshotRenamedEvent,
            SnapshotMessage::SnapshotDeleteRequest { .. } => SnapshotKind::SnapshotDeleteRequest,
            SnapshotMessage::SnapshotDeleteResponse { .. } => SnapshotKind::SnapshotDeleteResponse,
            SnapshotMessage::SnapshotDeletedEvent { .. } => SnapshotKind::SnapshotDeletedEvent,
            SnapshotMessage::SnapshotInfoRequest { .. } => SnapshotKind::SnapshotInfoRequest,
            SnapshotMessage::SnapshotInfoResponse { .. } => SnapshotKind::SnapshotInfoResponse,
            SnapshotMessage::SnapshotCreateRequest { .. } => SnapshotKind::SnapshotCreateRequest,
            SnapshotMessage::SnapshotRevertProgressEvent { .. } => {
                SnapshotKind::SnapshotRevertProgressEvent
            }
            SnapshotMessage::SearchSnapshots { .. } => SnapshotKind::SearchSnapshots,
            SnapshotMessage::SnapshotStatsRequest => SnapshotKind::SnapshotStatsRequest,
            SnapshotMessage::SnapshotStatsResponse { .. } => SnapshotKind::SnapshotStatsResponse,
            SnapshotMessage::Unknown(_) => SnapshotKind::Unknown,
        }
    }

    /// The kind string on the wire, for every message including [`Unknown`](Self::Unknown).
    pub fn kind_str(&self) -> &str {
        match self {
            SnapshotMessage::Unknown(raw) => raw.kind(),
            known => known.kind().as_str(),
        }
    }

    /// Parse the payload of a message of `kind` (the kind string is already read).
    /// `raw_kind` is the kind string, needed only for [`SnapshotKind::Unknown`].
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        kind: SnapshotKind,
        raw_kind: Option<S::Str>,
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
                let (input, name) = parse::string(cx, input, "the snapshot name")?;
                let (input, current_snapshot_name) =
                    parse::string(cx, input, "the currentSnapshotName")?;
                let message = SnapshotMessage::SnapshotRequest {
                    name,
                    current_snapshot_name,
                };
                (input, message)
            }
            SnapshotKind::SnapshotFetchRequest => {
                let (input, snapshot_id) = var_uint::parse_u53(input, ID)?;
                (input, SnapshotMessage::SnapshotFetchRequest { snapshot_id })
            }
            SnapshotKind::SnapshotFetchResponse => {
                let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
                let (input, content) = parse::payload(cx, input, "the snapshot content")?;
                (
                    input,
                    SnapshotMessage::SnapshotFetchResponse { snapshot, content },
                )
            }
            SnapshotKind::SnapshotRevertRequest => {
                let (input, snapshot_id) = var_uint::parse_u53(input, ID)?;
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
                let (input, reverted_by) = parse::string(cx, input, "the revertedBy")?;
                (
                    input,
                    SnapshotMessage::SnapshotRevertedEvent {
                        snapshot,
                        reverted_by,
                    },
                )
            }
            SnapshotKind::SnapshotError => error::parse(cx, input)?,
            SnapshotKind::ListSnapshotsSince => list_since::parse(cx, input)?,
            SnapshotKind::SnapshotRenameRequest => rename::parse_request(cx, input)?,
            SnapshotKind::SnapshotRenameResponse => rename::parse_response(cx, input)?,
            SnapshotKind::SnapshotRenamedEvent => rename::parse_event(cx, input)?,
            SnapshotKind::SnapshotDeleteRequest => {
                let (input, snapshot_id) = var_uint::parse_u53(input, ID)?;
                (
                    input,
                    SnapshotMessage::SnapshotDeleteRequest { snapshot_id },
                )
            }
            SnapshotKind::SnapshotDeleteResponse => {
                let (input, snapshot_id) = var_uint::parse_u53(input, ID)?;
                (
                    input,
                    SnapshotMessage::SnapshotDeleteResponse { snapshot_id },
                )
            }
            SnapshotKind::SnapshotDeletedEvent => delete::parse_event(cx, input)?,
            SnapshotKind::SnapshotInfoRequest => {
                let (input, snapshot_id) = var_uint::parse_u53(input, ID)?;
                (input, SnapshotMessage::SnapshotInfoRequest { snapshot_id })
            }
            SnapshotKind::SnapshotInfoResponse => info::parse_response(cx, input)?,
            SnapshotKind::SnapshotCreateRequest => create::parse(cx, input)?,
            SnapshotKind::SnapshotRevertProgressEvent => progress::parse(cx, input)?,
            SnapshotKind::SearchSnapshots => search::parse(cx, input)?,
            SnapshotKind::SnapshotStatsRequest => (input, SnapshotMessage::SnapshotStatsRequest),
            SnapshotKind::SnapshotStatsResponse => stats::parse_response(input)?,
            SnapshotKind::Unknown => match raw_kind {
                Some(raw_kind) => {
                    let (input, raw) = RawSnapshot::parse(cx, raw_kind, input)?;
                    (input, SnapshotMessage::Unknown(raw))
                }
                None => return fail(ErrorKind::UnknownSnapshotKind, input, "the snapshot kind"),
            },
        })
    }

    /// Write `varString(kind) • payload`.
    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        if let SnapshotMessage::Unknown(raw) = self {
            return raw.write(out);
        }
        out.put_var_bytes(self.kind().as_str().as_bytes());
        match self {
            SnapshotMessage::ListSnapshots => {}
            SnapshotMessage::ListSnapshotsResponse { snapshots } => snapshots.write(out),
            SnapshotMessage::SnapshotRequest {
                name,
                current_snapshot_name,
            } => {
                out.put_var_bytes(name.as_bytes());
                out.put_var_bytes(current_snapshot_name.as_bytes());
            }
            SnapshotMessage::SnapshotFetchRequest { snapshot_id }
            | SnapshotMessage::SnapshotRevertRequest { snapshot_id }
            | SnapshotMessage::SnapshotDeleteRequest { snapshot_id }
            | SnapshotMessage::SnapshotDeleteResponse { snapshot_id }
            | SnapshotMessage::SnapshotInfoRequest { snapshot_id } => {
                out.put_var_uint(snapshot_id.get());
            }
            SnapshotMessage::SnapshotFetchResponse { snapshot, content } => {
                snapshot.write(out);
                put_var_payload(out, content);
            }
            SnapshotMessage::SnapshotRevertResponse { snapshot }
            | SnapshotMessage::SnapshotCreatedEvent { snapshot }
            | SnapshotMessage::SnapshotRenameResponse { snapshot } => snapshot.write(out),
            SnapshotMessage::SnapshotRevertedEvent {
                snapshot,
                reverted_by,
            } => {
                snapshot.write(out);
                out.put_var_bytes(reverted_by.as_bytes());
            }
            SnapshotMessage::SnapshotError {
                request_kind,
                snapshot_id,
                code,
                message,
            } => error::write(out, request_kind, *snapshot_id, *code, message),
            SnapshotMessage::ListSnapshotsSince { known_ids } => list_since::write(out, known_ids),
            SnapshotMessage::SnapshotRenameRequest { snapshot_id, name } => {
                rename::write_request(out, *snapshot_id, name)
            }
            SnapshotMessage::SnapshotRenamedEvent {
                snapshot,
                renamed_by,
            } => rename::write_event(out, snapshot, renamed_by),
            SnapshotMessage::SnapshotDeletedEvent {
                snapshot_id,
                deleted_by,
            } => delete::write_event(out, *snapshot_id, deleted_by),
            SnapshotMessage::SnapshotInfoResponse { snapshot, details } => {
                snapshot.write(out);
                details.write(out);
            }
            SnapshotMessage::SnapshotCreateRequest {
                name,
                current_snapshot_name,
                description,
                tags,
                expires_at,
                parent_id,
            } => create::write(
                out,
                [name, current_snapshot_name, description],
                tags,
                *expires_at,
                *parent_id,
            ),
            SnapshotMessage::SnapshotRevertProgressEvent {
                snapshot_id,
                stage,
                completed,
                total,
            } => progress::write(out, *snapshot_id, stage, *completed, *total),
            SnapshotMessage::SearchSnapshots {
                query,
                tags,
                created_from,
                created_to,
                offset,
                limit,
            } => search::write(
                out,
                query,
                tags,
                [*created_from, *created_to, *offset, *limit],
            ),
            SnapshotMessage::SnapshotStatsRequest => {}
            SnapshotMessage::SnapshotStatsResponse {
                count,
                total_content_length,
                oldest_created_at,
                newest_created_at,
            } => stats::write_response(
                out,
                [
                    *count,
                    *total_content_length,
                    *oldest_created_at,
                    *newest_created_at,
                ],
            ),
            SnapshotMessage::Unknown(raw) => raw.write(out),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::{decode, decode_header, decode_shared, Borrowed, ErrorKind, Frame};

    /// `frame` encodes to exactly `bytes`, every decode path gives it back, and every strict
    /// prefix of `bytes` is rejected as truncated.
    pub(crate) fn check(frame: &Frame<Borrowed<'_>>, bytes: &[u8]) {
        assert_eq!(frame.to_vec(), bytes, "encode");
        assert_eq!(frame.encoded_len(), bytes.len(), "encoded_len");
        // Compared through Debug: the frame may borrow from other memory than `bytes`.
        let decoded = decode(bytes).unwrap();
        assert_eq!(format!("{decoded:?}"), format!("{frame:?}"), "decode");
        let shared = decode_shared(&Bytes::copy_from_slice(bytes)).unwrap();
        assert_eq!(shared.to_vec(), bytes, "shared re-encode");
        let header = decode_header(bytes).unwrap();
        assert_eq!(header.kind(), frame.kind(), "header kind");
        for cut in 0..bytes.len() {
            let err = decode(&bytes[..cut]).unwrap_err();
            assert_eq!(
                err.kind(),
                ErrorKind::Truncated,
                "prefix of {cut} bytes: {err}"
            );
        }
    }

    /// One frame of every known kind.
    pub(crate) fn one_of_each() -> Vec<Frame<Borrowed<'static>>> {
        use crate::{Checksum, ErrorCode, SnapshotDetails, SnapshotState, Tag, U53};
        const DIGEST: [u8; 32] = [0xa5; 32];
        let id = U53::from(7u8);
        let meta = || SnapshotMeta::new(id, "v1", U53::from(1u8), "u");
        let details = SnapshotDetails {
            description: "d",
            tags: ["a", "b"].into_iter().map(Tag::new).collect(),
            content_length: U53::from(99u8),
            checksum: Checksum::new(&DIGEST[..]).unwrap(),
            expires_at: U53::MAX,
            parent_id: U53::from(6u8),
            state: SnapshotState::Deleted,
        };
        type F = Frame<Borrowed<'static>>;
        vec![
            F::list_snapshots("d"),
            F::list_snapshots_response("d", [meta(), meta()]),
            F::snapshot_request("d", "n", "c"),
            F::snapshot_fetch_request("d", id),
            F::snapshot_fetch_response("d", meta(), &b"\x00\x01"[..]),
            F::snapshot_revert_request("d", id),
            F::snapshot_revert_response("d", meta()),
            F::snapshot_created_event("d", meta()),
            F::snapshot_reverted_event("d", meta(), "r"),
            F::snapshot_error("d", "snapshot-fetch-request", id, ErrorCode::NOT_FOUND, "m"),
            F::list_snapshots_since("d", [id, U53::MAX]),
            F::snapshot_rename_request("d", id, "n"),
            F::snapshot_rename_response("d", meta()),
            F::snapshot_renamed_event("d", meta(), "r"),
            F::snapshot_delete_request("d", id),
            F::snapshot_delete_response("d", id),
            F::snapshot_deleted_event("d", id, "r"),
            F::snapshot_info_request("d", id),
            F::snapshot_info_response("d", meta(), details),
            F::snapshot_create_request("d", "", "c", "x", ["t"], U53::ZERO, id),
            F::snapshot_revert_progress_event("d", id, "restoring", id, U53::from(9u8)),
            F::search_snapshots("d", "q", ["t"], id, id, U53::ZERO, U53::from(10u8)),
            F::snapshot_stats_request("d"),
            F::snapshot_stats_response("d", id, id, id, id),
        ]
    }

    #[test]
    fn every_kind_round_trips() {
        let frames = one_of_each();
        let kinds: Vec<_> = frames.iter().map(Frame::kind).collect();
        let all: Vec<_> = SnapshotKind::ALL
            .iter()
            .map(|&k| crate::FrameKind::Snapshot(k))
            .collect();
        assert_eq!(kinds, all, "one sample per kind, in ALL order");
        for frame in &frames {
            let bytes = frame.to_vec();
            check(frame, &bytes);
            let Frame::Snapshot { message, .. } = frame else {
                panic!()
            };
            assert_eq!(message.kind_str(), message.kind().as_str());
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_type_is_the_kind_string_and_reads_back() {
        for frame in one_of_each() {
            let json = serde_json::to_value(&frame).unwrap();
            let kind = frame.kind();
            let crate::FrameKind::Snapshot(kind) = kind else {
                panic!()
            };
            assert_eq!(json["payload"]["type"], kind.as_str());
            let back: Frame<crate::Shared> = serde_json::from_value(json).unwrap();
            assert_eq!(back.to_vec(), frame.to_vec(), "{kind}");
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_rejects_what_the_wire_cannot_carry() {
        let payload = |p: &str| format!(r#"{{"document":"d","type":"snapshot","payload":{p}}}"#);
        let details = |checksum: &str, state: &str| {
            payload(&format!(
                r#"{{"type":"snapshot-info-response","snapshot":{{"id":1,"name":"","createdAt":0,"userId":""}},"details":{{"description":"","tags":[],"contentLength":0,"checksum":"{checksum}","expiresAt":0,"parentId":0,"state":"{state}"}}}}"#
            ))
        };
        let error = |code: &str| {
            payload(&format!(
                r#"{{"type":"snapshot-error","requestKind":"","snapshotId":0,"code":"{code}","message":""}}"#
            ))
        };
        let read = |text: &str| serde_json::from_str::<Frame<crate::Shared>>(text);
        assert!(read(&details("", "active")).is_ok());
        assert!(read(&details(&"ab".repeat(32), "expired")).is_ok());
        for bad in [
            payload(r#"{"type":"list-snapshots","x":1}"#),
            payload(r#"{"type":"snapshot-stats-request","count":1}"#),
            payload(r#"{"type":"list-snapshots-since","knownIds":[9007199254740992]}"#),
            payload(r#"{"type":"list-snapshots-since"}"#),
            details("00", "active"),
            details(&"ab".repeat(33), "active"),
            details("", "Active"),
            details("", "gone"),
            error("unknown-2"),
            error("unknown-007"),
            error("Not-Found"),
        ] {
            assert!(read(&bad).is_err(), "accepted {bad}");
        }
        assert!(read(&error("unknown-10")).is_ok());
        assert!(read(&error("internal")).is_ok());
    }
}
