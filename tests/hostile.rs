//! Hostile input for the server-facing API: every conformance vector, and many seeded
//! mutations of each (bit flips, byte edits, cuts, inserted bytes, inflated length prefixes),
//! go through `decode_header`, `classify`, `decode`, `decode_shared` and `retarget`.
//!
//! For every input: nothing panics; `classify` is `Invalid` exactly when the header does not
//! decode; a frame that decodes is classified by its kind; retargeting keeps the body (and
//! whether the frame decodes), and retargeting back gives the original bytes.

use bytes::Bytes;
use serde_json::Value;
use yjs_wire::{
    decode, decode_header, decode_shared,
    server::{classify, retarget, Access, Permissions, RetargetError},
};

const MUTATIONS_PER_VECTOR: usize = 400;

/// xorshift64*: a small seeded generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

fn vectors() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for file in ["valid.json", "invalid.json"] {
        let path = format!("{}/spec/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("vector file");
        let cases: Vec<Value> = serde_json::from_str(&text).expect("vector JSON");
        out.extend(cases.iter().map(|c| unhex(c["hex"].as_str().expect("hex"))));
    }
    out
}

fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..=rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = rng.next() as u8;
            }
            2 => bytes.truncate(at),
            3 => bytes.insert(at, rng.next() as u8),
            // A length prefix claiming far more than there is.
            4 => bytes
                .splice(at..at, [0xff, 0xff, 0xff, 0xff, 0x0f])
                .for_each(drop),
            _ => bytes.splice(at..at, [0x80, 0x00]).for_each(drop),
        }
    }
    bytes
}

/// The properties, for one input.
fn check(input: &[u8]) {
    let header = decode_header(input);
    let access = classify(input);
    assert_eq!(access == Access::Invalid, header.is_err(), "{input:x?}");
    for permissions in [
        Permissions::CLIENT,
        Permissions::READ_ONLY,
        Permissions::SERVER,
    ] {
        if header.is_err() {
            assert!(!permissions.allows(access));
        }
    }

    let decoded = decode(input);
    let shared_input = Bytes::copy_from_slice(input);
    let shared = decode_shared(&shared_input);
    assert_eq!(decoded.is_ok(), shared.is_ok());
    if let Ok(frame) = &decoded {
        let header = header.as_ref().expect("a decoded frame's header decodes");
        assert_eq!(header.kind(), frame.kind());
        assert_eq!(header.document(), frame.document());
        assert_eq!(access, frame.kind().access());
        assert_eq!(frame.to_vec(), input, "decode∘encode is the identity");
    }
    if let Err(err) = &decoded {
        if let Err(header_err) = &header {
            assert_eq!(header_err, err, "the header's error is the frame's error");
        }
    }

    match retarget(&shared_input, "elsewhere/\u{0}é") {
        Ok(moved) => {
            let original = header.as_ref().expect("retarget needs a header").document();
            let original = original.expect("retarget needs a document");
            let start = input.len() - moved.body().len();
            assert_eq!(moved.body().as_ptr(), shared_input[start..].as_ptr());
            let moved_bytes = moved.to_bytes();
            let moved_frame = decode(&moved_bytes);
            assert_eq!(moved_frame.is_ok(), decoded.is_ok(), "{input:x?}");
            if let (Ok(a), Ok(b)) = (&moved_frame, &decoded) {
                assert_eq!(a.document(), Some("elsewhere/\u{0}é"));
                assert_eq!(a.kind(), b.kind());
            }
            let back = retarget(&moved_bytes, original).expect("retarget back");
            assert_eq!(back.to_vec(), input, "retargeting back gives the original");
        }
        Err(RetargetError::Frame(err)) => assert_eq!(Err(err), header.map(|_| ())),
        Err(RetargetError::NoDocument) => {
            assert_eq!(header.expect("control frame").document(), None)
        }
        Err(other) => panic!("{other} for {input:x?}"),
    }
}

#[test]
fn vectors_and_their_mutations_never_slip_through() {
    let vectors = vectors();
    assert!(vectors.len() >= 150, "the conformance vectors are there");
    let mut rng = Rng(0x5eed_0f1a_b0c0_de01);
    let mut counts = [0usize; 3]; // invalid header, header only, whole frame
    for vector in &vectors {
        check(vector);
        for _ in 0..MUTATIONS_PER_VECTOR {
            let input = mutate(&mut rng, vector);
            check(&input);
            let slot = match (decode_header(&input).is_ok(), decode(&input).is_ok()) {
                (false, _) => 0,
                (true, false) => 1,
                (true, true) => 2,
            };
            counts[slot] += 1;
        }
    }
    println!(
        "hostile inputs: {} (header invalid {}, header valid but frame invalid {}, valid {})",
        counts.iter().sum::<usize>(),
        counts[0],
        counts[1],
        counts[2]
    );
    // The mutations reach all three outcomes.
    assert!(counts.iter().all(|&n| n > 100), "{counts:?}");
}
