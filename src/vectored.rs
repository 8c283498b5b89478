//! [`VectoredFrame`]: a frame's bytes as a small fresh head and a body that shares memory
//! with something already in hand, so a large body is sent without being copied.
//!
//! Two things make one:
//!
//! ```text
//! Frame::encode_vectored   [ "YJS" 01 … META • varUint(len) ] [ content …                  ]
//!                            head: written fresh, ~100 bytes    body: the frame's own Bytes
//!
//! server::retarget         [ "YJS" 01 varString(new name)  ] [ type • the original body … ]
//!                            head: written fresh                body: a slice of the input
//! ```
//!
//! Either way, reading the value (it is a [`Buf`]) yields the frame's bytes, head first: pass
//! it to `write_vectored` through [`Buf::chunks_vectored`], to a WebSocket send that takes a
//! `Buf`, or copy it once into one buffer with [`to_vec`](VectoredFrame::to_vec) /
//! [`to_bytes`](VectoredFrame::to_bytes).

use alloc::vec::Vec;
use bytes::{Buf, BufMut, Bytes};

/// A frame's bytes as two chunks: a head written fresh, then a body that shares memory with
/// the frame or input it came from (a clone of a `Bytes` handle: a reference count, no copy).
///
/// Made by [`Frame::encode_vectored`](crate::Frame::encode_vectored) (the body is the frame's
/// trailing byte array: update, state vector or snapshot content) and by
/// [`server::retarget`](crate::server::retarget) (the body is the original frame from its
/// message-type byte on). [`from_parts`](Self::from_parts) makes one from any two chunks.
///
/// It is a [`Buf`]: reading it yields the head's bytes, then the body's, and
/// [`Buf::remaining`] is the frame's length. [`head`](Self::head) and [`body`](Self::body)
/// are the parts not read yet.
///
/// ```
/// use yjs_wire::{bytes::{Buf, Bytes}, bytestring::ByteString, Frame, VectoredFrame};
///
/// let update = Bytes::from(vec![0xab; 1 << 20]);
/// let doc = ByteString::from_static("doc"); // shared storage: encode_vectored shares memory
/// let mut out = Frame::update(doc, update.clone()).encode_vectored();
/// assert_eq!(out.head().as_ref(), b"YJS\x01\x03doc\x00\x02\x80\x80\x40"); // 13 bytes
/// assert_eq!(out.body().as_ptr(), update.as_ptr()); // the update was not copied
/// assert_eq!(out.remaining(), 13 + (1 << 20));
///
/// out.advance(4);
/// assert_eq!(out.chunk(), b"\x03doc\x00\x02\x80\x80\x40");
/// let (head, body) = out.into_parts();
/// assert_eq!((head.len(), body.len()), (9, 1 << 20));
/// # let _ = VectoredFrame::from_parts(head, body);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct VectoredFrame {
    head: Bytes,
    body: Bytes,
}

impl VectoredFrame {
    /// A frame made of `head` then `body`.
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, VectoredFrame};
    ///
    /// let frame = VectoredFrame::from_parts(Bytes::from_static(b"YJS"), Bytes::from_static(b"ping"));
    /// assert_eq!(frame.to_vec(), b"YJSping");
    /// ```
    pub const fn from_parts(head: Bytes, body: Bytes) -> VectoredFrame {
        VectoredFrame { head, body }
    }

    /// The head (what is left of it to read): the bytes written fresh, from `"YJS"` up to
    /// where the shared body starts.
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, server::retarget};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// assert_eq!(&retarget(&frame, "d")?.head()[..], b"YJS\x01\x01d");
    /// # Ok::<(), yjs_wire::server::RetargetError>(())
    /// ```
    pub fn head(&self) -> &Bytes {
        &self.head
    }

    /// The body (what is left of it to read): bytes shared with the frame or input the value
    /// was made from, not copied. Empty when the frame has nothing to share (a ping, a
    /// `list-snapshots` request).
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, server::retarget};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let body = retarget(&frame, "d")?.body().clone();
    /// assert_eq!(&body[..], b"\x00\x02\x02\x01\xff"); // type 00, update, 02 01 ff
    /// assert_eq!(body.as_ptr(), frame[8..].as_ptr());
    /// # Ok::<(), yjs_wire::server::RetargetError>(())
    /// ```
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The two chunks, head first.
    ///
    /// ```
    /// use yjs_wire::{bytestring::ByteString, Frame};
    ///
    /// let frame = Frame::awareness(ByteString::from_static("d"), vec![1u8, 2, 3]);
    /// let (head, body) = frame.encode_vectored().into_parts();
    /// assert_eq!((&head[..], &body[..]), (&b"YJS\x01\x01d\x01\x03"[..], &[1, 2, 3][..]));
    /// ```
    pub fn into_parts(self) -> (Bytes, Bytes) {
        (self.head, self.body)
    }

    /// The bytes left to read in one new `Vec`, allocated once at the exact size (one copy).
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, server::retarget};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x01d\x02\x0elist-snapshots");
    /// assert_eq!(retarget(&frame, "e")?.to_vec(), b"YJS\x01\x01e\x02\x0elist-snapshots");
    /// # Ok::<(), yjs_wire::server::RetargetError>(())
    /// ```
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.remaining());
        out.put_slice(&self.head);
        out.put_slice(&self.body);
        out
    }

    /// The bytes left to read as one contiguous `Bytes` (one copy; none if the head is
    /// empty, then it is the body's handle).
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, decode_shared, server::retarget};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let moved = retarget(&frame, "d")?.to_bytes();
    /// assert_eq!(decode_shared(&moved).unwrap().document(), Some("d"));
    /// # Ok::<(), yjs_wire::server::RetargetError>(())
    /// ```
    pub fn to_bytes(&self) -> Bytes {
        if self.head.is_empty() {
            return self.body.clone();
        }
        Bytes::from(self.to_vec())
    }
}

impl Buf for VectoredFrame {
    #[inline]
    fn remaining(&self) -> usize {
        self.head.len().saturating_add(self.body.len())
    }

    #[inline]
    fn chunk(&self) -> &[u8] {
        if self.head.is_empty() {
            &self.body
        } else {
            &self.head
        }
    }

    /// # Panics
    ///
    /// If `cnt` is more than [`remaining`](Buf::remaining), as every `Buf` does.
    #[inline]
    fn advance(&mut self, cnt: usize) {
        let from_head = cnt.min(self.head.len());
        self.head.advance(from_head);
        self.body.advance(cnt.saturating_sub(from_head));
    }

    #[cfg(feature = "std")]
    #[inline]
    fn chunks_vectored<'a>(&'a self, dst: &mut [std::io::IoSlice<'a>]) -> usize {
        let chunks = [&self.head, &self.body];
        dst.iter_mut()
            .zip(chunks.into_iter().filter(|chunk| !chunk.is_empty()))
            .map(|(slot, chunk)| *slot = std::io::IoSlice::new(chunk))
            .count()
    }

    #[inline]
    fn copy_to_bytes(&mut self, len: usize) -> Bytes {
        // Within one chunk: a slice of it, no copy.
        if len <= self.head.len() {
            return self.head.split_to(len);
        }
        if self.head.is_empty() {
            return self.body.split_to(len);
        }
        // Both: the head and the start of the body, copied into one buffer.
        let body = self.body.split_to(len.saturating_sub(self.head.len()));
        let mut out = Vec::with_capacity(len);
        out.put_slice(&self.head);
        out.put_slice(&body);
        self.head.clear();
        Bytes::from(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(head: &'static [u8], body: &'static [u8]) -> VectoredFrame {
        VectoredFrame::from_parts(Bytes::from_static(head), Bytes::from_static(body))
    }

    /// Reading in every split gives the bytes of `to_vec`; `head`/`body` shrink as read.
    #[test]
    fn reads_head_then_body_in_any_steps() {
        for (head, body) in [
            (&b"YJS\x01"[..], &b"\x01d\x01\x00"[..]),
            (b"", b"YJSping"),
            (b"YJSpong", b""),
            (b"", b""),
        ] {
            let whole = [head, body].concat();
            let frame = parts(head, body);
            assert_eq!(frame.to_vec(), whole);
            assert_eq!(&frame.to_bytes()[..], &whole[..]);
            assert_eq!(frame.remaining(), whole.len());
            for step in 1..=whole.len().max(1) {
                let mut buf = frame.clone();
                let mut read = Vec::new();
                while buf.has_remaining() {
                    let chunk = buf.chunk();
                    assert!(!chunk.is_empty(), "a non-empty frame has a non-empty chunk");
                    let n = chunk.len().min(step);
                    read.extend_from_slice(&chunk[..n]);
                    buf.advance(n);
                    assert_eq!(buf.remaining(), whole.len() - read.len());
                    assert_eq!(buf.to_vec(), whole[read.len()..]);
                    assert_eq!(buf.head().len() + buf.body().len(), buf.remaining());
                }
                assert_eq!(read, whole);
                for take in 0..=whole.len() {
                    let mut buf = frame.clone();
                    assert_eq!(buf.copy_to_bytes(take), whole[..take]);
                    assert_eq!(buf.to_vec(), whole[take..]);
                }
            }
        }
    }

    #[test]
    fn advancing_across_the_boundary() {
        let mut frame = parts(b"abc", b"defg");
        frame.advance(5);
        assert!(frame.head().is_empty());
        assert_eq!(&frame.body()[..], b"fg");
        assert_eq!(frame.chunk(), b"fg");
        assert_eq!(frame.clone().into_parts().1, Bytes::from_static(b"fg"));
    }

    /// Copies are taken only where two chunks must become one.
    #[test]
    fn single_chunk_results_share_memory() {
        static BODY: &[u8] = b"0123456789";
        let frame = parts(b"", BODY);
        assert_eq!(frame.to_bytes().as_ptr(), BODY.as_ptr());
        let mut buf = parts(b"ab", BODY);
        assert_eq!(buf.copy_to_bytes(2), Bytes::from_static(b"ab"));
        assert_eq!(buf.copy_to_bytes(4).as_ptr(), BODY.as_ptr());
    }

    #[cfg(feature = "std")]
    #[test]
    fn chunks_vectored_gives_the_non_empty_chunks() {
        let mut slices = [std::io::IoSlice::new(&[]); 4];
        let frame = parts(b"head", b"body");
        assert_eq!(frame.chunks_vectored(&mut slices), 2);
        assert_eq!(
            (&slices[0][..], &slices[1][..]),
            (&b"head"[..], &b"body"[..])
        );
        assert_eq!(frame.chunks_vectored(&mut slices[..1]), 1);
        let body_only = parts(b"", b"body");
        assert_eq!(body_only.chunks_vectored(&mut slices), 1);
        assert_eq!(&slices[0][..], b"body");
        let empty = parts(b"", b"");
        assert_eq!(empty.chunks_vectored(&mut slices), 0);
        assert_eq!(frame.chunks_vectored(&mut []), 0);
    }
}
