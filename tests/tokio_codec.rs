//! `FrameCodec` over real async streams: one-byte reads, loopback TCP, a peer that announces
//! a frame over the limit, and every conformance vector batched as lib0 batches messages.

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::{
    io::AsyncWriteExt,
    net::{TcpListener, TcpStream},
    time::timeout,
};
use tokio_util::codec::{Framed, FramedRead};
use yjs_wire::{decode, snapshot::Borrowed, CodecError, Frame, FrameCodec, U53};

const LIMIT: Duration = Duration::from_secs(20);

struct Vector {
    name: String,
    bytes: Vec<u8>,
    error: Option<(String, usize)>,
}

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

fn vectors(file: &str) -> Vec<Vector> {
    let path = format!("{}/spec/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| Vector {
            name: v["name"].as_str().unwrap().to_owned(),
            bytes: unhex(v["hex"].as_str().unwrap()),
            error: v.get("error").map(|kind| {
                let offset = v["offset"].as_u64().unwrap();
                (kind.as_str().unwrap().to_owned(), offset as usize)
            }),
        })
        .collect()
}

/// `varUint(len) • frame` for each frame: lib0's `writeVarUint8Array`.
fn batch<'a>(frames: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for frame in frames {
        let mut len = frame.len() as u64;
        while len >= 0x80 {
            out.push((len as u8 & 0x7f) | 0x80);
            len >>= 7;
        }
        out.push(len as u8);
        out.extend_from_slice(frame);
    }
    out
}

#[tokio::test]
async fn every_valid_vector_through_one_byte_reads() {
    let valid = vectors("valid.json");
    assert!(valid.len() > 10);
    let stream = batch(valid.iter().map(|v| &v.bytes[..]));

    // A duplex pipe whose buffer holds one byte: every read returns at most one byte.
    let (mut tx, rx) = tokio::io::duplex(1);
    let writer = tokio::spawn(async move {
        tx.write_all(&stream).await.unwrap();
        tx.shutdown().await.unwrap();
    });
    let mut frames = FramedRead::new(rx, FrameCodec::new());
    for vector in &valid {
        let frame = timeout(LIMIT, frames.next()).await.unwrap();
        let frame = frame.expect("a frame").unwrap();
        assert_eq!(frame.to_vec(), vector.bytes, "{}", vector.name);
    }
    assert!(timeout(LIMIT, frames.next()).await.unwrap().is_none());
    writer.await.unwrap();
}

#[tokio::test]
async fn every_invalid_vector_is_a_frame_error_with_its_kind_and_offset() {
    for vector in vectors("invalid.json") {
        let (kind, offset) = vector.error.clone().unwrap();
        let stream = batch([&vector.bytes[..]]);
        let mut frames = FramedRead::new(&stream[..], FrameCodec::new());
        match frames.next().await {
            Some(Err(CodecError::Frame(err))) => {
                assert_eq!(err, decode(&vector.bytes).unwrap_err(), "{}", vector.name);
                assert_eq!(
                    (err.kind().as_str(), err.offset()),
                    (&kind[..], offset),
                    "{}",
                    vector.name
                );
            }
            Some(Err(CodecError::FrameTooLong { .. })) if kind == "limit-exceeded" => {}
            other => panic!("{}: {other:?}", vector.name),
        }
    }
}

#[tokio::test]
async fn loopback_tcp_echo() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let mut frames = Framed::new(socket, FrameCodec::new());
        let mut echoed = 0usize;
        while let Some(frame) = frames.next().await {
            frames.send(frame.unwrap()).await.unwrap();
            echoed += 1;
        }
        echoed
    });

    let big = vec![0x5a; 1 << 20]; // a 1 MiB update: many TCP reads for one frame
    let sent: Vec<Frame<Borrowed>> = vec![
        Frame::Ping,
        Frame::sync_step1("room/1", &[0x01, 0x01, 0x2a][..]),
        Frame::update("room/1", &big[..]),
        Frame::awareness("room/1", &[0x00][..]),
        Frame::snapshot_revert_request("room/1", U53::from(7u8)),
        Frame::Pong,
    ];
    let socket = timeout(LIMIT, TcpStream::connect(addr))
        .await
        .unwrap()
        .unwrap();
    // Send and receive at once, so neither side's socket buffers need to hold 1 MiB.
    let (mut sink, mut stream) = Framed::new(socket, FrameCodec::new()).split();
    let sending = async {
        for frame in &sent {
            sink.send(frame).await.unwrap();
        }
        sink.close().await.unwrap(); // FIN: the server's stream ends after the last echo
    };
    let receiving = async {
        let mut echoed = Vec::new();
        while let Some(frame) = stream.next().await {
            echoed.push(frame.unwrap().to_vec());
        }
        echoed
    };
    let ((), echoed) = timeout(LIMIT, async { tokio::join!(sending, receiving) })
        .await
        .unwrap();
    let expected: Vec<Vec<u8>> = sent.iter().map(Frame::to_vec).collect();
    assert_eq!(echoed, expected);
    assert_eq!(timeout(LIMIT, server).await.unwrap().unwrap(), sent.len());
}

#[tokio::test]
async fn a_peer_announcing_too_much_is_refused_before_it_sends_the_body() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move {
        let (socket, _) = listener.accept().await.unwrap();
        let mut frames = FramedRead::new(socket, FrameCodec::new());
        frames.next().await
    });
    let mut client = TcpStream::connect(addr).await.unwrap();
    // 2^24 + 1 bytes announced (81 80 80 08), one byte over the default 16 MiB; no body sent,
    // and the connection stays open: the server must answer from the prefix alone.
    client.write_all(b"\x81\x80\x80\x08").await.unwrap();
    let result = timeout(LIMIT, server).await.unwrap().unwrap();
    match result {
        Some(Err(CodecError::FrameTooLong { len, max })) => {
            assert_eq!((len, max), ((1 << 24) + 1, 1 << 24));
        }
        other => panic!("{other:?}"),
    }
    drop(client);
}

#[tokio::test]
async fn a_stream_ending_inside_a_frame_is_an_error() {
    let stream = b"\x07YJSpingYJSpi".to_vec(); // a ping, then 5 stray bytes
    let mut frames = FramedRead::new(&stream[..], FrameCodec::new());
    assert_eq!(frames.next().await.unwrap().unwrap(), Frame::Ping);
    match frames.next().await {
        Some(Err(err @ CodecError::UnexpectedEof { .. })) => {
            assert_eq!(
                err.to_string(),
                "stream ended inside a frame (5 bytes buffered)"
            );
        }
        other => panic!("{other:?}"),
    }
}
