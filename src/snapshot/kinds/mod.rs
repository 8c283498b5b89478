//! Snapshot messages (message type `0x02`): a kind string, then the kind's payload.
//!
//! ```text
//! snapshot = varString(kind) • payload(kind)
//! META     = varUint(id) • varString(name) • varUint(createdAt) • varString(userId)
//! ```
//!
//! Every kind is one row of the table in [`table`] (`src/snapshot/kinds/table.rs`): its
//! string, constructor, access class and fields in wire order. [`SnapshotKind`],
//! [`SnapshotMessage`], the decoder's dispatch, the writer, the JSON form and the
//! constructors are generated from it by [`generate`]. The value types the fields use have a file each: [`SnapshotMeta`] (META),
//! [`SnapshotDetails`] (DETAILS), [`Checksum`], [`SnapshotState`], [`ErrorCode`], [`Tag`] and
//! the id and tag lists. A kind this crate does not know is rejected, or kept as a
//! [`RawSnapshot`] when decoding with a [`Decoder`](crate::Decoder) that keeps unknown kinds.

#[macro_use]
mod generate;

mod checksum;
mod details;
mod error_code;
mod ids;
mod meta;
mod raw;
mod state;
mod table;
mod tag;
#[cfg(test)]
mod tests_by_kind;

pub use checksum::Checksum;
pub use details::SnapshotDetails;
pub use error_code::{ErrorCode, ErrorCodeParseError};
pub use ids::IdList;
pub use meta::SnapshotMeta;
pub use raw::RawSnapshot;
pub use state::SnapshotState;
pub use table::{SnapshotKind, SnapshotMessage};
pub use tag::{Tag, TagList};

use crate::{
    snapshot::{list::List, storage::Storage},
    U53,
};

/// A list of snapshot metadata, as in `list-snapshots-response`: `varUint(count) • count ×
/// META`, decoded lazily.
///
/// ```
/// use yjs_wire::{decode, Frame, snapshot::{SnapshotMessage}};
///
/// // 02 • (07 02 "v1" 01 01 "u") • (08 02 "v2" 02 01 "u")
/// let bytes = b"YJS\x01\x01d\x02\x17list-snapshots-response\x02\x07\x02v1\x01\x01u\x08\x02v2\x02\x01u";
/// let Frame::Snapshot { message: SnapshotMessage::ListSnapshotsResponse { snapshots }, .. } =
///     decode(bytes)? else { unreachable!() };
/// assert_eq!(snapshots.iter().map(|m| m.id.get()).collect::<Vec<_>>(), [7, 8]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub type MetaList<S> = List<S, SnapshotMeta<S>>;

/// One payload field of a [`SnapshotMessage`], by type: what
/// [`SnapshotMessage::for_each_field`] visits. Deliberately exhaustive: code that matches on
/// it without a wildcard arm covers every kind, present and future, and stops compiling only
/// when a field of a new type appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field<'m, S: Storage> {
    /// A varString.
    Text(&'m str),
    /// A varUint8Array (and the payload of an unknown kind).
    Bytes(&'m [u8]),
    /// A varUint.
    U53(U53),
    /// An error code (a varUint).
    Code(ErrorCode),
    /// One snapshot's metadata (META).
    Meta(&'m SnapshotMeta<S>),
    /// One snapshot's details (DETAILS).
    Details(&'m SnapshotDetails<S>),
    /// A list of snapshot metadata.
    Metas(&'m MetaList<S>),
    /// A list of snapshot ids.
    Ids(&'m IdList<S>),
    /// A list of tags.
    Tags(&'m TagList<S>),
}

impl<S: Storage> SnapshotMessage<S> {
    /// Whether this is a `snapshot-error` answering a request of `kind`.
    ///
    /// ```
    /// use yjs_wire::{decode, snapshot::SnapshotKind, Frame};
    ///
    /// // snapshot-error • 16 "snapshot-fetch-request" • 07 (id) • 01 (not-found) • 00 ("")
    /// let bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x16snapshot-fetch-request\x07\x01\x00";
    /// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
    /// assert!(message.is_error_for(SnapshotKind::SnapshotFetchRequest));
    /// assert!(!message.is_error_for(SnapshotKind::SnapshotRevertRequest));
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn is_error_for(&self, kind: SnapshotKind) -> bool {
        matches!(self, SnapshotMessage::SnapshotError { request_kind, .. } if **request_kind == *kind.as_str())
    }

    /// The kind string on the wire, for every message including [`Unknown`](Self::Unknown).
    pub fn kind_str(&self) -> &str {
        match self {
            SnapshotMessage::Unknown(raw) => raw.kind(),
            known => known.kind().as_str(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::{
        decode, decode_header, decode_shared,
        lib0::{LenCounter, Sink},
        snapshot::parse::Element,
        snapshot::Borrowed,
        ErrorKind, Frame,
    };

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

    pub(crate) use super::table::one_of_each;

    #[test]
    fn kind_strings_round_trip_and_are_distinct() {
        for (i, kind) in SnapshotKind::ALL.iter().enumerate() {
            assert_eq!(
                SnapshotKind::from_wire(kind.as_str().as_bytes()),
                Some(*kind)
            );
            assert_eq!(kind.to_string(), kind.as_str());
            for other in &SnapshotKind::ALL[i + 1..] {
                assert_ne!(kind.as_str(), other.as_str());
            }
        }
        assert!(!SnapshotKind::ALL.contains(&SnapshotKind::Unknown));
        assert_eq!(SnapshotKind::from_wire(b"unknown"), None);
        // The base kinds come first, then the extensions.
        let base = SnapshotKind::ALL.iter().filter(|k| k.is_base()).count();
        assert!(SnapshotKind::ALL[..base].iter().all(|k| k.is_base()));
        assert!(SnapshotKind::SnapshotRevertedEvent.is_base());
        assert!(!SnapshotKind::SnapshotError.is_base());
        assert!(!SnapshotKind::Unknown.is_base());
        assert_eq!(SnapshotKind::from_wire(b"LIST-SNAPSHOTS"), None);
        assert_eq!(SnapshotKind::from_wire(b"list-snapshots "), None);
        assert_eq!(SnapshotKind::from_wire(b""), None);
    }

    /// `to_shared` gives the same frame (same bytes, same fields) for every kind, from
    /// values and from a decode; `for_each_field` visits every field once, in wire order.
    #[test]
    fn to_shared_and_fields_agree_with_the_wire() {
        for frame in one_of_each() {
            let bytes = frame.to_vec();
            let shared = frame.to_shared();
            assert_eq!(shared.to_vec(), bytes);
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.to_shared(), shared);
            assert_eq!(decode_shared(&Bytes::from(bytes.clone())).unwrap(), shared);
            let (Frame::Snapshot { message, .. }, Frame::Snapshot { message: other, .. }) =
                (&frame, &shared)
            else {
                panic!()
            };
            let mut names = Vec::new();
            let mut wire = 0usize;
            message.for_each_field(|name, field| {
                names.push(name);
                let mut counter = LenCounter::new();
                match field {
                    Field::Text(text) => counter.put_var_string(text),
                    Field::Bytes(bytes) => counter.put_var_bytes(bytes),
                    Field::U53(n) => counter.put_var_uint(n.get()),
                    Field::Code(code) => counter.put_var_uint(code.get().get()),
                    Field::Meta(m) => Element::write(m, &mut counter),
                    Field::Details(d) => Element::write(d, &mut counter),
                    Field::Metas(l) => l.write(&mut counter),
                    Field::Ids(l) => l.write(&mut counter),
                    Field::Tags(l) => l.write(&mut counter),
                }
                wire += counter.len();
            });
            let mut other_names = Vec::new();
            other.for_each_field(|name, _| other_names.push(name));
            assert_eq!(names, other_names);
            // The fields add up to the payload: what follows the kind string.
            let kind = message.kind_str();
            assert_eq!(
                wire,
                bytes.len() - header_len(&frame) - 1 - kind.len(),
                "{kind}"
            );
        }
    }

    fn header_len(frame: &Frame<Borrowed<'_>>) -> usize {
        // "YJS" 01 varString(document) type
        4 + 1 + frame.document().unwrap().len() + 1
    }

    #[test]
    fn every_kind_round_trips() {
        let frames = one_of_each();
        let kinds: Vec<_> = frames.iter().map(Frame::kind).collect();
        let all: Vec<_> = SnapshotKind::ALL
            .iter()
            .map(|&k| crate::snapshot::FrameKind::Snapshot(k))
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
            let crate::snapshot::FrameKind::Snapshot(kind) = kind else {
                panic!()
            };
            assert_eq!(json["payload"]["type"], kind.as_str());
            let back: Frame<crate::snapshot::Shared> = serde_json::from_value(json).unwrap();
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
        let read = |text: &str| serde_json::from_str::<Frame<crate::snapshot::Shared>>(text);
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
