//! The JSON form of `spec/json-form.md`, as serde impls (feature `serde`).
//!
//! Byte arrays are lowercase hex strings, integers JSON numbers up to 2^53 − 1, and every
//! message object carries its wire name in `"type"`. Message frames serialize their keys in
//! the order `document`, `type`, `payload`.

use alloc::{string::String, vec::Vec};
use core::fmt;
use serde::{
    de::{self, Deserializer},
    ser::{SerializeMap, Serializer},
    Deserialize, Serialize,
};

use crate::{
    snapshot::list::List,
    snapshot::parse::Element,
    snapshot::storage::Storage,
    snapshot::{AwarenessMessage, DocMessage, SnapshotMessage},
    Frame, U53,
};

/// Strings in any storage, through `&str` and `String` (so no serde impl of the storage's
/// string type is needed, and `ByteString` brings in no `std`).
pub(crate) mod text {
    use super::*;

    pub(crate) fn serialize<T, S>(text: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: core::ops::Deref<Target = str>,
        S: Serializer,
    {
        serializer.serialize_str(text)
    }

    pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: From<String>,
    {
        String::deserialize(deserializer).map(T::from)
    }
}

/// Lowercase hex for byte arrays.
pub(crate) mod hex {
    use super::*;

    /// Shows bytes as lowercase hex without allocating.
    pub(crate) struct Hex<'a>(pub(crate) &'a [u8]);

    impl fmt::Display for Hex<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
        }
    }

    /// The value of one hex digit (either case).
    pub(crate) fn digit(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => c.checked_sub(b'0'),
            b'a'..=b'f' => c.checked_sub(b'a' - 10),
            b'A'..=b'F' => c.checked_sub(b'A' - 10),
            _ => None,
        }
    }

    /// Bytes from an even-length hex string, or the index of the first bad character.
    pub(crate) fn decode(text: &str) -> Result<Vec<u8>, usize> {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len() / 2);
        let mut pairs = bytes.chunks_exact(2);
        for (i, pair) in pairs.by_ref().enumerate() {
            let at = i.saturating_mul(2);
            let &[hi, lo] = <&[u8; 2]>::try_from(pair).map_err(|_| at)?;
            let hi = digit(hi).ok_or(at)?;
            let lo = digit(lo).ok_or(at.saturating_add(1))?;
            out.push(hi.wrapping_shl(4) | lo);
        }
        if pairs.remainder().is_empty() {
            Ok(out)
        } else {
            Err(bytes.len().saturating_sub(1))
        }
    }

    pub(crate) fn serialize<T, S>(bytes: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        T: core::ops::Deref<Target = [u8]>,
        S: Serializer,
    {
        serializer.collect_str(&Hex(bytes))
    }

    pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: From<Vec<u8>>,
    {
        struct HexVisitor;
        impl de::Visitor<'_> for HexVisitor {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string of hex digit pairs")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Vec<u8>, E> {
                decode(text).map_err(|at| E::custom(format_args!("invalid hex at character {at}")))
            }
        }
        deserializer.deserialize_str(HexVisitor).map(T::from)
    }
}

impl Serialize for U53 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.get())
    }
}

impl<'de> Deserialize<'de> for U53 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<U53, D::Error> {
        let value = u64::deserialize(deserializer)?;
        U53::new(value).ok_or_else(|| {
            de::Error::custom(format_args!(
                "integer-out-of-range: {value} is above 2^53 - 1 (9007199254740991)"
            ))
        })
    }
}

impl<S: Storage, T: Element<S> + Clone + Serialize> Serialize for List<S, T> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de, S: Storage, T: Deserialize<'de>> Deserialize<'de> for List<S, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(List::from)
    }
}

impl<S: Storage> Serialize for Frame<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        let kind = self.kind();
        let type_name = match kind.message_type() {
            Some(message_type) => message_type.as_str(),
            None if kind == crate::snapshot::FrameKind::Ping => "ping",
            None => "pong",
        };
        let mut map = serializer.serialize_map(None)?;
        match self {
            Frame::Ping | Frame::Pong => map.serialize_entry("type", type_name)?,
            Frame::Doc { document, message } => {
                message_entries(&mut map, document, type_name, message)?
            }
            Frame::Awareness { document, message } => {
                message_entries(&mut map, document, type_name, message)?
            }
            // An unknown kind kept by `Decoder::keep_unknown_kinds` shows as `{"type": KIND, "payload": HEX}`.
            Frame::Snapshot {
                document,
                message: SnapshotMessage::Unknown(raw),
            } => message_entries(&mut map, document, type_name, raw)?,
            Frame::Snapshot { document, message } => {
                message_entries(&mut map, document, type_name, message)?
            }
        }
        map.end()
    }
}

fn message_entries<Ser: SerializeMap>(
    map: &mut Ser,
    document: &str,
    type_name: &str,
    payload: &impl Serialize,
) -> Result<(), Ser::Error> {
    map.serialize_entry("document", document)?;
    map.serialize_entry("type", type_name)?;
    map.serialize_entry("payload", payload)
}

/// The JSON shape of an awareness payload, for deserializing only: checks the `"type"` tag.
#[derive(Deserialize)]
#[serde(
    tag = "type",
    deny_unknown_fields,
    bound(deserialize = "S::Bytes: From<Vec<u8>>")
)]
pub(crate) enum AwarenessForm<S: Storage> {
    #[serde(rename = "awareness-update")]
    AwarenessUpdate {
        #[serde(with = "hex")]
        update: S::Bytes,
    },
}

impl<S: Storage> From<AwarenessForm<S>> for AwarenessMessage<S> {
    fn from(form: AwarenessForm<S>) -> Self {
        let AwarenessForm::AwarenessUpdate { update } = form;
        AwarenessMessage { update }
    }
}

/// The JSON shape of a frame, for deserializing only.
#[derive(Deserialize)]
#[serde(
    tag = "type",
    rename_all = "kebab-case",
    deny_unknown_fields,
    bound(deserialize = "S::Str: From<String>, S::Bytes: From<Vec<u8>>")
)]
enum FrameForm<S: Storage> {
    Ping,
    Pong,
    Doc {
        #[serde(with = "text")]
        document: S::Str,
        payload: DocMessage<S>,
    },
    Awareness {
        #[serde(with = "text")]
        document: S::Str,
        payload: AwarenessMessage<S>,
    },
    Snapshot {
        #[serde(with = "text")]
        document: S::Str,
        payload: SnapshotMessage<S>,
    },
}

impl<'de, S: Storage> Deserialize<'de> for Frame<S>
where
    S::Str: From<String>,
    S::Bytes: From<Vec<u8>>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match FrameForm::<S>::deserialize(deserializer)? {
            FrameForm::Ping => Frame::Ping,
            FrameForm::Pong => Frame::Pong,
            FrameForm::Doc { document, payload } => Frame::Doc {
                document,
                message: payload,
            },
            FrameForm::Awareness { document, payload } => Frame::Awareness {
                document,
                message: payload,
            },
            FrameForm::Snapshot { document, payload } => Frame::Snapshot {
                document,
                message: payload,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Borrowed, Shared};

    #[test]
    fn hex_reads_either_case_and_points_at_bad_characters() {
        assert_eq!(
            hex::decode("0123456789abcdefABCDEF"),
            Ok(vec![
                0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xab, 0xcd, 0xef
            ])
        );
        assert_eq!(hex::decode(""), Ok(vec![]));
        assert_eq!(hex::decode("g0"), Err(0));
        assert_eq!(hex::decode("0g"), Err(1));
        assert_eq!(hex::decode("00 0"), Err(2));
        assert_eq!(hex::decode("abc"), Err(2));
        for c in 0u8..=255 {
            let expected = (c as char).to_digit(16).map(|d| d as u8);
            assert_eq!(hex::digit(c), expected, "{c}");
        }
        assert_eq!(hex::Hex(&[0x00, 0xab, 0x0f]).to_string(), "00ab0f");
    }

    #[test]
    fn frames_serialize_in_document_type_payload_order() {
        let frame = Frame::update("d", &[1, 0xfe][..]);
        assert_eq!(
            serde_json::to_string(&frame).unwrap(),
            r#"{"document":"d","type":"doc","payload":{"type":"update","update":"01fe"}}"#
        );
        let ping = serde_json::to_string(&Frame::<Borrowed>::Ping).unwrap();
        let pong = serde_json::to_string(&Frame::<Borrowed>::Pong).unwrap();
        assert_eq!(
            (ping.as_str(), pong.as_str()),
            (r#"{"type":"ping"}"#, r#"{"type":"pong"}"#)
        );
    }

    #[test]
    fn integers_above_2_pow_53_and_non_hex_bytes_are_refused() {
        assert_eq!(
            serde_json::from_str::<U53>("9007199254740991").unwrap(),
            U53::MAX
        );
        assert_eq!(serde_json::from_str::<U53>("7").unwrap(), U53::from(7u8));
        let err = serde_json::from_str::<U53>("9007199254740992").unwrap_err();
        assert!(err.to_string().contains("integer-out-of-range"), "{err}");

        let json = r#"{"document":"d","type":"doc","payload":{"type":"update","update":5}}"#;
        let err = serde_json::from_str::<Frame<Shared>>(json).unwrap_err();
        assert!(
            err.to_string().contains("a string of hex digit pairs"),
            "{err}"
        );
        let json = r#"{"document":"d","type":"doc","payload":{"type":"update","update":"0x"}}"#;
        let err = serde_json::from_str::<Frame<Shared>>(json).unwrap_err();
        assert!(
            err.to_string().contains("invalid hex at character 1"),
            "{err}"
        );
    }
}
