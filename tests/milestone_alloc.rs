//! Reading milestone responses allocates nothing: every response and error vector, decoded
//! borrowed, read by `milestone::read_response` and walked to its last member (one `#[test]`,
//! so nothing else allocates while it is measured).

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use yjs_wire::teleportal::{self, milestone};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn walk(bytes: &[u8]) -> usize {
    let frame = teleportal::decode(bytes).unwrap();
    let answer = milestone::answer_to(&frame).unwrap();
    let response = milestone::read_response(&frame).unwrap();
    let mut touched = answer.request.0[0] as usize ^ response.method.len();
    match response.reply {
        Ok(milestone::Milestone::List(list)) => {
            for meta in list.iter() {
                touched ^= meta.id.len()
                    + meta.created_by.id.len()
                    + meta.lifecycle_state.map_or(0, str::len);
            }
        }
        Ok(milestone::Milestone::Snapshot { snapshot, .. }) => touched ^= snapshot.len(),
        Ok(
            milestone::Milestone::Created(m)
            | milestone::Milestone::Renamed(m)
            | milestone::Milestone::Restored(m),
        ) => touched ^= m.name.len() + m.document_id.len(),
        Ok(milestone::Milestone::Deleted { milestone_id }) => touched ^= milestone_id.len(),
        Err(failure) => touched ^= failure.details.len() + usize::from(failure.payload.is_some()),
    }
    touched
}

#[test]
fn reading_milestone_responses_allocates_nothing() {
    let all: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../spec/vectors/teleportal/valid.json")).unwrap();
    let frames: Vec<Vec<u8>> = all
        .iter()
        .filter(|v| {
            let name = v["name"].as_str().unwrap();
            (name.starts_with("milestone-")
                && !name.ends_with("-request")
                && !name.contains("-request-"))
                || name == "rpc-unknown-method-501"
        })
        .map(|v| hex(v["hex"].as_str().unwrap()))
        .collect();
    assert_eq!(frames.len(), 14);
    // A 1,000-entry list as well.
    let metas: Vec<_> = (0..1000)
        .map(|i| milestone::MilestoneMeta {
            id: "id",
            name: "name",
            document_id: "doc",
            created_at: f64::from(i),
            created_by: milestone::CreatedBy {
                kind: "user",
                id: "u",
            },
            deleted_at: None,
            lifecycle_state: Some("active"),
            expires_at: None,
        })
        .collect();
    let big = milestone::list_response("doc", teleportal::message_id(b"x"), &metas).to_vec();
    let region = Region::new(GLOBAL);
    let mut sum = 0usize;
    for bytes in frames.iter().chain([&big]) {
        sum ^= walk(bytes);
    }
    let stats = region.change();
    assert_eq!(stats.allocations + stats.reallocations, 0, "{sum}");
}
