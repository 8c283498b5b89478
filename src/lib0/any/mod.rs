//! lib0's `any`: the self-describing values of `writeAny` / `readAny` (teleportal's RPC
//! payloads and presence data).
//!
//! ```text
//! tag  value                    then
//! 7f   undefined                -
//! 7e   null                     -
//! 7d   integer                  varInt (|n| <= 2^31 - 1)
//! 7c   float32                  4 bytes, big-endian
//! 7b   float64                  8 bytes, big-endian
//! 7a   bigint                   8 bytes, big-endian two's complement
//! 79   false                    -
//! 78   true                     -
//! 77   string                   varString
//! 76   object                   varUint n, then n × (varString key, any)
//! 75   array                    varUint n, then n × any
//! 74   Uint8Array               varUint8Array
//!
//! {"a": [1, true]}  =  76 01 | 01 61 | 75 02 | 7d 01 | 78
//! ```
//!
//! lib0 writes a JavaScript number as an integer (tag `7d`) when it is one with
//! |n| <= 2^31 − 1, else as a float32 when that holds it exactly, else as a float64. The
//! decoder here accepts exactly what `writeAny` writes, so every value has one encoding:
//!
//! - the number tag `writeAny` would choose (`non-canonical` otherwise, at the tag), the
//!   shortest varInt, negative zero only as `7d 40`, NaN only as the float64
//!   `7ff8000000000000`;
//! - objects as a JavaScript object enumerates them: integer-like keys (`"0"`, `"17"`, up to
//!   4294967294) first in ascending order, then the others; no key twice; no `__proto__`
//!   (`non-canonical` at the key);
//! - an object whose only key is `$bytes`, `$undefined`, `$bigint` or `$number` is refused
//!   (`invalid-value` at its tag): it would print like a marker of the JSON form;
//! - objects and arrays nested at most [`Limits::max_any_depth`](crate::Limits) deep
//!   (`limit-exceeded` at the tag of the first one too deep), counts within
//!   `max_list_entries` and within the bytes left, strings within `max_string_bytes`,
//!   byte arrays within `max_payload_bytes`.
//!
//! Decoding is borrowed and allocation-free: [`Any`] holds `&str` / `&[u8]` slices of the
//! input, and an [`AnyObject`] or [`AnyArray`] is the validated wire bytes of its entries,
//! read again lazily when iterated. [`AnyValue`] is the owned (shared, cheaply cloned) tree,
//! and its [`write`](AnyValue::write) picks the tags as `writeAny` does.
//!
//! ```
//! use yjs_wire::lib0::any::{self, Any, AnyValue, AnyMap};
//!
//! let bytes = [0x76, 0x01, 0x01, b'a', 0x75, 0x02, 0x7d, 0x01, 0x78];
//! let value = any::decode(&bytes)?;
//! let Any::Object(object) = value else { unreachable!() };
//! let (key, items) = object.iter().next().unwrap();
//! assert_eq!(key, "a");
//! let Any::Array(items) = items else { unreachable!() };
//! assert_eq!(items.iter().collect::<Vec<_>>(), [Any::Number(1.0), Any::Bool(true)]);
//!
//! // The owned value writes the same bytes.
//! let mut map = AnyMap::new();
//! map.insert("a", AnyValue::Array(vec![AnyValue::Number(1.0), AnyValue::Bool(true)]));
//! assert_eq!(AnyValue::Object(map).to_vec(), bytes);
//!
//! // 1.0 as a float64 is not what lib0 writes: refused at the tag.
//! let err = any::decode(&[0x7b, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0]).unwrap_err();
//! assert_eq!((err.kind().as_str(), err.offset()), ("non-canonical", 0));
//! # Ok::<(), yjs_wire::Error>(())
//! ```

mod check;
mod encoded;
#[cfg(feature = "serde")]
mod json;
mod value;

use core::fmt;

pub use encoded::EncodedAny;
pub use value::{AnyMap, AnyValue};

use crate::{Error, ErrorKind, Limits};

/// Tag of `undefined`.
pub const TAG_UNDEFINED: u8 = 127;
/// Tag of `null`.
pub const TAG_NULL: u8 = 126;
/// Tag of an integer (varInt).
pub const TAG_INTEGER: u8 = 125;
/// Tag of a float32.
pub const TAG_FLOAT32: u8 = 124;
/// Tag of a float64.
pub const TAG_FLOAT64: u8 = 123;
/// Tag of a bigint (64-bit).
pub const TAG_BIGINT: u8 = 122;
/// Tag of `false`.
pub const TAG_FALSE: u8 = 121;
/// Tag of `true`.
pub const TAG_TRUE: u8 = 120;
/// Tag of a string.
pub const TAG_STRING: u8 = 119;
/// Tag of an object.
pub const TAG_OBJECT: u8 = 118;
/// Tag of an array.
pub const TAG_ARRAY: u8 = 117;
/// Tag of a byte array (`Uint8Array`).
pub const TAG_BYTES: u8 = 116;

/// The largest magnitude lib0 writes as an integer (tag 125): 2^31 − 1.
pub const MAX_INTEGER: f64 = 2_147_483_647.0;
/// The only NaN lib0 writes (as a float64).
pub const CANONICAL_NAN_BITS: u64 = 0x7ff8_0000_0000_0000;
/// Object keys that would make a one-key object print like a marker of the JSON form.
pub const MARKER_KEYS: [&str; 4] = ["$bytes", "$undefined", "$bigint", "$number"];

/// A validated, borrowed lib0 `any` value.
///
/// Strings and byte arrays borrow from the input; objects and arrays are their validated wire
/// bytes, iterated lazily. Numbers are JavaScript numbers (`f64`; negative zero kept).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Any<'a> {
    /// `undefined` (tag 127).
    Undefined,
    /// `null` (tag 126).
    Null,
    /// `true` / `false` (tags 120 / 121).
    Bool(bool),
    /// A number (tags 125, 124, 123).
    Number(f64),
    /// A bigint (tag 122).
    BigInt(i64),
    /// A string (tag 119).
    String(&'a str),
    /// A `Uint8Array` (tag 116).
    Bytes(&'a [u8]),
    /// An array (tag 117).
    Array(AnyArray<'a>),
    /// An object (tag 118).
    Object(AnyObject<'a>),
}

/// A validated array: its item count and the wire bytes of its items.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnyArray<'a> {
    len: usize,
    body: &'a [u8],
}

/// A validated object: its entry count and the wire bytes of its entries, in wire order.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AnyObject<'a> {
    len: usize,
    body: &'a [u8],
}

impl<'a> AnyArray<'a> {
    /// The number of items.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The items, in wire order (no allocation).
    pub fn iter(&self) -> ArrayIter<'a> {
        ArrayIter {
            left: self.len,
            rest: self.body,
        }
    }
    /// The wire bytes of the items (after the tag and the count).
    pub fn wire_items(&self) -> &'a [u8] {
        self.body
    }
}

impl<'a> AnyObject<'a> {
    /// The number of entries.
    pub fn len(&self) -> usize {
        self.len
    }
    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The entries, in wire order (no allocation).
    pub fn iter(&self) -> ObjectIter<'a> {
        ObjectIter {
            left: self.len,
            rest: self.body,
        }
    }
    /// The value of `key`, if the object has it.
    ///
    /// ```
    /// let value = yjs_wire::lib0::any::decode(b"\x76\x01\x01k\x7e")?;
    /// let yjs_wire::lib0::any::Any::Object(object) = value else { unreachable!() };
    /// assert_eq!(object.get("k"), Some(yjs_wire::lib0::any::Any::Null));
    /// assert_eq!(object.get("x"), None);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn get(&self, key: &str) -> Option<Any<'a>> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
    /// The wire bytes of the entries (after the tag and the count).
    pub fn wire_entries(&self) -> &'a [u8] {
        self.body
    }
}

impl fmt::Debug for AnyArray<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl fmt::Debug for AnyObject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The items of an [`AnyArray`].
#[derive(Debug, Clone)]
pub struct ArrayIter<'a> {
    left: usize,
    rest: &'a [u8],
}

impl<'a> Iterator for ArrayIter<'a> {
    type Item = Any<'a>;
    fn next(&mut self) -> Option<Any<'a>> {
        self.left = self.left.checked_sub(1)?;
        if self.left == 0 {
            // The last item ends where the array does: nothing to step over.
            return check::reparse_whole(core::mem::take(&mut self.rest));
        }
        let (value, rest) = check::reparse(self.rest)?;
        self.rest = rest;
        Some(value)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for ArrayIter<'_> {}

/// The entries of an [`AnyObject`], as `(key, value)`.
#[derive(Debug, Clone)]
pub struct ObjectIter<'a> {
    left: usize,
    rest: &'a [u8],
}

impl<'a> Iterator for ObjectIter<'a> {
    type Item = (&'a str, Any<'a>);
    fn next(&mut self) -> Option<(&'a str, Any<'a>)> {
        self.left = self.left.checked_sub(1)?;
        let (key, rest) = check::reparse_key(self.rest)?;
        if self.left == 0 {
            // The last value ends where the object does: nothing to step over.
            self.rest = &[];
            return Some((key, check::reparse_whole(rest)?));
        }
        let (value, rest) = check::reparse(rest)?;
        self.rest = rest;
        Some((key, value))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for ObjectIter<'_> {}

impl<'a> Any<'a> {
    /// The owned form of this value (allocates).
    pub fn to_value(&self) -> AnyValue {
        value::from_any(*self)
    }

    /// Write this value as lib0 does (the same bytes it was decoded from).
    pub fn write<W: crate::lib0::Sink>(&self, out: &mut W) {
        value::write_any(out, *self);
    }

    /// The number of bytes [`write`](Any::write) writes.
    pub fn encoded_len(&self) -> usize {
        let mut counter = crate::lib0::LenCounter::new();
        self.write(&mut counter);
        counter.len()
    }

    /// Whether this is an object (what presence data must be).
    pub fn is_object(&self) -> bool {
        matches!(self, Any::Object(_))
    }
}

/// Decode exactly one `any` value (nothing after it) under [`Limits::DEFAULT`].
pub fn decode(bytes: &[u8]) -> Result<Any<'_>, Error> {
    decode_with(bytes, &Limits::DEFAULT)
}

/// Decode exactly one `any` value (nothing after it) under `limits`. Offsets in errors count
/// from `bytes[0]`.
///
/// ```
/// use yjs_wire::{lib0::any, ErrorKind, Limits};
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_any_depth = 1;
/// // [[ ]]: the inner array is at depth 2, refused at its tag (offset 2).
/// let err = any::decode_with(&[0x75, 0x01, 0x75, 0x00], &limits).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 2));
/// ```
pub fn decode_with<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Any<'a>, Error> {
    match check::parse(limits, bytes, 0) {
        Ok(([], value)) => Ok(value),
        Ok((rest, _)) => Err(Error::new(
            ErrorKind::TrailingBytes,
            bytes.len().saturating_sub(rest.len()),
            "the any value",
        )),
        Err(err) => Err(err.into_error(bytes)),
    }
}
