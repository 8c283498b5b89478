//! The relay example's limits (`examples/relay.rs`, spec/servers.md section 4), one by one,
//! with Rust WebSocket clients on loopback: the rate limit answers with a 1008 close, the
//! documents limit refuses a frame for one document too many, the bad-frame limit closes
//! after that many and not before, a reader that never reads is dropped (past the queue's
//! byte limit: eight frames of 64 KiB) while the sender
//! keeps being served, and a connection past the per-address limit is refused. The relay's
//! counters must say the same. Every wait is bounded; the relay is killed if the test fails.

use std::io::{BufRead, BufReader};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Bytes, Message};
use tokio_tungstenite::WebSocketStream;
use yjs_wire::{
    snapshot::{Shared, PING, PONG},
    Frame,
};

type Ws = WebSocketStream<TcpStream>;

const WAIT: Duration = Duration::from_secs(10);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The relay example `cargo test` built beside this test, or built now.
fn relay_executable() -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let built = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>")
        .join("examples")
        .join(format!("relay{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &Path| p.metadata().and_then(|m| m.modified()).ok();
    let source = modified(&root().join("examples/relay.rs"));
    if built.exists() && modified(&built) >= source {
        return built;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(cargo)
        .current_dir(root())
        .args(["build", "--example", "relay"])
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --example relay");
    built
}

/// Kills the relay when dropped (on a failed assertion too).
struct Relay {
    child: Child,
    lines: mpsc::Receiver<String>,
    addr: SocketAddr,
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Relay {
    fn start(args: &[&str]) -> Relay {
        let mut child = Command::new(relay_executable())
            .args(["--host", "127.0.0.1", "--port", "0", "--idle-timeout", "60"])
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the relay starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut relay = Relay {
            child,
            lines,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        let addr = relay.lines.recv_timeout(WAIT).expect("the relay's address");
        relay.addr = addr.parse().expect("an address");
        assert!(relay.addr.ip().is_loopback());
        relay
    }

    /// Close stdin (the relay stops) and return its counters line.
    fn stop(mut self) -> String {
        drop(self.child.stdin.take());
        let deadline = std::time::Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.starts_with("relay stopped") => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("no counters line from the relay");
    }
}

fn counter(line: &str, key: &str) -> u64 {
    line.split_whitespace()
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key}= in {line:?}"))
}

/// A client from source address 127.0.0.`host`, optionally with a tiny receive buffer.
async fn client(relay: &Relay, host: u8, small_window: bool) -> Result<Ws, String> {
    let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
    socket
        .bind(SocketAddr::new(
            IpAddr::V4(Ipv4Addr::new(127, 0, 0, host)),
            0,
        ))
        .map_err(|e| e.to_string())?;
    if small_window {
        socket
            .set_recv_buffer_size(4096)
            .map_err(|e| e.to_string())?;
    }
    let stream = tokio::time::timeout(WAIT, socket.connect(relay.addr))
        .await
        .map_err(|_| "connect time-out".to_owned())?
        .map_err(|e| e.to_string())?;
    let url = format!("ws://{}/", relay.addr);
    let (ws, _) = tokio::time::timeout(WAIT, tokio_tungstenite::client_async(url, stream))
        .await
        .map_err(|_| "handshake time-out".to_owned())?
        .map_err(|e| e.to_string())?;
    Ok(ws)
}

fn binary(bytes: impl Into<Bytes>) -> Message {
    Message::Binary(bytes.into())
}

fn update(document: &str, len: usize) -> Message {
    binary(Frame::<Shared>::update(document.to_owned(), Bytes::from(vec![7u8; len])).to_bytes())
}

/// The next message that is not a WebSocket ping or pong.
async fn next(ws: &mut Ws) -> Option<Message> {
    loop {
        match tokio::time::timeout(WAIT, ws.next()).await {
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => {}
            Ok(Some(Ok(message))) => return Some(message),
            Ok(Some(Err(_)) | None) => return None,
            Err(_) => panic!("nothing within {WAIT:?}"),
        }
    }
}

/// Ping and wait for the pong, which follows everything queued before it.
async fn barrier(ws: &mut Ws) -> Vec<Message> {
    ws.send(binary(&PING[..])).await.expect("send ping");
    let mut before = Vec::new();
    loop {
        match next(ws).await {
            Some(Message::Binary(data)) if data[..] == PONG => return before,
            Some(message) => before.push(message),
            None => panic!("closed while waiting for a pong"),
        }
    }
}

fn close_code(message: Option<Message>) -> Option<(CloseCode, String)> {
    match message {
        Some(Message::Close(Some(frame))) => Some((frame.code, frame.reason.to_string())),
        _ => None,
    }
}

#[tokio::test(flavor = "current_thread")]
async fn relay_enforces_each_limit_and_keeps_serving_the_others() {
    let relay = Relay::start(&[
        "--frames-per-second",
        "1",
        "--frame-burst",
        "60",
        "--max-documents",
        "3",
        "--max-bad-frames",
        "5",
        "--queue",
        "100",
        "--queue-bytes",
        "524288",
        "--socket-send-buffer",
        "4096",
        "--count-loopback",
        "--max-connections-per-address",
        "3",
    ]);

    // 1. Documents: a frame for a fourth document is refused and reaches nobody.
    let mut watcher = client(&relay, 2, false).await.expect("watcher");
    watcher.send(update("d4", 3)).await.expect("send");
    barrier(&mut watcher).await;
    let mut crawler = client(&relay, 3, false).await.expect("crawler");
    for document in ["d1", "d2", "d3", "d4"] {
        crawler.send(update(document, 3)).await.expect("send");
    }
    barrier(&mut crawler).await;
    crawler.send(update("d3", 3)).await.expect("send"); // still subscribed to three
    barrier(&mut crawler).await;
    assert!(
        barrier(&mut watcher).await.is_empty(),
        "the refused frame for d4 reached its subscriber"
    );

    // 2. Bad frames: four are dropped and the connection stays; the fifth closes it (1008).
    let mut mallory = client(&relay, 4, false).await.expect("mallory");
    for garbage in [&b"YJSPING"[..], b"", b"\x00\x01", b"YJS\x01\x01d\x09"] {
        mallory.send(binary(garbage)).await.expect("send");
    }
    barrier(&mut mallory).await;
    mallory
        .send(Message::Text("ping".into()))
        .await
        .expect("send");
    assert_eq!(
        close_code(next(&mut mallory).await),
        Some((CloseCode::Policy, "too many invalid frames".to_owned()))
    );

    // 3. Rate: a burst of 60 frames is served; the 61st gets a 1008 close, no pong.
    let mut flooder = client(&relay, 5, false).await.expect("flooder");
    for _ in 0..61 {
        flooder.send(binary(&PING[..])).await.expect("send");
    }
    let mut pongs = 0;
    let end = loop {
        match next(&mut flooder).await {
            Some(Message::Binary(data)) if data[..] == PONG => pongs += 1,
            other => break other,
        }
    };
    assert_eq!(pongs, 60, "the burst is served");
    assert_eq!(
        close_code(end),
        Some((CloseCode::Policy, "rate limit".to_owned()))
    );

    // 4. A reader that never reads is dropped; the writer is served throughout.
    let mut sleeper = client(&relay, 6, true).await.expect("sleeper");
    sleeper.send(update("big", 3)).await.expect("send");
    barrier(&mut sleeper).await;
    let mut writer = client(&relay, 7, false).await.expect("writer");
    for _ in 0..40 {
        writer.send(update("big", 64 << 10)).await.expect("send");
    }
    barrier(&mut writer).await; // answered: the relay did not wait for the sleeper
    let mut sleeper_end = None;
    while let Some(message) = next(&mut sleeper).await {
        if matches!(message, Message::Close(_)) {
            sleeper_end = Some(message);
            break;
        }
    }
    assert!(
        sleeper_end.is_none(),
        "a dropped reader gets no close handshake"
    );

    // 5. Connections per address: three from 127.0.0.8 are served, a fourth is refused.
    let mut same_host = Vec::new();
    for _ in 0..3 {
        let mut ws = client(&relay, 8, false).await.expect("within the limit");
        barrier(&mut ws).await;
        same_host.push(ws);
    }
    assert!(
        client(&relay, 8, false).await.is_err(),
        "a fourth from 127.0.0.8"
    );
    barrier(&mut watcher).await; // still served

    let counters = relay.stop();
    println!("{counters}");
    assert_eq!(counter(&counters, "over_documents"), 1);
    assert_eq!(counter(&counters, "closed_bad"), 1);
    assert_eq!(counter(&counters, "rate_limited"), 1);
    assert_eq!(counter(&counters, "closed_rate"), 1);
    assert_eq!(counter(&counters, "closed_slow"), 1);
    assert!(counter(&counters, "lagged") >= 1);
    assert_eq!(counter(&counters, "connections_refused"), 1);
    assert_eq!(counter(&counters, "closed_idle"), 0);
}
