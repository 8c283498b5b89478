//! Statistics over a document's snapshots: `snapshot-stats-request`,
//! `snapshot-stats-response`.
//!
//! ```text
//! snapshot-stats-request  = (nothing)
//! snapshot-stats-response = varUint(count) • varUint(totalContentLength)
//!                         • varUint(oldestCreatedAt) • varUint(newestCreatedAt)
//! ```
//!
//! With no snapshots all four are 0. Averages are derived (`totalContentLength / count`).

use crate::{lib0::var_uint, lib0::Sink, parse::PResult, storage::Storage, Frame, U53};

use super::SnapshotMessage;

pub(super) fn parse_response<S: Storage>(input: &[u8]) -> PResult<'_, SnapshotMessage<S>> {
    let (input, count) = var_uint::parse_u53(input, "the snapshot count")?;
    let (input, total_content_length) = var_uint::parse_u53(input, "the totalContentLength")?;
    let (input, oldest_created_at) = var_uint::parse_u53(input, "the oldestCreatedAt")?;
    let (input, newest_created_at) = var_uint::parse_u53(input, "the newestCreatedAt")?;
    let message = SnapshotMessage::SnapshotStatsResponse {
        count,
        total_content_length,
        oldest_created_at,
        newest_created_at,
    };
    Ok((input, message))
}

pub(super) fn write_response<W: Sink>(out: &mut W, numbers: [U53; 4]) {
    numbers.iter().for_each(|n| out.put_var_uint(n.get()));
}

impl<S: Storage> Frame<S> {
    /// `snapshot-stats-request` (`getCheckpointStats()`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_stats_request("d");
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x16snapshot-stats-request");
    /// ```
    pub fn snapshot_stats_request(document: impl Into<S::Str>) -> Self {
        Frame::snapshot(document, SnapshotMessage::SnapshotStatsRequest)
    }

    /// `snapshot-stats-response`: how many snapshots, their total content size, and the
    /// oldest and newest `createdAt`.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_stats_response(
    ///     "d", U53::from(3u8), U53::from(2048u16), U53::from(1u8), U53::from(2u8),
    /// );
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x17snapshot-stats-response\x03\x80\x10\x01\x02"
    /// );
    /// ```
    pub fn snapshot_stats_response(
        document: impl Into<S::Str>,
        count: U53,
        total_content_length: U53,
        oldest_created_at: U53,
        newest_created_at: U53,
    ) -> Self {
        let message = SnapshotMessage::SnapshotStatsResponse {
            count,
            total_content_length,
            oldest_created_at,
            newest_created_at,
        };
        Frame::snapshot(document, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode, snapshot::tests::check, Borrowed, ErrorKind};

    #[test]
    fn round_trips() {
        check(
            &Frame::<Borrowed>::snapshot_stats_request("d"),
            b"YJS\x01\x01d\x02\x16snapshot-stats-request",
        );
        check(
            &Frame::<Borrowed>::snapshot_stats_response(
                "d",
                U53::from(3u8),
                U53::from(2048u32),
                U53::from(1u8),
                U53::from(2u8),
            ),
            b"YJS\x01\x01d\x02\x17snapshot-stats-response\x03\x80\x10\x01\x02",
        );
        let err = decode(b"YJS\x01\x01d\x02\x16snapshot-stats-request\x00").unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::TrailingBytes, 30));
    }
}
