//! `VectoredFrame`: a [`Frame<Shared>`](Frame) encoded as a small head buffer chained with
//! the frame's payload `Bytes`, so a large payload is sent without being copied.
//!
//! ```text
//! snapshot-fetch-response:  [ "YJS" 01 … META • varUint(len) ]  [ content … ]
//!                             head: fresh, ~100 bytes             payload: the frame's own Bytes
//! ```

use bytes::{buf::Chain, Buf, Bytes, BytesMut};

use crate::{
    lib0::{LenCounter, Sink},
    snapshot::doc::DocMessage,
    snapshot::storage::Shared,
    snapshot::SnapshotMessage,
    Frame,
};

/// A frame's bytes as two chunks: the head (everything before the trailing byte array's
/// bytes) and the payload (those bytes, a clone of the frame's own `Bytes` handle).
///
/// Made by [`Frame::encode_vectored`]. It is a [`Buf`]: pass it to `write_vectored` (through
/// [`Buf::chunks_vectored`]), to a WebSocket send that takes a `Buf`, or collect it. Reading it
/// yields exactly the bytes of [`Frame::to_vec`].
#[derive(Debug)]
pub struct VectoredFrame {
    chunks: Chain<Bytes, Bytes>,
}

impl Clone for VectoredFrame {
    fn clone(&self) -> Self {
        VectoredFrame {
            chunks: self.head().clone().chain(self.payload().clone()),
        }
    }
}

impl VectoredFrame {
    /// The head chunk: magic, version, document, type and every field up to and including
    /// the payload's length prefix (the whole frame when it has no trailing byte array).
    pub fn head(&self) -> &Bytes {
        self.chunks.first_ref()
    }

    /// The payload chunk: the frame's update, state vector or snapshot content, sharing its
    /// memory (empty for frames without one).
    pub fn payload(&self) -> &Bytes {
        self.chunks.last_ref()
    }

    /// The two chunks, head first.
    pub fn into_parts(self) -> (Bytes, Bytes) {
        self.chunks.into_inner()
    }
}

impl Buf for VectoredFrame {
    #[inline]
    fn remaining(&self) -> usize {
        self.chunks.remaining()
    }

    #[inline]
    fn chunk(&self) -> &[u8] {
        self.chunks.chunk()
    }

    #[inline]
    fn advance(&mut self, cnt: usize) {
        self.chunks.advance(cnt);
    }

    #[cfg(feature = "std")]
    #[inline]
    fn chunks_vectored<'a>(&'a self, dst: &mut [std::io::IoSlice<'a>]) -> usize {
        self.chunks.chunks_vectored(dst)
    }

    #[inline]
    fn copy_to_bytes(&mut self, len: usize) -> Bytes {
        self.chunks.copy_to_bytes(len)
    }
}

/// A sink that writes everything except a trailing payload's bytes.
struct SkipPayload<W>(W);

impl<W: Sink> Sink for SkipPayload<&mut W> {
    #[inline]
    fn put_u8(&mut self, byte: u8) {
        self.0.put_u8(byte);
    }
    #[inline]
    fn put_slice(&mut self, bytes: &[u8]) {
        self.0.put_slice(bytes);
    }
    #[inline]
    fn put_payload(&mut self, _bytes: &[u8]) {}
    #[inline]
    fn put_var_uint(&mut self, value: u64) {
        self.0.put_var_uint(value);
    }
}

impl Frame<Shared> {
    /// Encode the frame without copying its payload: a fresh head buffer (everything but the
    /// payload, ~100 bytes for the corpus frames, allocated at its exact size) chained with a
    /// clone of the payload `Bytes` (a reference count, no copy). Time and allocation do not
    /// depend on the payload's size.
    ///
    /// The payload is the last byte array of the frame: a doc message's state vector or
    /// update, an awareness update, or a `snapshot-fetch-response`'s content. Other frames
    /// are all head and an empty payload.
    ///
    /// # Examples
    ///
    /// ```
    /// use yjs_wire::{bytes::{Buf, Bytes}, Frame, U53, snapshot::{Shared, SnapshotMeta}};
    ///
    /// let content = Bytes::from(vec![0xab; 1 << 20]);
    /// let meta = SnapshotMeta::<Shared>::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// let frame = Frame::snapshot_fetch_response(yjs_wire::bytestring::ByteString::from_static("doc"), meta, content.clone());
    ///
    /// let mut out = frame.encode_vectored();
    /// assert_eq!(out.payload().as_ptr(), content.as_ptr()); // the content was not copied
    /// assert_eq!(out.head().len(), 43);
    /// assert_eq!(out.remaining(), frame.encoded_len());
    /// assert_eq!(out.copy_to_bytes(out.remaining()), frame.to_vec());
    /// ```
    pub fn encode_vectored(&self) -> VectoredFrame {
        let mut len = LenCounter::default();
        self.write(&mut SkipPayload(&mut len));
        let mut head = BytesMut::with_capacity(len.0);
        self.write(&mut SkipPayload(&mut head));
        let payload = self.trailing_payload().cloned().unwrap_or_default();
        VectoredFrame {
            chunks: head.freeze().chain(payload),
        }
    }

    /// The byte array the encoder writes through `put_payload`, if the frame has one.
    fn trailing_payload(&self) -> Option<&Bytes> {
        match self {
            Frame::Doc { message, .. } => Some(match message {
                DocMessage::SyncStep1 { state_vector } => state_vector,
                DocMessage::SyncStep2 { update } | DocMessage::Update { update } => update,
            }),
            Frame::Awareness { message, .. } => Some(&message.update),
            Frame::Snapshot {
                message: SnapshotMessage::SnapshotFetchResponse { content, .. },
                ..
            } => Some(content),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{bytestring::ByteString, snapshot::SnapshotMeta, U53};

    fn meta() -> SnapshotMeta<Shared> {
        SnapshotMeta::new(
            U53::from(12u8),
            "Version 12",
            U53::try_from(1_762_000_000_000u64).unwrap(),
            "0b7d0a1e-3f2a-4c9e-a1b2-3c4d5e6f7a8b",
        )
    }

    fn every_shape(payload: &Bytes) -> Vec<Frame<Shared>> {
        let doc = ByteString::from_static("workspace/3f2a9c/notes.md");
        vec![
            Frame::Ping,
            Frame::Pong,
            Frame::sync_step1(doc.clone(), payload.clone()),
            Frame::sync_step2(doc.clone(), payload.clone()),
            Frame::update(doc.clone(), payload.clone()),
            Frame::awareness(doc.clone(), payload.clone()),
            Frame::list_snapshots(doc.clone()),
            Frame::list_snapshots_response(doc.clone(), vec![meta(), meta()]),
            Frame::snapshot_request(doc.clone(), "a", "b"),
            Frame::snapshot_fetch_request(doc.clone(), U53::from(3u8)),
            Frame::snapshot_fetch_response(doc.clone(), meta(), payload.clone()),
            Frame::snapshot_revert_request(doc.clone(), U53::MAX),
            Frame::snapshot_revert_response(doc.clone(), meta()),
            Frame::snapshot_created_event(doc.clone(), meta()),
            Frame::snapshot_reverted_event(doc, meta(), "someone"),
        ]
    }

    #[test]
    fn chunks_are_the_contiguous_bytes_and_the_payload_is_shared() {
        for len in [0usize, 1, 127, 128, 70_000] {
            let payload = Bytes::from((0..len).map(|i| (i % 251) as u8).collect::<Vec<_>>());
            for frame in every_shape(&payload) {
                let out = frame.encode_vectored();
                let expected = frame.to_vec();
                assert_eq!(out.remaining(), expected.len(), "{frame:?}");
                let (head, body) = out.clone().into_parts();
                assert_eq!([&head[..], &body[..]].concat(), expected, "{frame:?}");
                assert_eq!(out.clone().copy_to_bytes(out.remaining()), expected);
                match frame.trailing_payload() {
                    Some(own) => {
                        // Same memory, not a copy.
                        assert_eq!(body.as_ptr(), own.as_ptr());
                        assert_eq!(body.len(), own.len());
                        assert_eq!(head.len() + own.len(), expected.len());
                    }
                    None => assert!(body.is_empty()),
                }
            }
        }
    }

    #[test]
    fn decoded_frames_send_the_input_memory() {
        let input = Frame::snapshot_fetch_response(
            crate::bytestring::ByteString::from_static("d"),
            meta(),
            vec![7u8; 4096],
        )
        .to_bytes();
        let frame = crate::decode_shared(&input).unwrap();
        let out = frame.encode_vectored();
        let content_start = input.len() - 4096;
        assert_eq!(out.payload().as_ptr(), input[content_start..].as_ptr());
        assert_eq!(out.head()[..], input[..content_start]);
    }

    #[cfg(feature = "std")]
    #[test]
    fn chunks_vectored_gives_both_slices() {
        let payload = Bytes::from(vec![1u8; 300]);
        let frame = Frame::update(
            crate::bytestring::ByteString::from_static("doc"),
            payload.clone(),
        );
        let out = frame.encode_vectored();
        let mut slices = [std::io::IoSlice::new(&[]); 4];
        assert_eq!(out.chunks_vectored(&mut slices), 2);
        assert_eq!(slices[1].as_ptr(), payload.as_ptr());
        assert_eq!([&slices[0][..], &slices[1][..]].concat(), frame.to_vec());
    }
}
