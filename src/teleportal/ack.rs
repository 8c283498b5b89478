//! Acks and NACKs (type 2): the receipt of a frame, by its message id.
//!
//! ```text
//! header (document "", encrypted 0, type 02) | varString messageId | u8 flags
//!   | [varUint retryAfter, if flags bit 0] | [varString error, if flags bit 1]
//!
//! 59 4a 53 01 00 00 02 | 10 "0123456789abcdef" | 00        an ack
//! ```
//!
//! Access: control. JSON payload: `{"type": "ack", "messageId": S}` with `"retryAfter": N`
//! (a retryable NACK) and/or `"error": S` (a permanent NACK). The frame's JSON has no
//! `document` and `"encrypted": false`.
//!
//! Teleportal's encoder always writes an empty document and encrypted 0 and only flag bits
//! 0 and 1; its decoder ignores the document, the encrypted byte and other flag bits. A
//! strict decoder refuses them (`invalid-value`).

use super::{header::Head, sink::FrameSink, Access};
use crate::{
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind, U53,
};

/// The access class of acks.
pub const ACCESS: Access = Access::Control;

const FLAG_RETRY_AFTER: u8 = 1;
const FLAG_ERROR: u8 = 2;

/// An ack, or a NACK when it carries `retry_after` and/or `error`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Ack<S: Storage> {
    /// The message id of the frame acknowledged (see [`message_id`](super::message_id)).
    pub message_id: S::Str,
    /// Retry after this many milliseconds (a retryable NACK).
    pub retry_after: Option<U53>,
    /// Why the frame was refused (a permanent NACK).
    pub error: Option<S::Str>,
}

/// An ack's document must be empty and its encrypted byte 0.
pub(crate) fn check_head<'i, X: Source<'i>>(head: &Head<'i, X>) -> PResult<'i, ()> {
    if !head.document_empty {
        return fail(
            ErrorKind::InvalidValue,
            head.document_at,
            "an ack's document name",
        );
    }
    if head.encrypted {
        return fail(
            ErrorKind::InvalidValue,
            head.encrypted_at,
            "an ack's encrypted byte",
        );
    }
    Ok((head.document_at, ()))
}

impl<S: Storage> Ack<S> {
    /// Whether this is a NACK (it has `retry_after` or `error`).
    pub fn is_nack(&self) -> bool {
        self.retry_after.is_some() || self.error.is_some()
    }

    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        let (rest, message_id) = crate::snapshot::parse::string(cx, input, "the acked message id")?;
        let flags = match rest.split_first() {
            Some((&flags, _)) if flags & !(FLAG_RETRY_AFTER | FLAG_ERROR) != 0 => {
                return fail(ErrorKind::InvalidValue, rest, "the ack flags")
            }
            Some((&flags, _)) => flags,
            None => return fail(ErrorKind::Truncated, rest, "the ack flags"),
        };
        let mut rest = rest.get(1..).unwrap_or_default();
        let mut retry_after = None;
        if flags & FLAG_RETRY_AFTER != 0 {
            let (after, value) = crate::lib0::var_uint::parse_u53(rest, "the retryAfter")?;
            retry_after = Some(value);
            rest = after;
        }
        let mut error = None;
        if flags & FLAG_ERROR != 0 {
            let (after, value) = crate::snapshot::parse::string(cx, rest, "the NACK error")?;
            error = Some(value);
            rest = after;
        }
        Ok((
            rest,
            Ack {
                message_id,
                retry_after,
                error,
            },
        ))
    }

    pub(crate) fn write<W: FrameSink>(&self, out: &mut W) {
        out.put_var_bytes(self.message_id.as_bytes());
        let flags = if self.retry_after.is_some() {
            FLAG_RETRY_AFTER
        } else {
            0
        } | if self.error.is_some() { FLAG_ERROR } else { 0 };
        out.put_u8(flags);
        if let Some(retry_after) = self.retry_after {
            out.put_var_uint(retry_after.get());
        }
        if let Some(error) = &self.error {
            out.put_var_bytes(error.as_bytes());
        }
    }
}

#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::*;
    use alloc::string::String;
    use serde::{ser::SerializeMap, Deserialize, Serialize, Serializer};

    impl<S: Storage> Serialize for Ack<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", "ack")?;
            map.serialize_entry("messageId", &*self.message_id)?;
            if let Some(retry_after) = self.retry_after {
                map.serialize_entry("retryAfter", &retry_after)?;
            }
            if let Some(error) = &self.error {
                map.serialize_entry("error", &**error)?;
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
    pub(crate) enum AckIn {
        Ack {
            #[serde(rename = "messageId")]
            message_id: String,
            #[serde(rename = "retryAfter", default)]
            retry_after: Option<U53>,
            #[serde(default)]
            error: Option<String>,
        },
    }

    impl AckIn {
        pub(crate) fn into_message(self) -> Ack<crate::snapshot::Shared> {
            let AckIn::Ack {
                message_id,
                retry_after,
                error,
            } = self;
            Ack {
                message_id: message_id.into(),
                retry_after,
                error: error.map(Into::into),
            }
        }
    }
}
