//! [`FrameCodec`]: frames on a byte stream (TCP, pipes, stdio), for tokio-util's
//! [`FramedRead`](tokio_util::codec::FramedRead), [`FramedWrite`](tokio_util::codec::FramedWrite)
//! and [`Framed`](tokio_util::codec::Framed).
//!
//! A byte stream has no message boundaries, so each frame is preceded by its length as a
//! varUint, exactly as a lib0 peer batches messages with `writeVarUint8Array(encoder, frame)`:
//!
//! ```text
//! +---------------------+------------------------------+---------------------+-----
//! | varUint(len A)      | frame A (len A bytes)        | varUint(len B)      | …
//! +---------------------+------------------------------+---------------------+-----
//!
//! 07 59 4a 53 70 69 6e 67                        07 • "YJSping"
//! 0b 59 4a 53 01 01 64 01 03 01 02 03            0b • "YJS" 01 01 "d" 01 03 010203
//! ```
//!
//! The length prefix follows the crate's strict varUint rules: shortest form only, at most
//! 2^53 − 1. It is checked against the maximum frame length before any of the frame is
//! buffered, so a peer that announces a 4 GiB frame is rejected after at most 8 bytes.
//!
//! Decoded frames are [`Frame<Shared>`]: the codec splits each frame off the read buffer with
//! [`BytesMut::split_to`] and `freeze`, and every string and byte array of the frame is a
//! [`Bytes`](bytes::Bytes) slice of it. Nothing is copied.

use bytes::{Buf, BufMut, BytesMut};
use std::io;
use tokio_util::codec::{Decoder, Encoder};

use crate::{
    lib0::var_uint, snapshot::storage::Storage, snapshot::Shared, Error, ErrorKind, Frame, Limits,
};

/// How much read buffer a decoder reserves ahead for an incomplete frame, at most.
const RESERVE_AHEAD: usize = 64 * 1024;

/// A tokio-util [`Decoder`] and [`Encoder`] of varUint-length-prefixed frames.
///
/// - Decoding yields [`Frame<Shared>`], checked with the codec's [`Limits`] exactly as
///   [`Decoder::decode_shared`](crate::Decoder::decode_shared) checks it. Input that ends inside a length prefix or a frame is
///   "need more bytes" (`Ok(None)`), never an error.
/// - Encoding accepts a [`Frame`] (or `&Frame`) in any storage and writes
///   `varUint(len) • frame`, the bytes of lib0's `writeVarUint8Array`.
/// - The maximum frame length is [`Limits::max_frame_bytes`] (16 MiB by default), for both
///   directions. A longer frame is a [`CodecError::FrameTooLong`], reported from the length
///   prefix alone, before the frame's bytes are read or buffered.
///
/// After a [`CodecError::Frame`] the frame's bytes have been consumed and the stream is still
/// in sync: a caller driving the codec by hand may go on decoding. Any other error means the
/// stream cannot be resynchronised. (tokio-util's `FramedRead` ends the stream after any
/// error.)
///
/// ```
/// use bytes::BytesMut;
/// use tokio_util::codec::{Decoder, Encoder};
/// use yjs_wire::{Frame, FrameCodec, snapshot::{Borrowed}};
///
/// let mut codec = FrameCodec::new();
/// let mut buf = BytesMut::new();
/// codec.encode(Frame::<Borrowed>::Ping, &mut buf)?;
/// codec.encode(Frame::awareness("d", &[1, 2, 3][..]), &mut buf)?;
/// assert_eq!(&buf[..], b"\x07YJSping\x0bYJS\x01\x01d\x01\x03\x01\x02\x03");
///
/// let mut input = BytesMut::from(&buf[..9]); // the ping and one byte of the next prefix
/// assert_eq!(codec.decode(&mut input)?, Some(Frame::Ping));
/// assert_eq!(codec.decode(&mut input)?, None); // need more bytes
/// input.extend_from_slice(&buf[9..]);
/// let frame = codec.decode(&mut input)?.unwrap();
/// assert_eq!(frame.document(), Some("d"));
/// # Ok::<(), yjs_wire::CodecError>(())
/// ```
///
/// Over TCP, with [`Framed`](tokio_util::codec::Framed) (a loopback echo):
///
/// ```
/// use futures_util::{SinkExt, StreamExt};
/// use std::time::Duration;
/// use tokio::net::{TcpListener, TcpStream};
/// use tokio_util::codec::Framed;
/// use yjs_wire::{Frame, FrameCodec, snapshot::{Borrowed}};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let listener = TcpListener::bind("127.0.0.1:0").await?;
/// let addr = listener.local_addr()?;
/// let server = tokio::spawn(async move {
///     let (socket, _) = listener.accept().await?;
///     let mut frames = Framed::new(socket, FrameCodec::new());
///     while let Some(frame) = frames.next().await {
///         frames.send(frame?).await?; // echo each frame back
///     }
///     Ok::<_, yjs_wire::CodecError>(())
/// });
///
/// let socket = TcpStream::connect(addr).await?;
/// let mut client = Framed::new(socket, FrameCodec::new());
/// client.send(Frame::update("notes", &[0x01, 0x02][..])).await?;
/// let echoed = tokio::time::timeout(Duration::from_secs(10), client.next()).await?;
/// let echoed = echoed.ok_or("connection closed")??;
/// assert_eq!(echoed.to_vec(), b"YJS\x01\x05notes\x00\x02\x02\x01\x02");
///
/// drop(client); // the server sees the end of the stream and returns
/// tokio::time::timeout(Duration::from_secs(10), server).await???;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrameCodec {
    limits: Limits,
}

/// Why a [`FrameCodec`] stopped: an I/O error, a bad length prefix, or a bad frame.
///
/// ```
/// use bytes::BytesMut;
/// use tokio_util::codec::Decoder;
/// use yjs_wire::{CodecError, ErrorKind, FrameCodec};
///
/// let mut codec = FrameCodec::new();
/// // 80 00: a non-canonical length prefix.
/// let err = codec.decode(&mut BytesMut::from(&b"\x80\x00"[..])).unwrap_err();
/// assert!(matches!(err, CodecError::LengthPrefix(e) if e.kind() == ErrorKind::NonCanonicalVarint));
/// // 03 • "YJZ": a whole frame of 3 bytes with a bad magic; its bytes are consumed.
/// let mut input = BytesMut::from(&b"\x03YJZ"[..]);
/// let err = codec.decode(&mut input).unwrap_err();
/// assert!(matches!(err, CodecError::Frame(e) if e.kind() == ErrorKind::BadMagic));
/// assert!(input.is_empty());
/// // 07 • "YJS" and the stream ends.
/// let err = codec.decode_eof(&mut BytesMut::from(&b"\x07YJS"[..])).unwrap_err();
/// assert!(matches!(err, CodecError::UnexpectedEof { buffered: 4 }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// Reading or writing the underlying stream failed.
    #[error("i/o error: {0}")]
    Io(#[from] io::Error),
    /// A frame's length prefix is over the maximum frame length (decoding), or a frame to
    /// send is (encoding). Nothing of the frame was buffered or written.
    #[error("frame of {len} bytes is over the maximum frame length of {max} bytes")]
    FrameTooLong {
        /// The length the prefix announced (or the encoded length of the frame to send).
        len: u64,
        /// The maximum frame length in force.
        max: usize,
    },
    /// The length prefix is not a strict varUint: longer than its shortest form
    /// ([`ErrorKind::NonCanonicalVarint`]) or above 2^53 − 1
    /// ([`ErrorKind::IntegerOutOfRange`]). The offset is `0`, the prefix's first byte.
    #[error("bad frame length prefix: {0}")]
    LengthPrefix(Error),
    /// A complete frame was read but does not decode; its bytes were consumed. The offset is
    /// within the frame, not the stream.
    #[error("bad frame: {0}")]
    Frame(#[from] Error),
    /// The stream ended inside a length prefix or a frame.
    #[error("stream ended inside a frame ({buffered} bytes buffered)")]
    UnexpectedEof {
        /// How many bytes of the incomplete prefix and frame had arrived.
        buffered: usize,
    },
}

impl FrameCodec {
    /// A codec under [`Limits::DEFAULT`]: frames up to 16 MiB.
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use tokio_util::codec::Decoder;
    /// use yjs_wire::FrameCodec;
    ///
    /// let mut codec = FrameCodec::new();
    /// let frame = codec.decode(&mut BytesMut::from(&b"\x07YJSpong"[..]))?;
    /// assert_eq!(frame.map(|f| f.to_vec()), Some(b"YJSpong".to_vec()));
    /// # Ok::<(), yjs_wire::CodecError>(())
    /// ```
    pub const fn new() -> FrameCodec {
        FrameCodec::with_limits(Limits::DEFAULT)
    }

    /// A codec that decodes under `limits`; its maximum frame length is
    /// `limits.max_frame_bytes`.
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use tokio_util::codec::Decoder;
    /// use yjs_wire::{CodecError, ErrorKind, FrameCodec, Limits};
    ///
    /// let mut limits = Limits::DEFAULT;
    /// limits.max_name_bytes = 2;
    /// let mut codec = FrameCodec::with_limits(limits);
    /// // 0a • an awareness frame of 10 bytes for "doc", a name over 2 bytes.
    /// let err = codec.decode(&mut BytesMut::from(&b"\x0aYJS\x01\x03doc\x01\x00"[..])).unwrap_err();
    /// assert!(matches!(err, CodecError::Frame(e) if e.kind() == ErrorKind::LimitExceeded));
    /// ```
    pub const fn with_limits(limits: Limits) -> FrameCodec {
        FrameCodec { limits }
    }

    /// The limits frames are decoded under.
    ///
    /// ```
    /// use yjs_wire::{FrameCodec, Limits};
    ///
    /// assert_eq!(FrameCodec::new().limits(), &Limits::DEFAULT);
    /// ```
    pub const fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The largest frame (not counting its length prefix) the codec reads or writes.
    ///
    /// ```
    /// use yjs_wire::FrameCodec;
    ///
    /// assert_eq!(FrameCodec::new().max_frame_length(), 16 * 1024 * 1024);
    /// ```
    pub const fn max_frame_length(&self) -> usize {
        self.limits.max_frame_bytes
    }

    /// Set the largest frame the codec reads or writes (the `max_frame_bytes` of its limits).
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use tokio_util::codec::Decoder;
    /// use yjs_wire::{CodecError, FrameCodec};
    ///
    /// let mut codec = FrameCodec::new();
    /// codec.set_max_frame_length(16);
    /// // A prefix announcing 1000 bytes (e8 07) is rejected before any of them arrive.
    /// let err = codec.decode(&mut BytesMut::from(&b"\xe8\x07"[..])).unwrap_err();
    /// assert!(matches!(err, CodecError::FrameTooLong { len: 1000, max: 16 }));
    /// ```
    pub fn set_max_frame_length(&mut self, max: usize) {
        self.limits.max_frame_bytes = max;
    }

    /// This codec with the given maximum frame length.
    ///
    /// ```
    /// use bytes::BytesMut;
    /// use tokio_util::codec::Encoder;
    /// use yjs_wire::{CodecError, Frame, FrameCodec, snapshot::{Borrowed}};
    ///
    /// let mut codec = FrameCodec::new().with_max_frame_length(7);
    /// let mut out = BytesMut::new();
    /// codec.encode(Frame::<Borrowed>::Ping, &mut out)?; // 7 bytes: fits
    /// assert_eq!(&out[..], b"\x07YJSping");
    /// let err = codec.encode(Frame::awareness("d", &[][..]), &mut out).unwrap_err();
    /// assert!(matches!(err, CodecError::FrameTooLong { len: 8, max: 7 }));
    /// # Ok::<(), yjs_wire::CodecError>(())
    /// ```
    pub const fn with_max_frame_length(mut self, max: usize) -> FrameCodec {
        self.limits.max_frame_bytes = max;
        self
    }

    /// The frame length announced at the start of `src` and the prefix's size, `None` if
    /// the prefix is incomplete.
    fn peek_length(&self, src: &[u8]) -> Result<Option<(usize, usize)>, CodecError> {
        const PREFIX: &str = "the frame length prefix";
        let (rest, len) = match var_uint::parse(src, PREFIX) {
            Ok(parsed) => parsed,
            Err(err) => {
                let fault = err;
                return match fault.kind {
                    ErrorKind::Truncated => Ok(None),
                    _ => Err(CodecError::LengthPrefix(fault.into_error(src))),
                };
            }
        };
        let max = self.max_frame_length();
        match usize::try_from(len) {
            Ok(frame_len) if frame_len <= max => {
                let prefix_len = src.len().saturating_sub(rest.len());
                Ok(Some((prefix_len, frame_len)))
            }
            _ => Err(CodecError::FrameTooLong { len, max }),
        }
    }

    fn encode_frame<S: Storage>(
        &self,
        frame: &Frame<S>,
        dst: &mut BytesMut,
    ) -> Result<(), CodecError> {
        let len = frame.encoded_len();
        let max = self.max_frame_length();
        let announced = u64::try_from(len).unwrap_or(u64::MAX);
        if len > max || announced > crate::U53::MAX.get() {
            return Err(CodecError::FrameTooLong {
                len: announced,
                max,
            });
        }
        let (prefix, prefix_len) = var_uint::encode_array(announced);
        let prefix = prefix.get(..prefix_len).unwrap_or_default();
        dst.reserve(prefix.len().saturating_add(len));
        dst.put_slice(prefix);
        frame.encode(dst);
        Ok(())
    }
}

impl Default for FrameCodec {
    fn default() -> FrameCodec {
        FrameCodec::new()
    }
}

impl Decoder for FrameCodec {
    type Item = Frame<Shared>;
    type Error = CodecError;

    /// Decode the next frame of `src`, or `Ok(None)` if its prefix or body is not complete
    /// yet (room for the rest of the frame, up to 64 KiB, is then reserved in `src`).
    ///
    /// # Errors
    ///
    /// [`CodecError::LengthPrefix`] and [`CodecError::FrameTooLong`] from the prefix alone;
    /// [`CodecError::Frame`] if a complete frame does not decode.
    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<Frame<Shared>>, CodecError> {
        let Some((prefix_len, frame_len)) = self.peek_length(src)? else {
            return Ok(None);
        };
        let needed = prefix_len.saturating_add(frame_len);
        if src.len() < needed {
            // Room for the rest of the frame, but at most RESERVE_AHEAD at a time: a peer
            // that announces 16 MiB and sends nothing more must not pin 16 MiB per connection.
            src.reserve(needed.saturating_sub(src.len()).min(RESERVE_AHEAD));
            return Ok(None);
        }
        src.advance(prefix_len);
        let bytes = src.split_to(frame_len).freeze();
        Ok(Some(
            crate::Decoder::new()
                .with_limits(self.limits)
                .decode_shared(&bytes)?,
        ))
    }

    /// As [`decode`](Self::decode); at the end of the stream, leftover bytes of an
    /// incomplete frame are an error.
    ///
    /// # Errors
    ///
    /// As [`decode`](Self::decode), and [`CodecError::UnexpectedEof`].
    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<Frame<Shared>>, CodecError> {
        match self.decode(src)? {
            Some(frame) => Ok(Some(frame)),
            None if src.is_empty() => Ok(None),
            None => Err(CodecError::UnexpectedEof {
                buffered: src.len(),
            }),
        }
    }
}

impl<S: Storage> Encoder<Frame<S>> for FrameCodec {
    type Error = CodecError;

    /// Append `varUint(len) • frame` to `dst`.
    ///
    /// # Errors
    ///
    /// [`CodecError::FrameTooLong`] if the frame is over the maximum frame length; nothing
    /// is written then.
    fn encode(&mut self, frame: Frame<S>, dst: &mut BytesMut) -> Result<(), CodecError> {
        self.encode_frame(&frame, dst)
    }
}

impl<S: Storage> Encoder<&Frame<S>> for FrameCodec {
    type Error = CodecError;

    /// Append `varUint(len) • frame` to `dst`.
    ///
    /// # Errors
    ///
    /// As for an owned frame.
    fn encode(&mut self, frame: &Frame<S>, dst: &mut BytesMut) -> Result<(), CodecError> {
        self.encode_frame(frame, dst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::Borrowed, U53};

    fn framed(frames: &[Frame<Borrowed<'_>>]) -> Vec<u8> {
        let mut codec = FrameCodec::new();
        let mut buf = BytesMut::new();
        for frame in frames {
            codec.encode(frame, &mut buf).unwrap();
        }
        buf.to_vec()
    }

    fn sample() -> Vec<Frame<Borrowed<'static>>> {
        vec![
            Frame::Ping,
            Frame::update("doc", &[1, 2, 3][..]),
            Frame::list_snapshots("a/b"),
            Frame::awareness("doc", &[0xaa; 200][..]), // a two-byte length prefix
            Frame::snapshot_fetch_request("doc", U53::MAX),
            Frame::Pong,
        ]
    }

    /// Feed `input` to a fresh codec in pieces of `step` bytes, as a socket might deliver it.
    fn decode_in_steps(input: &[u8], step: usize) -> Vec<Frame<Shared>> {
        let mut codec = FrameCodec::new();
        let mut buf = BytesMut::new();
        let mut out = Vec::new();
        for piece in input.chunks(step) {
            buf.extend_from_slice(piece);
            while let Some(frame) = codec.decode(&mut buf).unwrap() {
                out.push(frame);
            }
        }
        assert_eq!(codec.decode_eof(&mut buf).unwrap(), None);
        assert!(buf.is_empty());
        out
    }

    #[test]
    fn prefix_is_lib0_var_uint8_array() {
        assert_eq!(framed(&[Frame::Ping]), b"\x07YJSping");
        let big = framed(&[Frame::awareness("doc", &[0xaa; 200][..])]);
        // frame = "YJS" 01 03 "doc" 01 c8 01 + 200 bytes = 211 = 0xd3 -> d3 01
        assert_eq!(&big[..3], b"\xd3\x01Y");
        assert_eq!(big.len(), 2 + 211);
    }

    #[test]
    fn byte_by_byte_and_in_odd_pieces() {
        let frames = sample();
        let input = framed(&frames);
        for step in [1, 2, 3, 7, 64, input.len()] {
            let decoded = decode_in_steps(&input, step);
            let again: Vec<Vec<u8>> = decoded.iter().map(Frame::to_vec).collect();
            let expected: Vec<Vec<u8>> = frames.iter().map(Frame::to_vec).collect();
            assert_eq!(again, expected, "step {step}");
        }
    }

    #[test]
    fn partial_input_is_never_an_error() {
        let input = framed(&sample());
        for end in 0..input.len() {
            let mut codec = FrameCodec::new();
            let mut buf = BytesMut::from(&input[..end]);
            while codec.decode(&mut buf).unwrap().is_some() {}
        }
    }

    #[test]
    fn decoded_frames_share_the_read_buffer() {
        let input = framed(&[Frame::update("doc", &[9; 32][..])]);
        let mut buf = BytesMut::from(&input[..]);
        let start = buf.as_ptr() as usize;
        let Some(Frame::Doc { message, .. }) = FrameCodec::new().decode(&mut buf).unwrap() else {
            panic!("expected a doc frame");
        };
        let payload = message.payload();
        let at = payload.as_ptr() as usize - start;
        assert_eq!(&input[at..at + payload.len()], payload);
        assert_eq!(at, input.len() - 32);
    }

    #[test]
    fn too_long_is_rejected_from_the_prefix_alone() {
        let mut codec = FrameCodec::new().with_max_frame_length(10);
        assert_eq!(codec.max_frame_length(), 10);
        let mut buf = BytesMut::from(&b"\x0b"[..]);
        let err = codec.decode(&mut buf).unwrap_err();
        assert!(matches!(err, CodecError::FrameTooLong { len: 11, max: 10 }));
        assert_eq!(
            err.to_string(),
            "frame of 11 bytes is over the maximum frame length of 10 bytes"
        );
        // Exactly the maximum is fine.
        let mut buf = BytesMut::from(&b"\x0a"[..]);
        assert_eq!(codec.decode(&mut buf).unwrap(), None);
        assert!(buf.capacity() >= 11);

        // The largest prefix a peer can send, 2^53 - 1, under the default limit.
        let mut buf = BytesMut::from(&b"\xff\xff\xff\xff\xff\xff\xff\x0f"[..]);
        let err = FrameCodec::new().decode(&mut buf).unwrap_err();
        assert!(matches!(
            err,
            CodecError::FrameTooLong {
                len: 9_007_199_254_740_991,
                max: 16_777_216
            }
        ));
    }

    #[test]
    fn an_announced_frame_reserves_room_gradually() {
        let mut codec = FrameCodec::new();
        // 2^24 bytes announced (80 80 80 08): allowed, but not reserved all at once.
        let mut buf = BytesMut::from(&b"\x80\x80\x80\x08"[..]);
        assert_eq!(codec.decode(&mut buf).unwrap(), None);
        assert!(buf.capacity() >= 4 + RESERVE_AHEAD);
        assert!(buf.capacity() < 1 << 20);
        // A small frame gets all its room at once.
        let mut buf = BytesMut::from(&b"\xc8\x01"[..]);
        assert_eq!(codec.decode(&mut buf).unwrap(), None);
        assert!(buf.capacity() >= 2 + 200);
    }

    #[test]
    fn default_max_is_the_default_frame_limit() {
        assert_eq!(FrameCodec::default().max_frame_length(), 16 * 1024 * 1024);
        assert_eq!(FrameCodec::new().limits(), &Limits::DEFAULT);
        let mut codec = FrameCodec::new();
        codec.set_max_frame_length(3);
        assert_eq!(codec.limits().max_frame_bytes, 3);
    }

    #[test]
    fn encode_refuses_frames_over_the_maximum() {
        let mut codec = FrameCodec::new().with_max_frame_length(6);
        let mut buf = BytesMut::new();
        let err = codec.encode(Frame::<Borrowed>::Ping, &mut buf).unwrap_err();
        assert!(matches!(err, CodecError::FrameTooLong { len: 7, max: 6 }));
        assert!(buf.is_empty());
    }

    #[test]
    fn non_canonical_or_oversized_prefix_is_an_error() {
        for (bytes, kind) in [
            (&b"\x87\x00YJSping"[..], ErrorKind::NonCanonicalVarint),
            (&b"\x80\x80\x00"[..], ErrorKind::NonCanonicalVarint),
            (
                &b"\xff\xff\xff\xff\xff\xff\xff\x10"[..],
                ErrorKind::IntegerOutOfRange,
            ),
            (&[0xff; 9][..], ErrorKind::IntegerOutOfRange),
        ] {
            let mut buf = BytesMut::from(bytes);
            match FrameCodec::new().decode(&mut buf) {
                Err(CodecError::LengthPrefix(err)) => {
                    assert_eq!((err.kind(), err.offset()), (kind, 0), "{bytes:02x?}");
                }
                other => panic!("{bytes:02x?}: {other:?}"),
            }
        }
        // Seven continuation bytes are still an incomplete (valid so far) prefix.
        let mut buf = BytesMut::from(&[0x80; 7][..]);
        assert_eq!(FrameCodec::new().decode(&mut buf).unwrap(), None);
    }

    #[test]
    fn bad_frame_is_consumed_and_the_stream_stays_in_sync() {
        let mut input = b"\x08YJSping!".to_vec();
        input.extend(framed(&[Frame::Pong]));
        let mut codec = FrameCodec::new();
        let mut buf = BytesMut::from(&input[..]);
        match codec.decode(&mut buf) {
            Err(CodecError::Frame(err)) => {
                assert_eq!((err.kind(), err.offset()), (ErrorKind::TrailingBytes, 7));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(codec.decode(&mut buf).unwrap(), Some(Frame::Pong));
    }

    #[test]
    fn frame_limits_apply_inside_the_frame() {
        let mut limits = Limits::DEFAULT;
        limits.max_name_bytes = 2;
        let mut codec = FrameCodec::with_limits(limits);
        let mut buf = BytesMut::from(&framed(&[Frame::list_snapshots("abc")])[..]);
        match codec.decode(&mut buf) {
            Err(CodecError::Frame(err)) => {
                assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 4));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn eof_inside_a_frame_is_an_error_and_empty_eof_is_not() {
        let mut codec = FrameCodec::new();
        assert_eq!(codec.decode_eof(&mut BytesMut::new()).unwrap(), None);
        let mut buf = BytesMut::from(&b"\x07YJSp"[..]);
        assert!(matches!(
            codec.decode_eof(&mut buf),
            Err(CodecError::UnexpectedEof { buffered: 5 })
        ));
        let mut buf = BytesMut::from(&b"\x80"[..]);
        assert!(matches!(
            codec.decode_eof(&mut buf),
            Err(CodecError::UnexpectedEof { buffered: 1 })
        ));
    }

    #[test]
    fn empty_frame_body_decodes_as_a_frame_error() {
        let mut buf = BytesMut::from(&b"\x00"[..]);
        match FrameCodec::new().decode(&mut buf) {
            Err(CodecError::Frame(err)) => assert_eq!(err.kind(), ErrorKind::Truncated),
            other => panic!("{other:?}"),
        }
        assert!(buf.is_empty());
    }
}
