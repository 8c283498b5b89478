//! Property tests of the teleportal dialect and lib0 `any`: every message kind and random
//! `any` trees round-trip (bytes, length, JSON), every decode path agrees, and no input
//! (random bytes, mutated frames) panics or decodes to something that re-encodes differently.

use proptest::prelude::*;
use yjs_wire::{
    bytes::Bytes,
    lib0::any::{self, AnyValue, EncodedAny},
    snapshot::Shared,
    teleportal::{self, Frame, MessageKind},
    Limits,
};

mod teleportal_gen;
use teleportal_gen::Rng;

fn check_frame(frame: &Frame<Shared>) -> Result<(), TestCaseError> {
    let bytes = frame.to_vec();
    prop_assert_eq!(frame.encoded_len(), bytes.len());
    let vectored = frame.encode_vectored();
    prop_assert_eq!(vectored.chunks().concat(), bytes.clone());
    prop_assert_eq!(vectored.len(), bytes.len());
    prop_assert!(!vectored.is_empty());
    prop_assert!(teleportal::VectoredFrame::default().is_empty());
    prop_assert_eq!(vectored.clone().into_chunks(), vectored.chunks().to_vec());
    let borrowed = teleportal::decode(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(borrowed.to_vec(), bytes.clone());
    let shared = teleportal::decode_shared(&Bytes::from(bytes.clone())).unwrap();
    prop_assert_eq!(&shared, frame);
    let header = teleportal::decode_header(&bytes).unwrap();
    prop_assert_eq!(header.kind(), frame.kind());
    prop_assert_eq!(header.document(), frame.document());
    prop_assert_eq!(teleportal::classify(&bytes), frame.access());
    let json = serde_json::to_value(&borrowed).unwrap();
    let back: Frame<Shared> = serde_json::from_value(json).unwrap();
    prop_assert_eq!(back.to_vec(), bytes);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_message_kind_round_trips(seed in any::<u64>()) {
        check_frame(&Rng(seed).frame())?;
    }

    #[test]
    fn any_trees_round_trip(seed in any::<u64>()) {
        let value = Rng(seed).any(0);
        let bytes = value.to_vec();
        prop_assert_eq!(value.encoded_len(), bytes.len());
        let decoded = any::decode_with(&bytes, &Limits::DEFAULT)
            .map_err(|e| TestCaseError::fail(format!("{e}: {bytes:02x?}")))?;
        let mut again = Vec::new();
        decoded.write(&mut again);
        prop_assert_eq!(&again, &bytes);
        prop_assert_eq!(decoded.to_value().to_vec(), bytes.clone());
        // Through the JSON form and back.
        let json = serde_json::to_value(decoded).unwrap();
        let back: AnyValue = serde_json::from_value(json).unwrap();
        prop_assert_eq!(back.to_vec(), bytes.clone());
        let encoded = EncodedAny::<Shared>::from_value(&value);
        prop_assert_eq!(encoded.as_bytes(), &bytes[..]);
    }

    #[test]
    fn random_bytes_never_panic_and_what_decodes_re_encodes(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let mut framed = b"YJS\x01".to_vec();
        framed.extend(&bytes);
        for input in [&bytes[..], &framed[..]] {
            if let Ok(frame) = teleportal::decode(input) {
                prop_assert_eq!(frame.to_vec(), input.to_vec());
            }
            if let Ok(value) = any::decode(input) {
                let mut out = Vec::new();
                value.write(&mut out);
                prop_assert_eq!(out, input.to_vec());
            }
            let _ = teleportal::decode_header(input);
        }
    }

    #[test]
    fn mutated_frames_decode_only_to_themselves(seed in any::<u64>(), at in any::<usize>(), byte in any::<u8>(), op in 0u8..4) {
        let mut bytes = Rng(seed).frame().to_vec();
        let at = at % (bytes.len() + 1);
        match op {
            0 if at < bytes.len() => bytes[at] = byte,
            1 => bytes.insert(at, byte),
            2 if at < bytes.len() => { bytes.remove(at); }
            _ => bytes.truncate(at),
        }
        let borrowed = teleportal::decode(&bytes);
        let shared = teleportal::decode_shared(&Bytes::from(bytes.clone()));
        match (&borrowed, &shared) {
            (Ok(a), Ok(b)) => {
                prop_assert_eq!(a.to_vec(), bytes.clone());
                prop_assert_eq!(b.to_vec(), bytes.clone());
            }
            (Err(a), Err(b)) => {
                prop_assert_eq!(a, b);
                prop_assert!(a.offset() <= bytes.len());
            }
            _ => prop_assert!(false, "borrowed and shared disagree"),
        }
    }
}

#[test]
fn the_generator_covers_every_kind() {
    let mut kinds = std::collections::BTreeSet::new();
    for seed in 0..3000u64 {
        kinds.insert(format!("{:?}", Rng(seed).frame().kind()));
    }
    // 2 control + 5 doc + 2 awareness + ack + 5 presence + 3 rpc.
    assert_eq!(kinds.len(), 18, "{kinds:?}");
    let _ = MessageKind::Ack;
}

#[test]
fn encode_acks_and_nacks() {
    use yjs_wire::{teleportal::Frame as F, U53};
    let frame = Rng(7).frame();
    let mut out = Vec::new();
    frame.encode(&mut out);
    assert_eq!(out, frame.to_vec());
    let received = teleportal::PING;
    let id = teleportal::message_id(&received).to_string();
    let F::Ack(ack) = teleportal::ack_for(&received) else {
        panic!()
    };
    assert_eq!(&*ack.message_id, id);
    assert!(!ack.is_nack());
    for (retry, error) in [
        (Some(U53::from(5u8)), None),
        (None, Some("no")),
        (Some(U53::from(1u8)), Some("x")),
    ] {
        let F::Ack(nack) = teleportal::nack_for(&received, retry, error) else {
            panic!()
        };
        assert_eq!(&*nack.message_id, id);
        assert!(nack.is_nack());
        assert_eq!((nack.retry_after, nack.error.as_deref()), (retry, error));
    }
}
