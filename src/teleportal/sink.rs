//! Where frames are written: any `BufMut`, a byte counter (for `encoded_len`), or the chunks
//! of a vectored frame (payload `Bytes` are kept, not copied).

use alloc::vec::Vec;
use bytes::{Bytes, BytesMut};

use crate::{
    lib0::{LenCounter, Sink},
    snapshot::storage::Storage,
};

/// A [`Sink`] that can take a storage's byte array without copying it.
pub(crate) trait FrameSink: Sink {
    /// Write `data` (the bytes of a payload field).
    fn put_data<S: Storage>(&mut self, data: &S::Bytes) {
        self.put_slice(data);
    }
}

impl<B: bytes::BufMut> FrameSink for B {}

impl FrameSink for LenCounter {}

/// Writes small fields into a head buffer and keeps shared payloads as they are.
#[derive(Default)]
pub(crate) struct Chunker {
    head: BytesMut,
    chunks: Vec<Bytes>,
}

/// Payloads shorter than this are copied into the head (a chunk costs more than the copy).
const KEEP_AT_LEAST: usize = 64;

impl Sink for Chunker {
    fn put_u8(&mut self, byte: u8) {
        bytes::BufMut::put_u8(&mut self.head, byte);
    }
    fn put_slice(&mut self, bytes: &[u8]) {
        bytes::BufMut::put_slice(&mut self.head, bytes);
    }
}

impl FrameSink for Chunker {
    fn put_data<S: Storage>(&mut self, data: &S::Bytes) {
        match S::shared_bytes(data) {
            Some(shared) if shared.len() >= KEEP_AT_LEAST => {
                if !self.head.is_empty() {
                    self.chunks.push(self.head.split().freeze());
                }
                self.chunks.push(shared.clone());
            }
            _ => self.put_slice(data),
        }
    }
}

impl Chunker {
    pub(crate) fn finish(mut self) -> Vec<Bytes> {
        if !self.head.is_empty() {
            self.chunks.push(self.head.split().freeze());
        }
        self.chunks
    }
}
