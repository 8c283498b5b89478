//! Every snapshot kind, one row each: its kind string, constructor, tier (base protocol or
//! extension), access class, and its payload fields in wire order with their codecs and the
//! element names errors report. Everything else about a kind is generated from this table
//! by [`table.rs`](super::table): [`SnapshotKind`] and its `ALL`, strings and access classes,
//! [`SnapshotMessage`], the decode dispatch, the writer, the JSON form (serde), the `Frame`
//! constructors, [`SnapshotMessage::for_each_field`], `to_shared` and `Arbitrary`.
//!
//! The wire layout of each kind is in `spec/snapshot.md` (base kinds) and
//! `spec/snapshot-extensions.md` (extensions), under the kind string; its conformance vectors
//! are in `spec/vectors/` under the same string.
//!
//! To add a kind: add a row here, then describe it in the spec and add a vector
//! (`tests/js/write-vectors.mjs`).

use crate::{
    lib0::Sink,
    snapshot::parse::{Cx, Source},
    snapshot::storage::{Borrowed, Shared, Storage},
    ErrorKind, Frame,
};

use super::{
    ErrorCode, Field, IdList, MetaList, RawSnapshot, SnapshotDetails, SnapshotMeta, TagList,
};
use crate::U53;

snapshot_kinds! {
    /// `list-snapshots`: client asks for every snapshot's metadata
    /// (`encodeSnapshotListMessage`).
    ListSnapshots = "list-snapshots", fn list_snapshots, base, Read {};
    /// `list-snapshots-response`: server answers with the metadata list
    /// (`encodeSnapshotListResponseMessage`).
    ListSnapshotsResponse = "list-snapshots-response", fn list_snapshots_response, base, ServerToClient {
        /// The snapshots, decoded lazily.
        snapshots: MetaList<S> = metas "the snapshot list",
    };
    /// `snapshot-request`: client asks the server to create a snapshot
    /// (`encodeSnapshotRequestMessage`).
    SnapshotRequest = "snapshot-request", fn snapshot_request, base, Write {
        /// Name for the new snapshot.
        name: S::Str = text "the snapshot name" as "crate::snapshot::json_form::text",
        /// Name of the current snapshot (for uncommitted changes).
        current_snapshot_name: S::Str = text "the currentSnapshotName" as "crate::snapshot::json_form::text",
    };
    /// `snapshot-fetch-request`: client asks for one snapshot's content
    /// (`encodeSnapshotFetchRequestMessage`).
    SnapshotFetchRequest = "snapshot-fetch-request", fn snapshot_fetch_request, base, Read {
        /// Id of the snapshot to fetch.
        snapshot_id: U53 = u53 "the snapshot id",
    };
    /// `snapshot-fetch-response`: server answers with metadata and content
    /// (`encodeSnapshotFetchResponseMessage`).
    SnapshotFetchResponse = "snapshot-fetch-response", fn snapshot_fetch_response, base, ServerToClient {
        /// The snapshot's metadata.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
        /// The Y.js document state (an update) of the snapshot.
        content: S::Bytes = payload "the snapshot content" as "crate::snapshot::json_form::hex",
    };
    /// `snapshot-revert-request`: client asks to revert the document to a snapshot
    /// (`encodeSnapshotRevertRequestMessage`).
    SnapshotRevertRequest = "snapshot-revert-request", fn snapshot_revert_request, base, Write {
        /// Id of the snapshot to revert to.
        snapshot_id: U53 = u53 "the snapshot id",
    };
    /// `snapshot-revert-response`: server confirms the revert
    /// (`encodeSnapshotRevertResponseMessage`).
    SnapshotRevertResponse = "snapshot-revert-response", fn snapshot_revert_response, base, ServerToClient {
        /// The snapshot reverted to.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
    };
    /// `snapshot-created-event`: server tells every client a snapshot was created
    /// (`encodeSnapshotCreatedEventMessage`).
    SnapshotCreatedEvent = "snapshot-created-event", fn snapshot_created_event, base, ServerToClient {
        /// The new snapshot.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
    };
    /// `snapshot-reverted-event`: server tells every client the document was reverted
    /// (`encodeSnapshotRevertedEventMessage`).
    SnapshotRevertedEvent = "snapshot-reverted-event", fn snapshot_reverted_event, base, ServerToClient {
        /// The snapshot reverted to.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
        /// Id of the user who reverted.
        reverted_by: S::Str = text "the revertedBy" as "crate::snapshot::json_form::text",
    };

    // Extensions (spec/snapshot-extensions.md). A peer that knows only the base kinds
    // rejects these as unknown kinds and is otherwise unaffected.

    /// `snapshot-error`: server says a snapshot request failed, and why.
    SnapshotError = "snapshot-error", fn snapshot_error, extension, ServerToClient {
        /// Kind string of the request that failed: any string, since a request of a kind the
        /// server does not know is answered with [`ErrorCode::UNSUPPORTED`](super::ErrorCode::UNSUPPORTED)
        /// and its kind.
        request_kind: S::Str = text "the requestKind" as "crate::snapshot::json_form::text",
        /// The snapshot the request was about; 0 when none.
        snapshot_id: U53 = u53 "the snapshot id",
        /// Why it failed (open code space; unknown codes are kept).
        code: ErrorCode = code "the error code",
        /// Explanation for people.
        message: S::Str = text "the error message" as "crate::snapshot::json_form::text",
    };
    /// `list-snapshots-since`: client asks only for the snapshots whose ids it does not
    /// know; answered by `list-snapshots-response`.
    ListSnapshotsSince = "list-snapshots-since", fn list_snapshots_since, extension, Read {
        /// Ids the client already knows, decoded lazily.
        known_ids: IdList<S> = ids "the known id list",
    };
    /// `snapshot-rename-request`: client asks to rename a snapshot.
    SnapshotRenameRequest = "snapshot-rename-request", fn snapshot_rename_request, extension, Write {
        /// Id of the snapshot to rename.
        snapshot_id: U53 = u53 "the snapshot id",
        /// The new name.
        name: S::Str = text "the new snapshot name" as "crate::snapshot::json_form::text",
    };
    /// `snapshot-rename-response`: server confirms a rename.
    SnapshotRenameResponse = "snapshot-rename-response", fn snapshot_rename_response, extension, ServerToClient {
        /// The snapshot, with its new name.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
    };
    /// `snapshot-renamed-event`: server tells every client a snapshot was renamed.
    SnapshotRenamedEvent = "snapshot-renamed-event", fn snapshot_renamed_event, extension, ServerToClient {
        /// The snapshot, with its new name.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
        /// Id of the user who renamed it.
        renamed_by: S::Str = text "the renamedBy" as "crate::snapshot::json_form::text",
    };
    /// `snapshot-delete-request`: client asks to delete a snapshot.
    SnapshotDeleteRequest = "snapshot-delete-request", fn snapshot_delete_request, extension, Write {
        /// Id of the snapshot to delete.
        snapshot_id: U53 = u53 "the snapshot id",
    };
    /// `snapshot-delete-response`: server confirms a delete.
    SnapshotDeleteResponse = "snapshot-delete-response", fn snapshot_delete_response, extension, ServerToClient {
        /// Id of the deleted snapshot.
        snapshot_id: U53 = u53 "the snapshot id",
    };
    /// `snapshot-deleted-event`: server tells every client a snapshot was deleted.
    SnapshotDeletedEvent = "snapshot-deleted-event", fn snapshot_deleted_event, extension, ServerToClient {
        /// Id of the deleted snapshot.
        snapshot_id: U53 = u53 "the snapshot id",
        /// Id of the user who deleted it.
        deleted_by: S::Str = text "the deletedBy" as "crate::snapshot::json_form::text",
    };
    /// `snapshot-info-request`: client asks for one snapshot's metadata and details.
    SnapshotInfoRequest = "snapshot-info-request", fn snapshot_info_request, extension, Read {
        /// Id of the snapshot.
        snapshot_id: U53 = u53 "the snapshot id",
    };
    /// `snapshot-info-response`: server answers with metadata and details.
    SnapshotInfoResponse = "snapshot-info-response", fn snapshot_info_response, extension, ServerToClient {
        /// The snapshot's metadata.
        snapshot: SnapshotMeta<S> = meta "snapshot metadata",
        /// Description, tags, size, checksum, expiry, parent and state.
        details: SnapshotDetails<S> = details "snapshot details",
    };
    /// `snapshot-create-request`: client asks to create a snapshot with rich metadata;
    /// answered by `snapshot-created-event` or `snapshot-error`.
    SnapshotCreateRequest = "snapshot-create-request", fn snapshot_create_request, extension, Write {
        /// Name for the new snapshot; empty: the server chooses one.
        name: S::Str = text "the snapshot name" as "crate::snapshot::json_form::text",
        /// Name of the current snapshot (for uncommitted changes).
        current_snapshot_name: S::Str = text "the currentSnapshotName" as "crate::snapshot::json_form::text",
        /// Free-text description (empty when none).
        description: S::Str = text "the description" as "crate::snapshot::json_form::text",
        /// Tags, decoded lazily.
        tags: TagList<S> = tags "the tag list",
        /// Expiry time, milliseconds since the Unix epoch; 0: never.
        expires_at: U53 = u53 "the expiresAt",
        /// Id of the snapshot this one derives from; 0: none.
        parent_id: U53 = u53 "the parentId",
    };
    /// `snapshot-revert-progress-event`: server reports progress of a running revert.
    SnapshotRevertProgressEvent = "snapshot-revert-progress-event", fn snapshot_revert_progress_event, extension, ServerToClient {
        /// Id of the snapshot being reverted to.
        snapshot_id: U53 = u53 "the snapshot id",
        /// Free text naming the current stage ("stopping", "restoring", …).
        stage: S::Str = text "the stage" as "crate::snapshot::json_form::text",
        /// Work units done.
        completed: U53 = u53 "the completed count",
        /// Work units in all; 0: unknown.
        total: U53 = u53 "the total count",
    };
    /// `search-snapshots`: client searches snapshots by text, tags and creation time;
    /// answered by `list-snapshots-response`.
    SearchSnapshots = "search-snapshots", fn search_snapshots, extension, Read {
        /// Text to find in names and descriptions; empty: any.
        query: S::Str = text "the query" as "crate::snapshot::json_form::text",
        /// Tags a snapshot must all carry; empty: any. Decoded lazily.
        tags: TagList<S> = tags "the tag list",
        /// Earliest `createdAt` (inclusive); 0: open.
        created_from: U53 = u53 "the createdFrom",
        /// Latest `createdAt` (inclusive); 0: open.
        created_to: U53 = u53 "the createdTo",
        /// Matches to skip (paging).
        offset: U53 = u53 "the offset",
        /// Most matches to return; 0: the server chooses.
        limit: U53 = u53 "the limit",
    };
    /// `snapshot-stats-request`: client asks for statistics over the document's snapshots.
    SnapshotStatsRequest = "snapshot-stats-request", fn snapshot_stats_request, extension, Read {};
    /// `snapshot-stats-response`: server answers with the statistics.
    SnapshotStatsResponse = "snapshot-stats-response", fn snapshot_stats_response, extension, ServerToClient {
        /// Number of snapshots.
        count: U53 = u53 "the snapshot count",
        /// Sum of their content lengths, in bytes.
        total_content_length: U53 = u53 "the totalContentLength",
        /// `createdAt` of the oldest snapshot; 0 when there is none.
        oldest_created_at: U53 = u53 "the oldestCreatedAt",
        /// `createdAt` of the newest snapshot; 0 when there is none.
        newest_created_at: U53 = u53 "the newestCreatedAt",
    };
}
