//! One snapshot's full record: `snapshot-info-request`, `snapshot-info-response`.
//!
//! ```text
//! snapshot-info-request  = varUint(snapshotId)
//! snapshot-info-response = META • DETAILS
//! ```
//!
//! Unlike `snapshot-fetch-request` this does not carry the content, only what is known about
//! it (DETAILS: description, tags, size, checksum, expiry, parent, state).

use crate::{
    parse::{Cx, Element, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::{SnapshotDetails, SnapshotMessage, SnapshotMeta};

pub(super) fn parse_response<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, snapshot) = SnapshotMeta::parse(cx, input)?;
    let (input, details) = SnapshotDetails::parse(cx, input)?;
    Ok((
        input,
        SnapshotMessage::SnapshotInfoResponse { snapshot, details },
    ))
}

impl<S: Storage> Frame<S> {
    /// `snapshot-info-request` (`Checkpoints.get`, `getCheckpoint(id)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_info_request("d", U53::from(7u8));
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x15snapshot-info-request\x07");
    /// ```
    pub fn snapshot_info_request(document: impl Into<S::Str>, snapshot_id: U53) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotInfoRequest { snapshot_id },
        )
    }

    /// `snapshot-info-response`: one snapshot's metadata and details.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Checksum, Frame, SnapshotDetails, SnapshotMeta, SnapshotState, Tag, U53};
    ///
    /// let meta = SnapshotMeta::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let details = SnapshotDetails {
    ///     description: "",
    ///     tags: ["x"].into_iter().map(Tag::new).collect(),
    ///     content_length: U53::from(2u8),
    ///     checksum: Checksum::new(&[][..]).unwrap(),
    ///     expires_at: U53::ZERO,
    ///     parent_id: U53::ZERO,
    ///     state: SnapshotState::Archived,
    /// };
    /// let frame = Frame::<Borrowed>::snapshot_info_response("d", meta, details);
    /// // META • 00 (description) • 01 01 "x" (tags) • 02 (size) • 00 (checksum unknown)
    /// // • 00 (expiresAt) • 00 (parentId) • 01 (archived)
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x16snapshot-info-response\x07\x02v1\x01\x01u\x00\x01\x01x\x02\x00\x00\x00\x01"
    /// );
    /// ```
    pub fn snapshot_info_response(
        document: impl Into<S::Str>,
        snapshot: SnapshotMeta<S>,
        details: SnapshotDetails<S>,
    ) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::SnapshotInfoResponse { snapshot, details },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        decode, snapshot::tests::check, Borrowed, Checksum, ErrorKind, SnapshotState, Tag,
    };

    const HEAD: &[u8] = b"YJS\x01\x01d\x02\x16snapshot-info-response\x07\x02v2\x01\x01u";

    fn details(checksum: &[u8], state: SnapshotState) -> SnapshotDetails<Borrowed<'_>> {
        SnapshotDetails {
            description: "desc",
            tags: ["a", ""].into_iter().map(Tag::new).collect(),
            content_length: U53::from(2048u32),
            checksum: Checksum::new(checksum).unwrap(),
            expires_at: U53::ZERO,
            parent_id: U53::from(6u8),
            state,
        }
    }

    #[test]
    fn round_trips() {
        let meta = SnapshotMeta::new(U53::from(7u8), "v2", U53::from(1u8), "u");
        let frame =
            Frame::snapshot_info_response("d", meta.clone(), details(&[], SnapshotState::Archived));
        let bytes = [HEAD, b"\x04desc\x02\x01a\x00\x80\x10\x00\x00\x06\x01"].concat();
        check(&frame, &bytes);

        let digest = [0x5a; 32];
        let frame =
            Frame::snapshot_info_response("d", meta, details(&digest, SnapshotState::Expired));
        let bytes = [
            HEAD,
            b"\x04desc\x02\x01a\x00\x80\x10\x20",
            &digest,
            b"\x00\x06\x03",
        ]
        .concat();
        check(&frame, &bytes);
        check(
            &Frame::<Borrowed>::snapshot_info_request("d", U53::MAX),
            b"YJS\x01\x01d\x02\x15snapshot-info-request\xff\xff\xff\xff\xff\xff\xff\x0f",
        );
    }

    #[test]
    fn rejects_unknown_states_and_checksum_lengths() {
        let details_at = HEAD.len();
        let checksum_at = details_at + 11; // 04 desc • 02 01 a 00 • 80 10
        let state_at = checksum_at + 3; // checksum 00 • expiresAt 00 • parentId 06
        let cases: [(&[u8], ErrorKind, usize); 5] = [
            (
                b"\x04desc\x02\x01a\x00\x80\x10\x00\x00\x06\x04",
                ErrorKind::InvalidValue,
                state_at,
            ),
            (
                b"\x04desc\x02\x01a\x00\x80\x10\x00\x00\x06\x80\x00",
                ErrorKind::NonCanonicalVarint,
                state_at,
            ),
            (
                b"\x04desc\x02\x01a\x00\x80\x10\x00\x00\x06",
                ErrorKind::Truncated,
                state_at,
            ),
            (
                b"\x04desc\x02\x01a\x00\x80\x10\x10",
                ErrorKind::InvalidValue,
                checksum_at,
            ),
            (
                b"\x04desc\x02\x01a\x00\x80\x10\x20\x01",
                ErrorKind::Truncated,
                checksum_at,
            ),
        ];
        for (tail, kind, offset) in cases {
            let err = decode(&[HEAD, tail].concat()).unwrap_err();
            assert_eq!((err.kind(), err.offset()), (kind, offset), "{tail:02x?}");
        }
    }
}
