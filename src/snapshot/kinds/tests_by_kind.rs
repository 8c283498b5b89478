//! Tests of single kinds (encodings, edge values, error offsets), one module per family of
//! kinds. The round trip of every kind is in `super::tests`.

// `snapshot-error`: the answer to any snapshot request that failed.
//
// ```text
// snapshot-error = varString(requestKind) • varUint(snapshotId) • varUint(code) • varString(message)
// ```
//
// `requestKind` is any string, not only a known kind: a server answers a request of a kind
// it does not know with code `unsupported` and that kind's string. `snapshotId` is 0 when the
// request names no snapshot. `code` is an [`ErrorCode`]; unknown codes are kept.
mod error {
    use crate::snapshot::kinds::tests::check;
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn unknown_codes_and_request_kinds_are_kept() {
        let frame = Frame::snapshot_error(
            "d",
            "snapshot-lock-request",
            U53::ZERO,
            ErrorCode::from(U53::from(300u16)),
            "",
        );
        let bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x15snapshot-lock-request\x00\xac\x02\x00";
        check(&frame, bytes);
        let Frame::Snapshot { message, .. } = frame else {
            panic!()
        };
        assert!(!message.is_error_for(SnapshotKind::SnapshotRevertRequest));
    }

    #[test]
    fn named_code() {
        let frame = Frame::snapshot_error(
            "d",
            "snapshot-fetch-request",
            U53::MAX,
            ErrorCode::NOT_FOUND,
            "gone",
        );
        let mut bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x16snapshot-fetch-request".to_vec();
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x04]);
        bytes.extend(b"gone");
        check(&frame, &bytes);
        let Frame::Snapshot { message, .. } = frame else {
            panic!()
        };
        assert!(message.is_error_for(SnapshotKind::SnapshotFetchRequest));
    }
}

// `list-snapshots-since`: an incremental list request.
//
// ```text
// list-snapshots-since = varUint(count) • count × varUint(knownId)
// ```
//
// The client names the snapshot ids it already has; the server answers with a
// `list-snapshots-response` holding only the snapshots whose ids are not in the list (an
// empty list asks for everything, like `list-snapshots`). The count is held to
// [`Limits::max_list_entries`](crate::Limits) and, since each id takes at least one byte, to
// the bytes left.
mod list_since {
    use crate::{decode, snapshot::kinds::tests::check, ErrorKind, Limits};
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn round_trips() {
        check(
            &Frame::list_snapshots_since("d", []),
            b"YJS\x01\x01d\x02\x14list-snapshots-since\x00",
        );
        let mut bytes = b"YJS\x01\x01d\x02\x14list-snapshots-since\x03\x00\x7f".to_vec();
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        check(
            &Frame::list_snapshots_since("d", [U53::ZERO, U53::from(127u8), U53::MAX]),
            &bytes,
        );
    }

    #[test]
    fn count_is_checked_before_the_ids() {
        let head = b"YJS\x01\x01d\x02\x14list-snapshots-since";
        let at = head.len();
        // 3 ids cannot fit in 2 bytes: truncated at the count.
        let err = decode(&[&head[..], b"\x03\x01\x02"].concat()).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::Truncated, at));
        let mut limits = Limits::DEFAULT;
        limits.max_list_entries = 2;
        let err = Decoder::new()
            .with_limits(limits)
            .decode(&[&head[..], b"\x03\x01\x02\x03"].concat())
            .unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, at));
        // A bad id is reported where it starts.
        let err = decode(&[&head[..], b"\x02\x01\x80\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::NonCanonicalVarint, at + 2)
        );
    }
}

// Renaming a snapshot: `snapshot-rename-request`, `snapshot-rename-response`,
// `snapshot-renamed-event`.
//
// ```text
// snapshot-rename-request  = varUint(snapshotId) • varString(name)
// snapshot-rename-response = META                       (META with the new name)
// snapshot-renamed-event   = META • varString(renamedBy)
// ```
mod rename {
    use crate::{snapshot::kinds::tests::check, snapshot::Borrowed};
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    fn meta() -> SnapshotMeta<Borrowed<'static>> {
        SnapshotMeta::new(U53::from(7u8), "v2", U53::from(1u8), "u")
    }

    #[test]
    fn round_trips() {
        check(
            &Frame::snapshot_rename_request("d", U53::ZERO, ""),
            b"YJS\x01\x01d\x02\x17snapshot-rename-request\x00\x00",
        );
        check(
            &Frame::snapshot_rename_response("d", meta()),
            b"YJS\x01\x01d\x02\x18snapshot-rename-response\x07\x02v2\x01\x01u",
        );
        check(
            &Frame::snapshot_renamed_event("d", meta(), "ana"),
            b"YJS\x01\x01d\x02\x16snapshot-renamed-event\x07\x02v2\x01\x01u\x03ana",
        );
    }
}

// Deleting a snapshot: `snapshot-delete-request`, `snapshot-delete-response`,
// `snapshot-deleted-event`.
//
// ```text
// snapshot-delete-request  = varUint(snapshotId)
// snapshot-delete-response = varUint(snapshotId)
// snapshot-deleted-event   = varUint(snapshotId) • varString(deletedBy)
// ```
//
// The response and event carry only the id: the snapshot is gone, so there is no META to
// show.
mod delete {
    use crate::snapshot::kinds::tests::check;
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn round_trips() {
        check(
            &Frame::snapshot_delete_response("d", U53::from(128u8)),
            b"YJS\x01\x01d\x02\x18snapshot-delete-response\x80\x01",
        );
        check(
            &Frame::snapshot_deleted_event("d", U53::ZERO, ""),
            b"YJS\x01\x01d\x02\x16snapshot-deleted-event\x00\x00",
        );
        check(
            &Frame::snapshot_delete_request("d", U53::from(1u8)),
            b"YJS\x01\x01d\x02\x17snapshot-delete-request\x01",
        );
    }
}

// One snapshot's full record: `snapshot-info-request`, `snapshot-info-response`.
//
// ```text
// snapshot-info-request  = varUint(snapshotId)
// snapshot-info-response = META • DETAILS
// ```
//
// Unlike `snapshot-fetch-request` this does not carry the content, only what is known about
// it (DETAILS: description, tags, size, checksum, expiry, parent, state).
mod info {
    use crate::{
        decode,
        snapshot::kinds::tests::check,
        snapshot::{Borrowed, Checksum, SnapshotState, Tag},
        ErrorKind,
    };
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

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
            &Frame::snapshot_info_request("d", U53::MAX),
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

// `snapshot-create-request`: create a snapshot with rich metadata.
//
// ```text
// snapshot-create-request = varString(name) • varString(currentSnapshotName)
//                         • varString(description) • varUint(count) • count × varString(tag)
//                         • varUint(expiresAt) • varUint(parentId)
// ```
//
// The richer sibling of `snapshot-request`: an empty `name` lets the server choose one,
// `expiresAt` 0 means never, `parentId` 0 means no parent. Answered by
// `snapshot-created-event` (sent to every client) or `snapshot-error`.
mod create {
    use crate::{decode, snapshot::kinds::tests::check, ErrorKind};
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn round_trips() {
        let frame = Frame::snapshot_create_request(
            "d",
            "v1",
            "cur",
            "first",
            ["a", "😀"],
            U53::MAX,
            U53::from(9u8),
        );
        let mut bytes =
            b"YJS\x01\x01d\x02\x17snapshot-create-request\x02v1\x03cur\x05first\x02\x01a\x04"
                .to_vec();
        bytes.extend("😀".as_bytes());
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x09]);
        check(&frame, &bytes);
        let Frame::Snapshot {
            message: SnapshotMessage::SnapshotCreateRequest { tags, .. },
            ..
        } = decode(&bytes).unwrap()
        else {
            panic!()
        };
        let tags: Vec<&str> = tags.iter().map(Tag::into_inner).collect();
        assert_eq!(tags, ["a", "😀"]);
    }

    #[test]
    fn bad_tag_is_reported_at_its_start() {
        let head = b"YJS\x01\x01d\x02\x17snapshot-create-request\x00\x00\x00";
        let err = decode(&[&head[..], b"\x02\x00\x01\xff\x00\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::InvalidUtf8, head.len() + 2)
        );
        // count 9 > 3 bytes left: truncated at the count.
        let err = decode(&[&head[..], b"\x09\x00\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::Truncated, head.len())
        );
    }
}

// `snapshot-revert-progress-event`: how far a running revert has got.
//
// ```text
// snapshot-revert-progress-event = varUint(snapshotId) • varString(stage)
//                                • varUint(completed) • varUint(total)
// ```
//
// Sent while a revert runs, between `snapshot-revert-request` and the final
// `snapshot-revert-response` (or `snapshot-error`). `stage` is free text ("stopping",
// "restoring", "starting"). `completed` and `total` count work units of the server's choice;
// `total` 0 means unknown, so `completed` may exceed it and no order between them is
// enforced.
mod progress {
    use crate::snapshot::kinds::tests::check;
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn completed_may_exceed_an_unknown_total() {
        check(
            &Frame::snapshot_revert_progress_event(
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

// `search-snapshots`: find snapshots by text, tags and creation time, a page at a time.
//
// ```text
// search-snapshots = varString(query) • varUint(count) • count × varString(tag)
//                  • varUint(createdFrom) • varUint(createdTo) • varUint(offset) • varUint(limit)
// ```
//
// Answered by `list-snapshots-response` (or `snapshot-error`). An empty `query` and an empty
// tag list match everything; a snapshot must carry every listed tag. `createdFrom` and
// `createdTo` bound `createdAt` inclusively, 0 meaning open on that side. `offset` skips that
// many matches; `limit` 0 lets the server choose the page size.
mod search {
    use crate::snapshot::kinds::tests::check;
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn round_trips() {
        let frame = Frame::search_snapshots(
            "d",
            "",
            core::iter::empty::<&str>(),
            U53::from(1u8),
            U53::MAX,
            U53::from(128u8),
            U53::ZERO,
        );
        let mut bytes = b"YJS\x01\x01d\x02\x10search-snapshots\x00\x00\x01".to_vec();
        bytes.extend([
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x80, 0x01, 0x00,
        ]);
        check(&frame, &bytes);
    }
}

// Statistics over a document's snapshots: `snapshot-stats-request`,
// `snapshot-stats-response`.
//
// ```text
// snapshot-stats-request  = (nothing)
// snapshot-stats-response = varUint(count) • varUint(totalContentLength)
//                         • varUint(oldestCreatedAt) • varUint(newestCreatedAt)
// ```
//
// With no snapshots all four are 0. Averages are derived (`totalContentLength / count`).
mod stats {
    use crate::{decode, snapshot::kinds::tests::check, ErrorKind};
    #[allow(unused_imports)]
    use crate::{snapshot::*, *};

    #[test]
    fn round_trips() {
        check(
            &Frame::snapshot_stats_request("d"),
            b"YJS\x01\x01d\x02\x16snapshot-stats-request",
        );
        check(
            &Frame::snapshot_stats_response(
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
