//! `Tag`: one free-text label of a snapshot, an entry of a tag list.
//!
//! ```text
//! TAGS = varUint(count) • count × varString(tag)   ["stable", ""] = 02 06 "stable" 00
//! ```

use crate::Limits;
use core::{fmt, ops::Deref};

use crate::{
    lib0::Sink,
    snapshot::list::List,
    snapshot::parse::{self, Cx, Element, PResult, Source},
    snapshot::storage::Storage,
};

/// A list of tags, decoded lazily: iterating a decoded list re-reads the validated bytes and
/// allocates nothing in [`Borrowed`](crate::snapshot::Borrowed) storage.
///
/// ```
/// use yjs_wire::{Frame, U53, snapshot::{Borrowed}};
///
/// // tags ["stable", ""] = 02 • 06 "stable" • 00
/// let frame = Frame::search_snapshots(
///     "d", "", ["stable", ""], U53::ZERO, U53::ZERO, U53::ZERO, U53::ZERO,
/// );
/// assert!(frame.to_vec().ends_with(b"\x00\x02\x06stable\x00\x00\x00\x00\x00"));
/// ```
pub type TagList<S> = List<S, Tag<S>>;

/// One tag: any UTF-8 string (empty included) of at most
/// [`Limits::max_string_bytes`](crate::Limits). Dereferences to `str`; shown as a plain JSON
/// string.
///
/// ```
/// use yjs_wire::{snapshot::{Borrowed, Tag, TagList}};
///
/// let tags: TagList<Borrowed> = ["stable", "release"].into_iter().map(Tag::new).collect();
/// assert_eq!(tags.iter().map(|t| t.as_str().len()).sum::<usize>(), 13);
/// assert_eq!(Tag::<Borrowed>::new("stable"), *"stable");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        transparent,
        bound(serialize = "", deserialize = "S::Str: From<alloc::string::String>")
    )
)]
pub struct Tag<S: Storage>(
    #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::text"))] S::Str,
);

impl<S: Storage> Tag<S> {
    /// A tag from its text (any UTF-8, empty included).
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Tag}};
    ///
    /// assert_eq!(Tag::<Borrowed>::new("").as_str(), "");
    /// ```
    pub fn new(text: impl Into<S::Str>) -> Self {
        Tag(text.into())
    }

    /// The tag's text.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, Tag}};
    ///
    /// assert_eq!(Tag::<Borrowed>::new("stable").as_str(), "stable");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The tag's text in its storage (`&str` or `ByteString`).
    ///
    /// ```
    /// use yjs_wire::{bytestring::ByteString, snapshot::{Shared, Tag}};
    ///
    /// assert_eq!(Tag::<Shared>::new("stable").into_inner(), ByteString::from_static("stable"));
    /// ```
    pub fn into_inner(self) -> S::Str {
        self.0
    }
}

impl<S: Storage> Deref for Tag<S> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<S: Storage> AsRef<str> for Tag<S> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<S: Storage> PartialEq<str> for Tag<S> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl<S: Storage> fmt::Debug for Tag<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl<S: Storage> Element<S> for Tag<S> {
    const MIN_WIRE_LEN: usize = 1;
    const NAME: &'static str = "a tag";

    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self> {
        let (rest, text) = parse::string(cx, input, "a tag")?;
        Ok((rest, Tag(text)))
    }

    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()> {
        parse::check_string(limits, input, "a tag")
    }

    fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_bytes(self.0.as_bytes());
    }
}
