//! For servers and relays: what a frame does ([`classify`] against a peer's [`Permissions`]),
//! the same frame for another document ([`retarget`]) and the document-name rules
//! ([`check_document_name`]). All of them read the frame's header only, never its body.
//!
//! ```
//! use yjs_wire::bytes::Bytes;
//! use yjs_wire::server::{classify, retarget, Access, Permissions};
//!
//! // A read-only peer sends an update for "notes": a write, refused from the header alone.
//! let update = Bytes::from_static(b"YJS\x01\x05notes\x00\x02\x02\x01\xff");
//! assert_eq!(classify(&update), Access::Write);
//! assert!(!Permissions::READ_ONLY.allows(classify(&update)));
//!
//! // A writer's update is forwarded under the name the other side knows it by: a new head,
//! // the original body (a slice of `update`, not a copy).
//! let moved = retarget(&update, "team/notes")?;
//! assert_eq!(moved.to_vec(), b"YJS\x01\x0ateam/notes\x00\x02\x02\x01\xff");
//! assert_eq!(moved.body().as_ptr(), update[10..].as_ptr());
//! # Ok::<(), yjs_wire::server::RetargetError>(())
//! ```
//!
//! The free functions read headers as [`Decoder::STRICT`](crate::Decoder::STRICT) does; a
//! configured [`Decoder`](crate::Decoder) (other [`Limits`](crate::Limits), unknown kinds
//! kept) has the same two as methods, [`Decoder::classify`](crate::Decoder::classify) and
//! [`Decoder::retarget`](crate::Decoder::retarget), beside its `decode`, `decode_shared`
//! and `decode_header`. `examples/relay.rs` and `spec/servers.md` show a whole relay.
//!
//! | file | what it holds |
//! |---|---|
//! | `access.rs` | [`Access`], [`Permissions`], [`classify`], the class of each frame type (a snapshot kind's class is in its table row) |
//! | `retarget.rs` | [`retarget`], [`RetargetError`] |
//! | `document_name.rs` | [`check_document_name`]: the rules the decoder applies to names |

mod access;
pub(crate) mod document_name;
mod retarget;

pub use access::{classify, Access, Permissions};
pub use document_name::check_document_name;
pub use retarget::{retarget, RetargetError};
