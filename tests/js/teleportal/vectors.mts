/**
 * The teleportal vectors, as [name, description, JSON form] (valid) and crafted byte strings
 * (invalid). The bytes of every valid vector are written by teleportal's own encodeMessage
 * (write-vectors.mts), never here.
 */
import { bytesToHex, messageId } from './peer.mts'
import { encodeJson } from './json-form.mts'

export type Valid = [name: string, description: string, json: any]

const hexOf = (n: number, seed = 1) => {
  let x = seed
  let s = ''
  for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) >>> 0; s += ((x >>> 16) & 0xff).toString(16).padStart(2, '0') }
  return s
}
const ascii = (n: number, c = 'a') => c.repeat(n)

export const doc = (payload: any, document = 'doc-1', encrypted = false) => ({ type: 'doc', document, encrypted, payload })
export const awareness = (payload: any, document = 'doc-1', encrypted = false) => ({ type: 'awareness', document, encrypted, payload })
export const ack = (payload: any) => ({ type: 'ack', encrypted: false, payload: { type: 'ack', ...payload } })
export const presence = (payload: any, document = 'doc-1') => ({ type: 'presence', document, encrypted: false, payload })
export const rpc = (rpcMethod: string, requestType: string, payload: any, originalRequestId?: string, document = 'doc-1', encrypted = false) => {
  const j: any = { type: 'rpc', document, encrypted, payload, rpcMethod, requestType }
  if (originalRequestId !== undefined) j.originalRequestId = originalRequestId
  return j
}
export const success = (payload: any) => ({ type: 'success', payload })
export const error = (statusCode: number, details: string, payload?: any) =>
  payload === undefined ? { type: 'error', statusCode, details } : { type: 'error', statusCode, details, payload }
/** An `any` value carried as an RPC request's payload. */
export const anyFrame = (value: any) => rpc('echo', 'request', success(value))

const SV = '01a1b2c3040a'
const UPDATE_V1 = '0101d2e5a9c40700070104746578740401'
const UPDATE_V2 = '000002a5010000000004746578740401'
const CONTENT = '01' + '10' + hexOf(16, 7) + '00'

const nest = (depth: number, kind: 'array' | 'object'): any => {
  let v: any = 1
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { k: v }
  return v
}

const REQ = '5f0c7e3a9b1d2e4f' // a request id as teleportal prints them (16 hex characters)
const meta = (id: string, name: string, createdAt: number, createdBy: any) =>
  ({ id, name, documentId: 'doc-1', createdAt, createdBy })
// as the live server writes them (seen with tests' in-memory storage): lifecycleState is undefined
// until a milestone is deleted ("deleted") or restored ("active")
const metaFull = (id: string, name: string, createdAt: number, createdBy: any, state: 'active' | 'deleted' | undefined, deletedAt?: number) => ({
  id, name, documentId: 'doc-1', createdAt,
  deletedAt: deletedAt === undefined ? { $undefined: true } : deletedAt,
  lifecycleState: state ?? { $undefined: true },
  expiresAt: { $undefined: true },
  createdBy
})
const M1 = '255b2ba0-ff6a-4126-9221-c13070070fa0' // milestone ids are UUIDs (crypto.randomUUID)
const M2 = '1fbc2e89-c53e-49a9-90da-d1406fccfd80'
const USER = { type: 'user', id: 'alice' }
const SYSTEM = { type: 'system', id: 'system' }
const T0 = 1767225600000 // 2026-01-01T00:00:00Z in ms: beyond 2^31, a float32-exact? no: float64
const SNAPSHOT = { $bytes: UPDATE_V2 }

export const validVectors = (): Valid[] => {
  const v: Valid[] = []
  const add = (name: string, description: string, json: any) => v.push([name, description, json])

  // ping / pong
  add('ping', 'YJSping: the keep-alive teleportal clients send', { type: 'ping' })
  add('pong', 'YJSpong: the answer to a ping', { type: 'pong' })

  // doc messages
  for (const enc of [false, true]) {
    const e = enc ? '-encrypted' : ''
    const d = enc ? ' (encrypted byte 1)' : ''
    add(`doc-sync-step-1${e}`, `doc sync-step-1 with a state vector${d}`, doc({ type: 'sync-step-1', sv: SV }, 'doc-1', enc))
    add(`doc-sync-step-2-v1${e}`, `doc sync-step-2, update version 1${d}`, doc({ type: 'sync-step-2', update: { version: 1, data: UPDATE_V1 } }, 'doc-1', enc))
    add(`doc-sync-step-2-v2${e}`, `doc sync-step-2, update version 2 (a content envelope)${d}`, doc({ type: 'sync-step-2', update: { version: 2, data: CONTENT } }, 'doc-1', enc))
    add(`doc-update-v1${e}`, `doc update, version 1${d}`, doc({ type: 'update', update: { version: 1, data: UPDATE_V1 } }, 'doc-1', enc))
    add(`doc-update-v2${e}`, `doc update, version 2${d}`, doc({ type: 'update', update: { version: 2, data: UPDATE_V2 } }, 'doc-1', enc))
    add(`doc-sync-done${e}`, `doc sync-done${d}`, doc({ type: 'sync-done' }, 'doc-1', enc))
    add(`doc-auth-denied${e}`, `doc auth-message, permission denied${d}`, doc({ type: 'auth-message', permission: 'denied', reason: 'no access' }, 'doc-1', enc))
    add(`doc-auth-allowed${e}`, `doc auth-message, permission allowed${d}`, doc({ type: 'auth-message', permission: 'allowed', reason: '' }, 'doc-1', enc))
    add(`awareness-update${e}`, `awareness-update${d}`, awareness({ type: 'awareness-update', update: '0101a1b2c3040a0c7b2275736572223a317d' }, 'doc-1', enc))
    add(`awareness-request${e}`, `awareness-request${d}`, awareness({ type: 'awareness-request' }, 'doc-1', enc))
    add(`rpc-request${e}`, `an RPC request${d}`, rpc('echo', 'request', success({ method: 'echo', x: 1 }), undefined, 'doc-1', enc))
  }
  add('doc-sync-step-1-empty-sv', 'sync-step-1 with an empty state vector', doc({ type: 'sync-step-1', sv: '' }))
  add('doc-update-empty-data', 'update with empty data', doc({ type: 'update', update: { version: 2, data: '' } }))
  add('awareness-update-empty', 'awareness-update with no bytes', awareness({ type: 'awareness-update', update: '' }))
  add('doc-auth-reason-unicode', 'auth-message reason with 2-, 3- and 4-byte UTF-8', doc({ type: 'auth-message', permission: 'denied', reason: 'é€😀' }))
  for (const n of [127, 128, 16383, 16384]) {
    add(`doc-update-data-${n}`, `update data of ${n} bytes (varUint length boundary)`, doc({ type: 'update', update: { version: 2, data: hexOf(n, n) } }))
    add(`doc-auth-reason-${n}`, `auth-message reason of ${n} bytes`, doc({ type: 'auth-message', permission: 'denied', reason: ascii(n, 'r') }))
  }
  // documents
  add('document-empty', 'an empty document name', doc({ type: 'sync-done' }, ''))
  for (const n of [127, 128, 1024]) add(`document-${n}`, `a document name of ${n} bytes${n === 1024 ? ' (the default max_name_bytes)' : ''}`, doc({ type: 'sync-done' }, ascii(n, 'd')))
  add('document-unicode', 'a document name with multi-byte UTF-8, a NUL and a BOM', doc({ type: 'sync-done' }, 'döc/\u0000/\ufeff/文档/😀'))
  add('document-namespaced', 'a namespaced document name as teleportal servers use them', doc({ type: 'sync-step-1', sv: '00' }, 'room:team-a/doc-1'))

  // acks
  const ackedId = messageId(encodeJson(doc({ type: 'sync-step-1', sv: SV })))
  add('ack', 'ack of the doc-sync-step-1 vector (messageId = its id)', ack({ messageId: ackedId }))
  add('ack-empty-id', 'ack with an empty messageId', ack({ messageId: '' }))
  add('nack-retry-after', 'NACK with retryAfter (flags 1)', ack({ messageId: ackedId, retryAfter: 1500 }))
  add('nack-retry-after-0', 'NACK with retryAfter 0', ack({ messageId: ackedId, retryAfter: 0 }))
  add('nack-retry-after-max', 'NACK with retryAfter 2^53 - 1', ack({ messageId: ackedId, retryAfter: 2 ** 53 - 1 }))
  add('nack-error', 'NACK with an error (flags 2)', ack({ messageId: ackedId, error: 'permission denied' }))
  add('nack-retry-after-and-error', 'NACK with retryAfter and error (flags 3)', ack({ messageId: ackedId, retryAfter: 127, error: 'rate limited' }))
  for (const n of [127, 128, 16383, 16384]) add(`nack-retry-after-${n}`, `retryAfter ${n} (varUint boundary)`, ack({ messageId: 'm', retryAfter: n }))

  // presence
  for (const id of [0, 127, 128, 16383, 16384, 2 ** 32, 2 ** 53 - 1]) add(`presence-announce-${id}`, `presence-announce, awarenessId ${id}`, presence({ type: 'presence-announce', awarenessId: id }))
  add('presence-unannounce', 'presence-unannounce', presence({ type: 'presence-unannounce', awarenessId: 3141592653 }))
  const peerData = { name: 'Alice', color: '#ff0000', cursor: { x: 10, y: -3.5 } }
  add('presence-join', 'presence-join with a user object', presence({ type: 'presence-join', awarenessId: 42, clientId: 'client-1', userId: 'alice', data: peerData }))
  add('presence-join-empty-data', 'presence-join with an empty object', presence({ type: 'presence-join', awarenessId: 0, clientId: '', userId: '', data: {} }))
  add('presence-leave', 'presence-leave', presence({ type: 'presence-leave', awarenessId: 42, clientId: 'client-1', userId: 'alice', data: {} }))
  add('presence-heartbeat-empty', 'presence-heartbeat with no clients', presence({ type: 'presence-heartbeat', clients: [] }))
  add('presence-heartbeat', 'presence-heartbeat with three clients', presence({
    type: 'presence-heartbeat',
    clients: [
      { awarenessId: 1, clientId: 'c1', userId: 'alice', data: peerData },
      { awarenessId: 200, clientId: 'c2', userId: 'bob', data: {} },
      { awarenessId: 2 ** 40, clientId: 'c3', userId: '', data: { idle: true, since: T0 } }
    ]
  }))
  add('presence-heartbeat-128', 'presence-heartbeat with 128 clients (count boundary)', presence({
    type: 'presence-heartbeat',
    clients: Array.from({ length: 128 }, (_, i) => ({ awarenessId: i, clientId: `c${i}`, userId: '', data: {} }))
  }))

  // rpc frames
  add('rpc-stream', 'an RPC stream chunk', rpc('fileDownload', 'stream', success({ chunk: { $bytes: hexOf(32) }, index: 0 }), REQ))
  add('rpc-response', 'an RPC success response', rpc('echo', 'response', success({ ok: true }), REQ))
  add('rpc-response-encrypted', 'an encrypted RPC response', rpc('echo', 'response', success({ ok: true }), REQ, 'doc-1', true))
  add('rpc-error-no-payload', 'an RPC error without payload (hasPayload 0)', rpc('echo', 'response', error(500, 'Internal error'), REQ))
  add('rpc-error-payload', 'an RPC error with a payload', rpc('echo', 'response', error(400, 'Bad request', { field: 'name' }), REQ))
  add('rpc-error-request', 'an error payload on a request frame (the wire allows it)', rpc('echo', 'request', error(0, '')))
  add('rpc-error-status-16384', 'statusCode 16384 (varUint boundary)', rpc('echo', 'response', error(16384, 'x', false), REQ))
  add('rpc-empty-method', 'an empty method name', rpc('', 'request', success(null)))
  add('rpc-empty-document', 'an RPC with an empty document', rpc('echo', 'request', success(null), undefined, ''))

  // milestones, as teleportal's client (rpc-client.ts) and server (milestone/server.ts, session.ts) shape them
  const ms = (method: string, payload: any) => rpc(method, 'request', success({ method, ...payload }))
  const resp = (method: string, payload: any) => rpc(method, 'response', success(payload), REQ)
  add('milestone-create-request', 'milestoneCreate {name, snapshot}', ms('milestoneCreate', { name: 'v1', snapshot: SNAPSHOT }))
  add('milestone-create-request-no-name', 'milestoneCreate without a name: the client sends name undefined (tag 127)', ms('milestoneCreate', { name: { $undefined: true }, snapshot: SNAPSHOT }))
  add('milestone-create-response', 'milestoneCreate response {milestone: MilestoneMeta}', resp('milestoneCreate', { milestone: meta(M1, 'v1', T0, USER) }))
  add('milestone-create-response-system', 'milestoneCreate response, created by the system ("Version 1")', resp('milestoneCreate', { milestone: meta(M2, 'Version 1', T0 + 1, SYSTEM) }))
  add('milestone-create-error-500', 'milestoneCreate error 500, no payload', rpc('milestoneCreate', 'response', error(500, 'Failed to create milestone'), REQ))
  add('milestone-list-request', 'milestoneList as the client sends it (snapshotIds [], includeDeleted false)', ms('milestoneList', { snapshotIds: [], includeDeleted: false }))
  add('milestone-list-request-ids', 'milestoneList with known snapshot ids and includeDeleted', ms('milestoneList', { snapshotIds: [M1, M2], includeDeleted: true }))
  add('milestone-list-request-bare', 'milestoneList with no fields', ms('milestoneList', {}))
  add('milestone-list-response', 'milestoneList response: MilestoneMetaFull entries (undefined members as tag 127, as the live server writes them)', resp('milestoneList', {
    milestones: [metaFull(M1, 'v1', T0, USER, undefined), metaFull(M2, 'Version 2', T0 + 60000, SYSTEM, undefined)]
  }))
  add('milestone-list-response-deleted', 'milestoneList with includeDeleted: a deleted milestone has deletedAt and lifecycleState "deleted"', resp('milestoneList', {
    milestones: [metaFull(M1, 'renamed', T0, USER, 'deleted', T0 + 120000), metaFull(M2, 'v1', T0 + 300, USER, undefined)]
  }))
  add('milestone-list-response-empty', 'milestoneList response with no milestones', resp('milestoneList', { milestones: [] }))
  add('milestone-get-request', 'milestoneGet {milestoneId}', ms('milestoneGet', { milestoneId: M1 }))
  add('milestone-get-response', 'milestoneGet response {milestoneId, snapshot}', resp('milestoneGet', { milestoneId: M1, snapshot: SNAPSHOT }))
  add('milestone-get-error-404', 'milestoneGet error 404 with payload {milestoneId}', rpc('milestoneGet', 'response', error(404, 'Milestone not found', { milestoneId: 'nope' }), REQ))
  add('milestone-update-name-request', 'milestoneUpdateName {milestoneId, name}', ms('milestoneUpdateName', { milestoneId: M1, name: 'renamed' }))
  add('milestone-update-name-response', 'milestoneUpdateName response', resp('milestoneUpdateName', { milestone: meta(M1, 'renamed', T0, USER) }))
  add('milestone-update-name-error-500', 'milestoneUpdateName error 500', rpc('milestoneUpdateName', 'response', error(500, 'Failed to update milestone name'), REQ))
  add('milestone-delete-request', 'milestoneDelete {milestoneId}', ms('milestoneDelete', { milestoneId: M1 }))
  add('milestone-delete-response', 'milestoneDelete response {milestoneId}', resp('milestoneDelete', { milestoneId: M1 }))
  add('milestone-restore-request', 'milestoneRestore {milestoneId}', ms('milestoneRestore', { milestoneId: M1 }))
  add('milestone-restore-response', 'milestoneRestore response: MilestoneMetaFull, lifecycleState active', resp('milestoneRestore', { milestone: metaFull(M1, 'v1', T0, USER, 'active') }))
  add('milestone-restore-error-500', 'milestoneRestore error 500', rpc('milestoneRestore', 'response', error(500, 'Failed to restore milestone'), REQ))
  add('rpc-unknown-method-501', 'the server\'s answer to an unknown method: 501 with payload {method}', rpc('milestoneFrobnicate', 'response', error(501, 'Unknown RPC method: milestoneFrobnicate', { method: 'milestoneFrobnicate' }), REQ))

  // lib0 any: every tag and number boundary, as an RPC request payload
  const anyCases: [string, string, any][] = [
    ['undefined', 'tag 127', { $undefined: true }],
    ['null', 'tag 126', null],
    ['true', 'tag 120', true],
    ['false', 'tag 121', false],
    ['int-0', 'varInt 0', 0],
    ['int-neg-0', '-0: lib0 writes varInt 0x40 (sign bit, magnitude 0)', { $number: '-0' }],
    ['int-1', 'varInt 1', 1],
    ['int-neg-1', 'varInt -1', -1],
    ['int-63', 'varInt 63: one byte', 63],
    ['int-64', 'varInt 64: two bytes', 64],
    ['int-neg-63', 'varInt -63', -63],
    ['int-neg-64', 'varInt -64', -64],
    ['int-8191', 'varInt 8191: two bytes', 8191],
    ['int-8192', 'varInt 8192: three bytes', 8192],
    ['int-max', 'varInt 2^31 - 1: the largest lib0 writes as varInt', 2 ** 31 - 1],
    ['int-min', 'varInt -(2^31 - 1)', -(2 ** 31 - 1)],
    ['float32-2-31', '2^31: an integer beyond varInt, exact in float32', 2 ** 31],
    ['float32-neg-2-31', '-2^31: float32', -(2 ** 31)],
    ['float64-2-31-plus-1', '2^31 + 1: not float32-exact, float64', 2 ** 31 + 1],
    ['float32-half', '0.5: float32', 0.5],
    ['float32-neg-1-5', '-1.5: float32', -1.5],
    ['float64-0-1', '0.1: float64', 0.1],
    ['float32-max', 'the largest float32', 3.4028234663852886e38],
    ['float32-min-subnormal', 'the smallest float32 subnormal', 1.401298464324817e-45],
    ['float64-2-53', '2^53: float32-exact (a power of two)', 2 ** 53],
    ['float64-2-53-plus-2', '2^53 + 2: float64', 2 ** 53 + 2],
    ['float64-max', 'Number.MAX_VALUE: float64', Number.MAX_VALUE],
    ['float64-min', 'Number.MIN_VALUE: float64', Number.MIN_VALUE],
    ['float64-timestamp', 'a millisecond timestamp: float64', T0],
    ['nan', 'NaN: float64 7ff8000000000000', { $number: 'NaN' }],
    ['infinity', 'Infinity: float32 7f800000', { $number: 'Infinity' }],
    ['neg-infinity', '-Infinity: float32 ff800000', { $number: '-Infinity' }],
    ['bigint-0', 'bigint 0', { $bigint: '0' }],
    ['bigint-neg-1', 'bigint -1', { $bigint: '-1' }],
    ['bigint-max', 'bigint 2^63 - 1', { $bigint: '9223372036854775807' }],
    ['bigint-min', 'bigint -2^63', { $bigint: '-9223372036854775808' }],
    ['string-empty', 'empty string', ''],
    ['string-unicode', 'string with 2-, 3- and 4-byte UTF-8, NUL, BOM, U+10FFFF', 'é€😀\u0000\ufeff\u{10ffff}'],
    ['string-leading-bom', 'a string starting with U+FEFF: lib0 keeps the BOM (ignoreBOM)', '\ufeffbom'],
    ['string-nul', 'a string of one NUL', '\u0000'],
    ['bytes-empty', 'empty byte array (tag 116)', { $bytes: '' }],
    ['bytes', 'byte array', { $bytes: hexOf(20) }],
    ['object-empty', 'empty object', {}],
    ['array-empty', 'empty array', []],
    ['object-key-order', 'integer-like keys first in ascending order, then the others in insertion order', { 0: 'a', 1: 'b', 2: 'c', 10: 'd', 4294967294: 'e', z: 1, '4294967295': 2, '01': 3, '-1': 4, a: 5, '': 6 }],
    ['object-marker-lookalike', 'keys like the JSON markers, but two of them (not a marker)', { $bytes: '00', $number: 'x' }],
    ['object-marker-key-nested', 'a $bytes key with a non-string value beside another key', { $bigint: 1, n: null }],
    ['array-mixed', 'an array of every scalar tag', [{ $undefined: true }, null, 1, 0.5, 0.1, { $bigint: '5' }, false, true, 's', { $bytes: 'ff' }, {}, []]],
    ['nested', 'objects and arrays inside each other', { a: [1, { b: [[], { c: 'd' }] }], e: { f: { g: [true] } } }],
    ['depth-64-arrays', '64 nested arrays: the default max_any_depth', nest(64, 'array')],
    ['depth-64-objects', '64 nested objects', nest(64, 'object')]
  ]
  for (const n of [127, 128, 16383, 16384]) {
    anyCases.push([`string-${n}`, `string of ${n} bytes (varUint length boundary)`, ascii(n, 's')])
    anyCases.push([`bytes-${n}`, `byte array of ${n} bytes`, { $bytes: hexOf(n, n + 1) }])
    anyCases.push([`array-${n}`, `array of ${n} items (count boundary)`, Array.from({ length: n }, () => null)])
    if (n < 1000) anyCases.push([`object-${n}`, `object of ${n} entries (count boundary)`, Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))])
  }
  for (const [name, description, value] of anyCases) add(`any-${name}`, `lib0 any: ${description}`, anyFrame(value))
  add('any-error-payload-false', 'an error payload false is written (only null/undefined are not)', rpc('echo', 'response', error(409, 'conflict', false), REQ))
  add('any-error-payload-zero', 'an error payload 0 is written', rpc('echo', 'response', error(409, 'conflict', 0), REQ))
  add('any-presence-data-nested', 'presence data with nested values', presence({ type: 'presence-join', awarenessId: 7, clientId: 'c', userId: 'u', data: { 0: 1, list: [1, 2, { $bytes: '00' }], n: { $number: 'NaN' } } }))
  return v
}
