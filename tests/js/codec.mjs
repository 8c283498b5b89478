/**
 * The yjs-wire v1 frame codec as a JavaScript peer sees it, built on lib0.
 *
 * encodeFrame writes bytes ONLY through lib0's writers, so its output is what
 * a lib0-based peer puts on the wire. decodeFrame reads with lib0's readers and
 * is as lenient as lib0 is (overlong varints, bytes after the frame, ...): it is
 * the peer's view, not the strict decoder of the spec (see strict.mjs).
 *
 * Frame shapes and the JSON form: notes/design-v1.md, shared/design/json-form.md.
 * @module codec
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

export const MAGIC = Uint8Array.of(0x59, 0x4a, 0x53) // "YJS"
export const VERSION = 0x01
const PING = Uint8Array.of(0x70, 0x69, 0x6e, 0x67) // "ping"
const PONG = Uint8Array.of(0x70, 0x6f, 0x6e, 0x67) // "pong"

export const MESSAGE_TYPES = ['doc', 'awareness', 'snapshot'] // index = wire byte
export const DOC_TYPES = ['sync-step-1', 'sync-step-2', 'update'] // index = wire byte
export const SNAPSHOT_KINDS = [
  'list-snapshots',
  'list-snapshots-response',
  'snapshot-request',
  'snapshot-fetch-request',
  'snapshot-fetch-response',
  'snapshot-revert-request',
  'snapshot-revert-response',
  'snapshot-created-event',
  'snapshot-reverted-event'
]

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/**
 * Lowercase hex of a byte array.
 * @param {Uint8Array} bytes
 * @returns {string}
 */
export const bytesToHex = (bytes) => {
  const out = new Array(bytes.length)
  for (let i = 0; i < bytes.length; i++) out[i] = HEX[bytes[i]]
  return out.join('')
}

/**
 * Bytes of a hex string (either case; even length; no separators).
 * @param {string} hex
 * @returns {Uint8Array}
 */
export const hexToBytes = (hex) => {
  if (typeof hex !== 'string' || hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new Error(`not a hex string: ${JSON.stringify(String(hex).slice(0, 40))}`)
  }
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16)
  return out
}

// ---------------------------------------------------------------- encoding

/** Throw unless `obj` is a plain object whose keys are exactly `keys`. */
const checkKeys = (obj, keys, what) => {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new Error(`${what}: not an object`)
  const have = Object.keys(obj)
  const extra = have.filter((k) => !keys.includes(k))
  const missing = keys.filter((k) => !have.includes(k))
  if (extra.length || missing.length) {
    throw new Error(`${what}: expected keys ${keys.join(',')}` +
      (missing.length ? `; missing ${missing.join(',')}` : '') + (extra.length ? `; unexpected ${extra.join(',')}` : ''))
  }
}

const putUint = (enc, n, what) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${what}: not an integer in 0..2^53-1: ${n}`)
  encoding.writeVarUint(enc, n)
}

const putString = (enc, s, what) => {
  if (typeof s !== 'string') throw new Error(`${what}: not a string`)
  // lib0 would silently write U+FFFD for a lone surrogate; refuse instead.
  if (!s.isWellFormed()) throw new Error(`${what}: string has a lone surrogate`)
  encoding.writeVarString(enc, s)
}

const putBytes = (enc, hex, what) => {
  if (typeof hex !== 'string') throw new Error(`${what}: not a hex string`)
  encoding.writeVarUint8Array(enc, hexToBytes(hex))
}

const putMeta = (enc, m, what) => {
  checkKeys(m, ['id', 'name', 'createdAt', 'userId'], what)
  putUint(enc, m.id, `${what}.id`)
  putString(enc, m.name, `${what}.name`)
  putUint(enc, m.createdAt, `${what}.createdAt`)
  putString(enc, m.userId, `${what}.userId`)
}

/** Fields of each snapshot kind's payload, in wire order, after "type". */
const SNAPSHOT_FIELDS = {
  'list-snapshots': [],
  'list-snapshots-response': ['snapshots'],
  'snapshot-request': ['name', 'currentSnapshotName'],
  'snapshot-fetch-request': ['snapshotId'],
  'snapshot-fetch-response': ['snapshot', 'content'],
  'snapshot-revert-request': ['snapshotId'],
  'snapshot-revert-response': ['snapshot'],
  'snapshot-created-event': ['snapshot'],
  'snapshot-reverted-event': ['snapshot', 'revertedBy']
}

const putSnapshotPayload = (enc, p) => {
  const fields = SNAPSHOT_FIELDS[p?.type]
  if (!fields) throw new Error(`payload.type: unknown snapshot kind ${JSON.stringify(p?.type)}`)
  checkKeys(p, ['type', ...fields], `payload (${p.type})`)
  putString(enc, p.type, 'payload.type')
  for (const f of fields) {
    const what = `payload.${f}`
    switch (f) {
      case 'snapshots':
        if (!Array.isArray(p.snapshots)) throw new Error(`${what}: not an array`)
        putUint(enc, p.snapshots.length, `${what}.length`)
        p.snapshots.forEach((m, i) => putMeta(enc, m, `${what}[${i}]`))
        break
      case 'snapshot': putMeta(enc, p.snapshot, what); break
      case 'snapshotId': putUint(enc, p.snapshotId, what); break
      case 'content': putBytes(enc, p.content, what); break
      default: putString(enc, p[f], what) // name, currentSnapshotName, revertedBy
    }
  }
}

/**
 * Encode a frame given in the JSON form. Every byte is written by a lib0 writer.
 * No limits are enforced (over-long names can be encoded on purpose).
 * @param {object} json  JSON form of the frame
 * @returns {Uint8Array}
 * @throws {Error} when `json` is not a well-formed JSON-form frame
 */
export const encodeFrame = (json) => {
  const enc = encoding.createEncoder()
  if (json?.type === 'ping' || json?.type === 'pong') {
    checkKeys(json, ['type'], json.type)
    encoding.writeUint8Array(enc, MAGIC)
    encoding.writeUint8Array(enc, json.type === 'ping' ? PING : PONG)
    return encoding.toUint8Array(enc)
  }
  checkKeys(json, ['document', 'type', 'payload'], 'frame')
  const mt = MESSAGE_TYPES.indexOf(json.type)
  if (mt < 0) throw new Error(`type: unknown frame type ${JSON.stringify(json.type)}`)
  encoding.writeUint8Array(enc, MAGIC)
  encoding.writeUint8(enc, VERSION)
  putString(enc, json.document, 'document')
  encoding.writeUint8(enc, mt)
  const p = json.payload
  if (json.type === 'doc') {
    const dt = DOC_TYPES.indexOf(p?.type)
    if (dt < 0) throw new Error(`payload.type: unknown doc type ${JSON.stringify(p?.type)}`)
    const field = dt === 0 ? 'sv' : 'update'
    checkKeys(p, ['type', field], `payload (${p.type})`)
    encoding.writeUint8(enc, dt)
    putBytes(enc, p[field], `payload.${field}`)
  } else if (json.type === 'awareness') {
    checkKeys(p, ['type', 'update'], 'payload (awareness)')
    if (p.type !== 'awareness-update') throw new Error(`payload.type: expected "awareness-update"`)
    putBytes(enc, p.update, 'payload.update')
  } else {
    putSnapshotPayload(enc, p)
  }
  return encoding.toUint8Array(enc)
}

// ---------------------------------------------------------------- decoding

const equalBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i])

/** lib0's readUint8 returns undefined past the end; make that an error. */
const getUint8 = (dec) => {
  if (!decoding.hasContent(dec)) throw new Error('Unexpected end of array')
  return decoding.readUint8(dec)
}

const getMeta = (dec) => ({
  id: decoding.readVarUint(dec),
  name: decoding.readVarString(dec),
  createdAt: decoding.readVarUint(dec),
  userId: decoding.readVarString(dec)
})

const getSnapshotPayload = (dec) => {
  const type = decoding.readVarString(dec)
  switch (type) {
    case 'list-snapshots': return { type }
    case 'list-snapshots-response': {
      const n = decoding.readVarUint(dec)
      const snapshots = []
      for (let i = 0; i < n; i++) snapshots.push(getMeta(dec))
      return { type, snapshots }
    }
    case 'snapshot-request':
      return { type, name: decoding.readVarString(dec), currentSnapshotName: decoding.readVarString(dec) }
    case 'snapshot-fetch-request':
    case 'snapshot-revert-request':
      return { type, snapshotId: decoding.readVarUint(dec) }
    case 'snapshot-fetch-response': {
      const snapshot = getMeta(dec)
      return { type, snapshot, content: bytesToHex(decoding.readVarUint8Array(dec)) }
    }
    case 'snapshot-revert-response':
    case 'snapshot-created-event':
      return { type, snapshot: getMeta(dec) }
    case 'snapshot-reverted-event': {
      const snapshot = getMeta(dec)
      return { type, snapshot, revertedBy: decoding.readVarString(dec) }
    }
    default: throw new Error(`unknown snapshot kind ${JSON.stringify(type)}`)
  }
}

/**
 * Decode a frame with lib0's readers into the JSON form (hex lowercase).
 * Lenient like lib0: overlong varints are accepted, bytes after the frame are
 * ignored. Throws lib0's errors ("Unexpected end of array", "Integer out of
 * Range", TextDecoder's TypeError for invalid UTF-8) or an Error naming the fault.
 * @param {Uint8Array} bytes
 * @returns {object} JSON form of the frame
 */
export const decodeFrame = (bytes) => {
  const dec = decoding.createDecoder(bytes)
  if (!equalBytes(decoding.readUint8Array(dec, 3), MAGIC)) throw new Error('bad magic')
  const version = getUint8(dec)
  if (version === 0x70) {
    dec.pos -= 1
    const word = decoding.readUint8Array(dec, 4)
    if (equalBytes(word, PING)) return { type: 'ping' }
    if (equalBytes(word, PONG)) return { type: 'pong' }
    throw new Error('unsupported version 0x70')
  }
  if (version !== VERSION) throw new Error(`unsupported version ${version}`)
  const document = decoding.readVarString(dec)
  const mt = getUint8(dec)
  if (mt === 0) {
    const dt = getUint8(dec)
    if (dt > 2) throw new Error(`unknown doc type ${dt}`)
    const bin = bytesToHex(decoding.readVarUint8Array(dec))
    const payload = dt === 0 ? { type: 'sync-step-1', sv: bin } : { type: DOC_TYPES[dt], update: bin }
    return { document, type: 'doc', payload }
  }
  if (mt === 1) {
    const update = bytesToHex(decoding.readVarUint8Array(dec))
    return { document, type: 'awareness', payload: { type: 'awareness-update', update } }
  }
  if (mt === 2) return { document, type: 'snapshot', payload: getSnapshotPayload(dec) }
  throw new Error(`unknown message type ${mt}`)
}
