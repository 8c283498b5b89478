//! The field reads every decode benchmark does after decoding (`codec.rs`, `count.rs`).

use yjs_wire::{
    snapshot::{SnapshotMessage, SnapshotMeta, Storage},
    Frame,
};

/// Read every field of a decoded frame, as an application would: every string's and byte
/// array's length (never their bytes: contents are opaque) and every integer, iterating
/// every list entry. Returns a checksum so nothing is optimized away.
pub fn touch<S: Storage>(frame: &Frame<S>) -> u64 {
    fn meta<S: Storage>(m: &SnapshotMeta<S>) -> u64 {
        m.id.get() ^ m.created_at.get() ^ (m.name.len() as u64) ^ (m.user_id.len() as u64)
    }
    let mut sum = frame.document().map_or(0, |d| d.len() as u64);
    sum ^= match frame {
        Frame::Ping | Frame::Pong => 1,
        Frame::Doc { message, .. } => message.doc_type() as u64 ^ message.payload().len() as u64,
        Frame::Awareness { message, .. } => message.update.len() as u64,
        Frame::Snapshot { message, .. } => match message {
            SnapshotMessage::ListSnapshots {} => 2,
            SnapshotMessage::ListSnapshotsResponse { snapshots } => snapshots
                .iter()
                .fold(0u64, |acc, m| acc.wrapping_add(meta(&m))),
            SnapshotMessage::SnapshotRequest {
                name,
                current_snapshot_name,
            } => (name.len() ^ current_snapshot_name.len()) as u64,
            SnapshotMessage::SnapshotFetchRequest { snapshot_id }
            | SnapshotMessage::SnapshotRevertRequest { snapshot_id } => snapshot_id.get(),
            SnapshotMessage::SnapshotFetchResponse { snapshot, content } => {
                meta(snapshot) ^ content.len() as u64
            }
            SnapshotMessage::SnapshotRevertResponse { snapshot }
            | SnapshotMessage::SnapshotCreatedEvent { snapshot } => meta(snapshot),
            SnapshotMessage::SnapshotRevertedEvent {
                snapshot,
                reverted_by,
            } => meta(snapshot) ^ reverted_by.len() as u64,
            _ => unreachable!("the corpus has no other kinds"),
        },
    };
    sum
}
