//! Document names: the one place their rules are written down.
//!
//! A document name is the routing key of a frame: `varString(document)` after the version
//! byte:
//!
//! ```text
//! 59 4a 53 01 | 0a 6e 6f 74 65 73 2f 32 30 32 34 | 01 …
//! "YJS" 01    | varString "notes/2024"           | type
//! ```
//!
//! The rules, applied by the decoder (to every name it reads), by
//! [`retarget`](crate::retarget) (to the new name) and by servers that build frames from
//! names they got elsewhere (a URL, a database):
//!
//! 1. valid UTF-8 (lib0's `readVarString` throws on anything else);
//! 2. at most [`Limits::max_name_bytes`] bytes (1024 by default);
//! 3. nothing else: the empty name, NUL, other control characters, a byte-order mark,
//!    unnormalized text are all accepted, exactly as lib0 writes and reads them, so that
//!    decoding then encoding any frame gives back its bytes;
//! 4. names are compared byte for byte: no case folding, no Unicode normalization, no
//!    trimming. `"é"` (U+00E9) and `"e\u{301}"` are two documents.
//!
//! A server that wants a narrower alphabet (say, no control characters, because names end
//! up in file paths or logs) checks that itself after [`check_document_name`]; the wire
//! accepts what lib0 accepts.

use crate::{Error, ErrorKind, Limits};

/// What errors about a document name call the element.
pub(crate) const ELEMENT: &str = "the document name";

/// Check `name` against the document-name rules (module docs, `spec/servers.md`) and return
/// it as text.
///
/// The decoder applies exactly this function to every document name it reads, so a name
/// passes here if and only if a frame carrying it can decode under the same `limits`.
///
/// # Errors
///
/// - [`ErrorKind::LimitExceeded`] if `name` is longer than [`Limits::max_name_bytes`];
/// - [`ErrorKind::InvalidUtf8`] if it is not UTF-8.
///
/// The error's offset is 0 (the start of the name).
///
/// ```
/// use yjs_wire::{check_document_name, ErrorKind, Limits};
///
/// assert_eq!(check_document_name(b"notes/2024", &Limits::DEFAULT), Ok("notes/2024"));
/// assert_eq!(check_document_name(b"a\x00b", &Limits::DEFAULT), Ok("a\0b")); // NUL is fine
/// let err = check_document_name(b"\xff", &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
/// let err = check_document_name(&[b'x'; 1025], &Limits::DEFAULT).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::LimitExceeded);
/// ```
#[inline]
pub fn check_document_name<'a>(name: &'a [u8], limits: &Limits) -> Result<&'a str, Error> {
    if name.len() > limits.max_name_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded, 0, ELEMENT));
    }
    core::str::from_utf8(name).map_err(|_| Error::new(ErrorKind::InvalidUtf8, 0, ELEMENT))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Decoder;

    fn frame_with_name(name: &[u8]) -> Vec<u8> {
        let mut frame = b"YJS\x01".to_vec();
        frame.push(u8::try_from(name.len()).unwrap());
        frame.extend_from_slice(name);
        frame.extend_from_slice(b"\x01\x00");
        frame
    }

    #[test]
    fn accepts_what_lib0_accepts() {
        let limits = Limits::DEFAULT;
        for name in [
            &b""[..],
            b"doc",
            b"a\x00b\x00",
            b"\x01\x1f\x7f",
            "\u{feff}doc".as_bytes(),
            "e\u{301}".as_bytes(),
            "\u{1f600}".as_bytes(),
        ] {
            let text = check_document_name(name, &limits).unwrap();
            assert_eq!(text.as_bytes(), name);
        }
    }

    #[test]
    fn limit_is_inclusive_and_checked_first() {
        let mut limits = Limits::DEFAULT;
        limits.max_name_bytes = 3;
        assert_eq!(check_document_name(b"abc", &limits), Ok("abc"));
        let err = check_document_name(b"abcd", &limits).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 0));
        // Too long and not UTF-8: the limit is reported, as the decoder does.
        let err = check_document_name(b"\xff\xff\xff\xff", &limits).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    }

    #[test]
    fn rejects_invalid_utf8() {
        for name in [&b"\xff"[..], b"\xc0\x80", b"\xed\xa0\x80", b"ab\xe2\x82"] {
            let err = check_document_name(name, &Limits::DEFAULT).unwrap_err();
            assert_eq!((err.kind(), err.offset()), (ErrorKind::InvalidUtf8, 0));
        }
    }

    /// The decoder accepts a name exactly when this function does, with the same kind.
    #[test]
    fn decoder_agrees_with_the_rules() {
        let mut limits = Limits::DEFAULT;
        limits.max_name_bytes = 4;
        for name in [
            &b""[..],
            b"abcd",
            b"abcde",
            b"\x00",
            b"\xff",
            b"\xe2\x82\xac",
            b"\xe2\x82",
            b"\xff\xff\xff\xff\xff",
        ] {
            let frame = frame_with_name(name);
            let decoded = Decoder::new().with_limits(limits).decode(&frame);
            match check_document_name(name, &limits) {
                Ok(text) => assert_eq!(decoded.unwrap().document(), Some(text)),
                Err(err) => {
                    let dec = decoded.unwrap_err();
                    assert_eq!((dec.kind(), dec.offset()), (err.kind(), 4), "{name:?}");
                }
            }
        }
    }
}
