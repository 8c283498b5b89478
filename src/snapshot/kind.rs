//! `SnapshotKind`: the kind strings of snapshot messages. The only place they are spelled.
//!
//! ```text
//! 59 4a 53 01 01 64 | 02            | 0e 6c 69 73 74 2d … 73   | payload
//! "YJS" 01 "d"      | type snapshot | varString "list-snapshots" (kind)
//! ```

use core::fmt;

macro_rules! snapshot_kinds {
    ($( $(#[$doc:meta])* $variant:ident = $wire:literal, )*) => {
        /// The kind of a snapshot message: the varString after message type `0x02`.
        ///
        /// ```
        /// use yjs_wire::SnapshotKind;
        ///
        /// assert_eq!(SnapshotKind::from_wire(b"list-snapshots"), Some(SnapshotKind::ListSnapshots));
        /// assert_eq!(SnapshotKind::SnapshotFetchRequest.as_str(), "snapshot-fetch-request");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SnapshotKind {
            $( $(#[$doc])* $variant, )*
            /// A kind string this crate does not know. Strict decoding rejects such a frame
            /// with [`ErrorKind::UnknownSnapshotKind`](crate::ErrorKind); only decoders run
            /// with [`DecodeOptions::keep_unknown_kinds`](crate::DecodeOptions) report it, and
            /// the string itself is in [`RawSnapshot::kind`](crate::RawSnapshot::kind).
            /// Not in [`ALL`](Self::ALL); [`as_str`](Self::as_str) gives `"unknown"`, which is
            /// not a wire string.
            Unknown,
        }

        impl SnapshotKind {
            /// Every known kind, in wire-spec order: the nine base kinds, then the extensions
            /// of `spec/snapshot-extensions.md`. [`Unknown`](Self::Unknown) is not listed.
            ///
            /// ```
            /// use yjs_wire::SnapshotKind;
            ///
            /// assert_eq!(SnapshotKind::ALL.len(), 24);
            /// assert_eq!(SnapshotKind::ALL[0], SnapshotKind::ListSnapshots);
            /// assert!(!SnapshotKind::ALL.contains(&SnapshotKind::Unknown));
            /// ```
            pub const ALL: &'static [SnapshotKind] = &[$(SnapshotKind::$variant),*];

            /// The kind string on the wire (`"unknown"` for [`Unknown`](Self::Unknown), whose
            /// string is only in the message).
            ///
            /// ```
            /// use yjs_wire::SnapshotKind;
            ///
            /// // On the wire: 16 "snapshot-stats-request" (a varString of 22 bytes).
            /// assert_eq!(SnapshotKind::SnapshotStatsRequest.as_str(), "snapshot-stats-request");
            /// assert_eq!(SnapshotKind::Unknown.as_str(), "unknown");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(SnapshotKind::$variant => $wire,)*
                    SnapshotKind::Unknown => "unknown",
                }
            }

            /// Whether this is one of the nine kinds of the base protocol (seed `003`), as
            /// opposed to an extension kind or [`Unknown`](Self::Unknown).
            ///
            /// ```
            /// use yjs_wire::SnapshotKind;
            ///
            /// assert!(SnapshotKind::SnapshotRevertedEvent.is_base());
            /// assert!(!SnapshotKind::SnapshotError.is_base());
            /// ```
            pub const fn is_base(self) -> bool {
                (self as usize) < BASE_KINDS
            }

            /// The kind whose wire string is exactly `wire` (byte-exact, case-sensitive), or
            /// `None` for any other bytes (`b"unknown"` included).
            ///
            /// ```
            /// use yjs_wire::SnapshotKind;
            ///
            /// assert_eq!(SnapshotKind::from_wire(b"snapshot-error"), Some(SnapshotKind::SnapshotError));
            /// assert_eq!(SnapshotKind::from_wire(b"Snapshot-Error"), None);
            /// assert_eq!(SnapshotKind::from_wire(b"unknown"), None);
            /// ```
            pub fn from_wire(wire: &[u8]) -> Option<SnapshotKind> {
                match wire {
                    $(w if w == $wire.as_bytes() => Some(SnapshotKind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

snapshot_kinds! {
    /// `list-snapshots`: client asks for every snapshot of the document.
    ListSnapshots = "list-snapshots",
    /// `list-snapshots-response`: server answers with the metadata list.
    ListSnapshotsResponse = "list-snapshots-response",
    /// `snapshot-request`: client asks the server to create a snapshot.
    SnapshotRequest = "snapshot-request",
    /// `snapshot-fetch-request`: client asks for one snapshot's content.
    SnapshotFetchRequest = "snapshot-fetch-request",
    /// `snapshot-fetch-response`: server answers with metadata and content.
    SnapshotFetchResponse = "snapshot-fetch-response",
    /// `snapshot-revert-request`: client asks to revert the document to a snapshot.
    SnapshotRevertRequest = "snapshot-revert-request",
    /// `snapshot-revert-response`: server confirms the revert.
    SnapshotRevertResponse = "snapshot-revert-response",
    /// `snapshot-created-event`: server tells every client a snapshot was created.
    SnapshotCreatedEvent = "snapshot-created-event",
    /// `snapshot-reverted-event`: server tells every client the document was reverted.
    SnapshotRevertedEvent = "snapshot-reverted-event",

    // Extensions (spec/snapshot-extensions.md). A peer that knows only the nine kinds above
    // rejects these as unknown kinds and is otherwise unaffected.

    /// `snapshot-error`: server says a snapshot request failed, and why.
    SnapshotError = "snapshot-error",
    /// `list-snapshots-since`: client asks only for the snapshots whose ids it does not know.
    ListSnapshotsSince = "list-snapshots-since",
    /// `snapshot-rename-request`: client asks to rename a snapshot.
    SnapshotRenameRequest = "snapshot-rename-request",
    /// `snapshot-rename-response`: server confirms a rename.
    SnapshotRenameResponse = "snapshot-rename-response",
    /// `snapshot-renamed-event`: server tells every client a snapshot was renamed.
    SnapshotRenamedEvent = "snapshot-renamed-event",
    /// `snapshot-delete-request`: client asks to delete a snapshot.
    SnapshotDeleteRequest = "snapshot-delete-request",
    /// `snapshot-delete-response`: server confirms a delete.
    SnapshotDeleteResponse = "snapshot-delete-response",
    /// `snapshot-deleted-event`: server tells every client a snapshot was deleted.
    SnapshotDeletedEvent = "snapshot-deleted-event",
    /// `snapshot-info-request`: client asks for one snapshot's metadata and details.
    SnapshotInfoRequest = "snapshot-info-request",
    /// `snapshot-info-response`: server answers with metadata and details.
    SnapshotInfoResponse = "snapshot-info-response",
    /// `snapshot-create-request`: client asks to create a snapshot with rich metadata.
    SnapshotCreateRequest = "snapshot-create-request",
    /// `snapshot-revert-progress-event`: server reports progress of a running revert.
    SnapshotRevertProgressEvent = "snapshot-revert-progress-event",
    /// `search-snapshots`: client searches snapshots by text, tags and creation time.
    SearchSnapshots = "search-snapshots",
    /// `snapshot-stats-request`: client asks for statistics over the document's snapshots.
    SnapshotStatsRequest = "snapshot-stats-request",
    /// `snapshot-stats-response`: server answers with the statistics.
    SnapshotStatsResponse = "snapshot-stats-response",
}

/// How many kinds the base protocol has: the first variants of [`SnapshotKind`].
const BASE_KINDS: usize = 9;

impl fmt::Display for SnapshotKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_are_distinct() {
        for (i, kind) in SnapshotKind::ALL.iter().enumerate() {
            assert_eq!(
                SnapshotKind::from_wire(kind.as_str().as_bytes()),
                Some(*kind)
            );
            assert_eq!(kind.to_string(), kind.as_str());
            for other in &SnapshotKind::ALL[i + 1..] {
                assert_ne!(kind.as_str(), other.as_str());
            }
        }
        assert_eq!(SnapshotKind::ALL.len(), 24);
        assert!(!SnapshotKind::ALL.contains(&SnapshotKind::Unknown));
        assert_eq!(SnapshotKind::from_wire(b"unknown"), None);
        assert_eq!(
            SnapshotKind::ALL.iter().filter(|k| k.is_base()).count(),
            BASE_KINDS
        );
        assert!(SnapshotKind::SnapshotRevertedEvent.is_base());
        assert!(!SnapshotKind::SnapshotError.is_base());
        assert!(!SnapshotKind::Unknown.is_base());
        assert_eq!(SnapshotKind::from_wire(b"LIST-SNAPSHOTS"), None);
        assert_eq!(SnapshotKind::from_wire(b"list-snapshots "), None);
        assert_eq!(SnapshotKind::from_wire(b""), None);
    }
}
