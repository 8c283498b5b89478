//! The hand-written `Debug` forms of the value types: what a log line or a failed assertion
//! shows. (A mutation run found `Debug for Tag` replaced by an empty body survived.)

use yjs_wire::{
    snapshot::{Borrowed, Checksum, ErrorCode, Shared, Tag},
    U53,
};

#[test]
fn tag_debugs_as_its_text() {
    assert_eq!(format!("{:?}", Tag::<Borrowed>::new("draft")), r#""draft""#);
    assert_eq!(
        format!("{:?}", Tag::<Shared>::new("a \"b\"")),
        r#""a \"b\"""#
    );
    assert_eq!(format!("{:?}", Tag::<Borrowed>::new("")), r#""""#);
    // Inside a frame's Debug, too: the tag's text, not a struct.
    let tags = [Tag::<Borrowed>::new("x"), Tag::new("y")];
    assert_eq!(format!("{tags:?}"), r#"["x", "y"]"#);
}

#[test]
fn numbers_debug_as_numbers() {
    assert_eq!(format!("{:?}", U53::from(42u8)), "42");
    assert_eq!(format!("{:?}", U53::MAX), "9007199254740991");
    assert_eq!(
        format!("{:?}", ErrorCode::NOT_FOUND),
        "ErrorCode(not-found)"
    );
}

#[test]
fn checksums_debug_as_hex_or_unknown() {
    let unknown = Checksum::<Borrowed>::new(&[][..]).unwrap();
    assert_eq!(format!("{unknown:?}"), "Checksum(unknown)");
    let digest = [0xabu8; 32];
    let known = Checksum::<Borrowed>::new(&digest[..]).unwrap();
    assert_eq!(
        format!("{known:?}"),
        format!("Checksum(sha256:{})", "ab".repeat(32))
    );
}
