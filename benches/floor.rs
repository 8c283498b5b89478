//! A minimal strict decoder of the benchmark corpus: the floor `decode/<item>` is compared
//! with (issue 14). Not part of the crate; written for the benches only.
//!
//! Same rules as the crate: shortest varUints ≤ 2^53 − 1, every string checked as UTF-8
//! (`core::str::from_utf8`), every length checked against its limit (spec defaults) and
//! against the bytes left before slicing, the list count checked against its limit and
//! `count × 4`, no trailing bytes, zero allocation, and the snapshot list decoded to a lazy
//! list (validated in one pass) that is then iterated. Errors carry a kind and an offset, as
//! the crate's do. It knows the nine base snapshot kinds (the crate knows 24: a shorter
//! dispatch only makes the floor cheaper). Safe Rust, no `unsafe`.

// Variants and fields mirror the spec's words and the crate's fields; also discovered as a
// bench target of its own (cargo's autobenches), where nothing calls it.
#![allow(dead_code, missing_docs)]

/// Error kinds (the spec's words, as small numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Truncated,
    BadMagic,
    UnsupportedVersion,
    Range,
    NonCanonical,
    Limit,
    Utf8,
    UnknownType,
    UnknownSnapshot,
    Trailing,
}

/// A decode error: kind and byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fail(pub Kind, pub usize);

const MAX_FRAME: usize = 16 << 20;
const MAX_NAME: u64 = 1024;
const MAX_STRING: u64 = 65536;
const MAX_PAYLOAD: u64 = 16 << 20;
const MAX_LIST: u64 = 100_000;
const MAX_U53: u64 = (1 << 53) - 1;

/// A cursor over the frame.
#[derive(Clone, Copy)]
struct Cur<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cur<'a> {
    #[inline]
    fn byte(&mut self) -> Result<u8, Fail> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or(Fail(Kind::Truncated, self.pos))?;
        self.pos += 1;
        Ok(b)
    }

    #[inline]
    fn var_uint(&mut self) -> Result<u64, Fail> {
        let start = self.pos;
        let first = *self.buf.get(start).ok_or(Fail(Kind::Truncated, start))?;
        if first < 0x80 {
            self.pos = start + 1;
            return Ok(u64::from(first));
        }
        self.var_uint_slow(start)
    }

    #[inline(never)]
    fn var_uint_slow(&mut self, start: usize) -> Result<u64, Fail> {
        let mut value = 0u64;
        let mut shift = 0u32;
        let mut pos = start;
        loop {
            let b = *self.buf.get(pos).ok_or(Fail(Kind::Truncated, start))?;
            pos += 1;
            if shift == 49 && b > 0x0f {
                // An eighth group above 4 bits: ≥ 2^53 (or longer than 8 bytes).
                return Err(Fail(Kind::Range, start));
            }
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                if b == 0 {
                    return Err(Fail(Kind::NonCanonical, start));
                }
                self.pos = pos;
                return Ok(value);
            }
            shift += 7;
        }
    }

    #[inline]
    fn bytes(&mut self, limit: u64) -> Result<&'a [u8], Fail> {
        let start = self.pos;
        let n = self.var_uint()?;
        if n > limit {
            return Err(Fail(Kind::Limit, start));
        }
        let n = n as usize;
        let rest = self.buf.get(self.pos..).unwrap_or_default();
        if n > rest.len() {
            return Err(Fail(Kind::Truncated, start));
        }
        let (b, _) = rest.split_at(n);
        self.pos += n;
        Ok(b)
    }

    #[inline]
    fn string(&mut self, limit: u64) -> Result<&'a str, Fail> {
        let start = self.pos;
        let b = self.bytes(limit)?;
        core::str::from_utf8(b).map_err(|_| Fail(Kind::Utf8, start))
    }

    #[inline]
    fn meta(&mut self) -> Result<Meta<'a>, Fail> {
        Ok(Meta {
            id: self.var_uint()?,
            name: self.string(MAX_STRING)?,
            created_at: self.var_uint()?,
            user_id: self.string(MAX_STRING)?,
        })
    }

    /// Validity of one META without making it (the list's validating pass).
    #[inline]
    fn check_meta(&mut self) -> Result<(), Fail> {
        self.var_uint()?;
        self.check_string()?;
        self.var_uint()?;
        self.check_string()
    }

    #[inline]
    fn check_string(&mut self) -> Result<(), Fail> {
        let start = self.pos;
        let b = self.bytes(MAX_STRING)?;
        if b.is_ascii() || core::str::from_utf8(b).is_ok() {
            Ok(())
        } else {
            Err(Fail(Kind::Utf8, start))
        }
    }
}

/// One snapshot's metadata.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    pub id: u64,
    pub name: &'a str,
    pub created_at: u64,
    pub user_id: &'a str,
}

/// A validated META list, decoded when iterated.
#[derive(Debug, Clone, Copy)]
pub struct MetaList<'a> {
    pub count: usize,
    bytes: &'a [u8],
}

impl<'a> MetaList<'a> {
    /// The entries, in wire order.
    pub fn iter(&self) -> impl Iterator<Item = Meta<'a>> + 'a {
        let mut cur = Cur {
            buf: self.bytes,
            pos: 0,
        };
        // Validated when the list was decoded: `ok()` ends early only on a bug.
        (0..self.count).map_while(move |_| cur.meta().ok())
    }
}

/// A decoded snapshot message (the nine base kinds).
#[derive(Debug, Clone, Copy)]
pub enum Snapshot<'a> {
    List,
    ListResponse(MetaList<'a>),
    Request(&'a str, &'a str),
    FetchRequest(u64),
    FetchResponse(Meta<'a>, &'a [u8]),
    RevertRequest(u64),
    RevertResponse(Meta<'a>),
    Created(Meta<'a>),
    Reverted(Meta<'a>, &'a str),
}

/// A decoded frame.
#[derive(Debug, Clone, Copy)]
pub enum Frame<'a> {
    Ping,
    Pong,
    Doc(&'a str, u8, &'a [u8]),
    Awareness(&'a str, &'a [u8]),
    Snapshot(&'a str, Snapshot<'a>),
}

/// Decode one frame strictly.
#[inline]
pub fn decode(input: &[u8]) -> Result<Frame<'_>, Fail> {
    if input.len() > MAX_FRAME {
        return Err(Fail(Kind::Limit, 0));
    }
    let Some(rest) = input.strip_prefix(b"YJS") else {
        return Err(if b"YJS".starts_with(input) {
            Fail(Kind::Truncated, 0)
        } else {
            Fail(Kind::BadMagic, 0)
        });
    };
    match rest.first() {
        None => return Err(Fail(Kind::Truncated, 3)),
        Some(1) => {}
        Some(0x70) => return control(rest),
        Some(_) => return Err(Fail(Kind::UnsupportedVersion, 3)),
    }
    let mut cur = Cur { buf: input, pos: 4 };
    let document = cur.string(MAX_NAME)?;
    let frame = match cur.byte()? {
        0 => {
            let t = cur.pos;
            let doc_type = cur.byte()?;
            if doc_type > 2 {
                return Err(Fail(Kind::UnknownType, t));
            }
            Frame::Doc(document, doc_type, cur.bytes(MAX_PAYLOAD)?)
        }
        1 => Frame::Awareness(document, cur.bytes(MAX_PAYLOAD)?),
        2 => Frame::Snapshot(document, snapshot(&mut cur)?),
        _ => return Err(Fail(Kind::UnknownType, cur.pos - 1)),
    };
    if cur.pos < input.len() {
        return Err(Fail(Kind::Trailing, cur.pos));
    }
    Ok(frame)
}

#[cold]
fn control(rest: &[u8]) -> Result<Frame<'static>, Fail> {
    match rest {
        b"ping" => Ok(Frame::Ping),
        b"pong" => Ok(Frame::Pong),
        _ if b"ping".starts_with(rest) || b"pong".starts_with(rest) => {
            Err(Fail(Kind::Truncated, 3))
        }
        _ if rest.starts_with(b"ping") || rest.starts_with(b"pong") => Err(Fail(Kind::Trailing, 7)),
        _ => Err(Fail(Kind::UnsupportedVersion, 3)),
    }
}

#[inline]
fn snapshot<'a>(cur: &mut Cur<'a>) -> Result<Snapshot<'a>, Fail> {
    let k = cur.pos;
    // A known kind is ASCII: its bytes are matched first, and only an unknown kind is
    // checked as UTF-8 (to report invalid-utf8 before unknown-snapshot-kind).
    let kind = cur.bytes(MAX_STRING)?;
    Ok(match kind {
        b"list-snapshots" => Snapshot::List,
        b"list-snapshots-response" => Snapshot::ListResponse(list(cur)?),
        b"snapshot-request" => Snapshot::Request(cur.string(MAX_STRING)?, cur.string(MAX_STRING)?),
        b"snapshot-fetch-request" => Snapshot::FetchRequest(cur.var_uint()?),
        b"snapshot-fetch-response" => Snapshot::FetchResponse(cur.meta()?, cur.bytes(MAX_PAYLOAD)?),
        b"snapshot-revert-request" => Snapshot::RevertRequest(cur.var_uint()?),
        b"snapshot-revert-response" => Snapshot::RevertResponse(cur.meta()?),
        b"snapshot-created-event" => Snapshot::Created(cur.meta()?),
        b"snapshot-reverted-event" => Snapshot::Reverted(cur.meta()?, cur.string(MAX_STRING)?),
        _ if core::str::from_utf8(kind).is_err() => return Err(Fail(Kind::Utf8, k)),
        _ => return Err(Fail(Kind::UnknownSnapshot, k)),
    })
}

#[inline]
fn list<'a>(cur: &mut Cur<'a>) -> Result<MetaList<'a>, Fail> {
    let start = cur.pos;
    let count = cur.var_uint()?;
    if count > MAX_LIST {
        return Err(Fail(Kind::Limit, start));
    }
    let left = cur.buf.len() - cur.pos;
    if count * 4 > left as u64 {
        return Err(Fail(Kind::Truncated, start));
    }
    let from = cur.pos;
    for _ in 0..count {
        cur.check_meta()?;
    }
    Ok(MetaList {
        count: count as usize,
        bytes: cur.buf.get(from..cur.pos).unwrap_or_default(),
    })
}

/// The same field reads as `codec.rs`'s `touch`, on a floor frame.
pub fn touch(frame: &Frame<'_>) -> u64 {
    fn meta(m: &Meta<'_>) -> u64 {
        m.id ^ m.created_at ^ (m.name.len() as u64) ^ (m.user_id.len() as u64)
    }
    match frame {
        Frame::Ping | Frame::Pong => 1,
        Frame::Doc(d, t, p) => d.len() as u64 ^ u64::from(*t) ^ p.len() as u64,
        Frame::Awareness(d, u) => d.len() as u64 ^ u.len() as u64,
        Frame::Snapshot(d, s) => {
            d.len() as u64
                ^ match s {
                    Snapshot::List => 2,
                    Snapshot::ListResponse(l) => {
                        l.iter().fold(0u64, |acc, m| acc.wrapping_add(meta(&m)))
                    }
                    Snapshot::Request(a, b) => (a.len() ^ b.len()) as u64,
                    Snapshot::FetchRequest(id) | Snapshot::RevertRequest(id) => *id,
                    Snapshot::FetchResponse(m, c) => meta(m) ^ c.len() as u64,
                    Snapshot::RevertResponse(m) | Snapshot::Created(m) => meta(m),
                    Snapshot::Reverted(m, by) => meta(m) ^ by.len() as u64,
                }
        }
    }
}
