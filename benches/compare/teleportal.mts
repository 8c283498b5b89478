/**
 * Times teleportal's own codec (encodeMessage / decodeMessage at 802ec6e, lib0 0.2.117) on the
 * teleportal benchmark corpus, under Bun from the reference peer's copy.
 *
 *   TELEPORTAL_DIR=<copy> <bun> benches/compare/teleportal.mts CORPUS.jsonl > teleportal.json
 *
 * CORPUS.jsonl is what `cargo run --release --example teleportal_corpus` prints: one
 * {"name", "hex"} line per item (built in benches/teleportal_corpus.rs). teleportal's modules
 * are loaded from TELEPORTAL_DIR by tests/js/teleportal/peer.mts (run setup.sh first); nothing
 * of teleportal is copied here. Each item is decoded once and encoded back, and must give the
 * same bytes; then:
 *
 *   decode: decodeMessage(bytes) + touch(message)  (every field read, every heartbeat client,
 *           every `any` value walked to its leaves: the reads of benches/teleportal_touch.rs)
 *   encode: encodeMessage(message)                 (the message as decoded, decoded once
 *           outside the loop)
 *
 * teleportal decodes eagerly (readAny builds every payload value inside decodeMessage, byte
 * arrays are views), so touch only reads what is already built; it is there so both sides do
 * the same reads. Each is timed as lib0.mjs does: the median over samples of ~10 ms after a
 * warm-up, in ns per call. Prints {"<name>": {"decode": ns, "encode": ns, "bytes": n}, ...}.
 */
import { decodeMessage, encodeMessage } from '../../tests/js/teleportal/peer.mts'
import { timeCorpus } from './harness.mjs'

// ------------------------------------------------------------------ touch

/** Every leaf of a lib0 `any` value (as readAny returns it). */
const walk = (v: any): number => {
  if (v === undefined) return 1
  if (v === null) return 2
  switch (typeof v) {
    case 'boolean': return v ? 4 : 3
    case 'number': return v | 0
    case 'bigint': return Number(BigInt.asIntN(32, v))
    case 'string': return v.length
  }
  if (v instanceof Uint8Array) return v.length
  if (Array.isArray(v)) {
    let acc = v.length
    for (let i = 0; i < v.length; i++) acc = ((acc << 5) | (acc >>> 27)) ^ walk(v[i])
    return acc
  }
  const keys = Object.keys(v)
  let acc = keys.length
  for (let i = 0; i < keys.length; i++) acc = ((acc << 5) | (acc >>> 27)) ^ keys[i].length ^ walk(v[keys[i]])
  return acc
}

const client = (c: any): number => c.awarenessId ^ c.clientId.length ^ c.userId.length ^ walk(c.data)

/** Read every field of a decoded message (lengths of strings and byte arrays, not their bytes). */
const touch = (m: any): number => {
  let sum = (m.document ? m.document.length : 0) ^ (m.encrypted ? 1 : 0)
  const p = m.payload
  switch (m.type) {
    case 'doc':
      switch (p.type) {
        case 'sync-step-1': return sum ^ p.sv.length
        case 'sync-step-2':
        case 'update': return sum ^ p.update.version ^ p.update.data.length
        case 'auth-message': return sum ^ p.permission.length ^ p.reason.length
        default: return sum ^ 3
      }
    case 'awareness': return sum ^ (p.update ? p.update.length : 5)
    case 'ack': return sum ^ p.messageId.length ^ (p.retryAfter ?? 0) ^ (p.error ? p.error.length : 0)
    case 'presence':
      if (p.type === 'presence-heartbeat') {
        for (let i = 0; i < p.clients.length; i++) sum = (sum + client(p.clients[i])) | 0
        return sum
      }
      return sum ^ (p.clientId !== undefined ? client(p) : p.awarenessId)
    case 'rpc': {
      sum ^= m.rpcMethod.length ^ m.requestType.length ^ (m.originalRequestId ? m.originalRequestId.length : 0)
      if (p.type === 'success') return sum ^ walk(p.payload)
      return sum ^ p.statusCode ^ p.details.length ^ (p.payload === undefined ? 0 : walk(p.payload))
    }
    default: throw new Error(`unknown message type ${m.type}`)
  }
}

// ------------------------------------------------------------------ timing (as lib0.mjs)

timeCorpus({ label: 'teleportal', decode: decodeMessage, encode: encodeMessage, touch })
