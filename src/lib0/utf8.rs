//! UTF-8 validity when no `&str` is needed: the validating pass over a list's entries.
//!
//! Snapshot names and user ids are short ASCII in practice, and `<[u8]>::is_ascii` checks a
//! word at a time, so it goes first; only text with a high bit goes through
//! `core::str::from_utf8`. Measured on the corpus strings (10 to 36 bytes), this is 2 to 4
//! times faster than `from_utf8` alone. `simdutf8` was measured too and not taken: it hands
//! inputs under 64 bytes to `core::str::from_utf8`, and every corpus string is shorter (see
//! `benches/README.md`).

/// Whether `bytes` is valid UTF-8. Same answer as `core::str::from_utf8(bytes).is_ok()`.
#[inline]
pub fn is_valid(bytes: &[u8]) -> bool {
    bytes.is_ascii() || core::str::from_utf8(bytes).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_core_on_every_length_and_position() {
        for len in 0..40 {
            let ascii = vec![b'a'; len];
            assert!(is_valid(&ascii));
            for at in 0..len {
                for byte in [0x80u8, 0xc3, 0xff, 0x7f] {
                    let mut bytes = ascii.clone();
                    bytes[at] = byte;
                    assert_eq!(
                        is_valid(&bytes),
                        core::str::from_utf8(&bytes).is_ok(),
                        "{len} {at} {byte:#x}"
                    );
                }
            }
        }
        assert!(is_valid("Versión 12 ✓".as_bytes()));
        assert!(!is_valid(b"Version \xc0\x80 12"));
    }
}
