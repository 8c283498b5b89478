//! The generator behind [`kinds.rs`](super::kinds): one macro that turns the table of snapshot
//! kinds into [`SnapshotKind`](super::SnapshotKind), [`SnapshotMessage`](super::SnapshotMessage),
//! the decode dispatch, the writer, the access classes, the `Frame` constructors, the
//! field visitor, `to_shared` and `Arbitrary`.
//!
//! A row of the table is
//!
//! ```text
//! /// docs                                        (kind, variant and constructor docs)
//! Variant = "kind-string", fn constructor, base|extension, AccessClass {
//!     /// field docs
//!     field: Type = codec "the element name in errors" [as "serde-with-module"],
//!     …
//! };
//! ```
//!
//! and a field's codec says how it is read, written, built, visited and made up (the type is
//! spelled out too, because `derive` cannot see through a macro in type position):
//!
//! | codec | type | wire |
//! |---|---|---|
//! | `text` | `S::Str` | varString, `max_string_bytes` |
//! | `payload` | `S::Bytes` | varUint8Array, `max_payload_bytes` (last field only) |
//! | `u53` | [`U53`](crate::U53) | varUint |
//! | `code` | [`ErrorCode`](super::ErrorCode) | varUint |
//! | `meta` | [`SnapshotMeta`](super::SnapshotMeta) | META |
//! | `details` | [`SnapshotDetails`](super::SnapshotDetails) | DETAILS |
//! | `metas` / `ids` / `tags` | [`MetaList`](super::MetaList) / [`IdList`](super::IdList) / [`TagList`](super::TagList) | varUint(count) • entries |

/// Read a field: `PResult` of the codec's type.
macro_rules! codec_parse {
    (text, $cx:ident, $input:ident, $el:literal) => {
        crate::snapshot::parse::string($cx, $input, $el)
    };
    (payload, $cx:ident, $input:ident, $el:literal) => {
        crate::snapshot::parse::payload($cx, $input, $el)
    };
    (u53, $cx:ident, $input:ident, $el:literal) => {
        crate::lib0::var_uint::parse_u53($input, $el)
    };
    (code, $cx:ident, $input:ident, $el:literal) => {
        crate::lib0::var_uint::parse_u53($input, $el)
            .map(|(rest, code)| (rest, crate::snapshot::ErrorCode::from(code)))
    };
    (meta, $cx:ident, $input:ident, $el:literal) => {
        crate::snapshot::parse::Element::parse($cx, $input)
    };
    (details, $cx:ident, $input:ident, $el:literal) => {
        crate::snapshot::parse::Element::parse($cx, $input)
    };
    ($list:ident, $cx:ident, $input:ident, $el:literal) => {
        crate::snapshot::list::List::parse($cx, $input, $el)
    };
}

/// Write a field (`$v` is a reference to it).
macro_rules! codec_write {
    (text, $out:ident, $v:ident) => {
        $out.put_var_string($v)
    };
    (payload, $out:ident, $v:ident) => {
        crate::lib0::put_var_payload($out, $v)
    };
    (u53, $out:ident, $v:ident) => {
        $out.put_var_uint($v.get())
    };
    (code, $out:ident, $v:ident) => {
        $out.put_var_uint($v.get().get())
    };
    (meta, $out:ident, $v:ident) => {
        crate::snapshot::parse::Element::write($v, $out)
    };
    (details, $out:ident, $v:ident) => {
        crate::snapshot::parse::Element::write($v, $out)
    };
    ($list:ident, $out:ident, $v:ident) => {
        $v.write($out)
    };
}

/// A constructor's parameter type for a field.
macro_rules! codec_arg {
    (text) => { impl Into<S::Str> };
    (payload) => { impl Into<S::Bytes> };
    (u53) => { crate::U53 };
    (code) => { crate::snapshot::ErrorCode };
    (meta) => { crate::snapshot::SnapshotMeta<S> };
    (details) => { crate::snapshot::SnapshotDetails<S> };
    (metas) => { impl IntoIterator<Item = crate::snapshot::SnapshotMeta<S>> };
    (ids) => { impl IntoIterator<Item = crate::U53> };
    (tags) => { impl IntoIterator<Item = impl Into<S::Str>> };
}

/// A constructor's parameter turned into the field.
macro_rules! codec_into {
    (text, $v:ident) => {
        $v.into()
    };
    (payload, $v:ident) => {
        $v.into()
    };
    (tags, $v:ident) => {
        $v.into_iter().map(crate::snapshot::Tag::new).collect()
    };
    (metas, $v:ident) => {
        $v.into_iter().collect()
    };
    (ids, $v:ident) => {
        $v.into_iter().collect()
    };
    ($other:ident, $v:ident) => {
        $v
    };
}

/// A field as a [`Field`](crate::snapshot::Field) (`$v` is a reference to it).
macro_rules! codec_field {
    (text, $v:ident) => {
        crate::snapshot::Field::Text(&**$v)
    };
    (payload, $v:ident) => {
        crate::snapshot::Field::Bytes(&**$v)
    };
    (u53, $v:ident) => {
        crate::snapshot::Field::U53(*$v)
    };
    (code, $v:ident) => {
        crate::snapshot::Field::Code(*$v)
    };
    (meta, $v:ident) => {
        crate::snapshot::Field::Meta($v)
    };
    (details, $v:ident) => {
        crate::snapshot::Field::Details($v)
    };
    (metas, $v:ident) => {
        crate::snapshot::Field::Metas($v)
    };
    (ids, $v:ident) => {
        crate::snapshot::Field::Ids($v)
    };
    (tags, $v:ident) => {
        crate::snapshot::Field::Tags($v)
    };
}

/// A field of a borrowed message copied into shared storage (`$v` is a reference to it).
macro_rules! codec_to_shared {
    (text, $v:ident) => {
        crate::bytestring::ByteString::from(&**$v)
    };
    (payload, $v:ident) => {
        crate::bytes::Bytes::copy_from_slice($v)
    };
    (u53, $v:ident) => {
        *$v
    };
    (code, $v:ident) => {
        *$v
    };
    ($other:ident, $v:ident) => {
        crate::snapshot::to_shared::ToShared::to_shared($v)
    };
}

/// A made-up valid field for fuzzing (feature `arbitrary`), in `Shared` storage.
#[cfg(feature = "arbitrary")]
macro_rules! codec_arbitrary {
    (text, $u:ident) => {
        crate::snapshot::arbitrary::text($u)?
    };
    (payload, $u:ident) => {
        crate::snapshot::arbitrary::bytes($u)?
    };
    ($other:ident, $u:ident) => {
        arbitrary::Arbitrary::arbitrary($u)?
    };
}

/// A fixed sample field (tests), in `Borrowed<'static>` storage.
#[cfg(test)]
macro_rules! codec_sample {
    (text) => {
        "t"
    };
    (payload) => {
        &b"\x00\x01"[..]
    };
    (u53) => {
        crate::U53::from(7u8)
    };
    (code) => {
        crate::snapshot::ErrorCode::NOT_FOUND
    };
    (meta) => {
        crate::snapshot::SnapshotMeta::new(crate::U53::from(7u8), "v1", crate::U53::from(1u8), "u")
    };
    (details) => {
        crate::snapshot::SnapshotDetails {
            description: "d",
            tags: ["a", "b"]
                .into_iter()
                .map(crate::snapshot::Tag::new)
                .collect(),
            content_length: crate::U53::from(99u8),
            checksum: crate::snapshot::Checksum::new(&[0xa5; 32][..]).unwrap(),
            expires_at: crate::U53::MAX,
            parent_id: crate::U53::from(6u8),
            state: crate::snapshot::SnapshotState::Deleted,
        }
    };
    (metas) => {
        [codec_sample!(meta), codec_sample!(meta)]
            .into_iter()
            .collect()
    };
    (ids) => {
        [crate::U53::from(7u8), crate::U53::MAX]
            .into_iter()
            .collect()
    };
    (tags) => {
        ["a", "b"]
            .into_iter()
            .map(crate::snapshot::Tag::new)
            .collect()
    };
}

/// Whether a tier word is the base protocol.
macro_rules! tier_is_base {
    (base) => {
        true
    };
    (extension) => {
        false
    };
}

/// The whole generator: see the module docs for the row syntax.
macro_rules! snapshot_kinds {
    ($(
        $(#[doc = $doc:literal])*
        $variant:ident = $wire:literal, fn $ctor:ident, $tier:ident, $access:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $field:ident: $fty:ty = $codec:ident $element:literal $(as $json:literal)?,
            )*
        };
    )*) => {
        /// The kind of a snapshot message: the varString after message type `0x02`. One
        /// variant per row of the table in `src/snapshot/kinds.rs`.
        ///
        /// ```
        /// use yjs_wire::snapshot::SnapshotKind;
        ///
        /// assert_eq!(SnapshotKind::from_wire(b"list-snapshots"), Some(SnapshotKind::ListSnapshots));
        /// assert_eq!(SnapshotKind::SnapshotFetchRequest.as_str(), "snapshot-fetch-request");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SnapshotKind {
            $( $(#[doc = $doc])* $variant, )*
            /// A kind string this crate does not know. Strict decoding rejects such a frame
            /// with [`ErrorKind::UnknownSnapshotKind`](crate::ErrorKind); only a
            /// [`Decoder`](crate::Decoder) with `keep_unknown_kinds` reports it, and the
            /// string itself is in [`RawSnapshot::kind`](crate::snapshot::RawSnapshot::kind).
            /// Not in [`ALL`](Self::ALL); [`as_str`](Self::as_str) gives `"unknown"`, which is
            /// not a wire string.
            Unknown,
        }

        impl SnapshotKind {
            /// Every known kind, in wire-spec order: the base kinds, then the extensions of
            /// `spec/snapshot-extensions.md`. [`Unknown`](Self::Unknown) is not listed.
            ///
            /// ```
            /// use yjs_wire::snapshot::SnapshotKind;
            ///
            /// assert_eq!(SnapshotKind::ALL[0], SnapshotKind::ListSnapshots);
            /// assert!(!SnapshotKind::ALL.contains(&SnapshotKind::Unknown));
            /// ```
            pub const ALL: &'static [SnapshotKind] = &[$(SnapshotKind::$variant),*];

            /// The kind string on the wire (`"unknown"` for [`Unknown`](Self::Unknown), whose
            /// string is only in the message).
            ///
            /// ```
            /// use yjs_wire::snapshot::SnapshotKind;
            ///
            /// assert_eq!(SnapshotKind::SnapshotStatsRequest.as_str(), "snapshot-stats-request");
            /// assert_eq!(SnapshotKind::Unknown.as_str(), "unknown");
            /// ```
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(SnapshotKind::$variant => $wire,)*
                    SnapshotKind::Unknown => "unknown",
                }
            }

            /// Whether this is a kind of the base protocol (seed `003`), as opposed to an
            /// extension kind or [`Unknown`](Self::Unknown).
            ///
            /// ```
            /// use yjs_wire::snapshot::SnapshotKind;
            ///
            /// assert!(SnapshotKind::SnapshotRevertedEvent.is_base());
            /// assert!(!SnapshotKind::SnapshotError.is_base());
            /// ```
            pub const fn is_base(self) -> bool {
                match self {
                    $(SnapshotKind::$variant => tier_is_base!($tier),)*
                    SnapshotKind::Unknown => false,
                }
            }

            /// The access class of snapshot messages of this kind (the table's class column).
            /// [`Unknown`](Self::Unknown) (only from `keep_unknown_kinds`) is
            /// [`Write`](crate::server::Access::Write): what it does is unknown, so it gets the most
            /// restrictive class a client can hold.
            ///
            /// ```
            /// use yjs_wire::{server::Access, snapshot::SnapshotKind};
            ///
            /// assert_eq!(SnapshotKind::SnapshotRevertRequest.access(), Access::Write);
            /// assert_eq!(SnapshotKind::SnapshotCreatedEvent.access(), Access::ServerToClient);
            /// assert_eq!(SnapshotKind::Unknown.access(), Access::Write);
            /// ```
            pub const fn access(self) -> crate::server::Access {
                match self {
                    $(SnapshotKind::$variant => crate::server::Access::$access,)*
                    SnapshotKind::Unknown => crate::server::Access::Write,
                }
            }

            /// The kind whose wire string is exactly `wire` (byte-exact, case-sensitive), or
            /// `None` for any other bytes (`b"unknown"` included).
            ///
            /// ```
            /// use yjs_wire::snapshot::SnapshotKind;
            ///
            /// assert_eq!(SnapshotKind::from_wire(b"snapshot-error"), Some(SnapshotKind::SnapshotError));
            /// assert_eq!(SnapshotKind::from_wire(b"Snapshot-Error"), None);
            /// assert_eq!(SnapshotKind::from_wire(b"unknown"), None);
            /// ```
            #[inline]
            pub fn from_wire(wire: &[u8]) -> Option<SnapshotKind> {
                match wire {
                    $(w if w == $wire.as_bytes() => Some(SnapshotKind::$variant),)*
                    _ => None,
                }
            }
        }

        impl core::fmt::Display for SnapshotKind {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// A snapshot message: one variant per [`SnapshotKind`], fields named as on the wire
        /// and in wire order (the table in `src/snapshot/kinds.rs`).
        ///
        /// ```text
        /// 59 4a 53 01 01 64 02 | 10 "snapshot-request" | 02 "v2" • 02 "v1"
        /// header, type 0x02    | varString(kind)       | payload: name • currentSnapshotName
        /// ```
        ///
        /// ```
        /// use yjs_wire::{decode, snapshot::SnapshotMessage, Frame};
        ///
        /// let bytes = b"YJS\x01\x01d\x02\x10snapshot-request\x02v2\x02v1";
        /// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
        /// assert!(matches!(message, SnapshotMessage::SnapshotRequest { name: "v2", current_snapshot_name: "v1" }));
        /// # Ok::<(), yjs_wire::Error>(())
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(
            feature = "serde",
            serde(
                tag = "type",
                rename_all = "kebab-case",
                rename_all_fields = "camelCase",
                deny_unknown_fields,
                bound(
                    serialize = "",
                    deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
                )
            )
        )]
        pub enum SnapshotMessage<S: Storage> {
            $(
                $(#[doc = $doc])*
                $variant {
                    $(
                        $(#[doc = $fdoc])*
                        $(#[cfg_attr(feature = "serde", serde(with = $json))])?
                        $field: $fty,
                    )*
                },
            )*
            /// A kind this crate does not know, kept undecoded. Only a
            /// [`Decoder`](crate::Decoder) with `keep_unknown_kinds` produces it. In a
            /// serialized [`Frame`](crate::Frame) its JSON form is that of [`RawSnapshot`],
            /// `{"type": KIND, "payload": HEX}` (serializing this variant on its own is an
            /// error: serialize the frame or the `RawSnapshot`). It is never read back: the
            /// JSON form, like strict decoding, accepts only known kinds.
            #[cfg_attr(feature = "serde", serde(skip))]
            Unknown(RawSnapshot<S>),
        }

        impl<S: Storage> SnapshotMessage<S> {
            /// The message's kind: which variant it is, and so which kind string it encodes
            /// with.
            ///
            /// ```
            /// use yjs_wire::{decode, snapshot::SnapshotKind, Frame};
            ///
            /// let bytes = b"YJS\x01\x01d\x02\x16snapshot-stats-request";
            /// let Frame::Snapshot { message, .. } = decode(bytes)? else { unreachable!() };
            /// assert_eq!(message.kind(), SnapshotKind::SnapshotStatsRequest);
            /// # Ok::<(), yjs_wire::Error>(())
            /// ```
            pub fn kind(&self) -> SnapshotKind {
                match self {
                    $(SnapshotMessage::$variant { .. } => SnapshotKind::$variant,)*
                    SnapshotMessage::Unknown(_) => SnapshotKind::Unknown,
                }
            }

            /// Every payload field, in wire order, with its Rust field name,
            /// for code that treats fields by type (limits checks, redaction, metrics)
            /// rather than by kind. [`Unknown`](Self::Unknown) has one `Bytes` field, its
            /// payload.
            ///
            /// ```
            /// use yjs_wire::{snapshot::Field, Frame, U53, snapshot::{Borrowed}};
            ///
            /// let frame = Frame::snapshot_rename_request("d", U53::from(7u8), "v2");
            /// let Frame::Snapshot { message, .. } = &frame else { unreachable!() };
            /// let mut texts = Vec::new();
            /// message.for_each_field(|name, field| {
            ///     if let Field::Text(text) = field {
            ///         texts.push((name, text));
            ///     }
            /// });
            /// assert_eq!(texts, [("name", "v2")]);
            /// ```
            pub fn for_each_field<'m>(&'m self, mut visit: impl FnMut(&'static str, Field<'m, S>)) {
                match self {
                    $(
                        #[allow(unused_variables)]
                        SnapshotMessage::$variant { $($field),* } => {
                            $( visit(stringify!($field), codec_field!($codec, $field)); )*
                        }
                    )*
                    SnapshotMessage::Unknown(raw) => visit("payload", Field::Bytes(raw.payload())),
                }
            }

            /// Parse the payload of a message of `kind` (the kind string is already read) and
            /// hand it, with the input after it, to `finish`; a fault becomes the caller's
            /// error through `fault`. `raw_kind` is the kind string, needed only for
            /// [`SnapshotKind::Unknown`]. The continuation lets the caller build its frame
            /// in place: the message (up to 144 bytes) is not moved through a result first.
            #[inline(always)]
            pub(crate) fn parse_then<'i, X: Source<'i, Storage = S>, R, E>(
                cx: &Cx<X>,
                kind: SnapshotKind,
                raw_kind: Option<S::Str>,
                input: &'i [u8],
                fault: impl Fn(crate::lib0::reader::Fault<'i>) -> E,
                finish: impl FnOnce(&'i [u8], Self) -> Result<R, E>,
            ) -> Result<R, E> {
                match kind {
                    $(
                        SnapshotKind::$variant => {
                            $( let (input, $field) = codec_parse!($codec, cx, input, $element).map_err(&fault)?; )*
                            finish(input, SnapshotMessage::$variant { $($field),* })
                        }
                    )*
                    SnapshotKind::Unknown => match raw_kind {
                        Some(raw_kind) => {
                            let (input, raw) = RawSnapshot::parse(cx, raw_kind, input).map_err(&fault)?;
                            finish(input, SnapshotMessage::Unknown(raw))
                        }
                        None => Err(fault(crate::lib0::reader::Fault {
                            kind: ErrorKind::UnknownSnapshotKind,
                            at: input,
                            element: "the snapshot kind",
                        })),
                    },
                }
            }

            /// Write `varString(kind) • payload`.
            pub(crate) fn write<W: Sink>(&self, out: &mut W) {
                match self {
                    $(
                        #[allow(unused_variables)]
                        SnapshotMessage::$variant { $($field),* } => {
                            out.put_var_string($wire);
                            $( codec_write!($codec, out, $field); )*
                        }
                    )*
                    SnapshotMessage::Unknown(raw) => raw.write(out),
                }
            }
        }

        impl<'a> SnapshotMessage<Borrowed<'a>> {
            /// The same message in [`Shared`] storage, its strings and byte arrays copied.
            pub fn to_shared(&self) -> SnapshotMessage<Shared> {
                match self {
                    $(
                        #[allow(unused_variables)]
                        SnapshotMessage::$variant { $($field),* } => SnapshotMessage::$variant {
                            $( $field: codec_to_shared!($codec, $field), )*
                        },
                    )*
                    SnapshotMessage::Unknown(raw) => {
                        SnapshotMessage::Unknown(crate::snapshot::to_shared::ToShared::to_shared(raw))
                    }
                }
            }
        }

        /// Constructors, one per kind, named after the seed protocol's helpers; parameters
        /// in wire order.
        impl<S: Storage> Frame<S> {
            $(
                $(#[doc = $doc])*
                #[doc = ""]
                #[doc = concat!("Builds a `", $wire, "` frame; the parameters after the document are its fields, in wire order.")]
                pub fn $ctor(
                    document: impl crate::snapshot::DocumentName<Storage = S>,
                    $( $field: codec_arg!($codec) ),*
                ) -> Self {
                    Frame::snapshot(document.into_str(), SnapshotMessage::$variant {
                        $( $field: codec_into!($codec, $field), )*
                    })
                }
            )*
        }

        #[cfg(feature = "arbitrary")]
        impl<'a> arbitrary::Arbitrary<'a> for SnapshotMessage<Shared> {
            fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
                Ok(match *u.choose(SnapshotKind::ALL)? {
                    $(
                        SnapshotKind::$variant => SnapshotMessage::$variant {
                            $( $field: codec_arbitrary!($codec, u), )*
                        },
                    )*
                    // `ALL` never lists `Unknown`.
                    SnapshotKind::Unknown => return Err(arbitrary::Error::IncorrectFormat),
                })
            }
        }

        /// One frame of every known kind, in [`SnapshotKind::ALL`] order (tests).
        #[cfg(test)]
        pub(crate) fn one_of_each() -> alloc::vec::Vec<Frame<Borrowed<'static>>> {
            alloc::vec![$(
                Frame::snapshot("d", SnapshotMessage::$variant {
                    $( $field: codec_sample!($codec), )*
                }),
            )*]
        }
    };
}
