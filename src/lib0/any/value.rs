//! The owned `any` value and the writer that chooses tags as lib0's `writeAny` does.

use alloc::vec::Vec;
use bytes::Bytes;
use bytestring::ByteString;

use super::{
    check::{array_index, fits_f32, is_small_integer},
    Any, CANONICAL_NAN_BITS, TAG_ARRAY, TAG_BIGINT, TAG_BYTES, TAG_FALSE, TAG_FLOAT32, TAG_FLOAT64,
    TAG_INTEGER, TAG_NULL, TAG_OBJECT, TAG_STRING, TAG_TRUE, TAG_UNDEFINED,
};
use crate::{
    lib0::var_int::{self, VarInt},
    lib0::{LenCounter, Sink},
};

/// An owned lib0 `any` value; strings and byte arrays are shared (`ByteString`, `Bytes`), so
/// clones are cheap.
///
/// [`write`](AnyValue::write) writes what lib0's `writeAny` writes for the same JavaScript
/// value: a number as an integer, float32 or float64 by its value (so `1.0` and `1` are one
/// value), NaN as `7ff8000000000000`.
///
/// ```
/// use yjs_wire::lib0::any::AnyValue;
///
/// assert_eq!(AnyValue::Number(1.0).to_vec(), [0x7d, 0x01]);
/// assert_eq!(AnyValue::Number(-0.0).to_vec(), [0x7d, 0x40]);
/// assert_eq!(AnyValue::Number(0.5).to_vec(), [0x7c, 0x3f, 0x00, 0x00, 0x00]);
/// assert_eq!(AnyValue::Number(0.1).to_vec()[0], 0x7b);
/// assert_eq!(AnyValue::from("hi").to_vec(), [0x77, 0x02, b'h', b'i']);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum AnyValue {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A JavaScript number.
    Number(f64),
    /// A bigint (lib0 writes 64 bits).
    BigInt(i64),
    /// A string.
    String(ByteString),
    /// A `Uint8Array`.
    Bytes(Bytes),
    /// An array.
    Array(Vec<AnyValue>),
    /// An object.
    Object(AnyMap),
}

impl From<&str> for AnyValue {
    fn from(text: &str) -> AnyValue {
        AnyValue::String(ByteString::from(text))
    }
}

/// The entries of an object, kept in the order a JavaScript object enumerates them: array
/// indices (`"0"`, `"1"`, …) ascending first, then other keys in insertion order.
///
/// [`insert`](AnyMap::insert) follows JavaScript assignment: a key already present keeps its
/// place and takes the new value, and `__proto__` is not an own key (ignored).
///
/// ```
/// use yjs_wire::lib0::any::{AnyMap, AnyValue};
///
/// let mut map = AnyMap::new();
/// map.insert("b", AnyValue::Null);
/// map.insert("10", AnyValue::Null);
/// map.insert("2", AnyValue::Null);
/// map.insert("b", AnyValue::Bool(true));
/// assert_eq!(map.keys().collect::<Vec<_>>(), ["2", "10", "b"]);
/// assert_eq!(map.get("b"), Some(&AnyValue::Bool(true)));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnyMap {
    entries: Vec<(ByteString, AnyValue)>,
}

impl AnyMap {
    /// An empty object.
    pub fn new() -> AnyMap {
        AnyMap::default()
    }

    /// Set `key` to `value` as JavaScript's `object[key] = value` does.
    pub fn insert(&mut self, key: impl Into<ByteString>, value: AnyValue) {
        let key: ByteString = key.into();
        if &*key == "__proto__" {
            return;
        }
        if let Some(entry) = self.entries.iter_mut().find(|(k, _)| *k == key) {
            entry.1 = value;
            return;
        }
        let at = match array_index(&key) {
            Some(index) => self
                .entries
                .iter()
                .position(|(k, _)| array_index(k).is_none_or(|other| other > index))
                .unwrap_or(self.entries.len()),
            None => self.entries.len(),
        };
        self.entries.insert(at, (key, value));
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&AnyValue> {
        self.entries
            .iter()
            .find(|(k, _)| &**k == key)
            .map(|(_, v)| v)
    }

    /// The keys, in enumeration order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| &**k)
    }

    /// The entries, in enumeration order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &AnyValue)> {
        self.entries.iter().map(|(k, v)| (&**k, v))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the object has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl AnyValue {
    /// Write the value as lib0's `writeAny` does.
    pub fn write<W: Sink>(&self, out: &mut W) {
        match self {
            AnyValue::Undefined => out.put_u8(TAG_UNDEFINED),
            AnyValue::Null => out.put_u8(TAG_NULL),
            AnyValue::Bool(true) => out.put_u8(TAG_TRUE),
            AnyValue::Bool(false) => out.put_u8(TAG_FALSE),
            AnyValue::Number(value) => write_number(out, *value),
            AnyValue::BigInt(value) => {
                out.put_u8(TAG_BIGINT);
                out.put_slice(&value.to_be_bytes());
            }
            AnyValue::String(text) => {
                out.put_u8(TAG_STRING);
                out.put_var_bytes(text.as_bytes());
            }
            AnyValue::Bytes(bytes) => {
                out.put_u8(TAG_BYTES);
                out.put_var_bytes(bytes);
            }
            AnyValue::Array(items) => {
                out.put_u8(TAG_ARRAY);
                out.put_var_uint(u64::try_from(items.len()).unwrap_or(u64::MAX));
                items.iter().for_each(|item| item.write(out));
            }
            AnyValue::Object(map) => {
                out.put_u8(TAG_OBJECT);
                out.put_var_uint(u64::try_from(map.len()).unwrap_or(u64::MAX));
                for (key, value) in map.iter() {
                    out.put_var_bytes(key.as_bytes());
                    value.write(out);
                }
            }
        }
    }

    /// The number of bytes [`write`](AnyValue::write) writes.
    pub fn encoded_len(&self) -> usize {
        let mut counter = LenCounter::new();
        self.write(&mut counter);
        counter.len()
    }

    /// The value's encoding in a new `Vec`.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.write(&mut out);
        out
    }
}

/// Write a number with the tag `writeAny` chooses.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked ranges
pub(crate) fn write_number<W: Sink>(out: &mut W, value: f64) {
    if is_small_integer(value) {
        out.put_u8(TAG_INTEGER);
        var_int::write(
            out,
            VarInt {
                negative: value.is_sign_negative(),
                magnitude: value.abs() as u64,
            },
        );
    } else if fits_f32(value) {
        out.put_u8(TAG_FLOAT32);
        out.put_slice(&(value as f32).to_be_bytes());
    } else {
        out.put_u8(TAG_FLOAT64);
        let bits = if value.is_nan() {
            CANONICAL_NAN_BITS
        } else {
            value.to_bits()
        };
        out.put_slice(&bits.to_be_bytes());
    }
}

/// Write a borrowed value (containers as their validated bytes).
pub(crate) fn write_any<W: Sink>(out: &mut W, value: Any<'_>) {
    match value {
        Any::Undefined => out.put_u8(TAG_UNDEFINED),
        Any::Null => out.put_u8(TAG_NULL),
        Any::Bool(true) => out.put_u8(TAG_TRUE),
        Any::Bool(false) => out.put_u8(TAG_FALSE),
        Any::Number(number) => write_number(out, number),
        Any::BigInt(number) => {
            out.put_u8(TAG_BIGINT);
            out.put_slice(&number.to_be_bytes());
        }
        Any::String(text) => {
            out.put_u8(TAG_STRING);
            out.put_var_bytes(text.as_bytes());
        }
        Any::Bytes(bytes) => {
            out.put_u8(TAG_BYTES);
            out.put_var_bytes(bytes);
        }
        Any::Array(array) => {
            out.put_u8(TAG_ARRAY);
            out.put_var_uint(u64::try_from(array.len()).unwrap_or(u64::MAX));
            out.put_slice(array.wire_items());
        }
        Any::Object(object) => {
            out.put_u8(TAG_OBJECT);
            out.put_var_uint(u64::try_from(object.len()).unwrap_or(u64::MAX));
            out.put_slice(object.wire_entries());
        }
    }
}

/// The owned copy of a borrowed value.
pub(crate) fn from_any(value: Any<'_>) -> AnyValue {
    match value {
        Any::Undefined => AnyValue::Undefined,
        Any::Null => AnyValue::Null,
        Any::Bool(b) => AnyValue::Bool(b),
        Any::Number(n) => AnyValue::Number(n),
        Any::BigInt(n) => AnyValue::BigInt(n),
        Any::String(text) => AnyValue::String(ByteString::from(text)),
        Any::Bytes(bytes) => AnyValue::Bytes(Bytes::copy_from_slice(bytes)),
        Any::Array(array) => AnyValue::Array(array.iter().map(from_any).collect()),
        Any::Object(object) => {
            let mut map = AnyMap::new();
            // Validated: canonical order, no repeats, so pushing keeps it.
            map.entries = object
                .iter()
                .map(|(k, v)| (ByteString::from(k), from_any(v)))
                .collect();
            AnyValue::Object(map)
        }
    }
}
