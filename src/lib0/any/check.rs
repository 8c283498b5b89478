//! The validating reader of `any` values (once per frame) and the unchecked re-reader that
//! iteration uses on bytes already validated.

use super::{
    Any, AnyArray, AnyObject, CANONICAL_NAN_BITS, MARKER_KEYS, MAX_INTEGER, TAG_ARRAY, TAG_BIGINT,
    TAG_BYTES, TAG_FALSE, TAG_FLOAT32, TAG_FLOAT64, TAG_INTEGER, TAG_NULL, TAG_OBJECT, TAG_STRING,
    TAG_TRUE, TAG_UNDEFINED,
};
use crate::{
    lib0::{utf8, var_int},
    snapshot::parse::{fail, PResult},
    ErrorKind, Limits,
};

const VALUE: &str = "an any value";

/// The deepest nesting validated even under [`Limits::UNLIMITED`]: validation recurses once
/// per level, and a thread's stack must not be what stops a hostile value.
pub(crate) const HARD_MAX_DEPTH: usize = 200;

/// Whether `value` is a finite integer (without `f64::trunc`, which `core` lacks).
#[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)] // the test itself
pub(crate) fn is_integral(value: f64) -> bool {
    // From 2^52 on every finite double is an integer; below, `as i64` is exact for integers.
    value.is_finite() && (value.abs() >= 4_503_599_627_370_496.0 || (value as i64) as f64 == value)
}

/// Whether lib0 writes `value` as an integer (tag 125).
pub(crate) fn is_small_integer(value: f64) -> bool {
    is_integral(value) && value.abs() <= MAX_INTEGER
}

/// Whether `value` survives a round trip through float32 (NaN does not).
#[allow(clippy::cast_possible_truncation)] // rounding to f32 is the test itself
pub(crate) fn fits_f32(value: f64) -> bool {
    f64::from(value as f32) == value
}

/// Validate one value starting at its tag; `depth` is the number of objects and arrays
/// around it.
pub(crate) fn parse<'i>(limits: &Limits, input: &'i [u8], depth: usize) -> PResult<'i, Any<'i>> {
    let Some((&tag, body)) = input.split_first() else {
        return fail(ErrorKind::Truncated, input, VALUE);
    };
    match tag {
        TAG_STRING => {
            let (rest, raw) =
                crate::lib0::var_bytes::parse_raw(body, limits.max_string_bytes, "an any string")?;
            match core::str::from_utf8(raw) {
                Ok(text) => Ok((rest, Any::String(text))),
                Err(_) => fail(ErrorKind::InvalidUtf8, body, "an any string"),
            }
        }
        TAG_OBJECT => object(limits, input, body, depth),
        TAG_ARRAY => array(limits, input, body, depth),
        _ => scalar(limits, input, tag, body),
    }
}

/// Validate one value without making it (the items of arrays and the values of objects):
/// the same rules, in the same order, with the same faults as [`parse`], but a string's
/// UTF-8 is checked with [`utf8::is_valid`] (ASCII a word at a time) since no `&str` is made.
fn check<'i>(limits: &Limits, input: &'i [u8], depth: usize) -> PResult<'i, ()> {
    let Some((&tag, body)) = input.split_first() else {
        return fail(ErrorKind::Truncated, input, VALUE);
    };
    let rest = match tag {
        TAG_STRING => {
            let (rest, raw) =
                crate::lib0::var_bytes::parse_raw(body, limits.max_string_bytes, "an any string")?;
            if !utf8::is_valid(raw) {
                return fail(ErrorKind::InvalidUtf8, body, "an any string");
            }
            rest
        }
        TAG_OBJECT => object(limits, input, body, depth)?.0,
        TAG_ARRAY => array(limits, input, body, depth)?.0,
        _ => scalar(limits, input, tag, body)?.0,
    };
    Ok((rest, ()))
}

/// Every tag but string, object and array (and the fault of an unknown tag).
#[inline]
fn scalar<'i>(limits: &Limits, input: &'i [u8], tag: u8, body: &'i [u8]) -> PResult<'i, Any<'i>> {
    match tag {
        TAG_UNDEFINED => Ok((body, Any::Undefined)),
        TAG_NULL => Ok((body, Any::Null)),
        TAG_TRUE => Ok((body, Any::Bool(true))),
        TAG_FALSE => Ok((body, Any::Bool(false))),
        TAG_INTEGER => {
            let (rest, value) = var_int::parse(body, "an any integer")?;
            if value.magnitude > 0x7fff_ffff {
                return fail(ErrorKind::NonCanonical, input, "an any integer");
            }
            Ok((rest, Any::Number(value.to_f64())))
        }
        TAG_FLOAT32 => {
            let Some((raw, rest)) = body.split_first_chunk::<4>() else {
                return fail(ErrorKind::Truncated, body, "an any float32");
            };
            let value = f64::from(f32::from_be_bytes(*raw));
            if value.is_nan() || is_small_integer(value) {
                return fail(ErrorKind::NonCanonical, input, "an any float32");
            }
            Ok((rest, Any::Number(value)))
        }
        TAG_FLOAT64 => {
            let Some((raw, rest)) = body.split_first_chunk::<8>() else {
                return fail(ErrorKind::Truncated, body, "an any float64");
            };
            let bits = u64::from_be_bytes(*raw);
            let value = f64::from_bits(bits);
            let canonical = if value.is_nan() {
                bits == CANONICAL_NAN_BITS
            } else {
                !is_small_integer(value) && !fits_f32(value)
            };
            if !canonical {
                return fail(ErrorKind::NonCanonical, input, "an any float64");
            }
            Ok((rest, Any::Number(value)))
        }
        TAG_BIGINT => {
            let Some((raw, rest)) = body.split_first_chunk::<8>() else {
                return fail(ErrorKind::Truncated, body, "an any bigint");
            };
            Ok((rest, Any::BigInt(i64::from_be_bytes(*raw))))
        }
        TAG_BYTES => {
            let (rest, raw) = crate::lib0::var_bytes::parse_raw(
                body,
                limits.max_payload_bytes,
                "an any byte array",
            )?;
            Ok((rest, Any::Bytes(raw)))
        }
        _ => fail(ErrorKind::InvalidValue, input, VALUE),
    }
}

/// The count of an object or array: varUint, limit, and at least `min_len` bytes per entry
/// left; also the depth check at the tag.
fn count<'i>(
    limits: &Limits,
    input: &'i [u8],
    body: &'i [u8],
    depth: usize,
    min_len: usize,
    element: &'static str,
) -> PResult<'i, usize> {
    if depth >= limits.max_any_depth.min(HARD_MAX_DEPTH) {
        return fail(ErrorKind::LimitExceeded, input, element);
    }
    let (rest, count) = crate::lib0::var_uint::parse(body, element)?;
    let count = match usize::try_from(count) {
        Ok(count) if count <= limits.max_list_entries => count,
        _ => return fail(ErrorKind::LimitExceeded, body, element),
    };
    match count.checked_mul(min_len) {
        Some(least) if least <= rest.len() => Ok((rest, count)),
        _ => fail(ErrorKind::Truncated, body, element),
    }
}

fn array<'i>(
    limits: &Limits,
    input: &'i [u8],
    body: &'i [u8],
    depth: usize,
) -> PResult<'i, Any<'i>> {
    let (items, len) = count(limits, input, body, depth, 1, "an any array")?;
    let inner = depth.saturating_add(1);
    let mut rest = items;
    for _ in 0..len {
        rest = check(limits, rest, inner)?.0;
    }
    let used = items.len().saturating_sub(rest.len());
    let body = items.get(..used).unwrap_or_default();
    Ok((rest, Any::Array(AnyArray { len, body })))
}

fn object<'i>(
    limits: &Limits,
    input: &'i [u8],
    body: &'i [u8],
    depth: usize,
) -> PResult<'i, Any<'i>> {
    let (entries, len) = count(limits, input, body, depth, 2, "an any object")?;
    let inner = depth.saturating_add(1);
    let mut order = KeyOrder::default();
    let mut rest = entries;
    for _ in 0..len {
        let (after_key, raw) =
            crate::lib0::var_bytes::parse_raw(rest, limits.max_string_bytes, "an object key")?;
        if !utf8::is_valid(raw) {
            return fail(ErrorKind::InvalidUtf8, rest, "an object key");
        }
        let before = entries
            .get(..entries.len().saturating_sub(rest.len()))
            .unwrap_or_default();
        if !order.admit(raw, before) {
            return fail(ErrorKind::NonCanonical, rest, "an object key");
        }
        // A one-key object whose key is a marker name: refused at the tag, before its value.
        if len == 1 && MARKER_KEYS.iter().any(|marker| marker.as_bytes() == raw) {
            return fail(
                ErrorKind::InvalidValue,
                input,
                "an object that reads as a JSON marker",
            );
        }
        rest = check(limits, after_key, inner)?.0;
    }
    let used = entries.len().saturating_sub(rest.len());
    let body = entries.get(..used).unwrap_or_default();
    Ok((rest, Any::Object(AnyObject { len, body })))
}

/// `key` as a JavaScript array index ("0", or no leading zero, up to 2^32 − 2), if it is one.
pub(crate) fn array_index(key: &str) -> Option<u32> {
    array_index_bytes(key.as_bytes())
}

/// [`array_index`] of a key's (valid UTF-8) bytes.
fn array_index_bytes(bytes: &[u8]) -> Option<u32> {
    match bytes {
        [b'0'] => return Some(0),
        [b'1'..=b'9', ..] if bytes.len() <= 10 => {}
        _ => return None,
    }
    let mut value: u64 = 0;
    for &b in bytes {
        let digit = b.checked_sub(b'0').filter(|d| *d <= 9)?;
        value = value.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    u32::try_from(value).ok().filter(|v| *v <= 4_294_967_294)
}

/// The canonical key order of a JavaScript object, checked one key at a time without
/// allocating: array indices ascending first, then other keys, none twice, no `__proto__`.
/// Repeats among the other keys are found with a 4096-bit filter, confirmed by re-reading
/// the entries before (only when the filter says maybe).
#[derive(Default)]
struct KeyOrder {
    last_index: Option<u32>,
    named: bool,
    filter: Filter,
}

struct Filter([u64; 64]);

impl Default for Filter {
    fn default() -> Self {
        Filter([0; 64])
    }
}

impl KeyOrder {
    fn admit(&mut self, key: &[u8], before: &[u8]) -> bool {
        if let Some(index) = array_index_bytes(key) {
            if self.named || self.last_index.is_some_and(|last| last >= index) {
                return false;
            }
            self.last_index = Some(index);
            return true;
        }
        if key == b"__proto__" {
            return false;
        }
        self.named = true;
        let hash = fnv64(key);
        let bits = [hash & 4095, (hash >> 12) & 4095];
        let maybe_seen = bits.iter().all(|&bit| self.filter.test(bit));
        if maybe_seen && seen_before(key, before) {
            return false;
        }
        bits.iter().for_each(|&bit| self.filter.set(bit));
        true
    }
}

impl Filter {
    fn test(&self, bit: u64) -> bool {
        let word = usize::try_from(bit >> 6).unwrap_or(0);
        self.0
            .get(word)
            .is_some_and(|w| w & (1u64 << (bit & 63)) != 0)
    }
    fn set(&mut self, bit: u64) {
        let word = usize::try_from(bit >> 6).unwrap_or(0);
        if let Some(w) = self.0.get_mut(word) {
            *w |= 1u64 << (bit & 63);
        }
    }
}

fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether `key` is among the (validated) entries in `before`.
fn seen_before(key: &[u8], mut before: &[u8]) -> bool {
    while !before.is_empty() {
        let Some((k, rest)) = raw_key(before) else {
            return false;
        };
        if k == key {
            return true;
        }
        let Some(rest) = skip(rest) else {
            return false;
        };
        before = rest;
    }
    false
}

/// The bytes of a key of validated bytes, and what follows it.
fn raw_key(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let (rest, raw) = crate::lib0::var_bytes::parse_raw(input, usize::MAX, "").ok()?;
    Some((raw, rest))
}

/// Re-read a key of validated bytes.
pub(crate) fn reparse_key(input: &[u8]) -> Option<(&str, &[u8])> {
    let (raw, rest) = raw_key(input)?;
    Some((core::str::from_utf8(raw).ok()?, rest))
}

/// Step over one value of validated bytes: lengths and counts only, no UTF-8 pass, nothing
/// made (`None` only for bytes that were never validated). Recursion is as deep as the
/// validated nesting.
pub(crate) fn skip(input: &[u8]) -> Option<&[u8]> {
    let (&tag, body) = input.split_first()?;
    match tag {
        TAG_UNDEFINED | TAG_NULL | TAG_TRUE | TAG_FALSE => Some(body),
        TAG_INTEGER => var_int::parse(body, "").ok().map(|(rest, _)| rest),
        TAG_FLOAT32 => body.get(4..),
        TAG_FLOAT64 | TAG_BIGINT => body.get(8..),
        TAG_STRING | TAG_BYTES => raw_key(body).map(|(_, rest)| rest),
        TAG_OBJECT | TAG_ARRAY => skip_entries(tag, body).map(|(_, _, rest)| rest),
        _ => None,
    }
}

/// Step over the count and entries of a validated object or array: the count, the entries'
/// bytes and what follows them.
fn skip_entries(tag: u8, body: &[u8]) -> Option<(usize, &[u8], &[u8])> {
    let (entries, count) = crate::lib0::var_uint::parse(body, "").ok()?;
    let len = usize::try_from(count).ok()?;
    let mut rest = entries;
    for _ in 0..len {
        if tag == TAG_OBJECT {
            rest = raw_key(rest)?.1;
        }
        rest = skip(rest)?;
    }
    let used = entries.len().checked_sub(rest.len())?;
    Some((len, entries.get(..used)?, rest))
}

/// Re-read the one value that is all of `input` (validated bytes: an `EncodedAny`, or the
/// last entry of an object or array): an object or array takes the rest of `input` as its
/// entries, without stepping over them.
pub(crate) fn reparse_whole(input: &[u8]) -> Option<Any<'_>> {
    let (&tag, body) = input.split_first()?;
    if tag != TAG_OBJECT && tag != TAG_ARRAY {
        return reparse(input).map(|(value, _)| value);
    }
    let (entries, count) = crate::lib0::var_uint::parse(body, "").ok()?;
    let len = usize::try_from(count).ok()?;
    Some(if tag == TAG_OBJECT {
        Any::Object(AnyObject { len, body: entries })
    } else {
        Any::Array(AnyArray { len, body: entries })
    })
}

/// Re-read one value of validated bytes (`None` only for bytes that were never validated):
/// an object or array is stepped over ([`skip`]), a string's UTF-8 is checked again (to make
/// the `&str`), other scalars are read.
pub(crate) fn reparse(input: &[u8]) -> Option<(Any<'_>, &[u8])> {
    let (&tag, body) = input.split_first()?;
    match tag {
        TAG_OBJECT => {
            let (len, body, rest) = skip_entries(tag, body)?;
            Some((Any::Object(AnyObject { len, body }), rest))
        }
        TAG_ARRAY => {
            let (len, body, rest) = skip_entries(tag, body)?;
            Some((Any::Array(AnyArray { len, body }), rest))
        }
        _ => {
            let (rest, value) = parse(&Limits::UNLIMITED, input, 0).ok()?;
            Some((value, rest))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_indices() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("17"), Some(17));
        assert_eq!(array_index("4294967294"), Some(4_294_967_294));
        assert_eq!(array_index("4294967295"), None);
        assert_eq!(array_index("01"), None);
        assert_eq!(array_index("-1"), None);
        assert_eq!(array_index("1a"), None);
        assert_eq!(array_index(""), None);
        assert_eq!(array_index("99999999999"), None);
    }

    #[test]
    fn unlimited_still_stops_at_the_hard_depth() {
        let deep: Vec<u8> = core::iter::repeat_n([TAG_ARRAY, 1], 5000)
            .flatten()
            .chain([TAG_NULL])
            .collect();
        let err = match parse(&Limits::UNLIMITED, &deep, 0) {
            Err(fault) => fault,
            Ok(_) => panic!("5000 levels validated"),
        };
        assert_eq!(err.kind, ErrorKind::LimitExceeded);
        assert_eq!(deep.len() - err.at.len(), 2 * HARD_MAX_DEPTH);
        let ok: Vec<u8> = core::iter::repeat_n([TAG_ARRAY, 1], HARD_MAX_DEPTH)
            .flatten()
            .chain([TAG_NULL])
            .collect();
        assert!(parse(&Limits::UNLIMITED, &ok, 0).is_ok());
    }

    /// Enough distinct keys to fill the repeat filter, so the confirming re-read decides.
    #[test]
    fn many_distinct_keys_pass_and_a_repeat_among_them_fails_at_it() {
        let keys: Vec<String> = (0..3000).map(|i| format!("k{i}")).collect();
        let object = |keys: &[String]| {
            let mut out = vec![TAG_OBJECT];
            crate::lib0::Sink::put_var_uint(&mut out, keys.len() as u64);
            for key in keys {
                crate::lib0::Sink::put_var_bytes(&mut out, key.as_bytes());
                out.push(TAG_NULL);
            }
            out
        };
        let distinct = object(&keys);
        match parse(&Limits::DEFAULT, &distinct, 0) {
            Ok((rest, Any::Object(o))) => assert!(rest.is_empty() && o.len() == 3000),
            other => panic!("{other:?}"),
        }
        let mut repeated = keys.clone();
        repeated.push("k1234".into());
        let bytes = object(&repeated);
        let fault = parse(&Limits::DEFAULT, &bytes, 0).unwrap_err();
        assert_eq!(fault.kind, ErrorKind::NonCanonical);
        // The repeat is the last key: its length prefix is 6 bytes (key + null) from the end.
        assert_eq!(fault.at.len(), 1 + "k1234".len() + 1);
    }

    /// Iteration steps over every entry but the last, which takes the rest of its container:
    /// containers first, last and nested in both positions read back to the same value.
    #[test]
    fn iteration_reads_nested_containers_in_every_position() {
        use super::super::{AnyMap, AnyValue};
        let leaf = |n: f64| {
            let mut map = AnyMap::new();
            map.insert("s", AnyValue::from("é"));
            map.insert("n", AnyValue::Number(n));
            map.insert(
                "a",
                AnyValue::Array(vec![AnyValue::Number(0.5), AnyValue::Null]),
            );
            AnyValue::Object(map)
        };
        let mut top = AnyMap::new();
        top.insert("first", AnyValue::Array(vec![leaf(1.0), leaf(2.0)]));
        top.insert("middle", AnyValue::Bytes(bytes::Bytes::from_static(b"xyz")));
        top.insert(
            "last",
            AnyValue::Array(vec![AnyValue::Array(vec![leaf(3.0)]), leaf(4.0)]),
        );
        let value = AnyValue::Object(top);
        let bytes = value.to_vec();
        let decoded = super::super::decode(&bytes).unwrap();
        assert_eq!(decoded.to_value(), value);
        assert_eq!(reparse_whole(&bytes), Some(decoded));
        assert_eq!(reparse(&bytes), Some((decoded, &[][..])));
        let Any::Object(object) = decoded else {
            panic!("{decoded:?}")
        };
        let keys: Vec<&str> = object.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["first", "middle", "last"]);
        assert_eq!(
            object.get("last").map(|v| v.to_value()),
            value_of(&value, "last")
        );
    }

    fn value_of(value: &super::super::AnyValue, key: &str) -> Option<super::super::AnyValue> {
        match value {
            super::super::AnyValue::Object(map) => map.get(key).cloned(),
            _ => None,
        }
    }

    #[test]
    fn number_rules() {
        assert!(is_small_integer(-0.0));
        assert!(is_small_integer(2_147_483_647.0));
        assert!(!is_small_integer(2_147_483_648.0));
        assert!(!is_small_integer(0.5));
        assert!(!is_small_integer(f64::INFINITY));
        assert!(!is_small_integer(f64::NAN));
        assert!(is_integral(1e300) && is_integral(-4_503_599_627_370_497.0));
        assert!(!is_integral(4_503_599_627_370_495.5) && !is_integral(-0.5));
        assert!(fits_f32(0.5));
        assert!(fits_f32(f64::INFINITY));
        assert!(!fits_f32(0.1));
        assert!(!fits_f32(f64::NAN));
    }
}
