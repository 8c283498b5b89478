//! Live conversations with teleportal (0.0.7, commit 802ec6e), both directions, on 127.0.0.1:
//!
//! - our client (`examples/teleportal_client.rs`) against teleportal's own server
//!   (`run-server.sh` in `MODE=serve` under Bun, `TP_KEEP_ALIVE` off): every step of the
//!   milestone guide passes, a second client of the same document (`--watch`) receives the
//!   first one's update through the server, and the server process is still running
//!   afterwards (nothing our client sent made it exit);
//! - teleportal's own client (its `Provider` under Bun, `tests/js/teleportal/live-provider.mts`)
//!   against our server (`examples/teleportal_server.rs`): the guide end to end, and a second
//!   provider that sees the first one's edits.
//!
//! The reference peer comes from `tests/js/teleportal/setup.sh` (a copy of
//! `${YJS_WIRE_SHARED:-../shared}/teleportal` with its `npm ci`). When the shared folder is
//! missing (setup exit 3) the tests are skipped with a message, unless
//! `YJS_WIRE_REQUIRE_TELEPORTAL=1` (CI sets it), which makes that a failure. Every wait is
//! bounded, and every process started here is stopped by its pid in a drop guard.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{mpsc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const SETUP_TIMEOUT: Duration = Duration::from_secs(600);
const START_TIMEOUT: Duration = Duration::from_secs(30);
const CLIENT_TIMEOUT: Duration = Duration::from_secs(90);
const STOP_TIMEOUT: Duration = Duration::from_secs(10);

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The reference peer's copy, or `None` (skipped) when the shared folder is missing.
fn peer() -> Option<PathBuf> {
    static PEER: OnceLock<Result<Option<PathBuf>, String>> = OnceLock::new();
    let result = PEER.get_or_init(|| {
        let mut setup = Guard::spawn(
            Command::new("bash")
                .arg("tests/js/teleportal/setup.sh")
                .current_dir(root())
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped()),
            "setup.sh",
        );
        let out = setup.0.stdout.take().map(collect);
        let err = setup.0.stderr.take().map(collect);
        let status = setup.wait_for(SETUP_TIMEOUT, "setup.sh");
        let out = out
            .map(|rx| rx.recv_timeout(STOP_TIMEOUT).unwrap_or_default())
            .unwrap_or_default();
        let err = err
            .map(|rx| rx.recv_timeout(STOP_TIMEOUT).unwrap_or_default())
            .unwrap_or_default();
        match status.code() {
            Some(0) => out
                .lines()
                .last()
                .map(|line| Some(PathBuf::from(line.trim())))
                .ok_or_else(|| "setup.sh printed no path".to_owned()),
            Some(3) => {
                let required = std::env::var("YJS_WIRE_REQUIRE_TELEPORTAL").is_ok_and(|v| v == "1");
                if required {
                    Err(format!(
                        "YJS_WIRE_REQUIRE_TELEPORTAL=1 but the reference peer is missing: {}",
                        err.trim()
                    ))
                } else {
                    let _ = writeln!(
                        std::io::stderr(),
                        "SKIPPED teleportal live tests: {}",
                        err.trim()
                    );
                    Ok(None)
                }
            }
            _ => Err(format!("setup.sh failed ({status}): {err}")),
        }
    });
    match result {
        Ok(peer) => peer.clone(),
        Err(why) => panic!("{why}"),
    }
}

fn bun(peer: &Path) -> PathBuf {
    peer.join("node_modules/@oven/bun-linux-x64/bin/bun")
}

/// The whole of a pipe, read by a thread (so reads can time out).
fn collect(mut reader: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut text = String::new();
        let _ = reader.read_to_string(&mut text);
        let _ = tx.send(text);
    });
    rx
}

/// Lines of a pipe, sent to a channel by a thread.
fn lines_of(reader: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Wait (bounded) for a line containing `needle`; every line read so far.
fn wait_line(
    lines: &mpsc::Receiver<String>,
    needle: &str,
    limit: Duration,
    what: &str,
) -> Vec<String> {
    let deadline = Instant::now() + limit;
    let mut seen = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                let found = line.contains(needle);
                seen.push(line);
                if found {
                    return seen;
                }
            }
            Err(_) => panic!("{what}: no line with {needle:?} within {limit:?}; got {seen:#?}"),
        }
    }
}

/// A child process, stopped by its pid when dropped (on a failed assertion too): SIGTERM
/// first (so `timeout` in run-server.sh passes it on to Bun), then SIGKILL.
struct Guard(Child);

impl Guard {
    fn spawn(command: &mut Command, what: &'static str) -> Guard {
        Guard(
            command
                .spawn()
                .unwrap_or_else(|e| panic!("{what} starts: {e}")),
        )
    }

    fn wait_for(&mut self, limit: Duration, what: &str) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.0.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: not finished after {limit:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn running(&mut self) -> bool {
        matches!(self.0.try_wait(), Ok(None))
    }

    fn stop(&mut self) {
        if !self.running() {
            return;
        }
        let pid = self.0.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + STOP_TIMEOUT;
        while self.running() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.stop();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr").port()
}

/// An example's executable: the one `cargo test` built beside this test (same features and
/// profile) if newer than every source, else built now.
fn example(name: &str) -> PathBuf {
    // One build at a time (the two tests may need both examples).
    static BUILD: Mutex<()> = Mutex::new(());
    let _one = BUILD.lock().unwrap_or_else(|e| e.into_inner());
    let exe = std::env::current_exe().expect("test path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let built = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let modified = |path: &Path| path.metadata().and_then(|m| m.modified()).ok();
    let example_source = format!("examples/{name}.rs");
    let newest_source = ["src", example_source.as_str(), "Cargo.toml", "Cargo.lock"]
        .iter()
        .flat_map(|p| files_under(&root().join(p)))
        .filter_map(|p| modified(&p))
        .max();
    match (modified(&built), newest_source) {
        (Some(built_at), Some(source_at)) if built_at >= source_at => built,
        _ => build_example(name),
    }
}

fn files_under(path: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .flat_map(|entry| files_under(&entry.path()))
            .collect(),
        Err(_) => vec![path.to_owned()],
    }
}

fn build_example(name: &str) -> PathBuf {
    let mut features = Vec::new();
    for (on, feature) in [
        (cfg!(feature = "std"), "std"),
        (cfg!(feature = "serde"), "serde"),
        (cfg!(feature = "cli"), "cli"),
        (cfg!(feature = "tokio"), "tokio"),
        (cfg!(feature = "arbitrary"), "arbitrary"),
    ] {
        if on {
            features.push(feature);
        }
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .current_dir(root())
        .args(["build", "--example", name, "--no-default-features"])
        .args(["--message-format", "json-render-diagnostics"]);
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build --example {name} failed"
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact" && msg["target"]["name"] == name)
        .find_map(|msg| msg["executable"].as_str().map(PathBuf::from))
        .unwrap_or_else(|| panic!("cargo reports the {name} executable"))
}

/// Run `command` to the end (bounded); its exit status and stdout.
fn run(command: &mut Command, what: &'static str) -> (ExitStatus, String) {
    let mut child = Guard::spawn(command.stdin(Stdio::null()).stdout(Stdio::piped()), what);
    let out = collect(child.0.stdout.take().expect("stdout"));
    let status = child.wait_for(CLIENT_TIMEOUT, what);
    let text = out.recv_timeout(STOP_TIMEOUT).unwrap_or_default();
    println!("--- {what} ({status}) ---\n{text}");
    (status, text)
}

#[test]
fn our_client_against_teleportals_own_server() {
    let Some(peer) = peer() else { return };
    let client = example("teleportal_client");
    let port = free_port();
    let mut server = Guard::spawn(
        Command::new(peer.join("run-server.sh"))
            .args(["bun", &port.to_string()])
            .env("MODE", "serve")
            .env("TP_TIMEOUT", "300")
            .env_remove("TP_KEEP_ALIVE")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit()),
        "teleportal's server",
    );
    let server_out = lines_of(server.0.stdout.take().expect("stdout"));
    wait_line(
        &server_out,
        &format!("LISTENING {port}"),
        START_TIMEOUT,
        "teleportal's server",
    );
    let url = format!("ws://127.0.0.1:{port}/?user=yjs-wire");
    let document = format!("live-{port}");

    // A second client of the same document, synced before the first one writes.
    let mut watcher = Guard::spawn(
        Command::new(&client)
            .args([url.as_str(), document.as_str(), "--watch", "60"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped()),
        "the watching client",
    );
    let watched = lines_of(watcher.0.stdout.take().expect("stdout"));
    wait_line(&watched, "SYNCED", START_TIMEOUT, "the watching client");

    let (status, out) = run(
        Command::new(&client).args([url.as_str(), document.as_str()]),
        "our client",
    );
    assert!(
        status.success(),
        "our client failed against teleportal's server:\n{out}"
    );
    assert!(out.contains("PASSED: 16 steps"), "{out}");
    assert!(
        out.contains("the server ignores snapshotIds"),
        "teleportal 802ec6e ignores snapshotIds:\n{out}"
    );

    let seen = wait_line(&watched, "RECEIVED", START_TIMEOUT, "the watching client");
    assert_eq!(
        seen.last().map(String::as_str),
        Some("RECEIVED hello from yjs-wire")
    );
    assert!(watcher
        .wait_for(STOP_TIMEOUT, "the watching client")
        .success());

    // Everything our client sent left teleportal's server (TP_KEEP_ALIVE off) running and
    // serving: the process is there, and another full run passes.
    assert!(server.running(), "teleportal's server exited");
    assert!(TcpStream::connect(("127.0.0.1", port)).is_ok());
    let (status, out) = run(
        Command::new(&client).args([url.as_str(), &format!("{document}-again")]),
        "our client, again",
    );
    assert!(status.success(), "{out}");
    assert!(server.running(), "teleportal's server exited");
    server.stop();
    // Stopping run-server.sh's pid (timeout) stopped Bun too: nothing listens any more.
    let deadline = Instant::now() + STOP_TIMEOUT;
    while TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(
            Instant::now() < deadline,
            "teleportal's server still listens after the stop"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn teleportals_own_provider_against_our_server() {
    let Some(peer) = peer() else { return };
    let server_exe = example("teleportal_server");
    let mut server = Guard::spawn(
        Command::new(&server_exe)
            .args(["--port", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit()),
        "our server",
    );
    let server_out = lines_of(server.0.stdout.take().expect("stdout"));
    let lines = wait_line(&server_out, "LISTENING ", START_TIMEOUT, "our server");
    let port: u16 = lines
        .last()
        .and_then(|line| line.strip_prefix("LISTENING "))
        .and_then(|p| p.trim().parse().ok())
        .expect("LISTENING <port>");
    let url = format!("ws://127.0.0.1:{port}");
    let (status, out) = run(
        Command::new(bun(&peer))
            .arg("tests/js/teleportal/live-provider.mts")
            .args([url.as_str(), "provider-doc"])
            .current_dir(root())
            .env("TELEPORTAL_DIR", &peer),
        "teleportal's Provider",
    );
    assert!(
        status.success(),
        "teleportal's Provider failed against our server:\n{out}"
    );
    for step in [
        "only", // list with known ids: only the new one
        "restored document reads \"hello from teleportal\"",
        "shown with includeDeleted as \"deleted\"",
        "restored: listed again",
        "provider 2 received provider 1's live edit",
        "PASSED",
    ] {
        assert!(out.contains(step), "missing {step:?} in:\n{out}");
    }
    assert!(server.running(), "our server exited");
    server.stop();
}
