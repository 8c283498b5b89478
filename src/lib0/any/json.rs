//! The JSON form of `any` values (feature `serde`): JSON's own values as themselves, and
//! one-key marker objects for what JSON cannot hold:
//!
//! | value | JSON |
//! |---|---|
//! | `Uint8Array` | `{"$bytes": "<lowercase hex>"}` |
//! | `undefined` | `{"$undefined": true}` |
//! | bigint | `{"$bigint": "<decimal>"}` |
//! | NaN, Infinity, −Infinity, −0 | `{"$number": "NaN"}`, `"Infinity"`, `"-Infinity"`, `"-0"` |
//!
//! A number that is an integer prints as a JSON integer (as JavaScript's `JSON.stringify`
//! prints it), other numbers as the shortest decimal that reads back the same double.

use alloc::{string::String, vec::Vec};
use bytes::Bytes;
use bytestring::ByteString;
use core::fmt;
use serde::{
    de::{self, Deserializer, MapAccess, SeqAccess, Visitor},
    ser::{SerializeMap, SerializeSeq, Serializer},
    Deserialize, Serialize,
};

use super::{Any, AnyMap, AnyValue, EncodedAny, MARKER_KEYS};
use crate::{snapshot::json_form::hex::Hex, snapshot::storage::Storage, snapshot::Shared, Limits};

fn marker<S: Serializer, V: Serialize + ?Sized>(
    serializer: S,
    key: &str,
    value: &V,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(key, value)?;
    map.end()
}

/// A number as the JSON form prints it.
#[allow(clippy::cast_possible_truncation)] // integral and below 2^63: exact
pub(crate) fn number<S: Serializer>(serializer: S, value: f64) -> Result<S::Ok, S::Error> {
    if value.is_nan() {
        marker(serializer, "$number", "NaN")
    } else if value == f64::INFINITY {
        marker(serializer, "$number", "Infinity")
    } else if value == f64::NEG_INFINITY {
        marker(serializer, "$number", "-Infinity")
    } else if value == 0.0 && value.is_sign_negative() {
        marker(serializer, "$number", "-0")
    } else if super::check::is_integral(value) && value.abs() < 9_007_199_254_740_992.0 {
        serializer.serialize_i64(value as i64)
    } else if let Some(digits) = js_integer(value).and_then(|d| u64::try_from(d).ok()) {
        serializer.serialize_u64(digits)
    } else if let Some(digits) = js_integer(value).and_then(|d| i64::try_from(d).ok()) {
        serializer.serialize_i64(digits)
    } else {
        serializer.serialize_f64(value)
    }
}

/// An integral `value` from 2^53 up to 2^64 as JavaScript prints it: its shortest
/// round-trip digits followed by zeros (`129185254689734660`, not `…656`). Beyond 64 bits a
/// JSON reader takes either form as the same double, so those print as floats.
fn js_integer(value: f64) -> Option<i128> {
    if !super::check::is_integral(value) || value.abs() >= 18_446_744_073_709_551_616.0 {
        return None;
    }
    let text = alloc::format!("{:e}", value.abs());
    let (mantissa, exponent) = text.split_once('e')?;
    let exponent: u32 = exponent.parse().ok()?;
    let mut digits: i128 = 0;
    let mut count: u32 = 0;
    for c in mantissa.bytes().filter(u8::is_ascii_digit) {
        digits = digits
            .checked_mul(10)?
            .checked_add(i128::from(c.checked_sub(b'0')?))?;
        count = count.checked_add(1)?;
    }
    let zeros = exponent.checked_add(1)?.checked_sub(count)?;
    let magnitude = digits.checked_mul(10i128.checked_pow(zeros)?)?;
    Some(if value < 0.0 {
        magnitude.checked_neg()?
    } else {
        magnitude
    })
}

impl Serialize for Any<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Any::Undefined => marker(serializer, "$undefined", &true),
            Any::Null => serializer.serialize_unit(),
            Any::Bool(b) => serializer.serialize_bool(b),
            Any::Number(n) => number(serializer, n),
            Any::BigInt(n) => marker(serializer, "$bigint", &format_args!("{n}")),
            Any::String(text) => serializer.serialize_str(text),
            Any::Bytes(bytes) => marker(serializer, "$bytes", &format_args!("{}", Hex(bytes))),
            Any::Array(array) => {
                let mut seq = serializer.serialize_seq(Some(array.len()))?;
                for item in array.iter() {
                    seq.serialize_element(&item)?;
                }
                seq.end()
            }
            Any::Object(object) => {
                let mut map = serializer.serialize_map(Some(object.len()))?;
                for (key, value) in object.iter() {
                    map.serialize_entry(key, &value)?;
                }
                map.end()
            }
        }
    }
}

impl Serialize for AnyValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnyValue::Undefined => marker(serializer, "$undefined", &true),
            AnyValue::Null => serializer.serialize_unit(),
            AnyValue::Bool(b) => serializer.serialize_bool(*b),
            AnyValue::Number(n) => number(serializer, *n),
            AnyValue::BigInt(n) => marker(serializer, "$bigint", &format_args!("{n}")),
            AnyValue::String(text) => serializer.serialize_str(text),
            AnyValue::Bytes(bytes) => marker(serializer, "$bytes", &format_args!("{}", Hex(bytes))),
            AnyValue::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            AnyValue::Object(map) => {
                let mut out = serializer.serialize_map(Some(map.len()))?;
                for (key, value) in map.iter() {
                    out.serialize_entry(key, value)?;
                }
                out.end()
            }
        }
    }
}

impl<S: Storage> Serialize for EncodedAny<S> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        self.get().serialize(serializer)
    }
}

struct AnyVisitor;

#[allow(clippy::cast_precision_loss)] // JSON numbers are doubles, as in JavaScript
impl<'de> Visitor<'de> for AnyVisitor {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value (the JSON form of a lib0 any value)")
    }
    fn visit_unit<E: de::Error>(self) -> Result<AnyValue, E> {
        Ok(AnyValue::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<AnyValue, E> {
        Ok(AnyValue::Null)
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<AnyValue, E> {
        Ok(AnyValue::Bool(value))
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<AnyValue, E> {
        Ok(AnyValue::Number(value as f64))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<AnyValue, E> {
        Ok(AnyValue::Number(value as f64))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<AnyValue, E> {
        // A plain JSON -0 means 0: negative zero is only the marker.
        Ok(AnyValue::Number(if value == 0.0 { 0.0 } else { value }))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<AnyValue, E> {
        Ok(AnyValue::String(ByteString::from(value)))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<AnyValue, E> {
        Ok(AnyValue::String(ByteString::from(value)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<AnyValue>()? {
            items.push(item);
        }
        Ok(AnyValue::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<AnyValue, A::Error> {
        let mut entries: Vec<(String, AnyValue)> = Vec::new();
        while let Some((key, value)) = access.next_entry::<String, AnyValue>()? {
            if key == "__proto__" {
                return Err(de::Error::custom(
                    "a __proto__ key is not an own property in JavaScript (lib0 drops it)",
                ));
            }
            entries.push((key, value));
        }
        if let [(key, value)] = entries.as_slice() {
            if MARKER_KEYS.contains(&key.as_str()) {
                return unmarker(key, value);
            }
        }
        let mut map = AnyMap::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        Ok(AnyValue::Object(map))
    }
}

fn unmarker<E: de::Error>(key: &str, value: &AnyValue) -> Result<AnyValue, E> {
    match (key, value) {
        ("$undefined", AnyValue::Bool(true)) => Ok(AnyValue::Undefined),
        ("$bytes", AnyValue::String(hex)) => crate::snapshot::json_form::hex::decode(hex)
            .map(|bytes| AnyValue::Bytes(Bytes::from(bytes)))
            .map_err(|at| E::custom(format_args!("invalid hex at character {at} in $bytes"))),
        ("$bigint", AnyValue::String(text)) => text
            .parse::<i64>()
            .map(AnyValue::BigInt)
            .map_err(|_| E::custom("$bigint must be a decimal within 64 bits")),
        ("$number", AnyValue::String(text)) => match &**text {
            "NaN" => Ok(AnyValue::Number(f64::NAN)),
            "Infinity" => Ok(AnyValue::Number(f64::INFINITY)),
            "-Infinity" => Ok(AnyValue::Number(f64::NEG_INFINITY)),
            "-0" => Ok(AnyValue::Number(-0.0)),
            _ => Err(E::custom("$number must be NaN, Infinity, -Infinity or -0")),
        },
        _ => Err(E::custom(format_args!("malformed {key} marker"))),
    }
}

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<AnyValue, D::Error> {
        deserializer.deserialize_any(AnyVisitor)
    }
}

impl<'de> Deserialize<'de> for EncodedAny<Shared> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = AnyValue::deserialize(deserializer)?;
        let encoded = EncodedAny::from_value(&value);
        EncodedAny::from_bytes(encoded.raw().clone(), &Limits::DEFAULT)
            .map_err(|err| de::Error::custom(format_args!("the value is not canonical: {err}")))
    }
}
