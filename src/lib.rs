//! A strict, zero-copy codec for the `YJS` binary wire protocol: Y.js document sync,
//! awareness and snapshot messages, byte-identical to what lib0-based JavaScript peers write.
//!
//! ```
//! use yjs_wire::{decode, Frame, U53, snapshot::{Borrowed, SnapshotMessage}};
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
//! let again = Frame::snapshot_fetch_request("my-document", U53::from(2u8));
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
//! # Modules
//!
//! - [`lib0`]: lib0's binary encoding, shared by every dialect: [`lib0::Reader`] and
//!   [`lib0::Sink`], [`Limits`], [`Error`] and [`ErrorKind`], [`U53`].
//! - [`snapshot`]: the seed protocol's dialect: [`Frame`] and its messages, with every
//!   snapshot kind one row of a table (`src/snapshot/kinds/table.rs`).
//!
//! # Entry points
//!
//! - [`decode`]: a [`Frame<Borrowed<'_>>`](Frame) of `&str` / `&[u8]` slices of the input.
//! - [`decode_shared`]: a [`Frame<Shared>`](Frame) of `Bytes` slices that outlives the
//!   input borrow, without copying.
//! - [`decode_header`]: document name and [`FrameKind`](snapshot::FrameKind) only, to route
//!   or drop cheaply.
//! - [`Decoder`]: the same three with other [`Limits`], or keeping snapshot messages of
//!   unknown kinds (for relays) as a [`RawSnapshot`](snapshot::RawSnapshot) that encodes
//!   back byte for byte.
//! - [`Frame::encode`] into any [`bytes::BufMut`], with an exact [`Frame::encoded_len`];
//!   constructors such as [`Frame::list_snapshots`] mirror the seed protocol's helpers;
//!   [`Frame::to_shared`] copies a borrowed frame into shared storage.
//!
//! # Snapshot kinds
//!
//! The kinds of the base protocol, and the extension kinds for the systems that use snapshots
//! (`spec/snapshot-extensions.md`): [`snapshot-error`](snapshot::SnapshotMessage::SnapshotError)
//! with an open [`ErrorCode`](snapshot::ErrorCode), incremental lists, rename, delete, info
//! with [`SnapshotDetails`](snapshot::SnapshotDetails), rich create, revert progress, search
//! and statistics. Every kind is a [`SnapshotKind`](snapshot::SnapshotKind), listed in
//! [`SnapshotKind::ALL`](snapshot::SnapshotKind::ALL); its string is in
//! [`SnapshotKind::as_str`](snapshot::SnapshotKind::as_str).
//!
//! For servers, the [`server`] module (see `examples/relay.rs` and `spec/servers.md`):
//!
//! - [`server::classify`] / [`Header::access`](snapshot::Header::access): the
//!   [`Access`](server::Access) class of a frame (read, write, awareness, server-to-client,
//!   control, or invalid), checked against a peer's [`Permissions`](server::Permissions);
//! - [`server::retarget`]: the same frame for another document, as a new header plus the
//!   original body (`Bytes` slice, no copy);
//! - [`server::check_document_name`]: the document-name rules, the same the decoder applies.
//!
//! [`Frame::encode_vectored`] and [`server::retarget`] give a [`VectoredFrame`]: a small head
//! buffer and a body `Bytes` that shares memory with the frame or input (no copy), a
//! [`bytes::Buf`] for `write_vectored` or a WebSocket send.
//!
//! # Strictness
//!
//! Decoding accepts exactly what the encoder writes: shortest varints only, integers up to
//! 2^53 − 1, valid UTF-8, known types and kinds, allowed values (a snapshot state, a 0- or
//! 32-byte checksum), no bytes after the frame. So for every input
//! that decodes, encoding the result gives back the input. lib0 itself is more lenient; the
//! differences are listed in `spec/errors.md`.
//!
//! # Security
//!
//! For input from untrusted peers:
//! - **no panic**: no input makes a decoder, [`decode_header`], [`server::classify`] or
//!   [`server::retarget`] panic, loop or overflow. The library has `#![forbid(unsafe_code)]`
//!   (`Cargo.toml` `[lints]`), and clippy's `indexing_slicing`, `unwrap_used`, `expect_used`, `panic`,
//!   `arithmetic_side_effects` and `cast_possible_truncation` are denied in it (this file;
//!   checked by `cargo clippy --all-targets --all-features -- -D warnings` in `.ci/run`; tests
//!   and the inspector binary opt out). The only documented panic is [`Frame::encode`] into a
//!   `BufMut` that cannot grow, which is about the caller's buffer, not the input;
//! - **no allocation sized by a peer's claim**: decoding allocates nothing in [`Borrowed`](snapshot::Borrowed)
//!   storage and nothing sized by the input in [`Shared`](snapshot::Shared) storage; every length and count is
//!   checked against [`Limits`] and against the bytes actually present before it is used, so
//!   a varUint claiming 2^40 bytes is rejected at its prefix; list entries are read lazily;
//! - **linear time**: every decoder reads each input byte a bounded number of times, and a
//!   varUint is at most 8 bytes;
//! - **fail closed**: a frame whose header does not decode is
//!   [`Access::Invalid`](server::Access::Invalid), which no
//!   [`Permissions`](server::Permissions) allow; sync-step-2 is a write like update.
//!
//! # Transports
//!
//! A frame is a whole message; how messages are delimited is the transport's business:
//!
//! ```text
//! WebSocket:    [ binary message = frame ] [ binary message = frame ] …
//! byte stream:  varUint(len) • frame • varUint(len) • frame • …   (lib0's writeVarUint8Array)
//! ```
//!
//! - WebSocket: one binary message is one frame. The [`docs::websocket`] recipe routes
//!   messages by document name with [`decode_header`] and decodes them with
//!   [`decode_shared`], without copying.
//! - TCP, pipes, stdio: the `tokio` feature's [`FrameCodec`][frame-codec] frames and unframes a byte
//!   stream for tokio-util's `Framed`, with a maximum frame length checked from the length
//!   prefix before anything is buffered.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `std` | yes | `std::error::Error` for the error types. Without it the crate is `no_std` + `alloc` (only `core` and `alloc` are linked). |
//! | `serde` | no | `Serialize` for every frame and `Deserialize` for [`Frame<Shared>`](Frame), in the JSON form of `spec/json-form.md` (byte arrays as lowercase hex). Works without `std`. |
//! | `cli` | no | The `yjs-wire` inspector binary (`yjs-wire decode HEX`, `yjs-wire encode JSON`). Implies `std` and `serde`. |
//! | `tokio` | no | [`FrameCodec`][frame-codec] and [`CodecError`][codec-error]: a tokio-util `Decoder`/`Encoder` of length-prefixed frames. Implies `std`. |
//! | `arbitrary` | no | `arbitrary::Arbitrary` for [`Frame<Shared>`](Frame) and its parts, producing only valid values (integers up to 2^53 − 1), for fuzzing. |
//!
#![cfg_attr(
    feature = "tokio",
    doc = "[frame-codec]: crate::FrameCodec",
    doc = "[codec-error]: crate::CodecError"
)]
#![cfg_attr(
    not(feature = "tokio"),
    doc = "[frame-codec]: https://docs.rs/yjs-wire/latest/yjs_wire/struct.FrameCodec.html",
    doc = "[codec-error]: https://docs.rs/yjs-wire/latest/yjs_wire/enum.CodecError.html"
)]
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

mod decoder;
pub mod docs;
pub mod lib0;
pub mod server;
pub mod snapshot;
#[cfg(feature = "tokio")]
mod stream_codec;
pub mod teleportal;
mod vectored;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

pub use bytes;
pub use bytestring;
pub use decoder::{decode, decode_header, decode_shared, Decoder};
pub use lib0::{Error, ErrorKind, Limits, U53};
pub use snapshot::Frame;
#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub use stream_codec::{CodecError, FrameCodec};
pub use vectored::VectoredFrame;
