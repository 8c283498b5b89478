//! The seed protocol's dialect, `YJS` wire version 1: frames of Y.js document sync,
//! awareness and snapshot messages, as the seed protocol (teleportal's `snapshot` branch)
//! writes them.
//!
//! ```text
//! 59 4a 53 | 01      | varString document | type | body
//! "YJS"    | version | name of the doc    | 00 doc · 01 awareness · 02 snapshot
//!
//! 59 4a 53 70 69 6e 67   "YJSping"        59 4a 53 70 6f 6e 67   "YJSpong"
//! ```
//!
//! Where each part lives:
//!
//! | file | what |
//! |---|---|
//! | `frame/mod.rs` | [`Frame`], [`FrameKind`], the decoder's frame-level dispatch, the encoder |
//! | `frame/header.rs` | [`Header`], magic, version, document name, type bytes, kind string |
//! | `frame/build.rs` | constructors of doc and awareness frames |
//! | `frame/vectored.rs` | [`VectoredFrame`]: head buffer plus payload `Bytes` |
//! | `doc.rs`, `awareness.rs` | [`DocMessage`], [`AwarenessMessage`] |
//! | `kinds/table.rs` | **every snapshot kind, one row each**: kind string, constructor, access class, fields in wire order |
//! | `kinds/generate.rs` | the macro that turns the table into [`SnapshotKind`], [`SnapshotMessage`], dispatch, writer, constructors |
//! | `kinds/*.rs` | the value types fields use: [`SnapshotMeta`], [`SnapshotDetails`], [`Checksum`], [`SnapshotState`], [`ErrorCode`], [`Tag`], id lists, [`RawSnapshot`] |
//! | `list.rs` | [`List`] and [`ListIter`]: lazily decoded lists |
//! | `storage.rs` | [`Storage`]: [`Borrowed`] slices or [`Shared`] `Bytes` |
//! | `json_form.rs` | the JSON form of `spec/json-form.md` (feature `serde`) |
//! | `to_shared.rs` | [`Frame::to_shared`] |
//!
//! Decoding goes through [`decode`](crate::decode), [`decode_shared`](crate::decode_shared),
//! [`decode_header`](crate::decode_header) or a [`Decoder`](crate::Decoder); everything
//! underneath reads lib0's primitives through [`lib0`](crate::lib0).

#[cfg(feature = "arbitrary")]
pub(crate) mod arbitrary;
pub(crate) mod awareness;
pub(crate) mod doc;
pub(crate) mod frame;
#[cfg(feature = "serde")]
pub(crate) mod json_form;
pub(crate) mod kinds;
pub(crate) mod list;
pub(crate) mod parse;
pub(crate) mod scratch;
pub(crate) mod storage;
pub(crate) mod to_shared;

pub use awareness::AwarenessMessage;
pub use doc::{DocMessage, DocType};
pub use frame::{Frame, FrameKind, Header, MessageType, VectoredFrame, MAGIC, PING, PONG, VERSION};
pub use kinds::{
    Checksum, ErrorCode, ErrorCodeParseError, Field, IdList, MetaList, RawSnapshot,
    SnapshotDetails, SnapshotKind, SnapshotMessage, SnapshotMeta, SnapshotState, Tag, TagList,
};
pub use list::{List, ListIter};
pub use parse::Element;
pub use storage::{Borrowed, DocumentName, Shared, Storage};
