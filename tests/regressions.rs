//! Hostile frames, one per line, with the exact error each must give on every decode path.
//!
//! A crash or disagreement found by fuzzing (`fuzz/`) is added here as a byte literal, so
//! that it is checked by `cargo test` on stable from then on.

use bytes::Bytes;
use yjs_wire::{decode, decode_header, decode_shared, ErrorKind, ErrorKind::*};

/// (name, input, Ok(()) if it must decode, or Err((kind, offset)))
type Case = (&'static str, &'static [u8], Result<(), (ErrorKind, usize)>);

const CASES: &[Case] = &[
    // Magic, version, control frames.
    ("empty", b"", Err((Truncated, 0))),
    ("one magic byte", b"Y", Err((Truncated, 0))),
    ("bad magic", b"XJS\x01", Err((BadMagic, 0))),
    (
        "lowercase magic",
        b"yjs\x01\x00\x01\x00",
        Err((BadMagic, 0)),
    ),
    ("magic only", b"YJS", Err((Truncated, 3))),
    (
        "version 0",
        b"YJS\x00\x01d\x01\x00",
        Err((UnsupportedVersion, 3)),
    ),
    (
        "version 2",
        b"YJS\x02\x01d\x01\x00",
        Err((UnsupportedVersion, 3)),
    ),
    ("PING upper case", b"YJSPING", Err((UnsupportedVersion, 3))),
    ("ping cut short", b"YJSpin", Err((Truncated, 3))),
    ("ping then pong", b"YJSpingpong", Err((TrailingBytes, 7))),
    ("ping then NUL", b"YJSping\x00", Err((TrailingBytes, 7))),
    ("pinf", b"YJSpinf", Err((UnsupportedVersion, 3))),
    // Document name.
    (
        "name length overlong",
        b"YJS\x01\x80\x00\x00\x02\x00",
        Err((NonCanonicalVarint, 4)),
    ),
    (
        "name over 1024, no bytes",
        b"YJS\x01\x81\x08",
        Err((LimitExceeded, 4)),
    ),
    (
        "name length 2^53-1",
        b"YJS\x01\xff\xff\xff\xff\xff\xff\xff\x0f",
        Err((LimitExceeded, 4)),
    ),
    (
        "name length 2^53",
        b"YJS\x01\x80\x80\x80\x80\x80\x80\x80\x10",
        Err((IntegerOutOfRange, 4)),
    ),
    (
        "name length runs off",
        b"YJS\x01\x05doc",
        Err((Truncated, 4)),
    ),
    (
        "name lone continuation",
        b"YJS\x01\x01\x80\x01\x00",
        Err((InvalidUtf8, 4)),
    ),
    (
        "name surrogate",
        b"YJS\x01\x03\xed\xa0\x80\x01\x00",
        Err((InvalidUtf8, 4)),
    ),
    (
        "name NUL and BOM, empty awareness",
        b"YJS\x01\x04\x00\xef\xbb\xbf\x01\x00",
        Ok(()),
    ),
    // Types.
    ("no message type", b"YJS\x01\x01d", Err((Truncated, 6))),
    (
        "message type 3",
        b"YJS\x01\x01d\x03\x00",
        Err((UnknownMessageType, 6)),
    ),
    (
        "message type 0x80",
        b"YJS\x01\x01d\x80\x00",
        Err((UnknownMessageType, 6)),
    ),
    ("no doc sub-type", b"YJS\x01\x01d\x00", Err((Truncated, 7))),
    (
        "doc sub-type 3",
        b"YJS\x01\x01d\x00\x03\x00",
        Err((UnknownMessageType, 7)),
    ),
    // Byte arrays.
    (
        "update runs off",
        b"YJS\x01\x01d\x01\x05abc",
        Err((Truncated, 7)),
    ),
    (
        "update over 16 MiB",
        b"YJS\x01\x01d\x00\x02\x81\x80\x80\x08",
        Err((LimitExceeded, 8)),
    ),
    (
        "update then a byte",
        b"YJS\x01\x01d\x00\x02\x00\x00",
        Err((TrailingBytes, 9)),
    ),
    // Snapshot kinds.
    (
        "kind with BOM",
        b"YJS\x01\x01d\x02\x11\xef\xbb\xbflist-snapshots",
        Err((UnknownSnapshotKind, 7)),
    ),
    (
        "kind with NUL",
        b"YJS\x01\x01d\x02\x0flist-snapshots\x00",
        Err((UnknownSnapshotKind, 7)),
    ),
    (
        "kind upper case",
        b"YJS\x01\x01d\x02\x0eLIST-SNAPSHOTS",
        Err((UnknownSnapshotKind, 7)),
    ),
    (
        "kind not UTF-8",
        b"YJS\x01\x01d\x02\x02\xc3\x28",
        Err((InvalidUtf8, 7)),
    ),
    (
        "kind empty",
        b"YJS\x01\x01d\x02\x00",
        Err((UnknownSnapshotKind, 7)),
    ),
    ("kind missing", b"YJS\x01\x01d\x02", Err((Truncated, 7))),
    (
        "list-snapshots then a byte",
        b"YJS\x01\x01d\x02\x0elist-snapshots\x00",
        Err((TrailingBytes, 22)),
    ),
    // Lists.
    (
        "list count 2^53-1",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\xff\xff\xff\xff\xff\xff\xff\x0f",
        Err((LimitExceeded, 31)),
    ),
    (
        "list count 100001",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\xa1\x8d\x06",
        Err((LimitExceeded, 31)),
    ),
    (
        "list count 100000, no entries",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\xa0\x8d\x06",
        Err((Truncated, 31)),
    ),
    (
        "list count 1, 3 bytes",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x01\x01\x00\x01",
        Err((Truncated, 31)),
    ),
    (
        "list count missing",
        b"YJS\x01\x01d\x02\x17list-snapshots-response",
        Err((Truncated, 31)),
    ),
    (
        "list count overlong",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x80\x00",
        Err((NonCanonicalVarint, 31)),
    ),
    (
        "list of none",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x00",
        Ok(()),
    ),
    (
        "second entry's name not UTF-8",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x02\x01\x00\x01\x00\x02\x01\xff\x01\x00",
        Err((InvalidUtf8, 37)),
    ),
    (
        "second entry's name runs off",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x02\x01\x00\x01\x00\x02\x05ab\x01\x00",
        Err((Truncated, 37)),
    ),
    (
        "two entries, too few bytes",
        b"YJS\x01\x01d\x02\x17list-snapshots-response\x02\x01\x00\x01\x00\x02\x00\x01",
        Err((Truncated, 31)),
    ),
    // Integers.
    (
        "id of 9 bytes",
        b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x80\x80\x80\x80\x80\x80\x80\x80\x01",
        Err((IntegerOutOfRange, 30)),
    ),
    (
        "id 2^53",
        b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x80\x80\x80\x80\x80\x80\x80\x10",
        Err((IntegerOutOfRange, 30)),
    ),
    (
        "id 2^53-1",
        b"YJS\x01\x01d\x02\x16snapshot-fetch-request\xff\xff\xff\xff\xff\xff\xff\x0f",
        Ok(()),
    ),
    (
        "id overlong",
        b"YJS\x01\x01d\x02\x17snapshot-revert-request\x81\x00",
        Err((NonCanonicalVarint, 31)),
    ),
    (
        "id cut",
        b"YJS\x01\x01d\x02\x17snapshot-revert-request\x81",
        Err((Truncated, 31)),
    ),
    // Metadata.
    (
        "userId surrogate",
        b"YJS\x01\x01d\x02\x16snapshot-created-event\x01\x00\x01\x03\xed\xa0\x80",
        Err((InvalidUtf8, 33)),
    ),
    (
        "content runs off",
        b"YJS\x01\x01d\x02\x17snapshot-fetch-response\x01\x00\x01\x00\x04ab",
        Err((Truncated, 35)),
    ),
    (
        "revertedBy missing",
        b"YJS\x01\x01d\x02\x17snapshot-reverted-event\x01\x00\x01\x00",
        Err((Truncated, 35)),
    ),
];

#[test]
fn hostile_frames_are_rejected_exactly_and_never_panic() {
    for &(name, input, expected) in CASES {
        let borrowed = decode(input).map(|f| {
            assert_eq!(f.to_vec(), input, "{name}: re-encode");
        });
        let shared = decode_shared(&Bytes::from_static(input)).map(|_| ());
        assert_eq!(shared, borrowed, "{name}: shared decode agrees");
        if let Err(header) = decode_header(input) {
            assert_eq!(Err(header), borrowed, "{name}: header decode agrees");
        }
        let got = borrowed.map_err(|e| (e.kind(), e.offset()));
        assert_eq!(got, expected, "{name}");
    }
}

#[test]
fn a_frame_over_16_mib_is_rejected_at_byte_0_before_anything_else() {
    let mut input = vec![0u8; 16 * 1024 * 1024 + 1];
    input[..3].copy_from_slice(b"XJS"); // bad magic too: the size is checked first
    let err = decode(&input).unwrap_err();
    assert_eq!((err.kind(), err.offset()), (LimitExceeded, 0));
    assert_eq!(decode_shared(&Bytes::from(input.clone())), Err(err));
    assert_eq!(decode_header(&input).map(|_| ()), Err(err));
}
