//! A teleportal client on this crate: syncs a document with a teleportal server, sends an
//! update, and runs every milestone operation of teleportal's milestone guide (create with
//! and without a name, list, list with known ids, get a snapshot and restore a document from
//! it, rename, delete, list, restore, list), printing each step.
//!
//! ```sh
//! cargo run --example teleportal_client -- ws://127.0.0.1:1235 [DOCUMENT]
//! cargo run --example teleportal_client -- ws://127.0.0.1:1235 DOCUMENT --watch 20
//! ```
//!
//! Exit status 0 only when every step passed; 1 on a NACK, an RPC error that was not
//! expected, a wrong answer or a time-out (every wait is bounded). `--watch SECONDS` instead
//! syncs, prints `SYNCED`, and waits for another client's update to the document, printing
//! `RECEIVED <text>` (exit 0) or failing after SECONDS.
//!
//! Updates are Y.js V2 updates (made with `yrs`) inside teleportal's content envelope.

use std::collections::VecDeque;
use std::process::ExitCode;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_tungstenite::tungstenite::{Bytes, Message};
use tokio_tungstenite::WebSocketStream;
use yjs_wire::bytestring::ByteString;
use yjs_wire::teleportal::{
    self, ack_for, content,
    milestone::{self, Milestone, RpcFailure},
    DocMessage, Frame, MessageId, Update, UpdateVersion, PING, PONG,
};
use yjs_wire::{
    snapshot::{Borrowed, Shared},
    Limits,
};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{GetString, ReadTxn, StateVector, Text, Transact};

/// Every wait for an answer.
const STEP: Duration = Duration::from_secs(10);
const TEXT: &str = "hello from yjs-wire";

type Fail = String;

struct Peer {
    ws: WebSocketStream<TcpStream>,
    document: String,
    /// Frames received and not yet consumed by a wait.
    inbox: VecDeque<Vec<u8>>,
    /// Ids of what we sent and still expect an ack for (a NACK of any of them fails).
    sent: Vec<MessageId>,
}

fn doc_frame(document: &str, message: DocMessage<Shared>) -> Frame<Shared> {
    Frame::Doc {
        document: ByteString::from(document),
        encrypted: false,
        message,
    }
}

fn v2(data: Vec<u8>) -> Update<Shared> {
    Update {
        version: UpdateVersion::V2,
        data: Bytes::from(content::encode_plain_content(&data)),
    }
}

impl Peer {
    async fn connect(url: &str, document: &str) -> Result<Peer, Fail> {
        let rest = url
            .strip_prefix("ws://")
            .ok_or_else(|| format!("only ws:// URLs: {url}"))?;
        let authority = rest.split(['/', '?']).next().unwrap_or(rest);
        let deadline = Instant::now() + STEP;
        let tcp = timeout_at(deadline, TcpStream::connect(authority))
            .await
            .map_err(|_| format!("connect to {authority}: timed out"))?
            .map_err(|e| format!("connect to {authority}: {e}"))?;
        let (ws, _) = timeout_at(deadline, tokio_tungstenite::client_async(url, tcp))
            .await
            .map_err(|_| "WebSocket handshake timed out".to_owned())?
            .map_err(|e| format!("WebSocket handshake: {e}"))?;
        Ok(Peer {
            ws,
            document: document.to_owned(),
            inbox: VecDeque::new(),
            sent: Vec::new(),
        })
    }

    async fn send_bytes(&mut self, bytes: Vec<u8>) -> Result<(), Fail> {
        tokio::time::timeout(STEP, self.ws.send(Message::Binary(Bytes::from(bytes))))
            .await
            .map_err(|_| "send timed out".to_owned())?
            .map_err(|e| format!("send: {e}"))
    }

    /// Send a frame we expect an ack for; its id.
    async fn send(&mut self, frame: &Frame<Shared>) -> Result<MessageId, Fail> {
        let bytes = frame.to_vec();
        let id = teleportal::message_id(&bytes);
        self.sent.push(id);
        self.send_bytes(bytes).await?;
        Ok(id)
    }

    /// The next frame from the server (answering pings and acking doc and RPC messages, as
    /// teleportal's client does); fails on a NACK of anything we sent.
    async fn receive(&mut self, deadline: Instant) -> Result<Vec<u8>, Fail> {
        loop {
            let next = timeout_at(deadline, self.ws.next())
                .await
                .map_err(|_| "timed out".to_owned())?;
            let bytes = match next {
                Some(Ok(Message::Binary(bytes))) => bytes.to_vec(),
                Some(Ok(Message::Close(_))) | None => return Err("the server closed".into()),
                Some(Ok(Message::Text(text))) => return Err(format!("a text message: {text}")),
                Some(Ok(_)) => continue,
                Some(Err(e)) => return Err(format!("receive: {e}")),
            };
            let frame = teleportal::decode(&bytes)
                .map_err(|e| format!("the server sent a frame this codec refuses: {e}"))?;
            match &frame {
                Frame::Ping => {
                    self.send_bytes(PONG.to_vec()).await?;
                    continue;
                }
                Frame::Ack(ack) if ack.is_nack() => {
                    if let Some(answer) = milestone::answer_to(&frame) {
                        if self.sent.contains(&answer.request) {
                            return Err(format!("NACK of {}: {ack:?}", answer.request));
                        }
                    }
                }
                Frame::Doc { .. } | Frame::Rpc { .. } => {
                    self.send_bytes(ack_for(&bytes).to_vec()).await?;
                }
                _ => {}
            }
            return Ok(bytes);
        }
    }

    /// Wait (bounded) for a frame `pick` accepts, first among those already received.
    async fn wait<T>(
        &mut self,
        what: &str,
        mut pick: impl FnMut(&Frame<Borrowed<'_>>) -> Option<T>,
    ) -> Result<T, Fail> {
        let mut matched = None;
        for (at, bytes) in self.inbox.iter().enumerate() {
            if let Some(found) = teleportal::decode(bytes).ok().as_ref().and_then(&mut pick) {
                matched = Some((at, found));
                break;
            }
        }
        if let Some((at, found)) = matched {
            self.inbox.remove(at);
            return Ok(found);
        }
        let deadline = Instant::now() + STEP;
        loop {
            let bytes = self
                .receive(deadline)
                .await
                .map_err(|e| format!("waiting for {what}: {e}"))?;
            let found = teleportal::decode(&bytes).ok().as_ref().and_then(&mut pick);
            match found {
                Some(found) => return Ok(found),
                None => self.inbox.push_back(bytes),
            }
        }
    }

    async fn wait_ack(&mut self, id: MessageId, what: &str) -> Result<(), Fail> {
        self.wait(&format!("the ack of {what}"), |frame| {
            let answer = milestone::answer_to(frame)?;
            (matches!(frame, Frame::Ack(_)) && answer.request == id).then_some(())
        })
        .await?;
        self.sent.retain(|sent| *sent != id);
        Ok(())
    }

    /// Send an RPC request; wait for its ack and its response; the response frame's bytes.
    async fn call(&mut self, request: Frame<Shared>, what: &str) -> Result<Vec<u8>, Fail> {
        let id = self.send(&request).await?;
        let response = self
            .wait(&format!("the response to {what}"), |frame| {
                let answer = milestone::answer_to(frame)?;
                (answer.request == id && matches!(frame, Frame::Rpc { .. })).then(|| frame.to_vec())
            })
            .await?;
        self.wait_ack(id, what).await?;
        Ok(response)
    }

    /// Sync: our sync-step-1, the server's sync-step-2 (applied to `doc`) and sync-step-1
    /// (answered with our sync-step-2), acks, sync-done.
    async fn sync(&mut self, doc: &yrs::Doc) -> Result<String, Fail> {
        let state_vector = doc.transact().state_vector().encode_v1();
        let step1 = doc_frame(
            &self.document,
            DocMessage::SyncStep1 {
                state_vector: Bytes::from(state_vector),
            },
        );
        let step1_id = self.send(&step1).await?;
        let document = self.document.clone();
        let update = self
            .wait("the server's sync-step-2", |frame| match frame {
                Frame::Doc {
                    document: d,
                    message: DocMessage::SyncStep2 { update },
                    ..
                } if *d == document => Some((update.version, update.data.to_vec())),
                _ => None,
            })
            .await?;
        let applied = apply(doc, update.0, &update.1)?;
        let server_sv = self
            .wait("the server's sync-step-1", |frame| match frame {
                Frame::Doc {
                    message: DocMessage::SyncStep1 { state_vector },
                    ..
                } => Some(state_vector.to_vec()),
                _ => None,
            })
            .await?;
        self.wait_ack(step1_id, "sync-step-1").await?;
        let server_sv =
            StateVector::decode_v1(&server_sv).map_err(|e| format!("server state vector: {e}"))?;
        let diff = doc.transact().encode_state_as_update_v2(&server_sv);
        let step2 = doc_frame(&self.document, DocMessage::SyncStep2 { update: v2(diff) });
        let step2_id = self.send(&step2).await?;
        self.wait_ack(step2_id, "sync-step-2").await?;
        self.wait("sync-done", |frame| {
            matches!(
                frame,
                Frame::Doc {
                    message: DocMessage::SyncDone,
                    ..
                }
            )
            .then_some(())
        })
        .await?;
        Ok(format!("server sync-step-2 of {applied} bytes applied"))
    }
}

/// Apply a teleportal update (V2 in the content envelope; V1 as is) to `doc`.
fn apply(doc: &yrs::Doc, version: UpdateVersion, data: &[u8]) -> Result<usize, Fail> {
    let update = match version {
        UpdateVersion::V2 => {
            let content = content::decode_content(data, &Limits::DEFAULT)
                .map_err(|e| format!("content envelope: {e}"))?;
            if content.structure_update.is_empty() {
                return Ok(0);
            }
            yrs::Update::decode_v2(content.structure_update)
                .map_err(|e| format!("V2 update: {e}"))?
        }
        UpdateVersion::V1 => yrs::Update::decode_v1(data).map_err(|e| format!("V1 update: {e}"))?,
    };
    doc.transact_mut()
        .apply_update(update)
        .map_err(|e| format!("apply update: {e}"))?;
    Ok(data.len())
}

fn text_of(doc: &yrs::Doc) -> String {
    let text = doc.get_or_insert_text("text");
    let txn = doc.transact();
    text.get_string(&txn)
}

fn read(bytes: &[u8]) -> Result<Result<Milestone<'_>, RpcFailure<'_>>, Fail> {
    let frame = teleportal::decode(bytes).map_err(|e| e.to_string())?;
    let response = milestone::read_response(&frame).map_err(|e| e.to_string())?;
    // Re-borrow from `bytes` (the frame is a view of them).
    Ok(response.reply)
}

fn ok<'a>(bytes: &'a [u8], what: &str) -> Result<Milestone<'a>, Fail> {
    match read(bytes)? {
        Ok(reply) => Ok(reply),
        Err(failure) => Err(format!("{what}: unexpected {failure}")),
    }
}

fn listed(bytes: &[u8]) -> Result<Vec<(String, String, Option<String>)>, Fail> {
    match ok(bytes, "milestoneList")? {
        Milestone::List(list) => Ok(list
            .iter()
            .map(|m| {
                (
                    m.id.to_owned(),
                    m.name.to_owned(),
                    m.lifecycle_state.map(str::to_owned),
                )
            })
            .collect()),
        other => Err(format!("milestoneList answered {other:?}")),
    }
}

fn step(n: &mut u32, text: &str) {
    *n += 1;
    println!("step {n:2}: {text}");
}

async fn run(url: &str, document: &str) -> Result<(), Fail> {
    let mut n = 0;
    let mut peer = Peer::connect(url, document).await?;
    step(
        &mut n,
        &format!("connected to {url}, document {document:?}"),
    );

    let doc = yrs::Doc::new();
    let detail = peer.sync(&doc).await?;
    step(
        &mut n,
        &format!("synced: sync-step-1 acked, {detail}, sync-step-2 acked, sync-done"),
    );

    let before = doc.transact().state_vector();
    {
        let text = doc.get_or_insert_text("text");
        let mut txn = doc.transact_mut();
        let len = text.len(&txn);
        text.insert(&mut txn, len, TEXT);
    }
    let diff = doc.transact().encode_state_as_update_v2(&before);
    let update = doc_frame(document, DocMessage::Update { update: v2(diff) });
    let id = peer.send(&update).await?;
    peer.wait_ack(id, "the update").await?;
    step(&mut n, &format!("update {TEXT:?} sent and acked"));

    let snapshot = doc
        .transact()
        .encode_state_as_update_v2(&StateVector::default());
    let reply = peer
        .call(
            milestone::create_request(document, Some("checkpoint 1"), &snapshot),
            "milestoneCreate",
        )
        .await?;
    let Milestone::Created(first) = ok(&reply, "milestoneCreate")? else {
        return Err("milestoneCreate: not a milestone".into());
    };
    if first.name != "checkpoint 1" {
        return Err(format!("milestoneCreate named it {:?}", first.name));
    }
    let first_id = first.id.to_owned();
    step(
        &mut n,
        &format!(
            "created milestone {first_id} {:?} by {}:{}",
            first.name, first.created_by.kind, first.created_by.id
        ),
    );

    let reply = peer
        .call(
            milestone::create_request(document, None, &snapshot),
            "milestoneCreate (no name)",
        )
        .await?;
    let Milestone::Created(second) = ok(&reply, "milestoneCreate")? else {
        return Err("milestoneCreate: not a milestone".into());
    };
    if second.name.is_empty() || second.id == first_id {
        return Err(format!("milestoneCreate without a name gave {second:?}"));
    }
    let second_id = second.id.to_owned();
    step(
        &mut n,
        &format!(
            "created milestone {second_id} without a name: the server named it {:?}",
            second.name
        ),
    );

    let reply = peer
        .call(
            milestone::list_request(document, &[], false),
            "milestoneList",
        )
        .await?;
    let all = listed(&reply)?;
    for id in [&first_id, &second_id] {
        if !all.iter().any(|m| &m.0 == id) {
            return Err(format!("milestoneList lacks {id}: {all:?}"));
        }
    }
    step(
        &mut n,
        &format!("listed {} milestones, both new ones among them", all.len()),
    );

    let reply = peer
        .call(
            milestone::list_request(document, &[&first_id], false),
            "milestoneList (known ids)",
        )
        .await?;
    let newer = listed(&reply)?;
    if !newer.iter().any(|m| m.0 == second_id) {
        return Err(format!("milestoneList with known ids lacks {second_id}"));
    }
    if newer.iter().any(|m| m.0 == first_id) {
        step(&mut n, &format!("listed with known id {first_id}: the server ignores snapshotIds (all {} came back)", newer.len()));
    } else {
        step(
            &mut n,
            &format!(
                "listed with known id {first_id}: filtered, {} new one(s) came back",
                newer.len()
            ),
        );
    }

    let reply = peer
        .call(milestone::get_request(document, &first_id), "milestoneGet")
        .await?;
    let Milestone::Snapshot {
        milestone_id,
        snapshot: got,
    } = ok(&reply, "milestoneGet")?
    else {
        return Err("milestoneGet: not a snapshot".into());
    };
    if milestone_id != first_id || got != snapshot.as_slice() {
        return Err(format!(
            "milestoneGet gave {} bytes for {milestone_id}, sent {}",
            got.len(),
            snapshot.len()
        ));
    }
    let restored = yrs::Doc::new();
    apply_v2_plain(&restored, got)?;
    // The document as it was when the snapshot was taken (it may hold earlier runs' text).
    let expected = text_of(&doc);
    if text_of(&restored) != expected || !expected.ends_with(TEXT) {
        return Err(format!("the snapshot restores {:?}", text_of(&restored)));
    }
    step(
        &mut n,
        &format!(
            "got the snapshot ({} bytes, as sent); a new document restored from it reads {:?}",
            got.len(),
            expected
        ),
    );

    let reply = peer
        .call(
            milestone::get_request(document, "no-such-milestone"),
            "milestoneGet (missing)",
        )
        .await?;
    match read(&reply)? {
        Err(failure) if failure.status_code == 404 => {
            step(
                &mut n,
                &format!(
                    "a missing milestone: expected error {} {:?}",
                    failure.status_code, failure.details
                ),
            );
        }
        other => return Err(format!("milestoneGet of a missing id answered {other:?}")),
    }

    let reply = peer
        .call(
            milestone::update_name_request(document, &first_id, "checkpoint 1 (renamed)"),
            "milestoneUpdateName",
        )
        .await?;
    let Milestone::Renamed(renamed) = ok(&reply, "milestoneUpdateName")? else {
        return Err("milestoneUpdateName: not a milestone".into());
    };
    if renamed.name != "checkpoint 1 (renamed)" || renamed.id != first_id {
        return Err(format!("milestoneUpdateName gave {renamed:?}"));
    }
    step(&mut n, &format!("renamed it {:?}", renamed.name));

    let reply = peer
        .call(
            milestone::delete_request(document, &first_id),
            "milestoneDelete",
        )
        .await?;
    let Milestone::Deleted { milestone_id } = ok(&reply, "milestoneDelete")? else {
        return Err("milestoneDelete: wrong answer".into());
    };
    if milestone_id != first_id {
        return Err(format!("milestoneDelete answered {milestone_id}"));
    }
    step(&mut n, "deleted it");

    let reply = peer
        .call(
            milestone::list_request(document, &[], false),
            "milestoneList",
        )
        .await?;
    let after = listed(&reply)?;
    if after.iter().any(|m| m.0 == first_id) || !after.iter().any(|m| m.0 == second_id) {
        return Err(format!("after the delete, milestoneList gave {after:?}"));
    }
    step(
        &mut n,
        &format!("listed: it is gone ({} left)", after.len()),
    );

    let reply = peer
        .call(
            milestone::list_request(document, &[], true),
            "milestoneList (includeDeleted)",
        )
        .await?;
    let with_deleted = listed(&reply)?;
    match with_deleted.iter().find(|m| m.0 == first_id) {
        Some((_, _, Some(state))) if state == "deleted" => {
            step(
                &mut n,
                "listed with includeDeleted: it is there, lifecycleState \"deleted\"",
            );
        }
        other => {
            return Err(format!(
                "with includeDeleted the deleted milestone is {other:?}"
            ))
        }
    }

    let reply = peer
        .call(
            milestone::restore_request(document, &first_id),
            "milestoneRestore",
        )
        .await?;
    let Milestone::Restored(back) = ok(&reply, "milestoneRestore")? else {
        return Err("milestoneRestore: not a milestone".into());
    };
    if back.id != first_id || back.lifecycle_state != Some("active") {
        return Err(format!("milestoneRestore gave {back:?}"));
    }
    step(&mut n, "restored it (lifecycleState \"active\")");

    let reply = peer
        .call(
            milestone::list_request(document, &[], false),
            "milestoneList",
        )
        .await?;
    let last = listed(&reply)?;
    match last.iter().find(|m| m.0 == first_id) {
        Some((_, name, _)) if name == "checkpoint 1 (renamed)" => {
            step(
                &mut n,
                &format!(
                    "listed: it is back, as {name:?} ({} milestones)",
                    last.len()
                ),
            );
        }
        other => return Err(format!("after the restore the milestone is {other:?}")),
    }

    peer.send_bytes(PING.to_vec()).await?;
    peer.wait("pong", |frame| matches!(frame, Frame::Pong).then_some(()))
        .await?;
    step(&mut n, "ping answered with pong");

    let _ = tokio::time::timeout(STEP, peer.ws.close(None)).await;
    println!("PASSED: {n} steps");
    Ok(())
}

fn apply_v2_plain(doc: &yrs::Doc, update: &[u8]) -> Result<(), Fail> {
    let update = yrs::Update::decode_v2(update).map_err(|e| format!("snapshot: {e}"))?;
    doc.transact_mut()
        .apply_update(update)
        .map_err(|e| format!("snapshot: {e}"))
}

async fn watch(url: &str, document: &str, seconds: u64) -> Result<(), Fail> {
    let mut peer = Peer::connect(url, document).await?;
    let doc = yrs::Doc::new();
    peer.sync(&doc).await?;
    println!("SYNCED");
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let bytes = peer
            .receive(deadline)
            .await
            .map_err(|e| format!("waiting for an update: {e}"))?;
        let frame = teleportal::decode(&bytes).map_err(|e| e.to_string())?;
        if let Frame::Doc {
            message: DocMessage::Update { update } | DocMessage::SyncStep2 { update },
            ..
        } = &frame
        {
            apply(&doc, update.version, update.data)?;
            let text = text_of(&doc);
            if !text.is_empty() {
                println!("RECEIVED {text}");
                let _ = tokio::time::timeout(STEP, peer.ws.close(None)).await;
                return Ok(());
            }
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(url) = args.first() else {
        eprintln!("usage: teleportal_client URL [DOCUMENT] [--watch SECONDS]");
        return ExitCode::from(2);
    };
    let document = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "yjs-wire-client".to_owned());
    let watch_for = args
        .iter()
        .position(|a| a == "--watch")
        .and_then(|at| args.get(at + 1))
        .and_then(|s| s.parse().ok());
    let result = match watch_for {
        Some(seconds) => watch(url, &document, seconds).await,
        None => run(url, &document).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => {
            println!("FAILED: {why}");
            ExitCode::FAILURE
        }
    }
}
