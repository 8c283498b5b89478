//! Where decoded strings and byte arrays live: borrowed from the input, or shared `Bytes`.
//!
//! ```text
//! input:   59 4a 53 01 03 64 6f 63 01 02 2a 2b
//!                         \______/       \___/
//! Borrowed:   document = &input[5..8]    update = &input[10..12]
//! Shared:     document = ByteString      update = Bytes
//!             (both slices of the input Bytes, reference-counted, no copy)
//! ```

use bytes::Bytes;
use bytestring::ByteString;
use core::{fmt, hash::Hash, marker::PhantomData, ops::Deref};

use crate::snapshot::parse::{Cx, Element, Source};

/// The storage a message's strings and byte arrays use.
///
/// There are exactly two, and the trait is sealed:
/// - [`Borrowed<'a>`]: `&'a str` and `&'a [u8]` slices of the input. Decoding allocates nothing.
/// - [`Shared`]: [`ByteString`] and [`Bytes`] handles into the input `Bytes`. Decoding copies
///   nothing, checks each string once, and the message outlives the input borrow.
///
/// Every message type is generic over its storage, so both forms share one definition, one
/// encoder and one set of constructors.
///
/// ```
/// use yjs_wire::{Frame, snapshot::{Storage}};
///
/// /// Works on frames from `decode` and from `decode_shared` alike.
/// fn payload_len<S: Storage>(frame: &Frame<S>) -> usize {
///     match frame {
///         Frame::Doc { message, .. } => message.payload().len(),
///         Frame::Awareness { message, .. } => message.update.len(),
///         _ => 0,
///     }
/// }
///
/// let bytes = b"YJS\x01\x03doc\x01\x02\x2a\x2b";
/// assert_eq!(payload_len(&yjs_wire::decode(bytes)?), 2);
/// assert_eq!(payload_len(&yjs_wire::decode_shared(&bytes::Bytes::from_static(bytes))?), 2);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub trait Storage: sealed::Sealed + Clone + fmt::Debug + PartialEq + Eq + Hash {
    /// A UTF-8 string.
    type Str: Deref<Target = str> + Clone + fmt::Debug + PartialEq + Eq + Hash;
    /// A byte array.
    type Bytes: Deref<Target = [u8]> + Clone + fmt::Debug + PartialEq + Eq + Hash;
}

/// A document name as a frame constructor takes it. Its type chooses the frame's storage, so
/// constructors need no turbofish: `&str` (or `&String`) builds a [`Frame<Borrowed>`], a
/// [`ByteString`] (or `&ByteString`, or a `String`) a [`Frame<Shared>`].
///
/// [`Frame<Borrowed>`]: crate::Frame
/// [`Frame<Shared>`]: crate::Frame
///
/// ```
/// use yjs_wire::{bytes::Bytes, bytestring::ByteString, snapshot::{Borrowed, Shared}, Frame};
///
/// let borrowed: Frame<Borrowed> = Frame::update("doc", &[1, 2][..]);
/// let shared: Frame<Shared> = Frame::update(ByteString::from_static("doc"), Bytes::from_static(&[1, 2]));
/// assert_eq!(borrowed.to_vec(), shared.to_vec());
/// ```
pub trait DocumentName {
    /// The storage of the frames built with this name.
    type Storage: Storage;
    /// The name as that storage's string.
    fn into_str(self) -> <Self::Storage as Storage>::Str;
}

impl<'a> DocumentName for &'a str {
    type Storage = Borrowed<'a>;
    fn into_str(self) -> &'a str {
        self
    }
}

impl<'a> DocumentName for &'a alloc::string::String {
    type Storage = Borrowed<'a>;
    fn into_str(self) -> &'a str {
        self
    }
}

impl DocumentName for ByteString {
    type Storage = Shared;
    fn into_str(self) -> ByteString {
        self
    }
}

impl DocumentName for &ByteString {
    type Storage = Shared;
    fn into_str(self) -> ByteString {
        self.clone()
    }
}

impl DocumentName for alloc::string::String {
    type Storage = Shared;
    fn into_str(self) -> ByteString {
        ByteString::from(self)
    }
}

/// Strings and byte arrays borrowed from the input: `&'a str` and `&'a [u8]`.
///
/// The storage of [`decode`](crate::decode): decoding allocates nothing, and the frame
/// cannot outlive the input buffer. Also the handiest storage to build frames to send from
/// values you hold.
///
/// ```
/// use yjs_wire::{decode, Frame};
///
/// let input = b"YJS\x01\x03doc\x01\x02\x2a\x2b";
/// let Frame::Awareness { document, message } = decode(input)? else { unreachable!() };
/// assert_eq!(document.as_ptr(), input[5..].as_ptr()); // "doc" is a slice of the input
/// assert_eq!(message.update, &[0x2a, 0x2b]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Borrowed<'a>(PhantomData<&'a [u8]>);

/// Strings and byte arrays held as shared, reference-counted slices of the input:
/// [`ByteString`] and [`Bytes`].
///
/// The storage of [`decode_shared`](crate::decode_shared) and of the `tokio` feature's
/// codec: the frame owns its data (it is `Send + 'static` and can go to another task)
/// while still sharing the input's memory.
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{decode_shared, Frame, snapshot::{Shared}};
///
/// let frame: Frame<Shared> = {
///     let input = Bytes::from(b"YJS\x01\x03doc\x01\x02\x2a\x2b".to_vec());
///     decode_shared(&input)?
/// }; // the input handle is gone; the frame keeps the buffer alive
/// assert_eq!(frame.document(), Some("doc"));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shared;

impl<'a> Storage for Borrowed<'a> {
    type Str = &'a str;
    type Bytes = &'a [u8];
}

impl Storage for Shared {
    type Str = ByteString;
    type Bytes = Bytes;
}

pub(crate) mod sealed {
    use super::*;

    /// Seals [`Storage`] and re-reads validated list entries in each storage.
    pub trait Sealed: Sized {
        /// The `Bytes` behind a byte array of this storage, if it has one (for vectored
        /// encoding without copying).
        fn shared_bytes(bytes: &Self::Bytes) -> Option<&bytes::Bytes>
        where
            Self: Storage,
        {
            let _ = bytes;
            None
        }
        /// Parse one already validated element of a list at `pos` of `raw`, returning it and
        /// the position after it; `None` only if `raw` is not what the decoder validated.
        fn reparse<T: Element<Self>>(raw: &Self::Bytes, pos: usize) -> Option<(T, usize)>
        where
            Self: Storage;
    }

    impl<'a> Sealed for Borrowed<'a> {
        fn reparse<T: Element<Self>>(
            raw: &<Self as Storage>::Bytes,
            pos: usize,
        ) -> Option<(T, usize)> {
            let input: &'a [u8] = raw;
            reparse_in(BorrowedSource, input, pos)
        }
    }

    impl Sealed for Shared {
        fn shared_bytes(bytes: &bytes::Bytes) -> Option<&bytes::Bytes> {
            Some(bytes)
        }
        fn reparse<T: Element<Self>>(
            raw: &<Self as Storage>::Bytes,
            pos: usize,
        ) -> Option<(T, usize)> {
            reparse_in(SharedSource(raw), raw, pos)
        }
    }

    #[inline]
    fn reparse_in<'i, X: Source<'i>, T: Element<X::Storage>>(
        src: X,
        input: &'i [u8],
        pos: usize,
    ) -> Option<(T, usize)> {
        let rest = input.get(pos..)?;
        let (after, item) = T::parse(&Cx::unlimited(src), rest).ok()?;
        Some((item, input.len().checked_sub(after.len())?))
    }
}

/// The [`Source`] of [`Borrowed`] storage: validates strings with `core::str::from_utf8`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BorrowedSource;

impl<'i> Source<'i> for BorrowedSource {
    type Storage = Borrowed<'i>;
    #[inline]
    fn text(self, raw: &'i [u8]) -> Option<&'i str> {
        core::str::from_utf8(raw).ok()
    }
    #[inline]
    fn checked_text(self, _raw: &'i [u8], text: &'i str) -> Option<&'i str> {
        Some(text)
    }
    fn bytes(self, raw: &'i [u8]) -> &'i [u8] {
        raw
    }
}

/// The [`Source`] of [`Shared`] storage: slices the input `Bytes` (O(1), no copy).
#[derive(Clone, Copy, Debug)]
pub(crate) struct SharedSource<'i>(pub(crate) &'i Bytes);

impl<'i> Source<'i> for SharedSource<'i> {
    type Storage = Shared;
    #[inline(always)]
    fn text(self, raw: &'i [u8]) -> Option<ByteString> {
        ByteString::try_from(self.bytes(raw)).ok()
    }
    #[inline(always)]
    fn bytes(self, raw: &'i [u8]) -> Bytes {
        // `raw` is always a sub-slice of the input the parser was given, which is `self.0`.
        self.0.slice_ref(raw)
    }
}
