//! Typed milestone RPC against the milestone vectors of `spec/vectors/teleportal/valid.json`
//! (written by teleportal's own client and server code): requests byte for byte, responses
//! read member by member and written back byte for byte, errors, and the answer matcher.

use serde_json::Value;
use yjs_wire::teleportal::{
    self, ack_for, message_id,
    milestone::{
        self, AnswerKind, CreatedBy, Method, Milestone, MilestoneMeta, Pending, ShapeError,
    },
    nack_for, Frame,
};
use yjs_wire::{lib0::any::Any, U53};

fn vector(name: &str) -> Vec<u8> {
    let text = include_str!("../spec/vectors/teleportal/valid.json");
    let all: Vec<Value> = serde_json::from_str(text).unwrap();
    let v = all
        .iter()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("no vector {name}"));
    hex(v["hex"].as_str().unwrap())
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

const SNAPSHOT: &str = "000002a5010000000004746578740401";
const ID1: &str = "255b2ba0-ff6a-4126-9221-c13070070fa0";
const ID2: &str = "1fbc2e89-c53e-49a9-90da-d1406fccfd80";
const REQUEST: &str = "5f0c7e3a9b1d2e4f";

fn request_id() -> teleportal::MessageId {
    milestone::parse_message_id(REQUEST).unwrap()
}

#[test]
fn requests_are_teleportal_clients_bytes() {
    let snapshot = hex(SNAPSHOT);
    let cases: [(&str, Frame<yjs_wire::snapshot::Shared>); 8] = [
        (
            "milestone-create-request",
            milestone::create_request("doc-1", Some("v1"), &snapshot),
        ),
        (
            "milestone-create-request-no-name",
            milestone::create_request("doc-1", None, &snapshot),
        ),
        (
            "milestone-list-request",
            milestone::list_request("doc-1", &[], false),
        ),
        (
            "milestone-list-request-ids",
            milestone::list_request("doc-1", &[ID1, ID2], true),
        ),
        (
            "milestone-get-request",
            milestone::get_request("doc-1", ID1),
        ),
        (
            "milestone-update-name-request",
            milestone::update_name_request("doc-1", ID1, "renamed"),
        ),
        (
            "milestone-delete-request",
            milestone::delete_request("doc-1", ID1),
        ),
        (
            "milestone-restore-request",
            milestone::restore_request("doc-1", ID1),
        ),
    ];
    for (name, frame) in cases {
        assert_eq!(frame.to_vec(), vector(name), "{name}");
        assert_eq!(frame.encoded_len(), vector(name).len(), "{name}");
    }
}

fn alice(id: &'static str, name: &'static str, created_at: f64) -> MilestoneMeta<'static> {
    MilestoneMeta {
        id,
        name,
        document_id: "doc-1",
        created_at,
        created_by: CreatedBy {
            kind: "user",
            id: "alice",
        },
        deleted_at: None,
        lifecycle_state: None,
        expires_at: None,
    }
}

#[test]
fn responses_read_and_write_back() {
    // create
    let bytes = vector("milestone-create-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let response = milestone::read_response(&frame).unwrap();
    assert_eq!(
        (response.document, response.method, response.request),
        ("doc-1", "milestoneCreate", request_id())
    );
    let Ok(Milestone::Created(meta)) = response.reply else {
        panic!("{response:?}")
    };
    assert_eq!(meta, alice(ID1, "v1", 1_767_225_600_000.0));
    assert_eq!(
        milestone::create_response("doc-1", request_id(), &meta).to_vec(),
        bytes
    );

    let bytes = vector("milestone-create-response-system");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::Created(meta)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    assert_eq!(
        (meta.name, meta.created_by),
        (
            "Version 1",
            CreatedBy {
                kind: "system",
                id: "system"
            }
        )
    );
    assert_eq!(meta.created_at, 1_767_225_600_001.0);

    // list (undefined members) and list with a deleted one
    let bytes = vector("milestone-list-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::List(list)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    let metas: Vec<_> = list.iter().collect();
    assert_eq!(metas.len(), 2);
    assert_eq!(list.len(), 2);
    assert_eq!(metas[0], alice(ID1, "v1", 1_767_225_600_000.0));
    assert_eq!(
        (metas[1].id, metas[1].name, metas[1].created_by.kind),
        (ID2, "Version 2", "system")
    );
    assert_eq!(
        milestone::list_response("doc-1", request_id(), &metas).to_vec(),
        bytes
    );

    let bytes = vector("milestone-list-response-deleted");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::List(list)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    let metas: Vec<_> = list.iter().collect();
    assert_eq!(
        (metas[0].name, metas[0].lifecycle_state, metas[0].deleted_at),
        ("renamed", Some("deleted"), Some(1_767_225_720_000.0))
    );
    assert_eq!(
        (metas[1].lifecycle_state, metas[1].deleted_at),
        (None, None)
    );
    assert_eq!(
        milestone::list_response("doc-1", request_id(), &metas).to_vec(),
        bytes
    );

    let bytes = vector("milestone-list-response-empty");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::List(list)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    assert!(list.is_empty());
    assert_eq!(
        milestone::list_response("doc-1", request_id(), &[]).to_vec(),
        bytes
    );

    // get
    let bytes = vector("milestone-get-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::Snapshot {
        milestone_id,
        snapshot,
    }) = milestone::read_response(&frame).unwrap().reply
    else {
        panic!()
    };
    assert_eq!((milestone_id, snapshot), (ID1, &hex(SNAPSHOT)[..]));
    assert_eq!(
        milestone::get_response("doc-1", request_id(), milestone_id, snapshot).to_vec(),
        bytes
    );

    // rename
    let bytes = vector("milestone-update-name-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::Renamed(meta)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    assert_eq!(meta, alice(ID1, "renamed", 1_767_225_600_000.0));
    assert_eq!(
        milestone::update_name_response("doc-1", request_id(), &meta).to_vec(),
        bytes
    );

    // delete
    let bytes = vector("milestone-delete-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::Deleted { milestone_id }) = milestone::read_response(&frame).unwrap().reply
    else {
        panic!()
    };
    assert_eq!(milestone_id, ID1);
    assert_eq!(
        milestone::delete_response("doc-1", request_id(), ID1).to_vec(),
        bytes
    );

    // restore (full meta, lifecycleState active)
    let bytes = vector("milestone-restore-response");
    let frame = teleportal::decode(&bytes).unwrap();
    let Ok(Milestone::Restored(meta)) = milestone::read_response(&frame).unwrap().reply else {
        panic!()
    };
    assert_eq!(meta.lifecycle_state, Some("active"));
    assert_eq!(
        (meta.id, meta.deleted_at, meta.expires_at),
        (ID1, None, None)
    );
    assert_eq!(
        milestone::restore_response("doc-1", request_id(), &meta).to_vec(),
        bytes
    );
}

#[test]
fn error_responses() {
    type Case<'a> = (&'a str, &'a str, u64, &'a str, Option<(&'a str, &'a str)>);
    let cases: [Case; 5] = [
        (
            "milestone-get-error-404",
            "milestoneGet",
            404,
            "Milestone not found",
            Some(("milestoneId", "nope")),
        ),
        (
            "milestone-create-error-500",
            "milestoneCreate",
            500,
            "Failed to create milestone",
            None,
        ),
        (
            "milestone-update-name-error-500",
            "milestoneUpdateName",
            500,
            "Failed to update milestone name",
            None,
        ),
        (
            "milestone-restore-error-500",
            "milestoneRestore",
            500,
            "Failed to restore milestone",
            None,
        ),
        (
            "rpc-unknown-method-501",
            "milestoneFrobnicate",
            501,
            "Unknown RPC method: milestoneFrobnicate",
            Some(("method", "milestoneFrobnicate")),
        ),
    ];
    for (name, method, status, details, member) in cases {
        let bytes = vector(name);
        let frame = teleportal::decode(&bytes).unwrap();
        let response = milestone::read_response(&frame).unwrap();
        assert_eq!(response.method, method, "{name}");
        let Err(failure) = response.reply else {
            panic!("{name}")
        };
        assert_eq!(
            (failure.status_code, failure.details),
            (status, details),
            "{name}"
        );
        let payload = failure.payload.map(|p| p.to_value());
        match member {
            None => assert!(payload.is_none(), "{name}"),
            Some((key, value)) => {
                let Some(Any::Object(o)) = failure.payload else {
                    panic!("{name}")
                };
                assert_eq!(o.get(key), Some(Any::String(value)), "{name}");
            }
        }
        let rebuilt = milestone::error_response(
            "doc-1",
            method,
            request_id(),
            u16::try_from(status).unwrap(),
            details,
            payload.as_ref(),
        );
        assert_eq!(rebuilt.to_vec(), bytes, "{name}");
    }
    assert_eq!(failure_text(), "RPC error (404): Milestone not found");
}

fn failure_text() -> String {
    let bytes = vector("milestone-get-error-404");
    let frame = teleportal::decode(&bytes).unwrap();
    milestone::read_response(&frame)
        .unwrap()
        .reply
        .unwrap_err()
        .to_string()
}

#[test]
fn shape_errors() {
    // A request is not a response.
    let bytes = vector("milestone-get-request");
    let frame = teleportal::decode(&bytes).unwrap();
    assert_eq!(
        milestone::read_response(&frame).unwrap_err(),
        ShapeError::NotAResponse
    );
    // A success of an unknown method.
    let payload = yjs_wire::lib0::any::AnyValue::Null;
    let odd = milestone::success_response("d", "frobnicate", request_id(), &payload).to_vec();
    let frame = teleportal::decode(&odd).unwrap();
    assert_eq!(
        milestone::read_response(&frame).unwrap_err(),
        ShapeError::UnknownMethod
    );
    // A create response without its milestone, or with a numeric name.
    let odd = milestone::success_response("d", "milestoneCreate", request_id(), &payload).to_vec();
    let frame = teleportal::decode(&odd).unwrap();
    assert_eq!(
        milestone::read_response(&frame).unwrap_err(),
        ShapeError::Member("payload")
    );
    let mut meta = yjs_wire::lib0::any::AnyMap::new();
    meta.insert("milestoneId", yjs_wire::lib0::any::AnyValue::Number(3.0));
    let odd = milestone::success_response(
        "d",
        "milestoneDelete",
        request_id(),
        &yjs_wire::lib0::any::AnyValue::Object(meta),
    )
    .to_vec();
    let frame = teleportal::decode(&odd).unwrap();
    assert_eq!(
        milestone::read_response(&frame).unwrap_err(),
        ShapeError::Member("milestoneId")
    );
    // A list entry missing createdBy makes the whole list refused.
    let mut entry = yjs_wire::lib0::any::AnyMap::new();
    entry.insert("id", "x".into());
    let mut list = yjs_wire::lib0::any::AnyMap::new();
    list.insert(
        "milestones",
        yjs_wire::lib0::any::AnyValue::Array(vec![yjs_wire::lib0::any::AnyValue::Object(entry)]),
    );
    let odd = milestone::success_response(
        "d",
        "milestoneList",
        request_id(),
        &yjs_wire::lib0::any::AnyValue::Object(list),
    )
    .to_vec();
    let frame = teleportal::decode(&odd).unwrap();
    assert_eq!(
        milestone::read_response(&frame).unwrap_err(),
        ShapeError::Member("createdBy")
    );
}

#[test]
fn answers_match_their_requests() {
    let get = milestone::get_request("doc-1", ID1).to_vec();
    let list = milestone::list_request("doc-1", &[], false).to_vec();
    let mut pending = Pending::new();
    let get_id = pending.sent(&get, Method::Get);
    let list_id = pending.sent(&list, Method::List);
    assert_eq!((get_id, list_id), (message_id(&get), message_id(&list)));
    assert_ne!(get_id, list_id);
    assert_eq!(pending.len(), 2);

    // An ack of `list` settles it, not `get`.
    let ack = ack_for(&list).to_vec();
    let frame = teleportal::decode(&ack).unwrap();
    let (method, answer) = pending.settle(&frame).unwrap();
    assert_eq!(
        (method, answer.kind, answer.request),
        (Method::List, AnswerKind::Ack, list_id)
    );
    assert!(pending.settle(&frame).is_none());

    // A response to `get`.
    let reply = milestone::get_response("doc-1", get_id, ID1, &[1, 2]).to_vec();
    let frame = teleportal::decode(&reply).unwrap();
    let (method, answer) = pending.settle(&frame).unwrap();
    assert_eq!((method, answer.kind), (Method::Get, AnswerKind::Response));
    assert!(pending.is_empty());

    // A NACK, a response to something else, a non-answer.
    let nack = nack_for(&get, Some(U53::from(5u8)), None).to_vec();
    let answer = milestone::answer_to(&teleportal::decode(&nack).unwrap()).unwrap();
    assert_eq!((answer.kind, answer.request), (AnswerKind::Nack, get_id));
    let other = vector("milestone-delete-response");
    let answer = milestone::answer_to(&teleportal::decode(&other).unwrap()).unwrap();
    assert_eq!(answer.request, request_id());
    assert_ne!(answer.request, get_id);
    assert!(milestone::answer_to(&teleportal::decode(&get).unwrap()).is_none());
    assert!(milestone::answer_to(&teleportal::decode(&teleportal::PING).unwrap()).is_none());
}

#[test]
fn method_names() {
    for method in Method::ALL {
        assert_eq!(Method::from_name(method.as_str()), Some(method));
        assert_eq!(method.to_string(), method.as_str());
    }
    assert_eq!(Method::from_name("milestoneFrobnicate"), None);
    assert_eq!(milestone::parse_message_id("5F0C7E3A9B1D2E4F"), None);
    assert_eq!(milestone::parse_message_id("5f0c7e3a9b1d2e4"), None);
    assert_eq!(
        milestone::parse_message_id(REQUEST).map(|id| id.to_string()),
        Some(REQUEST.to_string())
    );
}

/// teleportal's content envelope, on a sync-step-2 teleportal's own server wrote (seen live:
/// the document held one update, "hello from probe" in a Y.Text named "t").
#[test]
fn content_envelope_of_teleportals_sync_step_2() {
    use yjs_wire::teleportal::{content, DocMessage, UpdateVersion};
    use yjs_wire::{ErrorKind, Limits};
    use yrs::{updates::decoder::Decode, GetString, Transact};

    let bytes = hex("594a53010474657374000001022a0126000002890c0000010414117468656c6c6f2066726f6d2070726f6265011001010000010100000000");
    let frame = teleportal::decode(&bytes).unwrap();
    let Frame::Doc {
        message: DocMessage::SyncStep2 { update },
        ..
    } = frame
    else {
        panic!()
    };
    assert_eq!(update.version, UpdateVersion::V2);
    let envelope = content::decode_content(update.data, &Limits::DEFAULT).unwrap();
    assert_eq!(
        (
            envelope.structure_update.len(),
            envelope.sidecars,
            envelope.has_compaction
        ),
        (38, 0, false)
    );
    assert_eq!(
        content::encode_plain_content(envelope.structure_update),
        update.data
    );
    let doc = yrs::Doc::new();
    let text = doc.get_or_insert_text("t");
    doc.transact_mut()
        .apply_update(yrs::Update::decode_v2(envelope.structure_update).unwrap())
        .unwrap();
    assert_eq!(text.get_string(&doc.transact()), "hello from probe");

    // The empty document, as teleportal's server sends it; a missing compaction flag.
    let empty = content::decode_content(&[1, 0, 0, 0], &Limits::DEFAULT).unwrap();
    assert_eq!((empty.structure_update, empty.sidecars), (&[][..], 0));
    assert!(
        !content::decode_content(&[1, 0, 0], &Limits::DEFAULT)
            .unwrap()
            .has_compaction
    );
    // Sidecars and compaction data are kept, not decoded.
    let with = content::decode_content(&[1, 1, 9, 2, 1, 0xaa, 1, 0xbb, 1, 7, 7], &Limits::DEFAULT)
        .unwrap();
    assert_eq!(
        (
            with.structure_update,
            with.sidecars,
            with.has_compaction,
            with.compaction
        ),
        (&[9][..], 2, true, &[7, 7][..])
    );
    // Refused, with kind and offset.
    let refused = |bytes: &[u8]| {
        let e = content::decode_content(bytes, &Limits::DEFAULT).unwrap_err();
        (e.kind(), e.offset())
    };
    assert_eq!(refused(&[2, 0, 0, 0]), (ErrorKind::InvalidValue, 0));
    assert_eq!(refused(&[1, 5, 0]), (ErrorKind::Truncated, 1));
    assert_eq!(refused(&[1, 0, 3, 0]), (ErrorKind::LimitExceeded, 2));
    assert_eq!(refused(&[1, 0, 0, 2]), (ErrorKind::InvalidValue, 3));
    assert_eq!(refused(&[1, 0, 0, 0, 0]), (ErrorKind::TrailingBytes, 4));
    assert_eq!(refused(&[]), (ErrorKind::Truncated, 0));
}
