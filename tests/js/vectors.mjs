/**
 * The test vectors of spec/vectors/, defined in code.
 * Valid hex always comes from encodeFrame (lib0 writers). Invalid inputs are
 * written with lib0 writers plus raw bytes (encoding.writeUint8); the offset of
 * each is taken where the builder calls mark(), i.e. right before the rejected
 * element, as the offset rule of notes/design-v1.md says.
 * @module vectors
 */
import * as encoding from 'lib0/encoding'
import { encodeFrame, bytesToHex, MAGIC } from './codec.mjs'
import { EXT_VALID, extInvalid } from './extension-vectors.mjs'

const UUID = '6f1c2a9e-4b3d-4e8a-9c7f-2d5e8b1a0c34'
const UUID2 = 'b7e4d0c2-91a5-4f6e-8d3b-0a2c5e7f9b14'
const META = { id: 12, name: 'Version 12', createdAt: 1762000000000, userId: UUID }
const META_LIST = [
  { id: 10, name: 'Version 10', createdAt: 1761800000000, userId: UUID },
  { id: 11, name: 'Before review', createdAt: 1761913600000, userId: UUID2 },
  META
]

/** Bytes made with lib0 writers. */
const bytes = (fn) => {
  const enc = encoding.createEncoder()
  fn(enc)
  return encoding.toUint8Array(enc)
}
const hex = (fn) => bytesToHex(bytes(fn))

// Update-shaped and awareness-shaped payloads (opaque to this layer), written with lib0.
const SV = hex((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint(e, 2837465912); encoding.writeVarUint(e, 42) })
const UPDATE = hex((e) => {
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, 2837465912) // client id
  encoding.writeVarUint(e, 0) // clock
  encoding.writeUint8(e, 0x04) // item with string content
  encoding.writeUint8(e, 0x01) // parent is a root type, by name
  encoding.writeVarString(e, 'content')
  encoding.writeVarString(e, 'Hello, world')
  encoding.writeVarUint(e, 0) // empty delete set
})
const AWARENESS = hex((e) => {
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 2837465912)
  encoding.writeVarUint(e, 7)
  encoding.writeVarString(e, '{"user":{"name":"Ana","color":"#30bced"}}')
})
const patternHex = (n) => hex((e) => { for (let i = 0; i < n; i++) encoding.writeUint8(e, (i * 31 + 7) & 0xff) })

const doc = (document, type, field, bin) => ({ document, type: 'doc', payload: { type, [field]: bin } })
const snap = (payload, document = 'my-document') => ({ document, type: 'snapshot', payload })

/** [name, description, json] */
const VALID = [
  ['ping', 'control frame: exactly the 7 bytes "YJSping"', { type: 'ping' }],
  ['pong', 'control frame: exactly the 7 bytes "YJSpong"', { type: 'pong' }],
  ['doc-sync-step-1', 'doc frame, sub-type 0x00 with a state vector (one client, clock 42)', doc('my-document', 'sync-step-1', 'sv', SV)],
  ['doc-sync-step-2', 'doc frame, sub-type 0x01 with an update', doc('my-document', 'sync-step-2', 'update', UPDATE)],
  ['doc-update', 'doc frame, sub-type 0x02 with an update', doc('my-document', 'update', 'update', UPDATE)],
  ['awareness-update', 'awareness frame (0x01) carrying a y-protocols awareness update', { document: 'my-document', type: 'awareness', payload: { type: 'awareness-update', update: AWARENESS } }],
  ['snapshot-list-snapshots', 'snapshot kind list-snapshots: the kind string and nothing after it', snap({ type: 'list-snapshots' })],
  ['snapshot-list-snapshots-response', 'list-snapshots-response with 3 realistic entries', snap({ type: 'list-snapshots-response', snapshots: META_LIST })],
  ['snapshot-request', 'snapshot-request: name then currentSnapshotName', snap({ type: 'snapshot-request', name: 'Version 13', currentSnapshotName: 'Version 12' })],
  ['snapshot-fetch-request', 'snapshot-fetch-request for snapshot 12', snap({ type: 'snapshot-fetch-request', snapshotId: 12 })],
  ['snapshot-fetch-response', 'snapshot-fetch-response: META then the content bytes', snap({ type: 'snapshot-fetch-response', snapshot: META, content: UPDATE })],
  ['snapshot-revert-request', 'snapshot-revert-request for snapshot 12', snap({ type: 'snapshot-revert-request', snapshotId: 12 })],
  ['snapshot-revert-response', 'snapshot-revert-response: META', snap({ type: 'snapshot-revert-response', snapshot: META })],
  ['snapshot-created-event', 'snapshot-created-event: META', snap({ type: 'snapshot-created-event', snapshot: META })],
  ['snapshot-reverted-event', 'snapshot-reverted-event: META then revertedBy (a user id)', snap({ type: 'snapshot-reverted-event', snapshot: META, revertedBy: UUID2 })],

  ['document-name-empty', 'empty document name: length prefix 00', doc('', 'update', 'update', UPDATE)],
  ['document-name-path', 'document name that is a path', doc('workspace/3f2a9c/notes.md', 'sync-step-1', 'sv', SV)],
  ['document-name-emoji', 'document name with 4-byte UTF-8 (emoji) and a ZWJ sequence', doc('notes-😀-🏳️‍🌈', 'sync-step-1', 'sv', SV)],
  ['document-name-nul', 'document name with NUL bytes inside and at the end', doc('a\u0000b\u0000', 'sync-step-1', 'sv', SV)],
  ['document-name-bom', 'document name starting with U+FEFF (ef bb bf): a decoder must keep it, not strip it', doc('\uFEFFdoc', 'sync-step-1', 'sv', SV)],
  ['document-name-cjk', 'document name in 3-byte UTF-8 (CJK)', doc('日本語のノート', 'sync-step-1', 'sv', SV)],
  ['document-name-128-bytes', 'document name of 128 bytes: 2-byte length prefix 80 01', doc('n'.repeat(128), 'sync-step-1', 'sv', SV)],
  ['document-name-1024-bytes', 'document name of exactly 1024 bytes (256 emoji, 512 UTF-16 units): at the maxNameBytes limit', doc('😀'.repeat(256), 'sync-step-1', 'sv', SV)],
  ['doc-sync-step-1-empty', 'empty state vector: length prefix 00', doc('d', 'sync-step-1', 'sv', '')],
  ['doc-sync-step-2-empty', 'empty sync-step-2 update', doc('d', 'sync-step-2', 'update', '')],
  ['doc-update-empty', 'empty update', doc('d', 'update', 'update', '')],
  ['awareness-update-empty', 'empty awareness update', { document: 'd', type: 'awareness', payload: { type: 'awareness-update', update: '' } }],
  ['doc-update-127-bytes', 'update of 127 bytes: the largest 1-byte length prefix (7f)', doc('d', 'update', 'update', patternHex(127))],
  ['doc-update-128-bytes', 'update of 128 bytes: the smallest 2-byte length prefix (80 01)', doc('d', 'update', 'update', patternHex(128))],
  ['doc-update-16384-bytes', 'update of 16384 bytes: the smallest 3-byte length prefix (80 80 01)', doc('d', 'update', 'update', patternHex(16384))],
  ['snapshot-fetch-response-empty-content', 'snapshot-fetch-response with empty content', snap({ type: 'snapshot-fetch-response', snapshot: META, content: '' })],
  ['list-snapshots-response-empty', 'list-snapshots-response with 0 entries: count 00 and nothing after', snap({ type: 'list-snapshots-response', snapshots: [] })],
  ['list-snapshots-response-one', 'list-snapshots-response with 1 entry', snap({ type: 'list-snapshots-response', snapshots: [META] })],
  ['meta-max-integers', 'snapshot-created-event with id and createdAt 2^53-1 (ff ff ff ff ff ff ff 0f)', snap({ type: 'snapshot-created-event', snapshot: { id: 2 ** 53 - 1, name: 'max', createdAt: 2 ** 53 - 1, userId: UUID } })],
  ['meta-zero-and-empty', 'snapshot-revert-response with id 0, createdAt 0, empty name and userId', snap({ type: 'snapshot-revert-response', snapshot: { id: 0, name: '', createdAt: 0, userId: '' } })],
  ['snapshot-request-empty-strings', 'snapshot-request with both strings empty', snap({ type: 'snapshot-request', name: '', currentSnapshotName: '' })],
  ['snapshot-request-unicode', 'snapshot-request with NUL, BOM, emoji and CJK in the strings', snap({ type: 'snapshot-request', name: 'v13 \u0000 😀 版本', currentSnapshotName: '\uFEFF' })],
  ['snapshot-request-long-name', 'snapshot-request with a 10000-byte name (lib0 writes strings of 10000+ UTF-16 units on another path)', snap({ type: 'snapshot-request', name: 'x'.repeat(10000), currentSnapshotName: 'Version 12' })],
  ['snapshot-reverted-event-empty-reverted-by', 'snapshot-reverted-event with an empty revertedBy', snap({ type: 'snapshot-reverted-event', snapshot: META, revertedBy: '' })]
]

// snapshotId at every varint length boundary: the smallest and largest value of 1..8 bytes.
for (let k = 1; k <= 8; k++) {
  const lo = k === 1 ? 0 : 2 ** (7 * (k - 1))
  const hi = k === 8 ? 2 ** 53 - 1 : 2 ** (7 * k) - 1
  const loName = k === 1 ? '0' : `2p${7 * (k - 1)}`
  const hiName = k === 8 ? '2p53-minus-1' : `2p${7 * k}-minus-1`
  VALID.push([`snapshot-id-${loName}`, `snapshot-fetch-request with snapshotId ${lo}, the smallest ${k}-byte varint`,
    snap({ type: 'snapshot-fetch-request', snapshotId: lo })])
  VALID.push([`snapshot-id-${hiName}`, `snapshot-revert-request with snapshotId ${hi}, the largest ${k}-byte varint`,
    snap({ type: 'snapshot-revert-request', snapshotId: hi })])
}

// the snapshot extension kinds (spec/snapshot-extensions.md)
VALID.push(...EXT_VALID)

/**
 * The valid vectors: {name, description, hex, json}.
 * @returns {Array<{name: string, description: string, hex: string, json: object}>}
 */
export const validVectors = () =>
  VALID.map(([name, description, json]) => ({ name, description, hex: bytesToHex(encodeFrame(json)), json }))

// ------------------------------------------------------------------ invalid

const w = {
  raw: (e, ...b) => b.flat().forEach((x) => encoding.writeUint8(e, x)),
  ascii: (e, s) => encoding.writeUint8Array(e, new TextEncoder().encode(s)),
  uint: (e, n) => encoding.writeVarUint(e, n),
  str: (e, s) => encoding.writeVarString(e, s),
  /** "YJS" 0x01 varString(document) */
  head: (e, document = 'doc') => { encoding.writeUint8Array(e, MAGIC); encoding.writeUint8(e, 1); encoding.writeVarString(e, document) },
  /** head, 0x02, varString(kind) */
  snap: (e, kind, document = 'doc') => { w.head(e, document); encoding.writeUint8(e, 2); encoding.writeVarString(e, kind) },
  meta: (e, m = META) => { w.uint(e, m.id); w.str(e, m.name); w.uint(e, m.createdAt); w.str(e, m.userId) }
}
const SMALL_META = { id: 1, name: 'a', createdAt: 2, userId: 'u' } // 6 bytes

/** [name, error, description (the reasoning), builder(enc, mark)] */
const INVALID = [
  // magic and version
  ['empty-input', 'truncated', 'no bytes at all: the magic is missing', (e, m) => { m() }],
  ['magic-y', 'truncated', '"Y" is a strict prefix of "YJS"', (e, m) => { m(); w.ascii(e, 'Y') }],
  ['magic-yj', 'truncated', '"YJ" is a strict prefix of "YJS"', (e, m) => { m(); w.ascii(e, 'YJ') }],
  ['magic-only', 'truncated', 'exactly "YJS": the version byte at 3 is missing', (e, m) => { w.ascii(e, 'YJS'); m() }],
  ['bad-magic-yjx', 'bad-magic', '"YJX" then an otherwise well-formed frame: magic differs at byte 2', (e, m) => { m(); w.ascii(e, 'YJX'); w.raw(e, 1); w.str(e, 'doc'); w.raw(e, 0, 2, 0) }],
  ['bad-magic-lowercase', 'bad-magic', '"yjs" in lower case', (e, m) => { m(); w.ascii(e, 'yjs'); w.raw(e, 1, 0, 1, 0) }],
  ['bad-magic-short', 'bad-magic', '"YX": only 2 bytes but not a prefix of "YJS", so bad magic rather than truncated', (e, m) => { m(); w.ascii(e, 'YX') }],
  ['unsupported-version-2', 'unsupported-version', 'version byte 0x02 at byte 3', (e, m) => { w.ascii(e, 'YJS'); m(); w.raw(e, 2); w.str(e, 'doc'); w.raw(e, 0, 2, 0) }],
  ['unsupported-version-0', 'unsupported-version', 'version byte 0x00 at byte 3', (e, m) => { w.ascii(e, 'YJS'); m(); w.raw(e, 0); w.str(e, 'doc'); w.raw(e, 0, 2, 0) }],
  ['control-p', 'truncated', '"YJSp": "p" is a strict prefix of "ping"/"pong"', (e, m) => { w.ascii(e, 'YJS'); m(); w.ascii(e, 'p') }],
  ['control-pin', 'truncated', '"YJSpin": strict prefix of "ping"', (e, m) => { w.ascii(e, 'YJS'); m(); w.ascii(e, 'pin') }],
  ['control-pon', 'truncated', '"YJSpon": strict prefix of "pong"', (e, m) => { w.ascii(e, 'YJS'); m(); w.ascii(e, 'pon') }],
  ['control-ping-trailing', 'trailing-bytes', '"YJSpingX": a ping followed by one more byte, which is at 7', (e, m) => { w.ascii(e, 'YJSping'); m(); w.ascii(e, 'X') }],
  ['control-pong-trailing', 'trailing-bytes', '"YJSpong" then 00: the extra byte is at 7', (e, m) => { w.ascii(e, 'YJSpong'); m(); w.raw(e, 0) }],
  ['control-pang', 'unsupported-version', '"YJSpang": byte 3 is 0x70 but bytes 3.. are neither ping/pong nor a prefix of them', (e, m) => { w.ascii(e, 'YJS'); m(); w.ascii(e, 'pang') }],
  ['control-uppercase-ping', 'unsupported-version', '"YJSPING": byte 3 is 0x50, not 0x01 nor 0x70', (e, m) => { w.ascii(e, 'YJS'); m(); w.ascii(e, 'PING') }],

  // truncation at every field
  ['truncated-document-length', 'truncated', '"YJS" 01 and nothing more: the document varString at 4 is missing', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m() }],
  ['truncated-document-length-varint', 'truncated', 'document length prefix is 80 and the input ends inside the varint (starts at 4)', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.raw(e, 0x80) }],
  ['truncated-document-bytes', 'truncated', 'document length 5 but only "do" follows: truncated at the varString start 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 5); w.ascii(e, 'do') }],
  ['truncated-document-bytes-invalid-utf8', 'truncated', 'document length 3 but only ff follows: truncation is checked before UTF-8, so truncated at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 3); w.raw(e, 0xff) }],
  ['truncated-message-type', 'truncated', 'frame ends after the document name "doc": the type byte at 8 is missing', (e, m) => { w.head(e); m() }],
  ['truncated-doc-type', 'truncated', 'doc frame ends after type 00: the sub-type byte at 9 is missing', (e, m) => { w.head(e); w.raw(e, 0); m() }],
  ['truncated-doc-payload-length', 'truncated', 'doc update: the varUint8Array at 10 is missing', (e, m) => { w.head(e); w.raw(e, 0, 2); m() }],
  ['truncated-doc-payload-bytes', 'truncated', 'doc update: length 4 but 2 bytes follow; truncated at the array start 10', (e, m) => { w.head(e); w.raw(e, 0, 2); m(); w.uint(e, 4); w.raw(e, 0, 0) }],
  ['truncated-awareness-length', 'truncated', 'awareness frame: the varUint8Array at 9 is missing', (e, m) => { w.head(e); w.raw(e, 1); m() }],
  ['truncated-awareness-bytes', 'truncated', 'awareness: length 3 but 1 byte follows; truncated at the array start 9', (e, m) => { w.head(e); w.raw(e, 1); m(); w.uint(e, 3); w.raw(e, 1) }],
  ['truncated-snapshot-kind', 'truncated', 'snapshot frame: the kind varString at 9 is missing', (e, m) => { w.head(e); w.raw(e, 2); m() }],
  ['truncated-snapshot-kind-bytes', 'truncated', 'kind length 14 but only "list-snap" follows; truncated at the kind start 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.uint(e, 14); w.ascii(e, 'list-snap') }],
  ['truncated-snapshot-id', 'truncated', 'snapshot-fetch-request with no snapshotId: the varUint after the kind is missing', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m() }],
  ['truncated-snapshot-id-varint', 'truncated', 'snapshot-revert-request id ff ff and then the end: truncated at the id start', (e, m) => { w.snap(e, 'snapshot-revert-request'); m(); w.raw(e, 0xff, 0xff) }],
  ['truncated-snapshot-id-7-bytes', 'truncated', 'snapshotId ff x7 then the end: the input ends before the 8th byte, so truncated (not out of range), at the id start', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m(); w.raw(e, Array(7).fill(0xff)) }],
  ['truncated-meta-id', 'truncated', 'snapshot-created-event with no META: the id varUint right after the kind is missing', (e, m) => { w.snap(e, 'snapshot-created-event'); m() }],
  ['truncated-meta-name', 'truncated', 'snapshot-created-event: META id 12 and then the end; the name varString is missing', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); m() }],
  ['truncated-meta-created-at', 'truncated', 'snapshot-revert-response: META id and name, then the end; the createdAt varUint is missing', (e, m) => { w.snap(e, 'snapshot-revert-response'); w.uint(e, 12); w.str(e, 'Version 12'); m() }],
  ['truncated-meta-created-at-varint', 'truncated', 'snapshot-created-event: createdAt is 80 80 and then the end; truncated at the createdAt start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); w.str(e, 'Version 12'); m(); w.raw(e, 0x80, 0x80) }],
  ['truncated-meta-user-id', 'truncated', 'snapshot-created-event: userId length 36 but 8 bytes follow; truncated at the userId start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); w.str(e, 'Version 12'); w.uint(e, META.createdAt); m(); w.uint(e, 36); w.ascii(e, UUID.slice(0, 8)) }],
  ['truncated-content', 'truncated', 'snapshot-fetch-response: a full META, then the content varUint8Array is missing', (e, m) => { w.snap(e, 'snapshot-fetch-response'); w.meta(e); m() }],
  ['truncated-content-bytes', 'truncated', 'snapshot-fetch-response: content length 10 but 3 bytes follow; truncated at the content start', (e, m) => { w.snap(e, 'snapshot-fetch-response'); w.meta(e); m(); w.uint(e, 10); w.raw(e, 1, 2, 3) }],
  ['truncated-reverted-by', 'truncated', 'snapshot-reverted-event: a full META, then revertedBy is missing', (e, m) => { w.snap(e, 'snapshot-reverted-event'); w.meta(e); m() }],
  ['truncated-current-snapshot-name', 'truncated', 'snapshot-request: name present, currentSnapshotName missing', (e, m) => { w.snap(e, 'snapshot-request'); w.str(e, 'Version 13'); m() }],
  ['truncated-list-count', 'truncated', 'list-snapshots-response: the count varUint is missing', (e, m) => { w.snap(e, 'list-snapshots-response'); m() }],
  ['truncated-list-count-5-one-entry', 'truncated', 'count 5 then one 6-byte META: 5*4 = 20 > 6 bytes remaining after the count, so truncated at the count start (before reading entries)', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.uint(e, 5); w.meta(e, SMALL_META) }],
  ['truncated-list-count-100000', 'truncated', 'count 100000 (= maxListEntries, allowed) with no entries: 400000 > 0 remaining, truncated at the count start', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.uint(e, 100000) }],
  ['truncated-list-second-entry', 'truncated', 'count 2 then one 41-byte META: 2*4 <= 41 so entries are read; the second entry\'s id is missing, truncated at the end of input', (e, m) => { w.snap(e, 'list-snapshots-response'); w.uint(e, 2); w.meta(e, { id: 1, name: 'a', createdAt: 2, userId: UUID }); m() }],

  // unknown types and kinds
  ['unknown-message-type-03', 'unknown-message-type', 'message type byte 0x03 after the document name "doc", at 8', (e, m) => { w.head(e); m(); w.raw(e, 3, 0) }],
  ['unknown-message-type-ff', 'unknown-message-type', 'message type byte 0xff at 8', (e, m) => { w.head(e); m(); w.raw(e, 0xff) }],
  ['unknown-message-type-empty-document', 'unknown-message-type', 'empty document name (00 at 4), then type 0x70 at 5', (e, m) => { w.head(e, ''); m(); w.raw(e, 0x70) }],
  ['unknown-doc-type-03', 'unknown-message-type', 'doc sub-type byte 0x03 at 9 (unknown doc sub-types use unknown-message-type)', (e, m) => { w.head(e); w.raw(e, 0); m(); w.raw(e, 3, 0) }],
  ['unknown-snapshot-kind-singular', 'unknown-snapshot-kind', 'kind "list-snapshot" (missing s); offset is the kind varString start 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'list-snapshot') }],
  ['unknown-snapshot-kind-empty', 'unknown-snapshot-kind', 'kind "" (length 00) at 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, '') }],
  ['unknown-snapshot-kind-uppercase', 'unknown-snapshot-kind', 'kind "LIST-SNAPSHOTS": kinds are case-sensitive; at 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'LIST-SNAPSHOTS') }],
  ['unknown-snapshot-kind-nul-terminated', 'unknown-snapshot-kind', 'kind "list-snapshots\\u0000" (15 bytes) at 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'list-snapshots\u0000') }],

  // invalid UTF-8
  ['invalid-utf8-document-ff', 'invalid-utf8', 'document name bytes 64 ff 63: 0xff never occurs in UTF-8; offset is the varString start 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 3); w.raw(e, 0x64, 0xff, 0x63); w.raw(e, 0, 2, 0) }],
  ['invalid-utf8-document-overlong', 'invalid-utf8', 'document name c0 80 (overlong NUL); at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 2); w.raw(e, 0xc0, 0x80); w.raw(e, 0, 2, 0) }],
  ['invalid-utf8-document-surrogate', 'invalid-utf8', 'document name ed a0 80 (UTF-8 of the lone surrogate U+D800); at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 3); w.raw(e, 0xed, 0xa0, 0x80); w.raw(e, 0, 2, 0) }],
  ['invalid-utf8-document-cut', 'invalid-utf8', 'document name "a" e2 82: the 3-byte sequence of U+20AC is cut by the length; at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 3); w.raw(e, 0x61, 0xe2, 0x82); w.raw(e, 0, 2, 0) }],
  ['invalid-utf8-document-above-10ffff', 'invalid-utf8', 'document name f4 90 80 80 (would be U+110000); at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 4); w.raw(e, 0xf4, 0x90, 0x80, 0x80); w.raw(e, 0, 2, 0) }],
  ['invalid-utf8-kind', 'invalid-utf8', 'kind "list-snapshots" with one byte replaced by 0xff: invalid-utf8 (checked before the kind is matched), at the kind start 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.uint(e, 14); w.ascii(e, 'list-snapsho'); w.raw(e, 0xff); w.ascii(e, 's') }],
  ['invalid-utf8-meta-name', 'invalid-utf8', 'snapshot-created-event: META name bytes 56 ff; at the name start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); m(); w.uint(e, 2); w.raw(e, 0x56, 0xff); w.uint(e, META.createdAt); w.str(e, UUID) }],
  ['invalid-utf8-meta-user-id', 'invalid-utf8', 'snapshot-revert-response: META userId c0 80 (overlong); at the userId start', (e, m) => { w.snap(e, 'snapshot-revert-response'); w.uint(e, 12); w.str(e, 'Version 12'); w.uint(e, META.createdAt); m(); w.uint(e, 2); w.raw(e, 0xc0, 0x80) }],
  ['invalid-utf8-list-entry-user-id', 'invalid-utf8', 'list-snapshots-response, second entry\'s userId is ed a0 80; at that userId start', (e, m) => { w.snap(e, 'list-snapshots-response'); w.uint(e, 2); w.meta(e); w.uint(e, 13); w.str(e, 'v'); w.uint(e, 1); m(); w.uint(e, 3); w.raw(e, 0xed, 0xa0, 0x80) }],
  ['invalid-utf8-current-snapshot-name', 'invalid-utf8', 'snapshot-request: currentSnapshotName ed b0 80 (lone low surrogate U+DC00); at its start', (e, m) => { w.snap(e, 'snapshot-request'); w.str(e, 'Version 13'); m(); w.uint(e, 3); w.raw(e, 0xed, 0xb0, 0x80) }],
  ['invalid-utf8-reverted-by-cut', 'invalid-utf8', 'snapshot-reverted-event: revertedBy f0 9f 98 (3 of the 4 bytes of an emoji); at its start', (e, m) => { w.snap(e, 'snapshot-reverted-event'); w.meta(e); m(); w.uint(e, 3); w.raw(e, 0xf0, 0x9f, 0x98) }],

  // non-canonical varints
  ['non-canonical-document-length', 'non-canonical-varint', 'document length 80 00 (overlong 0) at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.raw(e, 0x80, 0x00); w.raw(e, 0, 2, 0) }],
  ['non-canonical-snapshot-id', 'non-canonical-varint', 'snapshot-fetch-request id 80 00; at the id start', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m(); w.raw(e, 0x80, 0x00) }],
  ['non-canonical-snapshot-id-8-bytes', 'non-canonical-varint', 'snapshotId 80 x7 00: 8th byte 00 passes the range check (no 0x80 bit, <= 0x0f), then is a 0 terminal after byte 0; at the id start', (e, m) => { w.snap(e, 'snapshot-revert-request'); m(); w.raw(e, Array(7).fill(0x80), 0x00) }],
  ['non-canonical-list-count', 'non-canonical-varint', 'list-snapshots-response count 80 00; at the count start', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.raw(e, 0x80, 0x00) }],
  ['non-canonical-byte-array-length', 'non-canonical-varint', 'doc update length 80 00 at 10 (the varUint8Array start)', (e, m) => { w.head(e); w.raw(e, 0, 2); m(); w.raw(e, 0x80, 0x00) }],
  ['non-canonical-created-at', 'non-canonical-varint', 'META createdAt ff 00 (overlong 127); at the createdAt start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); w.str(e, 'Version 12'); m(); w.raw(e, 0xff, 0x00); w.str(e, UUID) }],

  // integer out of range
  ['out-of-range-snapshot-id-2p53', 'integer-out-of-range', 'snapshotId 80 80 80 80 80 80 80 10 = 2^53: 8th byte 0x10 > 0x0f; at the id start', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m(); w.raw(e, Array(7).fill(0x80), 0x10) }],
  ['out-of-range-snapshot-id-2p56-minus-1', 'integer-out-of-range', 'snapshotId ff x7 7f = 2^56-1; at the id start', (e, m) => { w.snap(e, 'snapshot-revert-request'); m(); w.raw(e, Array(7).fill(0xff), 0x7f) }],
  ['out-of-range-snapshot-id-9-bytes', 'integer-out-of-range', 'snapshotId 80 x8 01, a 9-byte varint: the 8th byte has the 0x80 bit; at the id start', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m(); w.raw(e, Array(8).fill(0x80), 0x01) }],
  ['out-of-range-snapshot-id-ff-x8', 'integer-out-of-range', 'snapshotId ff x8 and then the end: the 8th byte is present and has the 0x80 bit, so out of range (not truncated); at the id start', (e, m) => { w.snap(e, 'snapshot-fetch-request'); m(); w.raw(e, Array(8).fill(0xff)) }],
  ['out-of-range-created-at', 'integer-out-of-range', 'META createdAt 2^53 (80 x7 10); at the createdAt start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); w.str(e, 'Version 12'); m(); w.raw(e, Array(7).fill(0x80), 0x10); w.str(e, UUID) }],
  ['out-of-range-list-count', 'integer-out-of-range', 'list count is a 9-byte varint: varUint errors come before the list limit; at the count start', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.raw(e, Array(8).fill(0xff), 0x01) }],
  ['out-of-range-document-length', 'integer-out-of-range', 'document length 2^53 (80 x7 10) at 4: varUint errors come before the name limit', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.raw(e, Array(7).fill(0x80), 0x10) }],

  // limits
  ['limit-list-count-2p40', 'limit-exceeded', 'list count 2^40 > maxListEntries 100000; at the count start', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.uint(e, 2 ** 40) }],
  ['limit-list-count-100001', 'limit-exceeded', 'list count 100001 = maxListEntries + 1; the limit is checked before the count*4 rule; at the count start', (e, m) => { w.snap(e, 'list-snapshots-response'); m(); w.uint(e, 100001); w.meta(e, SMALL_META) }],
  ['limit-string-length-2p40', 'limit-exceeded', 'snapshot-request name length 2^40 > maxStringBytes; the limit is checked before truncation; at the name start', (e, m) => { w.snap(e, 'snapshot-request'); m(); w.uint(e, 2 ** 40); w.ascii(e, 'abc') }],
  ['limit-document-name-1025-bytes', 'limit-exceeded', 'document name of 1025 bytes (all present) > maxNameBytes 1024; at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.str(e, 'n'.repeat(1025)); w.raw(e, 0, 2, 0) }],
  ['limit-document-name-length-2p40', 'limit-exceeded', 'document length 2^40 with 3 bytes after: limit before truncation; at 4', (e, m) => { w.ascii(e, 'YJS'); w.raw(e, 1); m(); w.uint(e, 2 ** 40); w.ascii(e, 'doc') }],
  ['limit-meta-name-65537', 'limit-exceeded', 'META name length 65537 = maxStringBytes + 1 (no bytes follow); at the name start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); m(); w.uint(e, 65537) }],
  ['truncated-meta-name-65536', 'truncated', 'META name length 65536 = maxStringBytes (allowed), no bytes follow: truncated at the name start', (e, m) => { w.snap(e, 'snapshot-created-event'); w.uint(e, 12); m(); w.uint(e, 65536) }],
  ['limit-kind-65537', 'limit-exceeded', 'kind length 65537 > maxStringBytes (the kind counts as a string); at 9', (e, m) => { w.head(e); w.raw(e, 2); m(); w.uint(e, 65537) }],
  ['limit-payload-16777217', 'limit-exceeded', 'doc update length 16777217 = maxPayloadBytes + 1, no bytes follow; at 10', (e, m) => { w.head(e); w.raw(e, 0, 2); m(); w.uint(e, 16777217) }],
  ['truncated-payload-16777216', 'truncated', 'awareness update length 16777216 = maxPayloadBytes (allowed), no bytes follow: truncated at 9', (e, m) => { w.head(e); w.raw(e, 1); m(); w.uint(e, 16777216) }]
]

// trailing bytes after every versioned frame shape (ping/pong are above)
for (const [name, , json] of VALID.slice(2, 15)) {
  const frame = encodeFrame(json)
  INVALID.push([`trailing-${name}`, 'trailing-bytes',
    `a valid ${name} frame of ${frame.length} bytes followed by 00; the first extra byte is at ${frame.length}`,
    (e, m) => { encoding.writeUint8Array(e, frame); m(); w.raw(e, 0) }])
}
// the snapshot extension kinds: their failure modes, and trailing bytes after each kind's example
INVALID.push(...extInvalid(w))
for (const [name, , json] of EXT_VALID.filter(([n]) => n.startsWith('ext-'))) {
  const frame = encodeFrame(json)
  INVALID.push([`trailing-${name.slice(4)}`, 'trailing-bytes',
    `a valid ${json.payload.type} frame of ${frame.length} bytes followed by 00; the first extra byte is at ${frame.length}`,
    (e, m) => { encoding.writeUint8Array(e, frame); m(); w.raw(e, 0) }])
}
INVALID.push(['trailing-list-snapshots-meta', 'trailing-bytes', 'list-snapshots followed by the bytes of a whole META: list-snapshots has no payload',
  (e, m) => { w.snap(e, 'list-snapshots'); m(); w.meta(e) }])

/**
 * The invalid vectors: {name, description, hex, error, offset}.
 * @returns {Array<{name: string, description: string, hex: string, error: string, offset: number}>}
 */
export const invalidVectors = () => INVALID.map(([name, error, reason, build]) => {
  const enc = encoding.createEncoder()
  let offset = null
  build(enc, () => { offset = encoding.length(enc) })
  if (offset === null) throw new Error(`${name}: builder did not mark the offset`)
  return { name, description: `${reason} -> ${error} @ ${offset}`, hex: bytesToHex(encoding.toUint8Array(enc)), error, offset }
})
