//! `Checksum`: the SHA-256 of a snapshot's content, or nothing when the server does not know it.
//!
//! ```text
//! CHECKSUM = varUint8Array(bytes), bytes.length ∈ {0, 32}
//!            00                     unknown
//!            20 • 32 bytes          SHA-256 digest
//! ```
//!
//! Checks, all at the length prefix: the varUint itself; a length other than 0 or 32 is
//! `invalid-value` (decided from the length alone, before looking at what follows, as a
//! limit would be); then fewer than 32 bytes left is `truncated`. The fixed length replaces
//! [`Limits::max_payload_bytes`](crate::Limits) for this field. In the JSON form it is `""` or
//! 64 hex digits.

use core::fmt;

use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind,
};

/// A snapshot content checksum: empty (unknown) or a 32-byte SHA-256 digest. No other length
/// can be built or decoded.
///
/// ```
/// use yjs_wire::{snapshot::{Borrowed, Checksum}};
///
/// let digest = [0xab; 32];
/// let sum = Checksum::<Borrowed>::new(&digest[..]).unwrap();
/// assert_eq!(sum.sha256(), Some(&digest));
/// assert!(Checksum::<Borrowed>::new(&[][..]).unwrap().is_unknown());
/// assert_eq!(Checksum::<Borrowed>::new(&[1, 2, 3][..]), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Checksum<S: Storage>(S::Bytes);

impl<S: Storage> Checksum<S> {
    /// The length of a known checksum: a SHA-256 digest.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// assert_eq!(Checksum::<Borrowed>::SHA256_LEN, 32);
    /// ```
    pub const SHA256_LEN: usize = 32;

    /// A checksum from its bytes: `None` unless there are 0 or 32 of them.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// assert!(Checksum::<Borrowed>::new(&[0x5a; 32][..]).is_some());
    /// assert!(Checksum::<Borrowed>::new(&[0x5a; 31][..]).is_none());
    /// ```
    pub fn new(bytes: impl Into<S::Bytes>) -> Option<Self> {
        let bytes = bytes.into();
        matches!(bytes.len(), 0 | Self::SHA256_LEN).then_some(Checksum(bytes))
    }

    /// Whether the server does not know the checksum (0 bytes; on the wire `00`).
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// assert!(Checksum::<Borrowed>::new(&b""[..]).unwrap().is_unknown());
    /// ```
    pub fn is_unknown(&self) -> bool {
        self.0.is_empty()
    }

    /// The digest, or `None` when unknown.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// assert_eq!(Checksum::<Borrowed>::new(&[7; 32][..]).unwrap().sha256(), Some(&[7; 32]));
    /// ```
    pub fn sha256(&self) -> Option<&[u8; 32]> {
        <&[u8; 32]>::try_from(&*self.0).ok()
    }

    /// The bytes after the length prefix on the wire (0 or 32).
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// assert_eq!(Checksum::<Borrowed>::new(&[1; 32][..]).unwrap().as_bytes(), &[1; 32]);
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes in their storage (`&[u8]` or `Bytes`).
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Checksum}};
    ///
    /// let sum = Checksum::<Borrowed>::new(&b""[..]).unwrap();
    /// assert_eq!(sum.into_inner(), b"");
    /// ```
    pub fn into_inner(self) -> S::Bytes {
        self.0
    }

    /// Parse `varUint8Array` of 0 or 32 bytes.
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        const CHECKSUM: &str = "the checksum";
        let (rest, len) = var_uint::parse(input, CHECKSUM)?;
        let len = match usize::try_from(len) {
            Ok(len @ (0 | Self::SHA256_LEN)) => len,
            _ => return fail(ErrorKind::InvalidValue, input, CHECKSUM),
        };
        let Some((raw, rest)) = rest.split_at_checked(len) else {
            return fail(ErrorKind::Truncated, input, CHECKSUM);
        };
        Ok((rest, Checksum(cx.src.bytes(raw))))
    }

    /// The same checksum with its bytes in another storage.
    pub(crate) fn map_bytes<T: Storage>(&self, f: impl FnOnce(&[u8]) -> T::Bytes) -> Checksum<T> {
        Checksum(f(&self.0))
    }

    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_bytes(&self.0);
    }
}

impl<S: Storage> fmt::Debug for Checksum<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_unknown() {
            return f.write_str("Checksum(unknown)");
        }
        f.write_str("Checksum(sha256:")?;
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))?;
        f.write_str(")")
    }
}

#[cfg(feature = "serde")]
impl<S: Storage> serde::Serialize for Checksum<S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        crate::snapshot::json_form::hex::serialize(&self.0, serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de, S: Storage> serde::Deserialize<'de> for Checksum<S>
where
    S::Bytes: From<alloc::vec::Vec<u8>>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let bytes: alloc::vec::Vec<u8> =
            crate::snapshot::json_form::hex::deserialize(deserializer)?;
        let len = bytes.len();
        Checksum::new(bytes).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "invalid-value: a checksum is \"\" or 64 hex digits (32 bytes), not {len} bytes"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::storage::BorrowedSource, snapshot::Borrowed, Limits};

    fn parse(input: &[u8]) -> PResult<'_, Checksum<Borrowed<'_>>> {
        Checksum::parse(&Cx::new(BorrowedSource, &Limits::DEFAULT, false), input)
    }

    fn kind(input: &[u8]) -> ErrorKind {
        match parse(input) {
            Err(fault) => {
                assert_eq!(fault.at.len(), input.len(), "offset is the length prefix");
                fault.kind
            }
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn lengths() {
        let mut digest = vec![0x20];
        digest.extend(0..32u8);
        digest.push(0xee);
        let (rest, sum) = parse(&digest).unwrap();
        assert_eq!((rest, sum.as_bytes()), (&[0xee][..], &digest[1..33]));
        assert!(parse(b"\x00").unwrap().1.is_unknown());
        assert_eq!(kind(b"\x01\x00"), ErrorKind::InvalidValue);
        assert_eq!(kind(&[0x1f; 32]), ErrorKind::InvalidValue);
        // 33 is rejected from its length alone, before truncation is looked at.
        assert_eq!(kind(b"\x21"), ErrorKind::InvalidValue);
        assert_eq!(kind(b"\x80\x80\x80\x80\x01"), ErrorKind::InvalidValue);
        assert_eq!(kind(b"\x20\x01\x02"), ErrorKind::Truncated);
        assert_eq!(kind(b"\x80\x00"), ErrorKind::NonCanonicalVarint);
        assert_eq!(kind(b""), ErrorKind::Truncated);
        assert_eq!(
            format!("{:?}", Checksum::<Borrowed>::new(&[][..]).unwrap()),
            "Checksum(unknown)"
        );
    }
}
