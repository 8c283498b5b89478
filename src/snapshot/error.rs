//! `snapshot-error`: the answer to any snapshot request that failed.
//!
//! ```text
//! snapshot-error = varString(requestKind) • varUint(snapshotId) • varUint(code) • varString(message)
//! ```
//!
//! `requestKind` is any string, not only a known kind: a server answers a request of a kind
//! it does not know with code `unsupported` and that kind's string. `snapshotId` is 0 when the
//! request names no snapshot. `code` is an [`ErrorCode`]; unknown codes are kept.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    parse::{self, Cx, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::{ErrorCode, SnapshotKind, SnapshotMessage};

pub(super) fn parse<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, request_kind) = parse::string(cx, input, "the requestKind")?;
    let (input, snapshot_id) = var_uint::parse_u53(input, "the snapshot id")?;
    let (input, code) = var_uint::parse_u53(input, "the error code")?;
    let (input, message) = parse::string(cx, input, "the error message")?;
    let message = SnapshotMessage::SnapshotError {
        request_kind,
        snapshot_id,
        code: ErrorCode::from(code),
        message,
    };
    Ok((input, message))
}

pub(super) fn write<W: Sink>(
    out: &mut W,
    request_kind: &str,
    snapshot_id: U53,
    code: ErrorCode,
    message: &str,
) {
    out.put_var_bytes(request_kind.as_bytes());
    out.put_var_uint(snapshot_id.get());
    out.put_var_uint(code.get().get());
    out.put_var_bytes(message.as_bytes());
}

impl<S: Storage> Frame<S> {
    /// `snapshot-error`: the request of kind `request_kind` about `snapshot_id` (0: none)
    /// failed with `code`.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, ErrorCode, Frame, SnapshotKind, U53};
    ///
    /// let frame = Frame::<Borrowed>::snapshot_error(
    ///     "d", SnapshotKind::SnapshotRevertRequest.as_str(), U53::from(7u8),
    ///     ErrorCode::PERMISSION_DENIED, "no",
    /// );
    /// assert_eq!(
    ///     frame.to_vec(),
    ///     b"YJS\x01\x01d\x02\x0esnapshot-error\x17snapshot-revert-request\x07\x02\x02no"
    /// );
    /// ```
    pub fn snapshot_error(
        document: impl Into<S::Str>,
        request_kind: impl Into<S::Str>,
        snapshot_id: U53,
        code: ErrorCode,
        message: impl Into<S::Str>,
    ) -> Self {
        let message = SnapshotMessage::SnapshotError {
            request_kind: request_kind.into(),
            snapshot_id,
            code,
            message: message.into(),
        };
        Frame::snapshot(document, message)
    }
}

impl<S: Storage> SnapshotMessage<S> {
    /// Whether this is a `snapshot-error` answering a request of `kind`.
    ///
    /// ```
    /// use yjs_wire::{decode, Frame, SnapshotKind};
    ///
    /// // snapshot-error • 16 "snapshot-fetch-request" • 07 (id) • 01 (not-found) • 00 ("")
    /// let bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x16snapshot-fetch-request\x07\x01\x00";
    /// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
    /// assert!(message.is_error_for(SnapshotKind::SnapshotFetchRequest));
    /// assert!(!message.is_error_for(SnapshotKind::SnapshotRevertRequest));
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn is_error_for(&self, kind: SnapshotKind) -> bool {
        matches!(self, SnapshotMessage::SnapshotError { request_kind, .. } if **request_kind == *kind.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::tests::check, Borrowed};

    #[test]
    fn unknown_codes_and_request_kinds_are_kept() {
        let frame = Frame::<Borrowed>::snapshot_error(
            "d",
            "snapshot-lock-request",
            U53::ZERO,
            ErrorCode::from(U53::from(300u16)),
            "",
        );
        let bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x15snapshot-lock-request\x00\xac\x02\x00";
        check(&frame, bytes);
        let Frame::Snapshot { message, .. } = frame else {
            panic!()
        };
        assert!(!message.is_error_for(SnapshotKind::SnapshotRevertRequest));
    }

    #[test]
    fn named_code() {
        let frame = Frame::<Borrowed>::snapshot_error(
            "d",
            "snapshot-fetch-request",
            U53::MAX,
            ErrorCode::NOT_FOUND,
            "gone",
        );
        let mut bytes = b"YJS\x01\x01d\x02\x0esnapshot-error\x16snapshot-fetch-request".to_vec();
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01, 0x04]);
        bytes.extend(b"gone");
        check(&frame, &bytes);
        let Frame::Snapshot { message, .. } = frame else {
            panic!()
        };
        assert!(message.is_error_for(SnapshotKind::SnapshotFetchRequest));
    }
}
