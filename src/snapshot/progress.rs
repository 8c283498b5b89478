//! `snapshot-revert-progress-event`: how far a running revert has got.
//!
//! ```text
//! snapshot-revert-progress-event = varUint(snapshotId) • varString(stage)
//!                                • varUint(completed) • varUint(total)
//! ```
//!
//! Sent while a revert runs, between `snapshot-revert-request` and the final
//! `snapshot-revert-response` (or `snapshot-error`). `stage` is free text ("stopping",
//! "restoring", "starting"). `completed` and `total` count work units of the server's choice;
//! `total` 0 means unknown, so `completed` may exceed it and no order between them is
//! enforced.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    parse::{self, Cx, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::SnapshotMessage;

pub(super) fn parse<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot_id) = var_uint::parse_u53(input, "the snapshot id")?;
    let (input, stage) = parse::string(cx, input, "the stage")?;
    let (input, completed) = var_uint::parse_u53(input, "the completed count")?;
    let (input, total) = var_uint::parse_u53(input, "the total count")?;
    let message = SnapshotMessage::SnapshotRevertProgressEvent {
        snapshot_id,
        stage,
        completed,
        total,
    };
    Ok((input, message))
}

pub(super) fn write<W: Sink>(
    out: &mut W,
    snapshot_id: U53,
    stage: &str,
    completed: U53,
    total: U53,
) {
    out.put_var_uint(snapshot_id.get());
    out.put_var_bytes(stage.as_bytes());
    out.put_var_uint(completed.get());
    out.put_var_uint(total.get());
}

impl<S: Storage> Frame<S> {
    /// `snapshot-revert-progress-event` (`Checkpoints.restore_stream` events).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_revert_progress_event(
    ///     "d", U53::from(7u8), "restoring", U53::from(3u8), U53::from(4u8),
    /// );
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x1esnapshot-revert-progress-event\x07\x09restoring\x03\x04"
    /// );
    /// ```
    pub fn snapshot_revert_progress_event(
        document: impl Into<S::Str>,
        snapshot_id: U53,
        stage: impl Into<S::Str>,
        completed: U53,
        total: U53,
    ) -> Self {
        let message = SnapshotMessage::SnapshotRevertProgressEvent {
            snapshot_id,
            stage: stage.into(),
            completed,
            total,
        };
        Frame::snapshot(document, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::tests::check, Borrowed};

    #[test]
    fn completed_may_exceed_an_unknown_total() {
        check(
            &Frame::<Borrowed>::snapshot_revert_progress_event(
                "d",
                U53::ZERO,
                "",
                U53::from(300u16),
                U53::ZERO,
            ),
            b"YJS\x01\x01d\x02\x1esnapshot-revert-progress-event\x00\x00\xac\x02\x00",
        );
    }
}
