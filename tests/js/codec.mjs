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
  'snapshot-reverted-event',
  // extensions (spec/snapshot-extensions.md)
  'snapshot-error',
  'list-snapshots-since',
  'snapshot-rename-request',
  'snapshot-rename-response',
  'snapshot-renamed-event',
  'snapshot-delete-request',
  'snapshot-delete-response',
  'snapshot-deleted-event',
  'snapshot-info-request',
  'snapshot-info-response',
  'snapshot-create-request',
  'snapshot-revert-progress-event',
  'search-snapshots',
  'snapshot-stats-request',
  'snapshot-stats-response'
]

/** Named error codes of snapshot-error; the wire value is the index + 1 (0 is reserved). */
export const ERROR_CODES = [
  'not-found', 'permission-denied', 'invalid-request', 'conflict', 'storage-failure',
  'too-large', 'rate-limited', 'unsupported', 'internal'
]

/** Snapshot states of DETAILS; the wire value is the index. */
export const STATES = ['active', 'archived', 'deleted', 'expired']

/** Byte length of a known checksum (SHA-256). A checksum is 0 or this many bytes. */
export const CHECKSUM_LEN = 32

/** Fields of each snapshot kind's payload, in wire order, after "type". */
export const SNAPSHOT_FIELDS = {
  'list-snapshots': [],
  'list-snapshots-response': ['snapshots'],
  'snapshot-request': ['name', 'currentSnapshotName'],
  'snapshot-fetch-request': ['snapshotId'],
  'snapshot-fetch-response': ['snapshot', 'content'],
  'snapshot-revert-request': ['snapshotId'],
  'snapshot-revert-response': ['snapshot'],
  'snapshot-created-event': ['snapshot'],
  'snapshot-reverted-event': ['snapshot', 'revertedBy'],
  'snapshot-error': ['requestKind', 'snapshotId', 'code', 'message'],
  'list-snapshots-since': ['knownIds'],
  'snapshot-rename-request': ['snapshotId', 'name'],
  'snapshot-rename-response': ['snapshot'],
  'snapshot-renamed-event': ['snapshot', 'renamedBy'],
  'snapshot-delete-request': ['snapshotId'],
  'snapshot-delete-response': ['snapshotId'],
  'snapshot-deleted-event': ['snapshotId', 'deletedBy'],
  'snapshot-info-request': ['snapshotId'],
  'snapshot-info-response': ['snapshot', 'details'],
  'snapshot-create-request': ['name', 'currentSnapshotName', 'description', 'tags', 'expiresAt', 'parentId'],
  'snapshot-revert-progress-event': ['snapshotId', 'stage', 'completed', 'total'],
  'search-snapshots': ['query', 'tags', 'createdFrom', 'createdTo', 'offset', 'limit'],
  'snapshot-stats-request': [],
  'snapshot-stats-response': ['count', 'totalContentLength', 'oldestCreatedAt', 'newestCreatedAt']
}

/** Fields of DETAILS, in wire order. */
export const DETAILS_FIELDS = ['description', 'tags', 'contentLength', 'checksum', 'expiresAt', 'parentId', 'state']

/** The wire type of every payload field; a field not listed is a varString. */
export const FIELD_TYPES = {
  snapshots: 'metaList',
  snapshot: 'meta',
  content: 'bytes',
  knownIds: 'uintList',
  tags: 'stringList',
  details: 'details',
  code: 'code',
  checksum: 'checksum',
  state: 'state'
}
for (const f of ['snapshotId', 'expiresAt', 'parentId', 'completed', 'total', 'createdFrom', 'createdTo',
  'offset', 'limit', 'count', 'totalContentLength', 'oldestCreatedAt', 'newestCreatedAt', 'contentLength']) {
  FIELD_TYPES[f] = 'uint'
}
export const fieldType = (f) => FIELD_TYPES[f] ?? 'string'

/**
 * The wire value of an error-code word: a name, or unknown-N (canonical decimal N without a name).
 * @param {string} word
 * @returns {number}
 */
export const errorCodeValue = (word) => {
  const named = ERROR_CODES.indexOf(word)
  if (named >= 0) return named + 1
  const m = /^unknown-(0|[1-9][0-9]*)$/.exec(String(word))
  const n = m ? Number(m[1]) : NaN
  if (!Number.isSafeInteger(n) || (n >= 1 && n <= ERROR_CODES.length)) throw new Error(`not an error code: ${JSON.stringify(word)}`)
  return n
}

/**
 * The JSON word of an error-code wire value.
 * @param {number} n
 * @returns {string}
 */
export const errorCodeWord = (n) => (n >= 1 && n <= ERROR_CODES.length ? ERROR_CODES[n - 1] : `unknown-${n}`)

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

const putList = (enc, arr, what, put) => {
  if (!Array.isArray(arr)) throw new Error(`${what}: not an array`)
  putUint(enc, arr.length, `${what}.length`)
  arr.forEach((x, i) => put(x, `${what}[${i}]`))
}

/** Write one payload field `f` of `obj` (by its wire type). */
const putField = (enc, obj, f, what) => {
  const v = obj[f]
  switch (fieldType(f)) {
    case 'uint': putUint(enc, v, what); break
    case 'string': putString(enc, v, what); break
    case 'bytes': putBytes(enc, v, what); break
    case 'meta': putMeta(enc, v, what); break
    case 'metaList': putList(enc, v, what, (m, w) => putMeta(enc, m, w)); break
    case 'uintList': putList(enc, v, what, (n, w) => putUint(enc, n, w)); break
    case 'stringList': putList(enc, v, what, (t, w) => putString(enc, t, w)); break
    case 'code': putUint(enc, errorCodeValue(v), what); break
    case 'state': {
      const i = STATES.indexOf(v)
      if (i < 0) throw new Error(`${what}: not a state: ${JSON.stringify(v)}`)
      putUint(enc, i, what)
      break
    }
    case 'checksum':
      if (typeof v !== 'string' || (v.length !== 0 && v.length !== 2 * CHECKSUM_LEN)) throw new Error(`${what}: a checksum is "" or ${2 * CHECKSUM_LEN} hex digits`)
      putBytes(enc, v, what)
      break
    case 'details':
      checkKeys(v, DETAILS_FIELDS, what)
      for (const d of DETAILS_FIELDS) putField(enc, v, d, `${what}.${d}`)
      break
    default: throw new Error(`${what}: no wire type`)
  }
}

const putSnapshotPayload = (enc, p) => {
  const fields = SNAPSHOT_FIELDS[p?.type]
  if (!fields) throw new Error(`payload.type: unknown snapshot kind ${JSON.stringify(p?.type)}`)
  checkKeys(p, ['type', ...fields], `payload (${p.type})`)
  putString(enc, p.type, 'payload.type')
  for (const f of fields) putField(enc, p, f, `payload.${f}`)
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

const getList = (dec, get) => {
  const n = decoding.readVarUint(dec)
  const out = []
  for (let i = 0; i < n; i++) out.push(get())
  return out
}

/** Read one payload field `f` (by its wire type). */
const getField = (dec, f) => {
  switch (fieldType(f)) {
    case 'uint': return decoding.readVarUint(dec)
    case 'string': return decoding.readVarString(dec)
    case 'bytes': return bytesToHex(decoding.readVarUint8Array(dec))
    case 'meta': return getMeta(dec)
    case 'metaList': return getList(dec, () => getMeta(dec))
    case 'uintList': return getList(dec, () => decoding.readVarUint(dec))
    case 'stringList': return getList(dec, () => decoding.readVarString(dec))
    case 'code': return errorCodeWord(decoding.readVarUint(dec))
    case 'checksum': return bytesToHex(decoding.readVarUint8Array(dec)) // any length: lenient like lib0
    case 'state': {
      const n = decoding.readVarUint(dec)
      if (!(n in STATES)) throw new Error(`unknown snapshot state ${n}`)
      return STATES[n]
    }
    case 'details': {
      const d = {}
      for (const x of DETAILS_FIELDS) d[x] = getField(dec, x)
      return d
    }
  }
}

const getSnapshotPayload = (dec) => {
  const type = decoding.readVarString(dec)
  const fields = SNAPSHOT_FIELDS[type]
  if (!fields) throw new Error(`unknown snapshot kind ${JSON.stringify(type)}`)
  const p = { type }
  for (const f of fields) p[f] = getField(dec, f)
  return p
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
