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
pub use vectored::VectoredFrame;

use crate::{
    awareness::AwarenessMessage,
    doc::DocMessage,
    parse::{fail, fault_of, Cx, PResult, Source},
    sink::{LenCounter, Sink},
    snapshot::SnapshotMessage,
    storage::{Borrowed, BorrowedSource, Shared, SharedSource, Storage},
    Error, ErrorKind, Limits,
};

/// One frame of the protocol, with its strings and byte arrays in storage `S`.
///
/// - `Frame<Borrowed<'a>>` (from [`decode`]) borrows from the input and allocates nothing.
/// - `Frame<Shared>` (from [`decode_shared`]) holds `Bytes` handles into the input.
///
/// ```
/// use yjs_wire::{decode, DocMessage, Frame};
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
    pub fn document(&self) -> Option<&str> {
        match self {
            Frame::Ping | Frame::Pong => None,
            Frame::Doc { document, .. }
            | Frame::Awareness { document, .. }
            | Frame::Snapshot { document, .. } => Some(document),
        }
    }

    /// What the frame is: the same value [`decode_header`] reports for its bytes.
    pub fn kind(&self) -> FrameKind {
        match self {
            Frame::Ping => FrameKind::Ping,
            Frame::Pong => FrameKind::Pong,
            Frame::Doc { message, .. } => FrameKind::Doc(message.doc_type()),
            Frame::Awareness { .. } => FrameKind::Awareness,
            Frame::Snapshot { message, .. } => FrameKind::Snapshot(message.kind()),
        }
    }

    /// The exact number of bytes [`encode`](Self::encode) writes.
    pub fn encoded_len(&self) -> usize {
        let mut counter = LenCounter::default();
        self.write(&mut counter);
        counter.0
    }

    /// Append the frame's bytes to `dst`.
    ///
    /// # Panics
    ///
    /// If `dst` cannot grow by [`encoded_len`](Self::encoded_len) bytes (as
    /// [`BufMut::put_slice`] does); `Vec<u8>` and `BytesMut` always can.
    pub fn encode<B: BufMut>(&self, dst: &mut B) {
        self.write(dst);
    }

    /// The frame's bytes in a new `Vec`, allocated once at the exact size.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }

    /// The frame's bytes as `Bytes`.
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

/// Decode one whole frame, borrowing every string and byte array from `input`, under
/// [`Limits::DEFAULT`]. Allocates nothing.
///
/// # Errors
///
/// Any [`ErrorKind`] of `spec/errors.md`: bad magic or version, unknown type or kind,
/// truncation, invalid UTF-8, non-canonical or out-of-range varints, limits, trailing bytes.
///
/// ```
/// use yjs_wire::{decode, ErrorKind, Frame};
///
/// assert_eq!(decode(b"YJSping"), Ok(Frame::Ping));
/// assert_eq!(decode(b"YJSping!").unwrap_err().kind(), ErrorKind::TrailingBytes);
/// ```
pub fn decode(input: &[u8]) -> Result<Frame<Borrowed<'_>>, Error> {
    decode_with(input, &Limits::DEFAULT)
}

/// [`decode`] under the given limits.
///
/// # Errors
///
/// As [`decode`], with [`ErrorKind::LimitExceeded`] for anything over `limits`.
pub fn decode_with<'a>(input: &'a [u8], limits: &Limits) -> Result<Frame<Borrowed<'a>>, Error> {
    decode_in(&Cx::new(BorrowedSource, limits), input)
}

/// Decode one whole frame into [`Shared`] storage: every string and byte array is a `Bytes`
/// slice of `input` (no copy), each string checked once. Uses [`Limits::DEFAULT`].
///
/// # Errors
///
/// As [`decode`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{decode_shared, Frame};
///
/// let input = Bytes::from_static(b"YJS\x01\x03doc\x01\x01\x2a");
/// let Frame::Awareness { document, message } = decode_shared(&input).unwrap() else { panic!() };
/// assert_eq!(&*document, "doc");
/// assert_eq!(message.update.as_ptr(), input[10..].as_ptr()); // shares the input's memory
/// ```
pub fn decode_shared(input: &Bytes) -> Result<Frame<Shared>, Error> {
    decode_shared_with(input, &Limits::DEFAULT)
}

/// [`decode_shared`] under the given limits.
///
/// # Errors
///
/// As [`decode_with`].
pub fn decode_shared_with(input: &Bytes, limits: &Limits) -> Result<Frame<Shared>, Error> {
    decode_in(&Cx::new(SharedSource(input), limits), input)
}

/// Decode only the header: document name and [`FrameKind`] (message type, doc sub-type or
/// snapshot kind), without reading the payload. Uses [`Limits::DEFAULT`].
///
/// For any input, if [`decode`] succeeds this succeeds with the same document and kind; if
/// this fails, [`decode`] fails with the same error. The payload is not checked, so a frame
/// whose header decodes may still be rejected by [`decode`].
///
/// # Errors
///
/// The errors of [`decode`] that concern the header, and [`ErrorKind::TrailingBytes`] after
/// ping or pong.
///
/// ```
/// use yjs_wire::{decode_header, FrameKind, SnapshotKind};
///
/// let header = decode_header(b"YJS\x01\x03doc\x02\x0elist-snapshots").unwrap();
/// assert_eq!(header.document(), Some("doc"));
/// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
/// ```
pub fn decode_header(input: &[u8]) -> Result<Header<'_>, Error> {
    decode_header_with(input, &Limits::DEFAULT)
}

/// [`decode_header`] under the given limits.
///
/// # Errors
///
/// As [`decode_header`].
pub fn decode_header_with<'a>(input: &'a [u8], limits: &Limits) -> Result<Header<'a>, Error> {
    let cx = Cx::new(BorrowedSource, limits);
    check_frame_len(input, limits)?;
    let (body, head) = header::parse(&cx, input).map_err(|e| fault_of(e).into_error(input))?;
    if head.document.is_none() {
        check_end(body).map_err(|e| fault_of(e).into_error(input))?;
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
        .map(|(_, frame)| frame)
        .map_err(|e| fault_of(e).into_error(input))
}

/// Header, then body by kind, then nothing left.
#[inline]
fn parse_frame<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Frame<X::Storage>> {
    let (body, head) = header::parse(cx, input)?;
    let (rest, frame) = match (head.document, head.kind) {
        (_, FrameKind::Ping) => (body, Frame::Ping),
        (_, FrameKind::Pong) => (body, Frame::Pong),
        (None, _) => return fail(ErrorKind::Truncated, input, "the frame"),
        (Some(document), FrameKind::Doc(doc_type)) => {
            let (rest, message) = DocMessage::parse(cx, doc_type, body)?;
            (rest, Frame::Doc { document, message })
        }
        (Some(document), FrameKind::Awareness) => {
            let (rest, message) = AwarenessMessage::parse(cx, body)?;
            (rest, Frame::Awareness { document, message })
        }
        (Some(document), FrameKind::Snapshot(kind)) => {
            let (rest, message) = SnapshotMessage::parse(cx, kind, body)?;
            (rest, Frame::Snapshot { document, message })
        }
    };
    check_end(rest)?;
    Ok((rest, frame))
}
