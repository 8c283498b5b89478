/**
 * Times a lib0 codec of the yjs-wire frames on the benchmark corpus.
 *
 *   node benches/compare/lib0.mjs CORPUS.jsonl > lib0.json
 *
 * CORPUS.jsonl is what `cargo run --release --example corpus` prints: one
 * {"name", "hex"} line per corpus item (built in benches/corpus.rs). Each item
 * is decoded once with the lib0 decoder below into plain objects (byte arrays as
 * Uint8Array views), encoded back and checked byte-equal to the input, then:
 *
 *   decode: decodeFrame(bytes) + touch(frame)  (every field read, every list entry)
 *   encode: encodeFrame(frame)                 (lib0 Encoder -> toUint8Array)
 *
 * Each is timed as the median over samples of ~10 ms after a warm-up, in ns per
 * call. Prints {"<name>": {"decode": ns, "encode": ns, "bytes": n}, ...}.
 *
 * lib0 comes from tests/js/node_modules (run `npm ci` in tests/js first).
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'
import { sameBytes, timeCorpus } from './harness.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const lib0 = join(here, '..', '..', 'tests', 'js', 'node_modules', 'lib0')
const encoding = await import(pathToFileURL(join(lib0, 'encoding.js')).href)
const decoding = await import(pathToFileURL(join(lib0, 'decoding.js')).href)

const MAGIC = Uint8Array.of(0x59, 0x4a, 0x53) // "YJS"
const PING = Uint8Array.of(0x70, 0x69, 0x6e, 0x67)
const PONG = Uint8Array.of(0x70, 0x6f, 0x6e, 0x67)
const DOC_TYPES = ['sync-step-1', 'sync-step-2', 'update']

// ------------------------------------------------------------------ decode

const readMeta = (dec) => ({
  id: decoding.readVarUint(dec),
  name: decoding.readVarString(dec),
  createdAt: decoding.readVarUint(dec),
  userId: decoding.readVarString(dec)
})

const readSnapshot = (dec) => {
  const type = decoding.readVarString(dec)
  switch (type) {
    case 'list-snapshots': return { type }
    case 'list-snapshots-response': {
      const n = decoding.readVarUint(dec)
      const snapshots = new Array(n)
      for (let i = 0; i < n; i++) snapshots[i] = readMeta(dec)
      return { type, snapshots }
    }
    case 'snapshot-request':
      return { type, name: decoding.readVarString(dec), currentSnapshotName: decoding.readVarString(dec) }
    case 'snapshot-fetch-request':
    case 'snapshot-revert-request':
      return { type, snapshotId: decoding.readVarUint(dec) }
    case 'snapshot-fetch-response': {
      const snapshot = readMeta(dec)
      return { type, snapshot, content: decoding.readVarUint8Array(dec) }
    }
    case 'snapshot-revert-response':
    case 'snapshot-created-event':
      return { type, snapshot: readMeta(dec) }
    case 'snapshot-reverted-event': {
      const snapshot = readMeta(dec)
      return { type, snapshot, revertedBy: decoding.readVarString(dec) }
    }
    default: throw new Error(`unknown snapshot kind ${type}`)
  }
}

/** A frame as plain objects; byte arrays are views into `bytes` (lib0 does not copy them). */
export const decodeFrame = (bytes) => {
  const dec = decoding.createDecoder(bytes)
  if (!sameBytes(decoding.readUint8Array(dec, 3), MAGIC)) throw new Error('bad magic')
  const version = decoding.readUint8(dec)
  if (version === 0x70) {
    dec.pos -= 1
    const word = decoding.readUint8Array(dec, 4)
    if (sameBytes(word, PING)) return { type: 'ping' }
    if (sameBytes(word, PONG)) return { type: 'pong' }
    throw new Error('bad control frame')
  }
  if (version !== 1) throw new Error(`unsupported version ${version}`)
  const document = decoding.readVarString(dec)
  const mt = decoding.readUint8(dec)
  switch (mt) {
    case 0: {
      const dt = decoding.readUint8(dec)
      return { document, type: 'doc', payload: { type: DOC_TYPES[dt], update: decoding.readVarUint8Array(dec) } }
    }
    case 1: return { document, type: 'awareness', payload: { update: decoding.readVarUint8Array(dec) } }
    case 2: return { document, type: 'snapshot', payload: readSnapshot(dec) }
    default: throw new Error(`unknown message type ${mt}`)
  }
}

const touchMeta = (m) => m.id ^ m.createdAt ^ m.name.length ^ m.userId.length

/** Read every field (lengths of strings and byte arrays, every integer, every list entry). */
export const touch = (f) => {
  let sum = f.document ? f.document.length : 0
  const p = f.payload
  if (f.type === 'doc' || f.type === 'awareness') return sum ^ p.update.length
  if (f.type !== 'snapshot') return sum ^ 1
  switch (p.type) {
    case 'list-snapshots-response':
      for (let i = 0; i < p.snapshots.length; i++) sum = (sum + touchMeta(p.snapshots[i])) | 0
      return sum
    case 'snapshot-request': return sum ^ p.name.length ^ p.currentSnapshotName.length
    case 'snapshot-fetch-request':
    case 'snapshot-revert-request': return sum ^ p.snapshotId
    case 'snapshot-fetch-response': return sum ^ touchMeta(p.snapshot) ^ p.content.length
    case 'snapshot-revert-response':
    case 'snapshot-created-event': return sum ^ touchMeta(p.snapshot)
    case 'snapshot-reverted-event': return sum ^ touchMeta(p.snapshot) ^ p.revertedBy.length
    default: return sum ^ 2
  }
}

// ------------------------------------------------------------------ encode

const writeMeta = (enc, m) => {
  encoding.writeVarUint(enc, m.id)
  encoding.writeVarString(enc, m.name)
  encoding.writeVarUint(enc, m.createdAt)
  encoding.writeVarString(enc, m.userId)
}

const writeSnapshot = (enc, p) => {
  encoding.writeVarString(enc, p.type)
  switch (p.type) {
    case 'list-snapshots': break
    case 'list-snapshots-response':
      encoding.writeVarUint(enc, p.snapshots.length)
      for (let i = 0; i < p.snapshots.length; i++) writeMeta(enc, p.snapshots[i])
      break
    case 'snapshot-request':
      encoding.writeVarString(enc, p.name)
      encoding.writeVarString(enc, p.currentSnapshotName)
      break
    case 'snapshot-fetch-request':
    case 'snapshot-revert-request':
      encoding.writeVarUint(enc, p.snapshotId)
      break
    case 'snapshot-fetch-response':
      writeMeta(enc, p.snapshot)
      encoding.writeVarUint8Array(enc, p.content)
      break
    case 'snapshot-revert-response':
    case 'snapshot-created-event':
      writeMeta(enc, p.snapshot)
      break
    case 'snapshot-reverted-event':
      writeMeta(enc, p.snapshot)
      encoding.writeVarString(enc, p.revertedBy)
      break
    default: throw new Error(`unknown snapshot kind ${p.type}`)
  }
}

/** The frame's bytes, written with lib0's writers only. */
export const encodeFrame = (f) => {
  const enc = encoding.createEncoder()
  encoding.writeUint8Array(enc, MAGIC)
  if (f.type === 'ping' || f.type === 'pong') {
    encoding.writeUint8Array(enc, f.type === 'ping' ? PING : PONG)
    return encoding.toUint8Array(enc)
  }
  encoding.writeUint8(enc, 1)
  encoding.writeVarString(enc, f.document)
  if (f.type === 'doc') {
    encoding.writeUint8(enc, 0)
    encoding.writeUint8(enc, DOC_TYPES.indexOf(f.payload.type))
    encoding.writeVarUint8Array(enc, f.payload.update)
  } else if (f.type === 'awareness') {
    encoding.writeUint8(enc, 1)
    encoding.writeVarUint8Array(enc, f.payload.update)
  } else {
    encoding.writeUint8(enc, 2)
    writeSnapshot(enc, f.payload)
  }
  return encoding.toUint8Array(enc)
}

// ------------------------------------------------------------------ timing

timeCorpus({ label: 'lib0', decode: decodeFrame, encode: encodeFrame, touch })
