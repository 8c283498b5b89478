//! `Frame`: one whole message of the protocol, its strict decoders and its encoder.
//!
//! ```text
//! frame = "YJS" • 0x01 • varString(document) • messageType • body
//!       | "YJSping" | "YJSpong"
//! ```

mod build;
pub(crate) mod header;
mod vectored;

use alloc::vec::Vec;
use bytes::{BufMut, Bytes};

pub use header::{FrameKind, Header, MessageType, MAGIC, PING, PONG, VERSION};

use crate::{
    lib0::{reader::Fault, LenCounter, Sink},
    snapshot::awareness::AwarenessMessage,
    snapshot::doc::DocMessage,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::{Borrowed, BorrowedSource, Shared, SharedSource, Storage},
    snapshot::SnapshotMessage,
    Error, ErrorKind, Limits,
};

/// One frame of the protocol, with its strings and byte arrays in storage `S`.
///
/// - `Frame<Borrowed<'a>>` (from [`decode`](crate::decode)) borrows from the input and allocates nothing.
/// - `Frame<Shared>` (from [`decode_shared`](crate::decode_shared)) holds `Bytes` handles into the input.
///
/// ```
/// use yjs_wire::{decode, Frame, snapshot::{DocMessage}};
///
/// let frame = decode(b"YJS\x01\x03doc\x00\x02\x02\x01\xff").unwrap();
/// assert_eq!(frame, Frame::update("doc", &[0x01, 0xff][..]));
/// assert_eq!(frame.document(), Some("doc"));
/// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame<S: Storage> {
    /// `YJSping`: liveness probe.
    Ping,
    /// `YJSpong`: answer to a ping.
    Pong,
    /// Message type `0x00`: Y.js document sync.
    Doc {
        /// The document the message is for.
        document: S::Str,
        /// The sync message.
        message: DocMessage<S>,
    },
    /// Message type `0x01`: awareness.
    Awareness {
        /// The document the message is for.
        document: S::Str,
        /// The awareness update.
        message: AwarenessMessage<S>,
    },
    /// Message type `0x02`: snapshots.
    Snapshot {
        /// The document the message is for.
        document: S::Str,
        /// The snapshot message.
        message: SnapshotMessage<S>,
    },
}

impl<S: Storage> Frame<S> {
    /// The document name, or `None` for ping and pong.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// assert_eq!(Frame::list_snapshots("d").document(), Some("d"));
    /// assert_eq!(Frame::<Borrowed>::Ping.document(), None);
    /// ```
    pub fn document(&self) -> Option<&str> {
        match self {
            Frame::Ping | Frame::Pong => None,
            Frame::Doc { document, .. }
            | Frame::Awareness { document, .. }
            | Frame::Snapshot { document, .. } => Some(document),
        }
    }

    /// What the frame is: the same value [`decode_header`](crate::decode_header) reports for its bytes.
    ///
    /// ```
    /// use yjs_wire::{decode, decode_header, snapshot::{FrameKind, SnapshotKind}};
    ///
    /// let bytes = b"YJS\x01\x01d\x02\x0elist-snapshots";
    /// assert_eq!(decode(bytes)?.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
    /// assert_eq!(decode(bytes)?.kind(), decode_header(bytes)?.kind());
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn kind(&self) -> FrameKind {
        match self {
            Frame::Ping => FrameKind::Ping,
            Frame::Pong => FrameKind::Pong,
            Frame::Doc { message, .. } => FrameKind::Doc(message.doc_type()),
            Frame::Awareness { .. } => FrameKind::Awareness,
            Frame::Snapshot { message, .. } => FrameKind::Snapshot(message.kind()),
        }
    }

    /// The exact number of bytes [`encode`](Self::encode) writes, computed without
    /// allocating.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// // 59 4a 53 01 | 03 "doc" | 00 02 | 02 01 02
    /// let frame = Frame::update("doc", &[0x01, 0x02][..]);
    /// assert_eq!(frame.encoded_len(), 13);
    /// assert_eq!(frame.encoded_len(), frame.to_vec().len());
    /// ```
    pub fn encoded_len(&self) -> usize {
        let mut counter = LenCounter::default();
        self.write(&mut counter);
        counter.0
    }

    /// Append the frame's bytes to `dst`.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// let mut out = Vec::new();
    /// Frame::<Borrowed>::Ping.encode(&mut out);
    /// Frame::awareness("d", &[0x2a][..]).encode(&mut out);
    /// assert_eq!(out, b"YJSpingYJS\x01\x01d\x01\x01\x2a");
    /// ```
    ///
    /// # Panics
    ///
    /// If `dst` cannot grow by [`encoded_len`](Self::encoded_len) bytes (as
    /// [`BufMut::put_slice`] does); `Vec<u8>` and `BytesMut` always can.
    pub fn encode<B: BufMut>(&self, dst: &mut B) {
        self.write(dst);
    }

    /// The frame's bytes in a new `Vec`, allocated once at the exact size.
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed}};
    ///
    /// let bytes = Frame::sync_step1("d", &[0x00][..]).to_vec();
    /// assert_eq!(bytes, b"YJS\x01\x01d\x00\x00\x01\x00");
    /// assert_eq!(bytes.capacity(), bytes.len());
    /// ```
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }

    /// The frame's bytes as `Bytes` (one allocation, as [`to_vec`](Self::to_vec)).
    ///
    /// ```
    /// use yjs_wire::{decode_shared, Frame, snapshot::{Borrowed}};
    ///
    /// let bytes = Frame::list_snapshots("d").to_bytes();
    /// assert_eq!(&bytes[..], b"YJS\x01\x01d\x02\x0elist-snapshots");
    /// assert_eq!(decode_shared(&bytes)?.to_bytes(), bytes);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Bytes {
        Bytes::from(self.to_vec())
    }

    fn write<W: Sink>(&self, out: &mut W) {
        match self {
            Frame::Ping => out.put_slice(&PING),
            Frame::Pong => out.put_slice(&PONG),
            Frame::Doc { document, message } => {
                header::write(out, document, MessageType::Doc);
                message.write(out);
            }
            Frame::Awareness { document, message } => {
                header::write(out, document, MessageType::Awareness);
                message.write(out);
            }
            Frame::Snapshot { document, message } => {
                header::write(out, document, MessageType::Snapshot);
                message.write(out);
            }
        }
    }
}

/// Decode into borrowed storage (see [`Decoder::decode`](crate::Decoder::decode)).
#[inline]
pub(crate) fn decode_borrowed<'a>(
    input: &'a [u8],
    limits: &Limits,
    keep_unknown_kinds: bool,
) -> Result<Frame<Borrowed<'a>>, Error> {
    decode_in(&Cx::new(BorrowedSource, limits, keep_unknown_kinds), input)
}

/// Decode into shared storage (see [`Decoder::decode_shared`](crate::Decoder::decode_shared)).
#[inline]
pub(crate) fn decode_shared_in(
    input: &Bytes,
    limits: &Limits,
    keep_unknown_kinds: bool,
) -> Result<Frame<Shared>, Error> {
    decode_in(
        &Cx::new(SharedSource(input), limits, keep_unknown_kinds),
        input,
    )
}

/// Decode the header only (see [`Decoder::decode_header`](crate::Decoder::decode_header)).
#[inline]
pub(crate) fn decode_header_in<'a>(
    input: &'a [u8],
    limits: &Limits,
    keep_unknown_kinds: bool,
) -> Result<Header<'a>, Error> {
    let cx = Cx::new(BorrowedSource, limits, keep_unknown_kinds);
    check_frame_len(input, limits)?;
    let (body, head) = header::parse(&cx, input).map_err(|e| e.into_error(input))?;
    if head.document.is_none() {
        check_end(body).map_err(|e| e.into_error(input))?;
    }
    Ok(Header::from_head(head, input, body))
}

#[inline]
fn check_frame_len(input: &[u8], limits: &Limits) -> Result<(), Error> {
    if input.len() > limits.max_frame_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded, 0, "the frame"));
    }
    Ok(())
}

#[inline]
fn check_end(rest: &[u8]) -> PResult<'_, ()> {
    if rest.is_empty() {
        Ok((rest, ()))
    } else {
        fail(ErrorKind::TrailingBytes, rest, "the frame")
    }
}

#[inline]
fn decode_in<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> Result<Frame<X::Storage>, Error> {
    check_frame_len(input, &cx.limits)?;
    parse_frame(cx, input)
}

/// Header, then body by kind, then nothing left. The same steps as [`header::parse`], with
/// the body parsed in the branch that read its type (no intermediate [`header::Head`]).
/// Each branch builds its frame straight into the result (faults become errors at each
/// step, so the frame, up to 160 bytes, is not moved from one result type to another).
#[inline]
fn parse_frame<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> Result<Frame<X::Storage>, Error> {
    let at = |fault: Fault<'i>| fault.into_error(input);
    let (rest, ()) = header::parse_magic(input).map_err(at)?;
    let Some((&version, after_version)) = rest.split_first() else {
        return Err(at(Fault {
            kind: ErrorKind::Truncated,
            at: rest,
            element: "the version byte",
        }));
    };
    if version != VERSION {
        return parse_control_frame(rest).map_err(at);
    }
    let (input_after_name, document) =
        header::parse_document_name(cx, after_version).map_err(at)?;
    let (body, (kind, raw_kind)) = header::parse_kind(cx, input_after_name).map_err(at)?;
    match kind {
        FrameKind::Doc(doc_type) => {
            let (rest, message) = DocMessage::parse(cx, doc_type, body).map_err(at)?;
            check_end(rest).map_err(at)?;
            Ok(Frame::Doc { document, message })
        }
        FrameKind::Awareness => {
            let (rest, message) = AwarenessMessage::parse(cx, body).map_err(at)?;
            check_end(rest).map_err(at)?;
            Ok(Frame::Awareness { document, message })
        }
        FrameKind::Snapshot(kind) => {
            SnapshotMessage::parse_then(cx, kind, raw_kind, body, at, |rest, message| {
                check_end(rest).map_err(at)?;
                Ok(Frame::Snapshot { document, message })
            })
        }
        // `parse_kind` reads a message type byte, never a control word.
        FrameKind::Ping | FrameKind::Pong => Err(at(Fault {
            kind: ErrorKind::Truncated,
            at: input_after_name,
            element: "the frame",
        })),
    }
}

/// `YJSping` / `YJSpong` (after the magic), nothing after; rare, so out of line.
#[cold]
#[inline(never)]
fn parse_control_frame<S: Storage>(rest: &[u8]) -> Result<Frame<S>, Fault<'_>> {
    let (rest, kind) = header::parse_control(rest)?;
    check_end(rest)?;
    Ok(if kind == FrameKind::Ping {
        Frame::Ping
    } else {
        Frame::Pong
    })
}
