//! `SnapshotKind`: the kind strings of snapshot messages. The only place they are spelled.

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
        #[non_exhaustive]
        pub enum SnapshotKind {
            $( $(#[$doc])* $variant, )*
        }

        impl SnapshotKind {
            /// Every kind, in wire-spec order.
            pub const ALL: &'static [SnapshotKind] = &[$(SnapshotKind::$variant),*];

            /// The kind string on the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(SnapshotKind::$variant => $wire,)*
                }
            }

            /// The kind whose wire string is exactly `wire` (byte-exact, case-sensitive).
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
}

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
        assert_eq!(SnapshotKind::ALL.len(), 9);
        assert_eq!(SnapshotKind::from_wire(b"LIST-SNAPSHOTS"), None);
        assert_eq!(SnapshotKind::from_wire(b"list-snapshots "), None);
        assert_eq!(SnapshotKind::from_wire(b""), None);
    }
}
