//! The teleportal 0.0.7 dialect: the wire that teleportal servers and clients speak (every
//! release since v0.0.5), strict and zero-copy, byte-identical to teleportal's own encoder.
//!
//! ```
//! use yjs_wire::teleportal::{self, DocMessage, Frame, Update, UpdateVersion};
//! use yjs_wire::snapshot::Borrowed;
//!
//! // An update (v1) of document "d": header, sub-type 02, version 01, varUint8Array data.
//! let bytes = b"YJS\x01\x01d\x00\x00\x02\x01\x02\xab\xcd";
//! let frame = teleportal::decode(bytes)?;
//! let Frame::Doc { document, encrypted: false, message: DocMessage::Update { update } } = &frame
//! else { unreachable!() };
//! assert_eq!((*document, update.version, update.data), ("d", UpdateVersion::V1, &[0xab, 0xcd][..]));
//!
//! // Encoding gives the same bytes; the id is teleportal's message id.
//! assert_eq!(frame.to_vec(), bytes);
//! assert_eq!(frame.encoded_len(), bytes.len());
//! assert_eq!(teleportal::message_id(bytes).to_string().len(), 16);
//! # Ok::<(), yjs_wire::Error>(())
//! ```
//!
//! # The frame
//!
//! ```text
//! 59 4a 53 | 01 | varString document | u8 encrypted (0|1) | u8 type | sub-type | body
//! "YJSping" / "YJSpong": exactly seven bytes
//! ```
//!
//! One file per message type holds its layout, parser, writer, JSON form and access class:
//! [`doc`](DocMessage) (sync, update, auth), [`awareness`](AwarenessMessage),
//! [`ack`](Ack), [`presence`](PresenceMessage), [`rpc`](RpcMessage) (lib0
//! [`any`](crate::lib0::any) payloads), ping/pong. The byte tables, the strictness table and
//! the error offsets are in the crate's `spec/teleportal/`.
//!
//! # Entry points
//!
//! - [`decode`] / [`decode_with`]: a [`Frame<Borrowed>`](Frame), no allocation (strings,
//!   byte arrays and `any` values borrow from the input; heartbeat clients and `any`
//!   objects and arrays are read lazily);
//! - [`decode_shared`]: a [`Frame<Shared>`](Frame) of `Bytes` slices of the input;
//! - [`decode_header`]: document, encrypted flag, type and sub-type, RPC method, for routing;
//! - [`Frame::encode`], [`Frame::encoded_len`] (exact), [`Frame::encode_vectored`] (update
//!   data and payloads are not copied);
//! - [`message_id`], [`ack_for`], [`nack_for`], [`split_message_array`] /
//!   [`join_message_array`], [`decode_envelope`] / [`encode_envelope`].
//!
//! # Strictness
//!
//! Decoding accepts exactly what teleportal's `encodeMessage` writes, so decoding then
//! encoding gives back the input. Teleportal's own decoder is lenient (an encrypted byte of
//! 2, any update version, any permission byte, unknown ack flag bits, trailing bytes, lib0
//! `any` values in forms `writeAny` never writes, and lib0 reads `undefined` past the end);
//! each of those is an error here with a kind and an offset.

mod ack;
mod awareness;
pub mod content;
mod doc;
mod envelope;
mod header;
mod id;
#[cfg(feature = "serde")]
mod json;
mod message_array;
pub mod milestone;
mod ping;
mod presence;
mod rpc;
mod sink;

use alloc::vec::Vec;
use bytes::{BufMut, Bytes};
use bytestring::ByteString;

pub use crate::server::Access;
pub use ack::Ack;
pub use awareness::{AwarenessMessage, AwarenessType};
pub use doc::{DocMessage, DocType, Permission, Update, UpdateVersion};
pub use envelope::{decode_envelope, encode_envelope, Envelope};
pub use header::{
    decode_header, decode_header_with, Header, MessageKind, MAGIC, PING, PONG, VERSION,
};
pub use id::{message_id, MessageId};
pub use message_array::{join_message_array, split_message_array, MessageArrayIter};
pub use presence::{PresenceClient, PresenceClients, PresenceMessage, PresenceType};
pub use rpc::{RequestType, RpcKind, RpcMessage, RpcResult};

use crate::{
    lib0::{reader::Fault, LenCounter},
    snapshot::parse::{Cx, Source},
    snapshot::storage::{Borrowed, BorrowedSource, SharedSource, Storage},
    snapshot::Shared,
    Error, ErrorKind, Limits, U53,
};
use header::Start;

/// A teleportal frame in storage `S` ([`Borrowed`] slices or [`Shared`] `Bytes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame<S: Storage> {
    /// Type 0.
    Doc {
        /// The document name.
        document: S::Str,
        /// Whether the payload is end-to-end encrypted.
        encrypted: bool,
        /// The message.
        message: DocMessage<S>,
    },
    /// Type 1.
    Awareness {
        /// The document name.
        document: S::Str,
        /// Whether the payload is end-to-end encrypted.
        encrypted: bool,
        /// The message.
        message: AwarenessMessage<S>,
    },
    /// Type 2 (empty document, not encrypted).
    Ack(Ack<S>),
    /// Type 3 (not encrypted).
    Presence {
        /// The document name.
        document: S::Str,
        /// The message.
        message: PresenceMessage<S>,
    },
    /// Type 4.
    Rpc {
        /// The document name.
        document: S::Str,
        /// Whether the payload is end-to-end encrypted.
        encrypted: bool,
        /// The message.
        message: RpcMessage<S>,
    },
    /// `YJSping`.
    Ping,
    /// `YJSpong`.
    Pong,
}

/// Decode a frame under [`Limits::DEFAULT`], borrowing from `frame` (no allocation).
#[inline]
pub fn decode(frame: &[u8]) -> Result<Frame<Borrowed<'_>>, Error> {
    decode_with(frame, &Limits::DEFAULT)
}

/// Decode a frame under `limits`, borrowing from `frame` (no allocation).
///
/// ```
/// use yjs_wire::{teleportal, ErrorKind};
///
/// // An update with version byte 3: teleportal takes it, a strict decoder does not.
/// let err = teleportal::decode(b"YJS\x01\x01d\x00\x00\x02\x03\x00").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::InvalidValue, 9));
/// ```
#[inline]
pub fn decode_with<'a>(frame: &'a [u8], limits: &Limits) -> Result<Frame<Borrowed<'a>>, Error> {
    parse_whole(&Cx::new(BorrowedSource, limits, false), frame)
}

/// Decode a frame under [`Limits::DEFAULT`] into `Bytes` slices of `frame` (no copy).
#[inline]
pub fn decode_shared(frame: &Bytes) -> Result<Frame<Shared>, Error> {
    decode_shared_with(frame, &Limits::DEFAULT)
}

/// Decode a frame under `limits` into `Bytes` slices of `frame` (no copy).
#[inline]
pub fn decode_shared_with(frame: &Bytes, limits: &Limits) -> Result<Frame<Shared>, Error> {
    parse_whole(&Cx::new(SharedSource(frame), limits, false), frame)
}

/// The whole frame: header, body by type, nothing left. Each step's fault becomes an error
/// where it happens and each branch builds its frame straight into the result, so the frame
/// is not moved from one result type to another.
#[inline(always)]
fn parse_whole<'i, X: Source<'i>>(cx: &Cx<X>, frame: &'i [u8]) -> Result<Frame<X::Storage>, Error> {
    let at = |fault: Fault<'i>| fault.into_error(frame);
    let end = |rest: &'i [u8]| {
        if rest.is_empty() {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::TrailingBytes,
                frame.len().saturating_sub(rest.len()),
                "the frame",
            ))
        }
    };
    let (rest, start) = header::parse_start(cx, frame).map_err(at)?;
    let (head, message_type, type_at, body) = match start {
        Start::Ping => return end(rest).map(|()| Frame::Ping),
        Start::Pong => return end(rest).map(|()| Frame::Pong),
        Start::Message(head, message_type, type_at, body) => (head, message_type, type_at, body),
    };
    match message_type {
        0 => {
            let (rest, message) = DocMessage::parse(cx, body).map_err(at)?;
            end(rest)?;
            Ok(Frame::Doc {
                document: head.document,
                encrypted: head.encrypted,
                message,
            })
        }
        1 => {
            let (rest, message) = AwarenessMessage::parse(cx, body).map_err(at)?;
            end(rest)?;
            Ok(Frame::Awareness {
                document: head.document,
                encrypted: head.encrypted,
                message,
            })
        }
        2 => {
            ack::check_head(&head).map_err(at)?;
            let (rest, ack) = Ack::parse(cx, body).map_err(at)?;
            end(rest)?;
            Ok(Frame::Ack(ack))
        }
        3 => {
            presence::check_head(&head).map_err(at)?;
            let (rest, message) = PresenceMessage::parse(cx, body).map_err(at)?;
            end(rest)?;
            Ok(Frame::Presence {
                document: head.document,
                message,
            })
        }
        4 => {
            let (rest, message) = RpcMessage::parse(cx, body).map_err(at)?;
            end(rest)?;
            Ok(Frame::Rpc {
                document: head.document,
                encrypted: head.encrypted,
                message,
            })
        }
        _ => Err(at(Fault {
            kind: ErrorKind::UnknownMessageType,
            at: type_at,
            element: header::TYPE,
        })),
    }
}

/// A frame as a list of `Bytes` chunks: small fields copied into short buffers, update
/// data and payloads (of 64 bytes or more) as the frame's own `Bytes`, not copied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VectoredFrame {
    chunks: Vec<Bytes>,
}

impl VectoredFrame {
    /// The chunks, in order (for `write_vectored` or a multi-part send).
    pub fn chunks(&self) -> &[Bytes] {
        &self.chunks
    }
    /// The total length.
    pub fn len(&self) -> usize {
        self.chunks
            .iter()
            .map(Bytes::len)
            .fold(0, usize::saturating_add)
    }
    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The chunks, owned.
    pub fn into_chunks(self) -> Vec<Bytes> {
        self.chunks
    }
}

impl<S: Storage> Frame<S> {
    /// What the frame is (type and sub-type).
    pub fn kind(&self) -> MessageKind {
        match self {
            Frame::Doc { message, .. } => MessageKind::Doc(message.doc_type()),
            Frame::Awareness { message, .. } => MessageKind::Awareness(message.awareness_type()),
            Frame::Ack(_) => MessageKind::Ack,
            Frame::Presence { message, .. } => MessageKind::Presence(message.presence_type()),
            Frame::Rpc { message, .. } => MessageKind::Rpc(message.kind.request_type()),
            Frame::Ping => MessageKind::Ping,
            Frame::Pong => MessageKind::Pong,
        }
    }

    /// The access class.
    pub fn access(&self) -> Access {
        self.kind().access()
    }

    /// The document name (`""` for an ack, `None` for ping and pong).
    pub fn document(&self) -> Option<&str> {
        match self {
            Frame::Doc { document, .. }
            | Frame::Awareness { document, .. }
            | Frame::Presence { document, .. }
            | Frame::Rpc { document, .. } => Some(document),
            Frame::Ack(_) => Some(""),
            Frame::Ping | Frame::Pong => None,
        }
    }

    /// The encrypted flag (always `false` for acks, presence, ping and pong).
    pub fn encrypted(&self) -> bool {
        match self {
            Frame::Doc { encrypted, .. }
            | Frame::Awareness { encrypted, .. }
            | Frame::Rpc { encrypted, .. } => *encrypted,
            Frame::Ack(_) | Frame::Presence { .. } | Frame::Ping | Frame::Pong => false,
        }
    }

    fn write<W: sink::FrameSink>(&self, out: &mut W) {
        match self {
            Frame::Ping => out.put_slice(&PING),
            Frame::Pong => out.put_slice(&PONG),
            Frame::Doc {
                document,
                encrypted,
                message,
            } => {
                header::write(out, document, *encrypted, 0);
                message.write(out);
            }
            Frame::Awareness {
                document,
                encrypted,
                message,
            } => {
                header::write(out, document, *encrypted, 1);
                message.write(out);
            }
            Frame::Ack(ack) => {
                header::write(out, "", false, 2);
                ack.write(out);
            }
            Frame::Presence { document, message } => {
                header::write(out, document, false, 3);
                message.write(out);
            }
            Frame::Rpc {
                document,
                encrypted,
                message,
            } => {
                header::write(out, document, *encrypted, 4);
                message.write(out);
            }
        }
    }

    /// Write the frame into `out`.
    ///
    /// # Panics
    ///
    /// If `out` cannot grow to [`encoded_len`](Self::encoded_len) more bytes (a fixed-size
    /// `BufMut`).
    pub fn encode<B: BufMut>(&self, out: &mut B) {
        self.write(out);
    }

    /// The exact number of bytes [`encode`](Self::encode) writes.
    pub fn encoded_len(&self) -> usize {
        let mut counter = LenCounter::new();
        self.write(&mut counter);
        counter.len()
    }

    /// The frame's bytes in a new `Vec`.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.write(&mut out);
        out
    }

    /// The message id of the encoded frame (see [`message_id`]).
    pub fn id(&self) -> MessageId {
        message_id(&self.to_vec())
    }
}

impl Frame<Shared> {
    /// The frame as chunks, without copying update data or payloads.
    ///
    /// ```
    /// use yjs_wire::teleportal::{decode_shared, Frame};
    /// use yjs_wire::bytes::Bytes;
    ///
    /// let mut frame = b"YJS\x01\x01d\x00\x00\x02\x01\x80\x01".to_vec();
    /// frame.extend([7u8; 128]);
    /// let bytes = Bytes::from(frame);
    /// let vectored = decode_shared(&bytes)?.encode_vectored();
    /// assert_eq!(vectored.chunks().concat(), bytes);
    /// // The update is the input's own bytes.
    /// assert_eq!(vectored.chunks()[1].as_ptr(), bytes[12..].as_ptr());
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn encode_vectored(&self) -> VectoredFrame {
        let mut chunker = sink::Chunker::default();
        self.write(&mut chunker);
        VectoredFrame {
            chunks: chunker.finish(),
        }
    }
}

fn ack_id(received: &[u8]) -> ByteString {
    let hex = message_id(received).to_hex();
    ByteString::from(core::str::from_utf8(&hex).unwrap_or_default())
}

/// The ack of a received frame (by its message id).
///
/// ```
/// use yjs_wire::teleportal::{ack_for, message_id, Frame, PING};
///
/// let Frame::Ack(ack) = ack_for(&PING) else { unreachable!() };
/// assert_eq!(&*ack.message_id, message_id(&PING).to_string());
/// assert!(!ack.is_nack());
/// ```
pub fn ack_for(received: &[u8]) -> Frame<Shared> {
    Frame::Ack(Ack {
        message_id: ack_id(received),
        retry_after: None,
        error: None,
    })
}

/// A NACK of a received frame: retryable after `retry_after` milliseconds, and/or refused
/// with `error`.
///
/// ```
/// use yjs_wire::teleportal::{nack_for, Frame, PING};
/// use yjs_wire::U53;
///
/// let nack = nack_for(&PING, Some(U53::from(500u16)), Some("busy"));
/// let Frame::Ack(ack) = &nack else { unreachable!() };
/// assert!(ack.is_nack());
/// assert_eq!(yjs_wire::teleportal::decode(&nack.to_vec())?.to_vec(), nack.to_vec());
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn nack_for(received: &[u8], retry_after: Option<U53>, error: Option<&str>) -> Frame<Shared> {
    Frame::Ack(Ack {
        message_id: ack_id(received),
        retry_after,
        error: error.map(ByteString::from),
    })
}

/// Classify a frame from its header (for access control); [`Access::Invalid`] if the header
/// does not decode.
///
/// ```
/// use yjs_wire::{server::Access, teleportal::classify};
///
/// assert_eq!(classify(b"YJS\x01\x01d\x00\x00\x02\x01\x00"), Access::Write);
/// assert_eq!(classify(b"YJS\x01\x01d\x00\x00\x00\x00"), Access::Read);
/// assert_eq!(classify(b"YJS\x01\x01d\x00\x09"), Access::Invalid);
/// ```
pub fn classify(frame: &[u8]) -> Access {
    decode_header(frame).map_or(Access::Invalid, |header| header.access())
}
