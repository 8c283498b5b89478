//! A small teleportal server on this crate, enough for teleportal's own `Provider`: document
//! sync, updates relayed to the document's other clients, acks, and milestones in memory.
//!
//! ```sh
//! cargo run --example teleportal_server -- --port 1235      # prints "LISTENING 1235"
//! ```
//!
//! - Serves WebSocket on 127.0.0.1 only (`--port 0` picks a free port; the line printed says
//!   which). `?user=NAME` in the URL names the user milestones are created by.
//! - sync-step-1 → sync-step-2 (the document's V2 update in teleportal's content envelope),
//!   the server's own sync-step-1, then the ack; the client's sync-step-2 → ack, sync-done.
//! - update → merged into the document with `yrs`, relayed (the same bytes) to the other
//!   clients of that document, acked. Awareness and presence are relayed, not acked (the
//!   client does not wait for those); acks from clients are taken; `YJSping` → `YJSpong`.
//! - RPC: the six milestone methods (`milestone::*`), each acked and answered; milestones
//!   live in memory per document. `milestoneList` leaves out the ids in `snapshotIds` (the
//!   milestone guide's "only new milestones") and soft-deleted ones unless `includeDeleted`;
//!   `milestoneDelete` is a soft delete, `milestoneRestore` undoes it. Unknown methods get
//!   501, a request without its fields 400, a missing milestone 404.
//! - A frame this crate's strict decoder refuses, or an encrypted document, gets a NACK with
//!   the reason; the connection stays open.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::{Bytes, Message};
use yjs_wire::bytestring::ByteString;
use yjs_wire::lib0::any::{Any, AnyObject, AnyValue};
use yjs_wire::teleportal::{
    self, ack_for, content,
    milestone::{self, CreatedBy, Method, MilestoneMeta},
    nack_for, DocMessage, Frame, MessageId, RpcKind, RpcResult, Update, UpdateVersion, PONG,
};
use yjs_wire::{snapshot::Shared, Limits};
use yrs::updates::decoder::Decode;
use yrs::updates::encoder::Encode;
use yrs::{ReadTxn, StateVector, Transact};

type Outbox = mpsc::UnboundedSender<Vec<u8>>;

struct Stored {
    id: String,
    name: String,
    created_at: f64,
    created_by: (String, String),
    deleted_at: Option<f64>,
    lifecycle_state: Option<&'static str>,
    snapshot: Vec<u8>,
}

impl Stored {
    fn meta<'a>(&'a self, document: &'a str) -> MilestoneMeta<'a> {
        MilestoneMeta {
            id: &self.id,
            name: &self.name,
            document_id: document,
            created_at: self.created_at,
            created_by: CreatedBy {
                kind: &self.created_by.0,
                id: &self.created_by.1,
            },
            deleted_at: self.deleted_at,
            lifecycle_state: self.lifecycle_state,
            expires_at: None,
        }
    }
}

#[derive(Default)]
struct Document {
    doc: yrs::Doc,
    clients: HashMap<u64, Outbox>,
    milestones: Vec<Stored>,
}

#[derive(Default)]
struct State {
    documents: HashMap<String, Document>,
    next_id: u64,
}

type Shared_ = Arc<Mutex<State>>;

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64)
}

fn doc_frame(document: &str, message: DocMessage<Shared>) -> Vec<u8> {
    Frame::Doc {
        document: ByteString::from(document),
        encrypted: false,
        message,
    }
    .to_vec()
}

fn v2_content(update: Vec<u8>) -> Update<Shared> {
    Update {
        version: UpdateVersion::V2,
        data: Bytes::from(content::encode_plain_content(&update)),
    }
}

fn apply(doc: &yrs::Doc, version: UpdateVersion, data: &[u8]) -> Result<(), String> {
    let update = match version {
        UpdateVersion::V2 => {
            let content =
                content::decode_content(data, &Limits::DEFAULT).map_err(|e| e.to_string())?;
            if content.sidecars != 0 {
                return Err("encrypted content is not supported".into());
            }
            if content.structure_update.is_empty() {
                return Ok(());
            }
            yrs::Update::decode_v2(content.structure_update).map_err(|e| e.to_string())?
        }
        UpdateVersion::V1 => yrs::Update::decode_v1(data).map_err(|e| e.to_string())?,
    };
    doc.transact_mut()
        .apply_update(update)
        .map_err(|e| e.to_string())
}

/// A milestone id shaped like a UUID (v4 layout), from a counter and the clock.
fn new_id(counter: u64) -> String {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let mix = t ^ counter.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        (mix >> 32) as u32,
        (mix >> 16) as u16,
        (mix & 0xfff) as u16,
        0x8000 | (counter & 0x3fff) as u16,
        t & 0xffff_ffff_ffff
    )
}

struct Conn {
    id: u64,
    user: Option<String>,
    out: Outbox,
    state: Shared_,
}

impl Conn {
    fn send(&self, bytes: Vec<u8>) {
        let _ = self.out.send(bytes);
    }

    fn join<'s>(&self, state: &'s mut State, document: &str) -> &'s mut Document {
        let entry = state.documents.entry(document.to_owned()).or_default();
        entry
            .clients
            .entry(self.id)
            .or_insert_with(|| self.out.clone());
        entry
    }

    fn relay(&self, document: &Document, bytes: &[u8]) {
        for (id, out) in &document.clients {
            if *id != self.id {
                let _ = out.send(bytes.to_vec());
            }
        }
    }

    fn handle(&self, bytes: &[u8]) {
        let frame = match teleportal::decode(bytes) {
            Ok(frame) => frame,
            Err(error) => {
                self.send(nack_for(bytes, None, Some(&format!("invalid frame: {error}"))).to_vec());
                return;
            }
        };
        if frame.encrypted() {
            self.send(
                nack_for(bytes, None, Some("encrypted documents are not supported")).to_vec(),
            );
            return;
        }
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let state = &mut *guard;
        match &frame {
            Frame::Ping => self.send(PONG.to_vec()),
            Frame::Pong | Frame::Ack(_) => {}
            Frame::Doc {
                document, message, ..
            } => {
                let doc = self.join(state, document);
                match message {
                    DocMessage::SyncStep1 { state_vector } => {
                        let Ok(theirs) = StateVector::decode_v1(state_vector) else {
                            self.send(nack_for(bytes, None, Some("invalid state vector")).to_vec());
                            return;
                        };
                        let (diff, ours) = {
                            let txn = doc.doc.transact();
                            (
                                txn.encode_state_as_update_v2(&theirs),
                                txn.state_vector().encode_v1(),
                            )
                        };
                        self.send(doc_frame(
                            document,
                            DocMessage::SyncStep2 {
                                update: v2_content(diff),
                            },
                        ));
                        self.send(doc_frame(
                            document,
                            DocMessage::SyncStep1 {
                                state_vector: Bytes::from(ours),
                            },
                        ));
                        self.send(ack_for(bytes).to_vec());
                    }
                    DocMessage::SyncStep2 { update } | DocMessage::Update { update } => {
                        if let Err(why) = apply(&doc.doc, update.version, update.data) {
                            self.send(
                                nack_for(bytes, None, Some(&format!("update refused: {why}")))
                                    .to_vec(),
                            );
                            return;
                        }
                        if matches!(message, DocMessage::Update { .. }) {
                            self.relay(doc, bytes);
                            self.send(ack_for(bytes).to_vec());
                        } else {
                            self.send(ack_for(bytes).to_vec());
                            self.send(doc_frame(document, DocMessage::SyncDone));
                        }
                    }
                    DocMessage::SyncDone => self.send(ack_for(bytes).to_vec()),
                    DocMessage::AuthMessage { .. } => {
                        self.send(
                            nack_for(bytes, None, Some("auth messages go from server to client"))
                                .to_vec(),
                        );
                    }
                }
            }
            Frame::Awareness { document, .. } | Frame::Presence { document, .. } => {
                let doc = self.join(state, document);
                self.relay(doc, bytes);
            }
            Frame::Rpc {
                document, message, ..
            } => {
                self.send(ack_for(bytes).to_vec());
                if !matches!(message.kind, RpcKind::Request) {
                    return;
                }
                let request = teleportal::message_id(bytes);
                let payload = match &message.result {
                    RpcResult::Success { payload } => payload.get(),
                    RpcResult::Error { .. } => Any::Undefined,
                };
                state.next_id += 1;
                let counter = state.next_id;
                let doc = self.join(state, document);
                let reply = self.rpc(doc, document, message.method, request, payload, counter);
                self.send(reply);
            }
        }
    }

    fn rpc(
        &self,
        doc: &mut Document,
        document: &str,
        method: &str,
        request: MessageId,
        payload: Any<'_>,
        counter: u64,
    ) -> Vec<u8> {
        let error = |code: u16, details: &str, extra: Option<(&str, &str)>| {
            let extra = extra.map(|(k, v)| {
                let mut map = yjs_wire::lib0::any::AnyMap::new();
                map.insert(k, AnyValue::from(v));
                AnyValue::Object(map)
            });
            milestone::error_response(document, method, request, code, details, extra.as_ref())
                .to_vec()
        };
        let Some(known) = Method::from_name(method) else {
            return error(
                501,
                &format!("Unknown RPC method: {method}"),
                Some(("method", method)),
            );
        };
        let Any::Object(fields) = payload else {
            return error(400, "Invalid request: the payload is not an object", None);
        };
        let text = |o: &AnyObject<'_>, key: &str| match o.get(key) {
            Some(Any::String(s)) => Some(s.to_owned()),
            _ => None,
        };
        let find = |doc: &Document, id: &str| doc.milestones.iter().position(|m| m.id == id);
        match known {
            Method::Create => {
                let Some(Any::Bytes(snapshot)) = fields.get("snapshot") else {
                    return error(400, "Invalid request: snapshot missing", None);
                };
                let name = text(&fields, "name")
                    .unwrap_or_else(|| format!("Version {}", doc.milestones.len() + 1));
                let created_by = match &self.user {
                    Some(user) => ("user".to_owned(), user.clone()),
                    None => ("system".to_owned(), "system".to_owned()),
                };
                doc.milestones.push(Stored {
                    id: new_id(counter),
                    name,
                    created_at: now_ms(),
                    created_by,
                    deleted_at: None,
                    lifecycle_state: None,
                    snapshot: snapshot.to_vec(),
                });
                let stored = doc.milestones.last().map(|m| m.meta(document));
                match stored {
                    Some(meta) => milestone::create_response(document, request, &meta).to_vec(),
                    None => error(500, "Failed to create milestone", None),
                }
            }
            Method::List => {
                let include_deleted = matches!(fields.get("includeDeleted"), Some(Any::Bool(true)));
                let known: Vec<&str> = match fields.get("snapshotIds") {
                    Some(Any::Array(ids)) => ids
                        .iter()
                        .filter_map(|v| match v {
                            Any::String(s) => Some(s),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let metas: Vec<MilestoneMeta<'_>> = doc
                    .milestones
                    .iter()
                    .filter(|m| include_deleted || m.deleted_at.is_none())
                    .filter(|m| !known.contains(&m.id.as_str()))
                    .map(|m| m.meta(document))
                    .collect();
                milestone::list_response(document, request, &metas).to_vec()
            }
            Method::Get => {
                let Some(id) = text(&fields, "milestoneId") else {
                    return error(400, "Invalid request: milestoneId missing", None);
                };
                match find(doc, &id).and_then(|at| doc.milestones.get(at)) {
                    Some(m) => {
                        milestone::get_response(document, request, &id, &m.snapshot).to_vec()
                    }
                    None => error(404, "Milestone not found", Some(("milestoneId", &id))),
                }
            }
            Method::UpdateName => {
                let (Some(id), Some(name)) = (text(&fields, "milestoneId"), text(&fields, "name"))
                else {
                    return error(400, "Invalid request: milestoneId and name required", None);
                };
                match find(doc, &id).and_then(|at| doc.milestones.get_mut(at)) {
                    Some(m) => {
                        m.name = name;
                        milestone::update_name_response(document, request, &m.meta(document))
                            .to_vec()
                    }
                    None => error(404, "Milestone not found", Some(("milestoneId", &id))),
                }
            }
            Method::Delete => {
                let Some(id) = text(&fields, "milestoneId") else {
                    return error(400, "Invalid request: milestoneId missing", None);
                };
                match find(doc, &id).and_then(|at| doc.milestones.get_mut(at)) {
                    Some(m) => {
                        m.deleted_at = Some(now_ms());
                        m.lifecycle_state = Some("deleted");
                        milestone::delete_response(document, request, &id).to_vec()
                    }
                    None => error(404, "Milestone not found", Some(("milestoneId", &id))),
                }
            }
            Method::Restore => {
                let Some(id) = text(&fields, "milestoneId") else {
                    return error(400, "Invalid request: milestoneId missing", None);
                };
                match find(doc, &id).and_then(|at| doc.milestones.get_mut(at)) {
                    Some(m) => {
                        m.deleted_at = None;
                        m.lifecycle_state = Some("active");
                        milestone::restore_response(document, request, &m.meta(document)).to_vec()
                    }
                    None => error(404, "Milestone not found", Some(("milestoneId", &id))),
                }
            }
        }
    }

    fn leave(&self) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        for doc in state.documents.values_mut() {
            doc.clients.remove(&self.id);
        }
    }
}

/// `?user=NAME` of the request URI.
fn user_of(uri: &str) -> Option<String> {
    let query = uri.split_once('?')?.1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("user="))
        .filter(|u| !u.is_empty())
        .map(str::to_owned)
}

async fn serve(stream: TcpStream, peer: SocketAddr, state: Shared_) {
    let mut uri = String::new();
    // tungstenite's handshake callback returns its own (large) error response type.
    #[allow(clippy::result_large_err)]
    let remember = |request: &Request, response: Response| {
        uri = request.uri().to_string();
        Ok(response)
    };
    let Ok(socket) = tokio_tungstenite::accept_hdr_async(stream, remember).await else {
        return;
    };
    let (mut sink, mut source) = socket.split();
    let (out, mut outbox) = mpsc::unbounded_channel::<Vec<u8>>();
    let id = {
        let mut s = state.lock().unwrap_or_else(|e| e.into_inner());
        s.next_id += 1;
        s.next_id
    };
    let conn = Conn {
        id,
        user: user_of(&uri),
        out,
        state,
    };
    let writer = tokio::spawn(async move {
        while let Some(bytes) = outbox.recv().await {
            if sink
                .send(Message::Binary(Bytes::from(bytes)))
                .await
                .is_err()
            {
                break;
            }
        }
        let _ = sink.close().await;
    });
    while let Some(message) = source.next().await {
        match message {
            Ok(Message::Binary(bytes)) => conn.handle(&bytes),
            Ok(Message::Text(_)) => {
                eprintln!("{peer}: a text message, ignored");
            }
            Ok(Message::Close(_)) | Err(_) => break,
            Ok(_) => {}
        }
    }
    conn.leave();
    drop(conn);
    let _ = writer.await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let port: u16 = match args
        .iter()
        .position(|a| a == "--port")
        .and_then(|at| args.get(at + 1))
    {
        Some(port) => match port.parse() {
            Ok(port) => port,
            Err(_) => {
                eprintln!("--port takes a number");
                return std::process::ExitCode::from(2);
            }
        },
        None => 1235,
    };
    let listener = match TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map_or(port, |a| a.port());
    println!("LISTENING {port}");
    let state: Shared_ = Arc::default();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else { continue };
                tokio::spawn(serve(stream, peer, state.clone()));
            }
            _ = tokio::signal::ctrl_c() => return std::process::ExitCode::SUCCESS,
        }
    }
}
