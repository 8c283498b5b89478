//! Properties of the codec, each checked on generated frames of every kind (see
//! `common::frame_of`) with adversarial values:
//!
//! - encode → decode gives the same frame, and `encoded_len` is the number of bytes written;
//! - any input that decodes re-encodes to exactly that input;
//! - every strict prefix of a frame is rejected as `truncated`; any appended byte as
//!   `trailing-bytes` at the old end;
//! - a single-byte change, insertion or deletion never panics and is either rejected or
//!   decodes to a frame that re-encodes to the changed bytes;
//! - borrowed, shared and header-only decode agree on every input;
//! - a frame is accepted under limits exactly when none is below what it uses, and rejected
//!   with `limit-exceeded` otherwise;
//! - a snapshot kind string not in `SnapshotKind::ALL` is rejected strictly as
//!   `unknown-snapshot-kind` at the kind, and kept under `Decoder::keep_unknown_kinds(true)`
//!   as a raw message that re-encodes to the input;
//! - every error kind a decode reports is one of `ErrorKind::ALL` (`invalid-value` included).
//!
//! `PROPTEST_CASES` sets the cases per kind and property (defaults below, 30 kinds).

mod common;

use bytes::Bytes;
use common::{for_every_kind, required_limits};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use yjs_wire::{
    decode, decode_header, decode_shared,
    snapshot::{FrameKind, RawSnapshot, Shared, SnapshotKind, SnapshotMessage},
    Decoder, ErrorKind, Frame, Limits,
};

/// Decode `input` every way under `limits`, check the paths agree and that a decoded frame
/// re-encodes to `input`. Returns the frame, or the error.
fn check_input(
    input: &[u8],
    limits: &Limits,
) -> Result<Result<Frame<Shared>, yjs_wire::Error>, TestCaseError> {
    let borrowed = Decoder::new().with_limits(*limits).decode(input);
    let shared_input = Bytes::copy_from_slice(input);
    let shared = Decoder::new()
        .with_limits(*limits)
        .decode_shared(&shared_input);
    let header = Decoder::new().with_limits(*limits).decode_header(input);
    match (&borrowed, &shared) {
        (Ok(b), Ok(s)) => {
            prop_assert_eq!(&b.to_shared(), s, "borrowed and shared decode differ");
            prop_assert_eq!(
                b.to_vec(),
                input,
                "borrowed decode does not re-encode to the input"
            );
            prop_assert_eq!(
                s.to_vec(),
                input,
                "shared decode does not re-encode to the input"
            );
            prop_assert_eq!(b.encoded_len(), input.len());
            let header = header.map_err(|e| TestCaseError::fail(format!("header failed: {e}")))?;
            prop_assert_eq!(header.document(), b.document());
            prop_assert_eq!(header.kind(), b.kind());
            prop_assert_eq!(
                (header.type_offset(), header.payload_offset()),
                expected_offsets(b),
                "header offsets"
            );
        }
        (Err(b), Err(s)) => {
            prop_assert_eq!(b, s, "borrowed and shared decode fail differently");
            prop_assert!(
                ErrorKind::ALL.contains(&b.kind()),
                "error kind {} not in ErrorKind::ALL",
                b.kind()
            );
            prop_assert!(b.offset() <= input.len(), "error offset past the input");
            if let Err(h) = header {
                prop_assert_eq!(h, *b, "header decode fails differently from decode");
            }
        }
        _ => prop_assert!(
            false,
            "one decode path accepted, the other rejected: {borrowed:?} / {shared:?}"
        ),
    }
    Ok(shared)
}

/// Where the message-type byte and the payload of `frame` are: after magic, version and the
/// document varString; then after the type byte and the doc sub-type or kind varString.
fn expected_offsets<S: yjs_wire::snapshot::Storage>(frame: &Frame<S>) -> (usize, usize) {
    let var_string = |len: usize| {
        Frame::update(
            yjs_wire::bytestring::ByteString::from_static(""),
            vec![0u8; len],
        )
        .encoded_len()
            - 7
    };
    let Some(document) = frame.document() else {
        return (7, 7);
    };
    let type_offset = 4 + var_string(document.len());
    let after = match frame.kind() {
        yjs_wire::snapshot::FrameKind::Doc(_) => 2,
        yjs_wire::snapshot::FrameKind::Snapshot(kind) => 1 + var_string(kind.as_str().len()),
        _ => 1,
    };
    (type_offset, type_offset + after)
}

#[test]
fn encode_then_decode_gives_the_same_frame() {
    for_every_kind(common::cases(128), Just(()), |frame, ()| {
        let bytes = frame.to_vec();
        prop_assert_eq!(frame.encoded_len(), bytes.len());
        let mut appended = b"prefix".to_vec();
        frame.encode(&mut appended);
        prop_assert_eq!(&appended[6..], &bytes[..]);
        prop_assert_eq!(frame.to_bytes(), Bytes::from(bytes.clone()));

        let shared = decode_shared(&Bytes::from(bytes.clone()));
        prop_assert_eq!(shared.as_ref(), Ok(&frame));
        let borrowed = decode(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(borrowed.to_shared(), frame.clone());
        prop_assert_eq!(borrowed.kind(), frame.kind());
        prop_assert_eq!(borrowed.document(), frame.document());
        let _ = check_input(&bytes, &Limits::DEFAULT)?;
        Ok(())
    });
}

/// Inputs near valid frames: a frame with a few random edits, or random bytes after the magic.
fn near_frames() -> impl Strategy<Value = Vec<u8>> {
    let edits =
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4);
    prop_oneof![
        4 => (common::frame(), edits).prop_map(|(frame, edits)| {
            let mut bytes = frame.to_vec();
            for (at, byte, op) in edits {
                edit(&mut bytes, at, byte, op);
            }
            bytes
        }),
        1 => proptest::collection::vec(any::<u8>(), 0..48).prop_map(|tail| [&b"YJS\x01"[..], &tail].concat()),
        1 => proptest::collection::vec(any::<u8>(), 0..48),
    ]
}

/// Apply one edit: 0 replaces the byte at `at`, 1 inserts `byte` before it, 2 deletes it.
fn edit(bytes: &mut Vec<u8>, at: prop::sample::Index, byte: u8, op: u8) {
    match op {
        0 if !bytes.is_empty() => {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        1 => {
            let i = at.index(bytes.len() + 1);
            bytes.insert(i, byte);
        }
        2 if !bytes.is_empty() => {
            let i = at.index(bytes.len());
            bytes.remove(i);
        }
        _ => {}
    }
}

#[test]
fn any_input_that_decodes_reencodes_exactly_and_all_paths_agree() {
    let config = ProptestConfig {
        cases: common::cases(128) * common::all_kinds().len() as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(input in near_frames())| {
        let _ = check_input(&input, &Limits::DEFAULT)?;
    });
}

#[test]
fn every_strict_prefix_is_truncated() {
    for_every_kind(common::cases(48), Just(()), |frame, ()| {
        let bytes = frame.to_vec();
        // Every prefix of frames up to 2 KiB; of larger ones, both ends and a sample between.
        let cuts: Vec<usize> = if bytes.len() <= 2048 {
            (0..bytes.len()).collect()
        } else {
            (0..512)
                .chain((bytes.len() - 512)..bytes.len())
                .chain((512..bytes.len() - 512).step_by(bytes.len() / 256))
                .collect()
        };
        for cut in cuts {
            let prefix = &bytes[..cut];
            let err = match check_input(prefix, &Limits::DEFAULT)? {
                Ok(frame) => {
                    return Err(TestCaseError::fail(format!(
                        "prefix {cut} decodes: {frame:?}"
                    )))
                }
                Err(err) => err,
            };
            prop_assert_eq!(
                err.kind(),
                ErrorKind::Truncated,
                "prefix of {} bytes: {}",
                cut,
                err
            );
        }
        Ok(())
    });
}

#[test]
fn any_appended_byte_is_trailing() {
    let tail = (any::<u8>(), proptest::collection::vec(any::<u8>(), 0..4));
    for_every_kind(common::cases(128), tail, |frame, (byte, more)| {
        let mut bytes = frame.to_vec();
        let end = bytes.len();
        bytes.push(byte);
        bytes.extend(more);
        let err = match check_input(&bytes, &Limits::DEFAULT)? {
            Ok(frame) => {
                return Err(TestCaseError::fail(format!(
                    "decodes with extra bytes: {frame:?}"
                )))
            }
            Err(err) => err,
        };
        prop_assert_eq!((err.kind(), err.offset()), (ErrorKind::TrailingBytes, end));
        Ok(())
    });
}

#[test]
fn single_byte_change_insertion_or_deletion_never_panics() {
    let edit_of = (any::<prop::sample::Index>(), any::<u8>(), 0u8..3);
    for_every_kind(common::cases(256), edit_of, |frame, (at, byte, op)| {
        let mut bytes = frame.to_vec();
        edit(&mut bytes, at, byte, op);
        // check_input asserts: no panic, paths agree, decoded frames re-encode to `bytes`.
        let _ = check_input(&bytes, &Limits::DEFAULT)?;
        Ok(())
    });
}

#[test]
fn random_bytes_never_panic_and_paths_agree() {
    let config = ProptestConfig {
        cases: common::cases(128) * common::all_kinds().len() as u32,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let limits = proptest::array::uniform5(prop_oneof![Just(usize::MAX), 0usize..64]);
    proptest!(config, |(input in proptest::collection::vec(any::<u8>(), 0..96), limits in limits)| {
        let _ = check_input(&input, &common::limits_of(limits))?;
        let mut framed = b"YJS\x01".to_vec();
        framed.extend_from_slice(&input);
        let _ = check_input(&framed, &common::limits_of(limits))?;
    });
}

/// For each limit: what it uses, one less, or something random.
fn limit_choice() -> impl Strategy<Value = i64> + Clone {
    prop_oneof![
        3 => Just(0i64),
        2 => Just(-1i64),
        1 => -3i64..=3,
        1 => Just(i64::MIN), // zero
        1 => Just(i64::MAX), // unlimited
    ]
}

#[test]
fn limits_reject_exactly_what_exceeds_them() {
    let choices = proptest::array::uniform5(limit_choice());
    for_every_kind(common::cases(96), choices, |frame, choices| {
        let bytes = frame.to_vec();
        let need = common::fields(&required_limits(&frame));

        // At every limit exactly: accepted.
        let at_limit = common::limits_of(need);
        let accepted = check_input(&bytes, &at_limit)?;
        prop_assert_eq!(accepted.as_ref(), Ok(&frame));

        // One below on any limit the frame uses: rejected with limit-exceeded.
        for i in 0..5 {
            if need[i] > 0 {
                let mut tight = need;
                tight[i] -= 1;
                let result = check_input(&bytes, &common::limits_of(tight))?;
                prop_assert_eq!(
                    result.map_err(|e| e.kind()),
                    Err(ErrorKind::LimitExceeded),
                    "limit {} at {} (needs {})",
                    i,
                    tight[i],
                    need[i]
                );
            }
        }

        // Any mix: accepted iff no limit is below what the frame uses.
        let mut limits = [0usize; 5];
        for i in 0..5 {
            limits[i] = match choices[i] {
                i64::MIN => 0,
                i64::MAX => usize::MAX,
                delta => need[i].saturating_add_signed(delta as isize),
            };
        }
        let fits = (0..5).all(|i| limits[i] >= need[i]);
        let result = check_input(&bytes, &common::limits_of(limits))?;
        if fits {
            let result = result;
            prop_assert_eq!(result.as_ref(), Ok(&frame));
        } else {
            prop_assert_eq!(result.map_err(|e| e.kind()), Err(ErrorKind::LimitExceeded));
        }
        Ok(())
    });
}

/// A kind string not in `SnapshotKind::ALL`: a known kind one edit away (a letter appended,
/// the last one dropped, upper case, a NUL appended), `unknown`, the empty string, or any
/// string up to the 64 KiB limit.
fn unknown_kind() -> impl Strategy<Value = String> {
    let known = proptest::sample::select(SnapshotKind::ALL.to_vec());
    prop_oneof![
        4 => (known, 0u8..4).prop_map(|(kind, op)| {
            let kind = kind.as_str();
            match op {
                0 => format!("{kind}s"),
                1 => kind[..kind.len() - 1].to_string(),
                2 => kind.to_uppercase(),
                _ => format!("{kind}\0"),
            }
        }),
        1 => Just("unknown".to_string()),
        1 => Just(String::new()),
        2 => "\\PC{0,24}",
        1 => common::string().prop_map(|s| s.to_string()),
    ]
    .prop_filter("a known kind", |kind| {
        SnapshotKind::ALL.iter().all(|k| k.as_str() != kind)
    })
}

/// What follows an unknown kind: nothing, random bytes, a whole generated frame, or the
/// payload of a generated frame (valid for some known kind).
fn unknown_payload() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        1 => Just(Vec::new()),
        3 => proptest::collection::vec(any::<u8>(), 0..64),
        1 => common::frame().prop_map(|frame| frame.to_vec()),
        3 => common::frame().prop_map(|frame| {
            let bytes = frame.to_vec();
            let at = decode_header(&bytes).map_or(0, |h| h.payload_offset());
            bytes[at..].to_vec()
        }),
    ]
}

/// `varUint(value)`, written here rather than by the codec under test.
fn var_uint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value & 0x7f) as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

#[test]
fn unknown_kinds_fail_strictly_at_the_kind_and_round_trip_when_kept() {
    let config = ProptestConfig {
        cases: common::cases(128) * 4,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(document in common::document(), kind in unknown_kind(), payload in unknown_payload())| {
        // YJS 01 • varString(document) • 02 • varString(kind) • payload
        let mut bytes = b"YJS\x01".to_vec();
        var_uint(&mut bytes, document.len() as u64);
        bytes.extend_from_slice(document.as_bytes());
        bytes.push(0x02);
        let kind_at = bytes.len();
        var_uint(&mut bytes, kind.len() as u64);
        bytes.extend_from_slice(kind.as_bytes());
        let payload_at = bytes.len();
        bytes.extend_from_slice(&payload);

        // Strict: rejected at the kind, the same way on every path.
        let err = match check_input(&bytes, &Limits::DEFAULT)? {
            Ok(frame) => return Err(TestCaseError::fail(format!("strict decode accepted {frame:?}"))),
            Err(err) => err,
        };
        prop_assert_eq!((err.kind(), err.offset()), (ErrorKind::UnknownSnapshotKind, kind_at));

        // Kept: a raw message holding the kind and the rest of the frame, re-encoding exactly.
        let borrowed = Decoder::new().keep_unknown_kinds(true).decode(&bytes)
            .map_err(|e| TestCaseError::fail(format!("kept decode failed: {e}")))?;
        prop_assert_eq!(borrowed.kind(), FrameKind::Snapshot(SnapshotKind::Unknown));
        prop_assert_eq!(borrowed.document(), Some(&*document));
        let Frame::Snapshot { message: SnapshotMessage::Unknown(raw), .. } = &borrowed else {
            return Err(TestCaseError::fail(format!("not kept raw: {borrowed:?}")));
        };
        prop_assert_eq!((raw.kind(), raw.payload()), (kind.as_str(), &payload[..]));
        prop_assert_eq!(borrowed.to_vec(), bytes.clone());
        prop_assert_eq!(borrowed.encoded_len(), bytes.len());

        let input = Bytes::copy_from_slice(&bytes);
        let shared = Decoder::new().keep_unknown_kinds(true).decode_shared(&input)
            .map_err(|e| TestCaseError::fail(format!("kept shared decode failed: {e}")))?;
        prop_assert_eq!(shared.to_vec(), bytes.clone());
        let built: Frame<Shared> = Frame::Snapshot {
            document: document.clone(),
            message: SnapshotMessage::Unknown(
                RawSnapshot::new(kind.clone(), payload.clone())
                    .ok_or_else(|| TestCaseError::fail("RawSnapshot::new refused an unknown kind"))?,
            ),
        };
        prop_assert_eq!(&shared, &built);
        prop_assert_eq!(built.to_vec(), bytes.clone());

        let header = Decoder::new().keep_unknown_kinds(true).decode_header(&bytes)
            .map_err(|e| TestCaseError::fail(format!("kept header decode failed: {e}")))?;
        prop_assert_eq!(header.kind(), borrowed.kind());
        prop_assert_eq!((header.type_offset(), header.payload_offset()), (kind_at - 1, payload_at));
    });
}
