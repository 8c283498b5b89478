//! Write classification: what a frame does to a document, from its header alone, so that a
//! server can hold a read-only peer to reading.
//!
//! ```text
//! 59 4a 53 01 | 01 64 | 00 | 02 | …     the class is decided here, by type (00 doc) and
//! "YJS" 01    | "d"   | type sub-type   sub-type (02 update): write; the payload is not read
//! ```
//!
//! | frame | class |
//! |---|---|
//! | `YJSping`, `YJSpong` | [`Access::Control`] |
//! | doc sync-step-1 | [`Access::Read`] |
//! | doc sync-step-2, doc update | [`Access::Write`] |
//! | awareness | [`Access::Awareness`] |
//! | a snapshot message | its kind's class: the class column of the kinds table (`src/snapshot/kinds/table.rs`), [`SnapshotKind::access`](crate::snapshot::SnapshotKind::access) |
//! | a snapshot kind kept as unknown ([`Decoder::keep_unknown_kinds`](crate::Decoder::keep_unknown_kinds)) | [`Access::Write`] |
//! | anything whose header does not decode | [`Access::Invalid`] |
//!
//! Requests that only read are [`Access::Read`], requests that change state
//! [`Access::Write`], responses and events [`Access::ServerToClient`]. The matches below have
//! no wildcard arm: a new [`FrameKind`] or [`DocType`] does not compile until it is given a
//! class here; a new snapshot kind cannot be written without its class in the table.

use crate::{
    snapshot::{DocType, FrameKind, Header},
    Decoder,
};

/// What a frame does, for access control. Made by [`FrameKind::access`],
/// [`Header::access`] and [`classify`].
///
/// ```
/// use yjs_wire::server::{classify, Access, Permissions};
///
/// let update = b"YJS\x01\x03doc\x00\x02\x01\x00";
/// assert_eq!(classify(update), Access::Write);
/// assert!(!Permissions::READ_ONLY.allows(classify(update)));
/// assert_eq!(classify(b"YJS\x01\x03doc\x00\x09"), Access::Invalid); // unknown doc sub-type
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Access {
    /// Reads document state without changing it: sync-step-1, `list-snapshots`,
    /// `snapshot-fetch-request`.
    Read,
    /// Changes document state: sync-step-2, update, `snapshot-request` (creates a snapshot),
    /// `snapshot-revert-request`.
    Write,
    /// Awareness (presence, cursors): changes no document state, but is broadcast to every
    /// peer, so a server decides on its own whether read-only peers may send it.
    Awareness,
    /// A response or event that only a server sends (`*-response`, `*-event`): a client that
    /// sends one is impersonating the server.
    ServerToClient,
    /// Ping and pong: about the connection, not a document.
    Control,
    /// The header does not decode. Never allowed, by any [`Permissions`].
    Invalid,
}

impl Access {
    /// Every class, in declaration order.
    ///
    /// ```
    /// use yjs_wire::server::Access;
    ///
    /// assert_eq!(Access::ALL.len(), 6);
    /// assert_eq!(Access::ALL[5], Access::Invalid);
    /// ```
    pub const ALL: [Access; 6] = [
        Access::Read,
        Access::Write,
        Access::Awareness,
        Access::ServerToClient,
        Access::Control,
        Access::Invalid,
    ];

    /// A stable kebab-case word for logs and metrics: `read`, `write`, `awareness`,
    /// `server-to-client`, `control`, `invalid`. [`Display`](core::fmt::Display) writes the
    /// same word.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Access};
    ///
    /// assert_eq!(classify(b"YJS\x01\x01d\x02\x0elist-snapshots").as_str(), "read");
    /// assert_eq!(Access::ServerToClient.to_string(), "server-to-client");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
            Access::Awareness => "awareness",
            Access::ServerToClient => "server-to-client",
            Access::Control => "control",
            Access::Invalid => "invalid",
        }
    }
}

impl core::fmt::Display for Access {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FrameKind {
    /// The access class of frames of this kind (never [`Access::Invalid`]).
    ///
    /// ```
    /// use yjs_wire::{server::Access, snapshot::{DocType, FrameKind, SnapshotKind}};
    ///
    /// assert_eq!(FrameKind::Doc(DocType::SyncStep2).access(), Access::Write);
    /// assert_eq!(FrameKind::Snapshot(SnapshotKind::ListSnapshots).access(), Access::Read);
    /// ```
    pub const fn access(self) -> Access {
        match self {
            FrameKind::Ping | FrameKind::Pong => Access::Control,
            FrameKind::Doc(doc_type) => doc_type.access(),
            FrameKind::Awareness => Access::Awareness,
            FrameKind::Snapshot(kind) => kind.access(),
        }
    }
}

impl DocType {
    /// The access class of doc messages of this sub-type: sync-step-1 reads, sync-step-2 and
    /// update write.
    ///
    /// ```
    /// use yjs_wire::{server::Access, snapshot::DocType};
    ///
    /// assert_eq!(DocType::SyncStep1.access(), Access::Read);
    /// assert_eq!(DocType::SyncStep2.access(), Access::Write);
    /// ```
    pub const fn access(self) -> Access {
        match self {
            DocType::SyncStep1 => Access::Read,
            // Step 2 carries an update the receiver applies: a write, whoever asked for it.
            DocType::SyncStep2 => Access::Write,
            DocType::Update => Access::Write,
        }
    }
}

impl Header<'_> {
    /// The access class of the frame: [`FrameKind::access`] of its kind.
    ///
    /// ```
    /// use yjs_wire::{server::Access, decode_header};
    ///
    /// // 02 16 "snapshot-fetch-request": a read, whatever the payload.
    /// let header = decode_header(b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x07")?;
    /// assert_eq!(header.access(), Access::Read);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub const fn access(&self) -> Access {
        self.kind().access()
    }
}

/// Classify a frame from its header alone, as [`Decoder::STRICT`] reads it: the class of its
/// kind, or [`Access::Invalid`] if the header does not decode (bad magic or version, unknown
/// type, sub-type or kind, a bad or over-long document name, truncation, a frame over the
/// size limit, bytes after ping or pong). [`Decoder::classify`] classifies under other limits.
///
/// The body is not read: a frame classified [`Access::Write`] may still fail
/// [`decode`](crate::decode). Classify to refuse early; decode before applying or forwarding.
///
/// ```
/// use yjs_wire::server::{classify, Access};
///
/// assert_eq!(classify(b"YJSping"), Access::Control);
/// assert_eq!(classify(b"YJS\x01\x01d\x01\x00"), Access::Awareness);
/// assert_eq!(classify(b"ping"), Access::Invalid);
/// assert_eq!(classify(b""), Access::Invalid);
/// ```
pub fn classify(input: &[u8]) -> Access {
    Decoder::STRICT.classify(input)
}

impl Decoder {
    /// [`classify`] as this decoder reads the header: a frame over its limits is
    /// [`Access::Invalid`]; with [`keep_unknown_kinds`](Decoder::keep_unknown_kinds) a snapshot
    /// kind this crate does not know is [`Access::Write`] (what it does is unknown, so it gets
    /// the most restrictive class a client can hold) instead of [`Access::Invalid`].
    ///
    /// ```
    /// use yjs_wire::{server::Access, Decoder, Limits};
    ///
    /// let mut limits = Limits::DEFAULT;
    /// limits.max_name_bytes = 2;
    /// let decoder = Decoder::new().with_limits(limits);
    /// assert_eq!(decoder.classify(b"YJS\x01\x02ab\x01\x00"), Access::Awareness);
    /// assert_eq!(decoder.classify(b"YJS\x01\x03abc\x01\x00"), Access::Invalid);
    ///
    /// // "YJS" 01 "d" 02 varString("snapshot-lock-request"): unknown to this crate.
    /// let lock = b"YJS\x01\x01d\x02\x15snapshot-lock-request";
    /// assert_eq!(Decoder::STRICT.classify(lock), Access::Invalid);
    /// assert_eq!(Decoder::new().keep_unknown_kinds(true).classify(lock), Access::Write);
    /// ```
    pub fn classify(&self, input: &[u8]) -> Access {
        match self.decode_header(input) {
            Ok(header) => header.access(),
            Err(_) => Access::Invalid,
        }
    }
}

/// Which [`Access`] classes a peer may send. [`Access::Invalid`] is never allowed.
///
/// ```
/// use yjs_wire::server::{Access, Permissions};
///
/// let viewer = Permissions::READ_ONLY.with_awareness(true);
/// assert!(viewer.allows(Access::Read) && viewer.allows(Access::Awareness));
/// assert!(!viewer.allows(Access::Write));
/// assert!(!Permissions::CLIENT.allows(Access::ServerToClient));
/// assert!(!Permissions::SERVER.allows(Access::Invalid));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Permissions {
    read: bool,
    write: bool,
    awareness: bool,
    server_to_client: bool,
}

impl Permissions {
    /// A client that may edit: read, write, awareness and control; not server messages.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Permissions};
    ///
    /// let update = b"YJS\x01\x01d\x00\x02\x01\x00";
    /// assert!(Permissions::CLIENT.allows(classify(update)));
    /// ```
    pub const CLIENT: Permissions = Permissions {
        read: true,
        write: true,
        awareness: true,
        server_to_client: false,
    };

    /// A read-only client: read and control only. Awareness is off; turn it on with
    /// [`with_awareness`](Self::with_awareness) to show viewers' presence.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Permissions};
    ///
    /// let step1 = b"YJS\x01\x01d\x00\x00\x01\x00"; // sync-step-1: a read
    /// let step2 = b"YJS\x01\x01d\x00\x01\x01\x00"; // sync-step-2: a write
    /// assert!(Permissions::READ_ONLY.allows(classify(step1)));
    /// assert!(!Permissions::READ_ONLY.allows(classify(step2)));
    /// ```
    pub const READ_ONLY: Permissions = Permissions {
        read: true,
        write: false,
        awareness: false,
        server_to_client: false,
    };

    /// A trusted server (for a client reading from one): everything but invalid frames.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Permissions};
    ///
    /// let created = b"YJS\x01\x01d\x02\x16snapshot-created-event\x07\x02v1\x01\x01u";
    /// assert!(Permissions::SERVER.allows(classify(created)));
    /// assert!(!Permissions::CLIENT.allows(classify(created)));
    /// ```
    pub const SERVER: Permissions = Permissions {
        read: true,
        write: true,
        awareness: true,
        server_to_client: true,
    };

    /// These permissions with awareness allowed or not.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Permissions};
    ///
    /// let awareness = b"YJS\x01\x01d\x01\x01\x00";
    /// assert!(!Permissions::READ_ONLY.allows(classify(awareness)));
    /// assert!(Permissions::READ_ONLY.with_awareness(true).allows(classify(awareness)));
    /// ```
    #[must_use]
    pub const fn with_awareness(self, allowed: bool) -> Permissions {
        self.with(Access::Awareness, allowed)
    }

    /// These permissions with `access` allowed or not. [`Access::Control`] stays allowed
    /// and [`Access::Invalid`] refused, whatever `allowed` is.
    ///
    /// ```
    /// use yjs_wire::server::{Access, Permissions};
    ///
    /// let mirror = Permissions::SERVER.with(Access::Write, false);
    /// assert!(mirror.allows(Access::ServerToClient) && !mirror.allows(Access::Write));
    /// assert!(!Permissions::SERVER.with(Access::Invalid, true).allows(Access::Invalid));
    /// ```
    #[must_use]
    pub const fn with(self, access: Access, allowed: bool) -> Permissions {
        match access {
            Access::Read => Permissions {
                read: allowed,
                ..self
            },
            Access::Write => Permissions {
                write: allowed,
                ..self
            },
            Access::Awareness => Permissions {
                awareness: allowed,
                ..self
            },
            Access::ServerToClient => Permissions {
                server_to_client: allowed,
                ..self
            },
            Access::Control | Access::Invalid => self,
        }
    }

    /// Whether a peer with these permissions may send a frame of class `access`.
    /// [`Access::Control`] is always allowed, [`Access::Invalid`] never.
    ///
    /// ```
    /// use yjs_wire::server::{classify, Permissions};
    ///
    /// assert!(Permissions::READ_ONLY.allows(classify(b"YJSping")));
    /// assert!(!Permissions::SERVER.allows(classify(b"YJSping!"))); // trailing byte: invalid
    /// ```
    pub const fn allows(self, access: Access) -> bool {
        match access {
            Access::Read => self.read,
            Access::Write => self.write,
            Access::Awareness => self.awareness,
            Access::ServerToClient => self.server_to_client,
            Access::Control => true,
            Access::Invalid => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        decode,
        snapshot::{Shared, SnapshotKind, SnapshotMeta},
        ErrorKind, Frame, Limits, U53,
    };

    #[test]
    fn words_are_the_documented_ones_and_display_writes_them() {
        let words: Vec<&str> = Access::ALL.iter().map(|access| access.as_str()).collect();
        assert_eq!(
            words,
            [
                "read",
                "write",
                "awareness",
                "server-to-client",
                "control",
                "invalid"
            ]
        );
        for access in Access::ALL {
            assert_eq!(access.to_string(), access.as_str());
        }
    }

    fn meta() -> SnapshotMeta<Shared> {
        SnapshotMeta {
            id: U53::from(7u8),
            name: "v1".into(),
            created_at: U53::from(1_700_000_000u32),
            user_id: "u".into(),
        }
    }

    /// One frame of every kind, with the class the issue gives it.
    fn every_kind() -> Vec<(Frame<Shared>, Access)> {
        let d = &bytestring::ByteString::from_static("doc");
        let mut cases = vec![
            (Frame::Ping, Access::Control),
            (Frame::Pong, Access::Control),
            (Frame::sync_step1(d, vec![0u8]), Access::Read),
            (Frame::sync_step2(d, vec![0u8, 0]), Access::Write),
            (Frame::update(d, vec![0u8, 0]), Access::Write),
            (Frame::awareness(d, vec![0u8]), Access::Awareness),
            (Frame::list_snapshots(d), Access::Read),
            (
                Frame::list_snapshots_response(d, [meta(), meta()]),
                Access::ServerToClient,
            ),
            (Frame::snapshot_request(d, "v2", "v1"), Access::Write),
            (
                Frame::snapshot_fetch_request(d, U53::from(7u8)),
                Access::Read,
            ),
            (
                Frame::snapshot_fetch_response(d, meta(), vec![1u8, 2]),
                Access::ServerToClient,
            ),
            (
                Frame::snapshot_revert_request(d, U53::from(7u8)),
                Access::Write,
            ),
            (
                Frame::snapshot_revert_response(d, meta()),
                Access::ServerToClient,
            ),
            (
                Frame::snapshot_created_event(d, meta()),
                Access::ServerToClient,
            ),
            (
                Frame::snapshot_reverted_event(d, meta(), "u2"),
                Access::ServerToClient,
            ),
        ];
        // The extension kinds, one of each, with the class their direction gives them.
        let extensions = crate::snapshot::kinds::tests::one_of_each()
            .into_iter()
            .filter_map(|frame| {
                let FrameKind::Snapshot(kind) = frame.kind() else {
                    return None;
                };
                let access = match kind {
                    _ if kind.is_base() => return None,
                    SnapshotKind::ListSnapshotsSince
                    | SnapshotKind::SnapshotInfoRequest
                    | SnapshotKind::SearchSnapshots
                    | SnapshotKind::SnapshotStatsRequest => Access::Read,
                    SnapshotKind::SnapshotCreateRequest
                    | SnapshotKind::SnapshotRenameRequest
                    | SnapshotKind::SnapshotDeleteRequest => Access::Write,
                    _ => Access::ServerToClient,
                };
                let frame = crate::decode_shared(&bytes::Bytes::from(frame.to_vec())).ok()?;
                Some((frame, access))
            });
        cases.extend(extensions);
        cases
    }

    #[test]
    fn unknown_kinds_kept_by_a_relay_are_writes() {
        let bytes = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07";
        assert_eq!(classify(bytes), Access::Invalid);
        let header = Decoder::new()
            .keep_unknown_kinds(true)
            .decode_header(bytes)
            .unwrap();
        assert_eq!(header.access(), Access::Write);
        assert!(!Permissions::READ_ONLY.allows(header.access()));
    }

    #[test]
    fn every_kind_has_its_class() {
        let cases = every_kind();
        let snapshot_kinds = cases
            .iter()
            .filter(|(f, _)| matches!(f.kind(), FrameKind::Snapshot(_)))
            .count();
        assert_eq!(snapshot_kinds, SnapshotKind::ALL.len(), "a kind is missing");
        for (frame, access) in cases {
            let bytes = frame.to_vec();
            assert_eq!(frame.kind().access(), access, "{:?}", frame.kind());
            assert_eq!(classify(&bytes), access, "{:?}", frame.kind());
            assert_eq!(
                Decoder::new().decode_header(&bytes).unwrap().access(),
                access
            );
            assert_ne!(access, Access::Invalid);
        }
    }

    #[test]
    fn read_only_may_only_read() {
        for (frame, access) in every_kind() {
            let allowed = Permissions::READ_ONLY.allows(classify(&frame.to_vec()));
            let expected = matches!(access, Access::Read | Access::Control);
            assert_eq!(allowed, expected, "{:?}", frame.kind());
        }
        // Sync-step-2 is a write: the hole of filters that check only the update sub-type.
        assert!(!Permissions::READ_ONLY.allows(classify(b"YJS\x01\x01d\x00\x01\x01\x00")));
    }

    #[test]
    fn no_permissions_allow_invalid() {
        for perms in [
            Permissions::CLIENT,
            Permissions::READ_ONLY,
            Permissions::SERVER,
            Permissions::READ_ONLY.with_awareness(true),
        ] {
            assert!(!perms.allows(Access::Invalid));
            assert!(perms.allows(Access::Control));
        }
        assert!(!Permissions::CLIENT.allows(Access::ServerToClient));
        assert!(Permissions::SERVER.allows(Access::ServerToClient));
    }

    #[test]
    fn with_changes_one_class_only() {
        for access in Access::ALL {
            for allowed in [false, true] {
                let changed = Permissions::CLIENT.with(access, allowed);
                for other in Access::ALL {
                    let expected = match other {
                        Access::Control => true,
                        Access::Invalid => false,
                        _ if other == access => allowed,
                        _ => Permissions::CLIENT.allows(other),
                    };
                    assert_eq!(
                        changed.allows(other),
                        expected,
                        "{access} {allowed} {other}"
                    );
                }
            }
        }
    }

    /// A hostile frame for every error kind a header can have, and the kinds a body can have
    /// (those classify by their valid header, and are left to `decode`).
    #[test]
    fn every_error_is_invalid() {
        let long_name = {
            let mut f = b"YJS\x01\x81\x08".to_vec(); // 1025-byte name
            f.extend(std::iter::repeat_n(b'a', 1025));
            f.extend_from_slice(b"\x01\x00");
            f
        };
        let header_errors: Vec<(Vec<u8>, ErrorKind)> = vec![
            (b"".to_vec(), ErrorKind::Truncated),
            (b"YJ".to_vec(), ErrorKind::Truncated),
            (b"YJS".to_vec(), ErrorKind::Truncated),
            (b"YJSpi".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01\x05doc".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01\x03doc".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01\x03doc\x00".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01\x03doc\x02".to_vec(), ErrorKind::Truncated),
            (b"YJS\x01\x03doc\x02\x05list".to_vec(), ErrorKind::Truncated),
            (b"ping".to_vec(), ErrorKind::BadMagic),
            (b"yjs\x01\x03doc\x00\x00\x00".to_vec(), ErrorKind::BadMagic),
            (
                b"YJS\x02\x03doc\x00\x00\x00".to_vec(),
                ErrorKind::UnsupportedVersion,
            ),
            (b"YJSPING".to_vec(), ErrorKind::UnsupportedVersion),
            (
                b"YJS\x01\x03doc\x03\x00".to_vec(),
                ErrorKind::UnknownMessageType,
            ),
            (
                b"YJS\x01\x03doc\x00\x03\x00".to_vec(),
                ErrorKind::UnknownMessageType,
            ),
            (
                b"YJS\x01\x03doc\x00\xff\x00".to_vec(),
                ErrorKind::UnknownMessageType,
            ),
            (
                b"YJS\x01\x03doc\x02\x04nope".to_vec(),
                ErrorKind::UnknownSnapshotKind,
            ),
            (
                b"YJS\x01\x03doc\x02\x00".to_vec(),
                ErrorKind::UnknownSnapshotKind,
            ),
            (
                b"YJS\x01\x03doc\x02\x0eLIST-SNAPSHOTS".to_vec(),
                ErrorKind::UnknownSnapshotKind,
            ),
            (
                b"YJS\x01\x02\xc0\x80\x01\x00".to_vec(),
                ErrorKind::InvalidUtf8,
            ),
            (
                b"YJS\x01\x03doc\x02\x02\xff\xfe".to_vec(),
                ErrorKind::InvalidUtf8,
            ),
            (
                b"YJS\x01\x83\x00doc\x01\x00".to_vec(),
                ErrorKind::NonCanonicalVarint,
            ),
            (
                b"YJS\x01\xff\xff\xff\xff\xff\xff\xff\x7f\x01\x00".to_vec(),
                ErrorKind::IntegerOutOfRange,
            ),
            (long_name, ErrorKind::LimitExceeded),
            (b"YJSping\x00".to_vec(), ErrorKind::TrailingBytes),
            (b"YJSpongpong".to_vec(), ErrorKind::TrailingBytes),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for (bytes, kind) in &header_errors {
            let err = Decoder::new().decode_header(bytes).unwrap_err();
            assert_eq!(err.kind(), *kind, "{bytes:x?}");
            assert_eq!(classify(bytes), Access::Invalid, "{bytes:x?}");
            seen.insert(kind.as_str());
        }
        // `invalid-value` is a body-only kind (a snapshot state or checksum): see
        // `body_errors_keep_the_header_class`; `non-canonical` belongs to lib0 `any` values
        // (the teleportal dialect), never in a snapshot-dialect header.
        let header_kinds = ErrorKind::ALL
            .iter()
            .filter(|k| !matches!(**k, ErrorKind::InvalidValue | ErrorKind::NonCanonical))
            .count();
        assert_eq!(
            seen.len(),
            header_kinds,
            "every header error kind is covered"
        );

        // Over the frame limit: invalid under those limits, whatever the kind.
        let mut small = Limits::DEFAULT;
        small.max_frame_bytes = 6;
        let decoder = Decoder::new().with_limits(small);
        assert_eq!(decoder.classify(b"YJSping"), Access::Invalid);
        assert_eq!(Decoder::STRICT.classify(b"YJSping"), Access::Control);
    }

    /// A bad body does not change the class (the header is valid), but `decode` rejects it:
    /// a server must decode before it applies or forwards.
    #[test]
    fn body_errors_keep_the_header_class() {
        for (bytes, access) in [
            (&b"YJS\x01\x03doc\x00\x02\x05\x01"[..], Access::Write),
            (b"YJS\x01\x03doc\x00\x00\x80\x00", Access::Read),
            (b"YJS\x01\x03doc\x01\x01\x00\x00", Access::Awareness),
            (b"YJS\x01\x03doc\x02\x10snapshot-request\x01", Access::Write),
            // DETAILS with state 04: invalid-value, a body-only error kind.
            (
                b"YJS\x01\x03doc\x02\x16snapshot-info-response\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04",
                Access::ServerToClient,
            ),
        ] {
            assert_eq!(classify(bytes), access);
            assert!(decode(bytes).is_err());
        }
        let err = decode(b"YJS\x01\x03doc\x02\x16snapshot-info-response\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04")
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidValue);
    }

    /// A configured decoder classifies as it decodes: its limits, and unknown kinds kept as
    /// a write instead of refused.
    #[test]
    fn a_decoder_classifies_under_its_own_rules() {
        // "YJS" 01 "d" 02 varString("snapshot-lock-request") 07
        let lock = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07";
        let relay = Decoder::new().keep_unknown_kinds(true);
        assert_eq!(classify(lock), Access::Invalid);
        assert_eq!(Decoder::STRICT.classify(lock), Access::Invalid);
        assert_eq!(relay.classify(lock), Access::Write);
        assert!(!Permissions::READ_ONLY.allows(relay.classify(lock)));
        // Known kinds: the same class either way.
        let fetch = b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x07";
        assert_eq!(relay.classify(fetch), Access::Read);
        assert_eq!(classify(fetch), Access::Read);
        // The limits are the decoder's.
        let mut limits = Limits::DEFAULT;
        limits.max_name_bytes = 0;
        let strict_names = relay.with_limits(limits);
        assert_eq!(strict_names.classify(fetch), Access::Invalid);
        assert_eq!(
            strict_names.classify(b"YJS\x01\x00\x02\x16snapshot-fetch-request\x07"),
            Access::Read
        );
    }
}
