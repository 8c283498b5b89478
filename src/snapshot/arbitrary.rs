//! [`Arbitrary`] for the owned message types (feature `arbitrary`), for fuzzing.
//!
//! Every value produced is one the encoder can write faithfully: integers are at most
//! 2^53 − 1 (each varUint length from 1 to 8 bytes equally likely), strings are UTF-8,
//! checksums are 0 or 32 bytes, states are one of [`SnapshotState::ALL`], error codes are
//! named ones or any `U53`, and every frame kind and every kind of [`SnapshotKind::ALL`] can
//! come out. [`SnapshotMessage::Unknown`] never does: it only comes from decoding with
//! `KEEP_UNKNOWN_KINDS`. Strings and byte arrays are not held to
//! [`Limits`](crate::Limits); decode what you encode with [`Limits::UNLIMITED`](crate::Limits).
//!
//! Implemented by hand: `ByteString` and `Bytes` have no `Arbitrary` of their own.

use alloc::{string::String, vec::Vec};
use arbitrary::{Arbitrary, Result, Unstructured};
use bytes::Bytes;
use bytestring::ByteString;

use crate::{
    snapshot::{
        AwarenessMessage, Checksum, DocMessage, DocType, ErrorCode, IdList, MetaList, Shared,
        SnapshotDetails, SnapshotKind, SnapshotMessage, SnapshotMeta, SnapshotState, Tag, TagList,
    },
    Frame, U53,
};

pub(crate) fn text(u: &mut Unstructured<'_>) -> Result<ByteString> {
    Ok(ByteString::from(String::arbitrary(u)?))
}

pub(crate) fn bytes(u: &mut Unstructured<'_>) -> Result<Bytes> {
    Ok(Bytes::from(Vec::<u8>::arbitrary(u)?))
}

impl<'a> Arbitrary<'a> for U53 {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // First how many bits, then the value: small and huge values are equally likely.
        let bits = u.int_in_range(0u32..=53)?;
        let max = U53::MAX
            .get()
            .checked_shr(53u32.saturating_sub(bits))
            .unwrap_or(0);
        let value = u.int_in_range(0..=max)?;
        Ok(U53::new(value).unwrap_or(U53::MAX))
    }

    fn size_hint(_depth: usize) -> (usize, Option<usize>) {
        (2, Some(9))
    }
}

impl<'a> Arbitrary<'a> for DocType {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(*u.choose(&[DocType::SyncStep1, DocType::SyncStep2, DocType::Update])?)
    }
}

impl<'a> Arbitrary<'a> for SnapshotKind {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(*u.choose(SnapshotKind::ALL)?)
    }
}

impl<'a> Arbitrary<'a> for SnapshotMeta<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(SnapshotMeta {
            id: U53::arbitrary(u)?,
            name: text(u)?,
            created_at: U53::arbitrary(u)?,
            user_id: text(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for MetaList<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let items: Result<Vec<SnapshotMeta<Shared>>> = u.arbitrary_iter()?.collect();
        Ok(MetaList::from(items?))
    }
}

impl<'a> Arbitrary<'a> for SnapshotState {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(*u.choose(&SnapshotState::ALL)?)
    }
}

impl<'a> Arbitrary<'a> for ErrorCode {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // Half the time a named code, else any code (most of them unnamed).
        if bool::arbitrary(u)? {
            Ok(*u.choose(&ErrorCode::NAMED)?)
        } else {
            Ok(ErrorCode::from(U53::arbitrary(u)?))
        }
    }
}

impl<'a> Arbitrary<'a> for Checksum<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        // Only the two lengths the wire allows: 0 (unknown) or a SHA-256 digest.
        let digest = if bool::arbitrary(u)? {
            Bytes::copy_from_slice(&<[u8; Checksum::<Shared>::SHA256_LEN]>::arbitrary(u)?)
        } else {
            Bytes::new()
        };
        Checksum::new(digest).ok_or(arbitrary::Error::IncorrectFormat)
    }
}

impl<'a> Arbitrary<'a> for Tag<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Tag::new(text(u)?))
    }
}

impl<'a> Arbitrary<'a> for TagList<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let items: Result<Vec<Tag<Shared>>> = u.arbitrary_iter()?.collect();
        Ok(TagList::from(items?))
    }
}

impl<'a> Arbitrary<'a> for IdList<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let items: Result<Vec<U53>> = u.arbitrary_iter()?.collect();
        Ok(IdList::from(items?))
    }
}

impl<'a> Arbitrary<'a> for SnapshotDetails<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(SnapshotDetails {
            description: text(u)?,
            tags: TagList::arbitrary(u)?,
            content_length: U53::arbitrary(u)?,
            checksum: Checksum::arbitrary(u)?,
            expires_at: U53::arbitrary(u)?,
            parent_id: U53::arbitrary(u)?,
            state: SnapshotState::arbitrary(u)?,
        })
    }
}

impl<'a> Arbitrary<'a> for DocMessage<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match DocType::arbitrary(u)? {
            DocType::SyncStep1 => DocMessage::SyncStep1 {
                state_vector: bytes(u)?,
            },
            DocType::SyncStep2 => DocMessage::SyncStep2 { update: bytes(u)? },
            DocType::Update => DocMessage::Update { update: bytes(u)? },
        })
    }
}

impl<'a> Arbitrary<'a> for AwarenessMessage<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(AwarenessMessage { update: bytes(u)? })
    }
}

// `SnapshotMessage<Shared>`: generated from the kind table (`src/snapshot/kinds.rs`).

impl<'a> Arbitrary<'a> for Frame<Shared> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=4)? {
            0 => Frame::Ping,
            1 => Frame::Pong,
            2 => Frame::Doc {
                document: text(u)?,
                message: DocMessage::arbitrary(u)?,
            },
            3 => Frame::Awareness {
                document: text(u)?,
                message: AwarenessMessage::arbitrary(u)?,
            },
            _ => Frame::Snapshot {
                document: text(u)?,
                message: SnapshotMessage::arbitrary(u)?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{snapshot::FrameKind, Decoder, Limits};

    #[test]
    fn arbitrary_frames_round_trip_and_cover_every_kind() {
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0u32..2000 {
            let data: Vec<u8> = (0..256u32)
                .map(|i| {
                    (i.wrapping_mul(2654435761)
                        .wrapping_add(seed.wrapping_mul(40503))
                        >> 13) as u8
                })
                .collect();
            let Ok(frame) = Frame::<Shared>::arbitrary(&mut Unstructured::new(&data)) else {
                continue;
            };
            let bytes = Bytes::from(frame.to_vec());
            assert_eq!(
                Decoder::new()
                    .with_limits(Limits::UNLIMITED)
                    .decode_shared(&bytes),
                Ok(frame.clone())
            );
            seen.insert(frame.kind());
        }
        assert_eq!(seen.len(), 6 + SnapshotKind::ALL.len(), "{seen:?}");
        assert!(seen.contains(&FrameKind::Ping));
    }

    #[test]
    fn u53_stays_in_range() {
        for byte in [0u8, 0x35, 0x7f, 0xff] {
            let data = [byte; 16];
            let value = U53::arbitrary(&mut Unstructured::new(&data)).unwrap();
            assert!(value <= U53::MAX);
        }
        let top = [53u8, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        assert!(U53::arbitrary(&mut Unstructured::new(&top)).unwrap() <= U53::MAX);
    }
}
