//! A strict, zero-copy codec for the `YJS` binary wire protocol: Y.js document sync,
//! awareness and snapshot messages, byte-identical to what lib0-based JavaScript peers write.
//!
//! ```
//! use yjs_wire::{decode, Borrowed, Frame, SnapshotMessage, U53};
//!
//! // Decode: every string and byte array borrows from the input; nothing is allocated.
//! let bytes = b"YJS\x01\x0bmy-document\x02\x16snapshot-fetch-request\x02";
//! let frame = decode(bytes)?;
//! assert_eq!(frame.document(), Some("my-document"));
//! assert!(matches!(frame, Frame::Snapshot {
//!     message: SnapshotMessage::SnapshotFetchRequest { snapshot_id }, ..
//! } if snapshot_id == U53::from(2u8)));
//!
//! // Encode: the same bytes a lib0 peer writes.
//! let again = Frame::<Borrowed>::snapshot_fetch_request("my-document", U53::from(2u8));
//! assert_eq!(again.to_vec(), bytes);
//! # Ok::<(), yjs_wire::Error>(())
//! ```
//!
//! # The frame
//!
//! ```text
//! 59 4a 53 | 01      | varString document | type | body
//! "YJS"    | version | name of the doc    | 00 doc · 01 awareness · 02 snapshot
//!
//! 59 4a 53 70 69 6e 67   "YJSping"        59 4a 53 70 6f 6e 67   "YJSpong"
//! ```
//!
//! Integers are lib0 varUints (unsigned LEB128, at most 2^53 − 1), strings are varStrings
//! (varUint byte length, UTF-8) and byte arrays varUint8Arrays. The full protocol, with byte
//! tables, hex examples and conformance vectors, is in the crate's `spec/` folder.
//!
//! # Entry points
//!
//! - [`decode`] / [`decode_with`]: a [`Frame<Borrowed<'_>>`](Frame) of `&str` / `&[u8]`
//!   slices of the input.
//! - [`decode_shared`]: a [`Frame<Shared>`](Frame) of `Bytes` slices that outlives the
//!   input borrow, without copying.
//! - [`decode_header`]: document name and [`FrameKind`] only, to route or drop cheaply.
//! - [`Frame::encode`] into any [`bytes::BufMut`], with an exact [`Frame::encoded_len`];
//!   constructors such as [`Frame::list_snapshots`] mirror the seed protocol's helpers.
//!
//! # Strictness
//!
//! Decoding accepts exactly what the encoder writes: shortest varints only, integers up to
//! 2^53 − 1, valid UTF-8, known types and kinds, no bytes after the frame. So for every input
//! that decodes, encoding the result gives back the input. lib0 itself is more lenient; the
//! differences are listed in `spec/errors.md`.
//!
//! # Security
//!
//! For input from untrusted peers:
//! - no input makes a decoder panic, loop or overflow (`#![forbid(unsafe_code)]`; indexing,
//!   `unwrap`, `panic!` and unchecked arithmetic are denied by clippy in the library);
//! - decoding allocates nothing in [`Borrowed`] storage and nothing sized by the input in
//!   [`Shared`] storage; every length and count is checked against [`Limits`] and against the
//!   bytes actually present before it is used;
//! - time is linear in the input length.
//!
//! # Features
//!
//! - `std` (default): `std::error::Error` for the error types. Without it the crate is
//!   `no_std` + `alloc`.
//! - `serde`: `Serialize` for every frame and `Deserialize` for [`Frame<Shared>`](Frame), in
//!   the JSON form of `spec/json-form.md` (byte arrays as lowercase hex).
//! - `cli`: the `yjs-wire` inspector binary (`yjs-wire decode HEX`, `yjs-wire encode JSON`).
//! - `arbitrary`: `arbitrary::Arbitrary` for [`Frame<Shared>`](Frame) and its parts, producing
//!   only valid values (integers up to 2^53 − 1), for fuzzing.
#![cfg_attr(not(test), no_std)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![cfg_attr(
    not(test),
    deny(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation
    )
)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

#[cfg(feature = "arbitrary")]
mod arbitrary;
mod awareness;
mod doc;
mod error;
mod frame;
#[cfg(feature = "serde")]
mod json_form;
mod limits;
mod list;
mod parse;
mod sink;
mod snapshot;
mod storage;
mod u53;
mod var_bytes;
mod varint;

pub use awareness::AwarenessMessage;
pub use bytes;
pub use bytestring::{self, ByteString};
pub use doc::{DocMessage, DocType};
pub use error::{Error, ErrorKind};
pub use frame::{
    decode, decode_header, decode_header_with, decode_shared, decode_shared_with, decode_with,
    Frame, FrameKind, Header, MessageType, MAGIC, PING, PONG, VERSION,
};
pub use limits::Limits;
pub use list::{Iter, List};
pub use snapshot::{MetaList, SnapshotKind, SnapshotMessage, SnapshotMeta};
pub use storage::{Borrowed, Shared, Storage};
pub use u53::{U53RangeError, U53};
