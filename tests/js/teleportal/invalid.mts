/**
 * Crafted invalid frames, MessageArrays and pub/sub envelopes. Each invalid frame says where it
 * was mutated, so its error kind and offset are known here; write-vectors.mts checks them against
 * the strict oracle and records what teleportal's decoder did with the bytes.
 */
import { bytesToHex, hexToBytes, encoding, encodeMessageArray, decodeMessageArray, encodePubSubMessage, decodePubSubMessage } from './peer.mts'
import { encodeJson, fromJson, toJson } from './json-form.mts'
import { strictDecode } from './strict.mts'
import { validVectors } from './vectors.mts'
import { annotate, truncationOffset } from './annotate.mts'
import { isDeepStrictEqual } from 'node:util'

export type Invalid = { name: string, description: string, hex: string, error: string, offset: number }

const w = (f: (e: any) => void): string => { const e = encoding.createEncoder(); f(e); return bytesToHex(encoding.toUint8Array(e)) }
export const vs = (s: string) => w((e) => encoding.writeVarString(e, s))
export const vu = (n: number) => w((e) => encoding.writeVarUint(e, n))
export const vi = (n: number) => w((e) => encoding.writeVarInt(e, n))
export const vb = (hex: string) => w((e) => encoding.writeVarUint8Array(e, hexToBytes(hex)))
export const anyHex = (v: any) => w((e) => encoding.writeAny(e, v))
export const u8 = (n: number) => n.toString(16).padStart(2, '0')
const len = (hex: string) => hex.length / 2
/** A varUint of `n` in `bytes` bytes (overlong when longer than needed). */
export const overlong = (n: number, bytes: number) => {
  let s = ''
  for (let i = 0; i < bytes; i++) {
    const b = Math.floor(n / 2 ** (7 * i)) & 0x7f
    s += u8(i < bytes - 1 ? b | 0x80 : b)
  }
  return s
}
const MAGIC = '594a53'
const hdr = (type: number, document = 'doc-1', enc = 0) => MAGIC + '01' + vs(document) + u8(enc) + u8(type)
const H = len(hdr(0)) // 11: header of 'doc-1'; the sub-type (or first field) starts here
const frameHex = (json: any) => bytesToHex(encodeJson(json))

export const invalidVectors = (): Invalid[] => {
  const out: Invalid[] = []
  const add = (name: string, description: string, hex: string, error: string, offset: number) =>
    out.push({ name, description, hex, error, offset })

  // ---- magic, version, ping/pong
  add('empty', 'no bytes at all', '', 'truncated', 0)
  add('magic-y', '"Y": a strict prefix of "YJS"', '59', 'truncated', 0)
  add('magic-yj', '"YJ"', '594a', 'truncated', 0)
  add('magic-bad-short', '"YX": not a prefix of "YJS"', '5958', 'bad-magic', 0)
  add('magic-bad', '"yjs" lower case (the frame that crashes a teleportal server when sent as binary)', '796a7301' + vs('doc-1') + '000003', 'bad-magic', 0)
  add('magic-text-json', 'a JSON text frame', bytesToHex(new TextEncoder().encode('{"type":"ping"}')), 'bad-magic', 0)
  add('magic-only', '"YJS" and nothing else: the version is missing', MAGIC, 'truncated', 3)
  add('ping-p', '"YJSp": a strict prefix of "YJSping"', MAGIC + '70', 'truncated', 3)
  add('ping-pin', '"YJSpin"', MAGIC + '70696e', 'truncated', 3)
  add('pong-pon', '"YJSpon"', MAGIC + '706f6e', 'truncated', 3)
  add('ping-trailing', '"YJSping" and one more byte (teleportal\'s server still answers pong)', MAGIC + '70696e6700', 'trailing-bytes', 7)
  add('ping-trailing-frame', '"YJSping" followed by a whole frame', MAGIC + '70696e67' + frameHex({ type: 'ping' }), 'trailing-bytes', 7)
  add('pong-trailing', '"YJSpong" and more', MAGIC + '706f6e670a', 'trailing-bytes', 7)
  add('ping-other', '"YJSpxng": version byte 0x70 without ping/pong', MAGIC + '70786e67', 'unsupported-version', 3)
  for (const v of [0, 2, 0x7f, 0xff]) add(`version-${v}`, `version byte ${v}`, MAGIC + u8(v) + vs('doc-1') + '000003', 'unsupported-version', 3)

  // ---- header fields
  add('document-length-missing', 'the document length is missing', MAGIC + '01', 'truncated', 4)
  add('document-length-cut', 'the document length varUint runs out', MAGIC + '0180', 'truncated', 4)
  add('document-cut', 'the document is shorter than its length', MAGIC + '0105646f63', 'truncated', 4)
  add('document-overlong-length', 'document length 5 written in two bytes (85 00)', MAGIC + '01' + '8500' + '646f632d31' + '000003', 'non-canonical-varint', 4)
  add('document-overlong-length-zero', 'empty document, length 0 written as 80 00', MAGIC + '01' + '8000' + '000003', 'non-canonical-varint', 4)
  add('document-length-2-53', 'document length 2^53: integer-out-of-range before anything else', MAGIC + '01' + '8080808080808010', 'integer-out-of-range', 4)
  add('document-limit', 'a document name of 1025 bytes (default max_name_bytes 1024)', hdr(0, 'd'.repeat(1025)) + '03', 'limit-exceeded', 4)
  add('document-invalid-utf8', 'document bytes ff fe (not UTF-8)', MAGIC + '01' + '02fffe' + '000003', 'invalid-utf8', 4)
  add('document-overlong-utf8', 'document "/" written as the overlong UTF-8 c0 af', MAGIC + '01' + '02c0af' + '000003', 'invalid-utf8', 4)
  add('document-surrogate', 'document with an encoded surrogate (ed a0 80)', MAGIC + '01' + '03eda080' + '000003', 'invalid-utf8', 4)
  add('document-cut-utf8', 'document ending inside a 3-byte sequence', MAGIC + '01' + '02e282' + '000003', 'invalid-utf8', 4)
  add('encrypted-missing', 'the encrypted byte is missing', MAGIC + '01' + vs('doc-1'), 'truncated', 10)
  for (const e of [2, 7, 0xff]) add(`encrypted-${e}`, `encrypted byte ${e} (teleportal reads "not encrypted")`, hdr(0, 'doc-1', e) + '03', 'invalid-value', 10)
  add('type-missing', 'the message type is missing', MAGIC + '01' + vs('doc-1') + '00', 'truncated', 11)
  for (const t of [5, 6, 0x7f, 0xff]) add(`type-${t}`, `message type ${t}`, hdr(t) + '00', 'unknown-message-type', 11)

  // ---- doc
  add('doc-sub-type-missing', 'doc message without a sub-type', hdr(0), 'truncated', H)
  for (const s of [5, 0x80, 0xff]) add(`doc-sub-type-${s}`, `doc sub-type ${s}`, hdr(0) + u8(s), 'unknown-message-type', H)
  add('doc-sv-missing', 'sync-step-1 without its state vector', hdr(0) + '00', 'truncated', H + 1)
  add('doc-sv-cut', 'sync-step-1 state vector shorter than its length', hdr(0) + '00' + '05010203', 'truncated', H + 1)
  add('doc-sv-overlong-length', 'sync-step-1 length 1 as 81 00', hdr(0) + '00' + '810000', 'non-canonical-varint', H + 1)
  for (const st of [1, 2]) {
    const k = st === 1 ? 'sync-step-2' : 'update'
    for (const ver of [0, 3, 0xff]) add(`doc-${k}-version-${ver}`, `${k} with update version ${ver} (teleportal passes it through)`, hdr(0) + u8(st) + u8(ver) + vb('0000'), 'invalid-value', H + 1)
    add(`doc-${k}-version-missing`, `${k} without its version byte`, hdr(0) + u8(st), 'truncated', H + 1)
    add(`doc-${k}-data-missing`, `${k} without its data`, hdr(0) + u8(st) + '02', 'truncated', H + 2)
    add(`doc-${k}-data-cut`, `${k} data shorter than its length`, hdr(0) + u8(st) + '02' + '0a0000', 'truncated', H + 2)
  }
  add('doc-update-data-overlong', 'update data length 2 written as 82 80 00', hdr(0) + '0202' + '828000' + 'abcd', 'non-canonical-varint', H + 2)
  for (const p of [2, 7, 0xff]) add(`doc-auth-permission-${p}`, `auth-message permission ${p} (teleportal reads "allowed")`, hdr(0) + '04' + u8(p) + vs('x'), 'invalid-value', H + 1)
  add('doc-auth-permission-missing', 'auth-message without permission or reason', hdr(0) + '04', 'truncated', H + 1)
  add('doc-auth-reason-missing', 'auth-message without a reason', hdr(0) + '0400', 'truncated', H + 2)
  add('doc-auth-reason-invalid-utf8', 'auth-message reason not UTF-8', hdr(0) + '0400' + '0180', 'invalid-utf8', H + 2)
  add('doc-auth-reason-limit', 'auth-message reason of 65537 bytes (max_string_bytes 65536)', hdr(0) + '0400' + vs('r'.repeat(65537)), 'limit-exceeded', H + 2)

  // ---- awareness
  add('awareness-sub-type-missing', 'awareness without a sub-type', hdr(1), 'truncated', H)
  for (const s of [2, 0xff]) add(`awareness-sub-type-${s}`, `awareness sub-type ${s}`, hdr(1) + u8(s), 'unknown-message-type', H)
  add('awareness-update-missing', 'awareness-update without its bytes', hdr(1) + '00', 'truncated', H + 1)
  add('awareness-update-cut', 'awareness-update shorter than its length', hdr(1) + '00' + '0301', 'truncated', H + 1)

  // ---- ack
  const A = len(hdr(2, '')) // 7
  add('ack-document', 'an ack with a document name (teleportal drops it)', hdr(2) + vs('id') + '00', 'invalid-value', 4)
  add('ack-encrypted', 'an ack with encrypted 1 (teleportal drops it)', hdr(2, '', 1) + vs('id') + '00', 'invalid-value', 5)
  add('ack-document-and-encrypted', 'both: the document comes first', hdr(2, 'x', 1) + vs('id') + '00', 'invalid-value', 4)
  add('ack-id-missing', 'an ack without messageId', hdr(2, ''), 'truncated', A)
  add('ack-flags-missing', 'an ack without flags (lib0 reads undefined, teleportal decodes it)', hdr(2, '') + vs('id'), 'truncated', A + 3)
  for (const f of [4, 8, 0x80, 0xff, 7]) add(`ack-flags-${f}`, `ack flags ${f}: unknown bits (teleportal ignores them)`, hdr(2, '') + vs('id') + u8(f) + (f & 1 ? '01' : '') + (f & 2 ? vs('e') : ''), 'invalid-value', A + 3)
  add('ack-retry-after-missing', 'flags 1 without retryAfter', hdr(2, '') + vs('id') + '01', 'truncated', A + 4)
  add('ack-retry-after-overlong', 'retryAfter 1 as 81 00', hdr(2, '') + vs('id') + '01' + '8100', 'non-canonical-varint', A + 4)
  add('ack-retry-after-2-53', 'retryAfter 2^53', hdr(2, '') + vs('id') + '01' + '8080808080808010', 'integer-out-of-range', A + 4)
  add('ack-retry-after-9-bytes', 'retryAfter in 9 bytes', hdr(2, '') + vs('id') + '01' + '808080808080808001', 'integer-out-of-range', A + 4)
  add('ack-error-missing', 'flags 2 without error', hdr(2, '') + vs('id') + '02', 'truncated', A + 4)
  add('ack-error-after-retry-missing', 'flags 3 with retryAfter, without error', hdr(2, '') + vs('id') + '03' + '05', 'truncated', A + 5)
  add('ack-error-invalid-utf8', 'NACK error not UTF-8', hdr(2, '') + vs('id') + '02' + '02c328', 'invalid-utf8', A + 4)

  // ---- presence
  add('presence-encrypted', 'presence with encrypted 1 (teleportal decodes it as not encrypted)', hdr(3, 'doc-1', 1) + '00' + '05', 'invalid-value', 10)
  add('presence-sub-type-missing', 'presence without a sub-type', hdr(3), 'truncated', H)
  for (const s of [5, 0xff]) add(`presence-sub-type-${s}`, `presence sub-type ${s}`, hdr(3) + u8(s) + '00', 'unknown-message-type', H)
  add('presence-announce-id-missing', 'presence-announce without awarenessId', hdr(3) + '00', 'truncated', H + 1)
  add('presence-announce-id-overlong', 'awarenessId 5 as 85 00', hdr(3) + '00' + '8500', 'non-canonical-varint', H + 1)
  add('presence-announce-id-2-53', 'awarenessId 2^53', hdr(3) + '00' + '8080808080808010', 'integer-out-of-range', H + 1)
  const peer = (data: string, id = 1, c = 'c', u = 'u') => vu(id) + vs(c) + vs(u) + data
  const P = H + 1 + 1 + 2 + 2 // the data tag of peer(…) in a join
  for (const [k, v] of [['null', null], ['array', []], ['int', 1], ['string', 's'], ['undefined', undefined], ['bytes', new Uint8Array(1)]] as [string, any][]) {
    add(`presence-join-data-${k}`, `presence-join data ${k}: not an object (teleportal throws only for null/array/non-objects)`, hdr(3) + '01' + peer(anyHex(v)), 'invalid-value', P)
  }
  add('presence-join-data-missing', 'presence-join without data', hdr(3) + '01' + peer(''), 'truncated', P)
  add('presence-leave-data-tag-bad', 'presence-leave data with tag 0', hdr(3) + '02' + peer('00'), 'invalid-value', P)
  add('presence-join-client-invalid-utf8', 'clientId not UTF-8', hdr(3) + '01' + vu(1) + '01ff' + vs('u') + '7600', 'invalid-utf8', H + 2)
  add('presence-heartbeat-count-missing', 'heartbeat without a count', hdr(3) + '03', 'truncated', H + 1)
  add('presence-heartbeat-count-too-big', 'heartbeat count 2 with bytes for one client', hdr(3) + '03' + '02' + peer('7600'), 'truncated', H + 1)
  add('presence-heartbeat-count-huge', 'heartbeat count 100000 (at the limit) with no clients: truncated before iterating', hdr(3) + '03' + vu(100000), 'truncated', H + 1)
  add('presence-heartbeat-count-limit', 'heartbeat count 100001 (max_list_entries 100000)', hdr(3) + '03' + vu(100001), 'limit-exceeded', H + 1)
  add('presence-heartbeat-data-not-object', 'second heartbeat client with array data', hdr(3) + '03' + '02' + peer('7600') + peer('7500'), 'invalid-value', H + 2 + 7 + 5)
  add('presence-heartbeat-count-overlong', 'heartbeat count 0 as 80 00', hdr(3) + '03' + '8000', 'non-canonical-varint', H + 1)

  // ---- rpc
  const R = (method = 'echo') => hdr(4) + vs(method)
  const RT = H + 5 // requestType after 'echo'
  add('rpc-method-missing', 'rpc without a method', hdr(4), 'truncated', H)
  add('rpc-method-invalid-utf8', 'rpc method not UTF-8', hdr(4) + '01fe' + '0000' + vb('7e'), 'invalid-utf8', H)
  add('rpc-request-type-missing', 'rpc without requestType', R(), 'truncated', RT)
  for (const t of [3, 0xff]) add(`rpc-request-type-${t}`, `requestType ${t}`, R() + u8(t) + '00' + vb('7e'), 'invalid-value', RT)
  add('rpc-response-original-id-empty', 'a response with an empty originalRequestId (teleportal\'s encoder throws on it)', R() + '02' + '00' + '00' + vb('7e'), 'invalid-value', RT + 1)
  add('rpc-stream-original-id-empty', 'a stream chunk with an empty originalRequestId', R() + '01' + '00' + '00' + vb('7e'), 'invalid-value', RT + 1)
  add('rpc-response-original-id-missing', 'a response cut before originalRequestId', R() + '02', 'truncated', RT + 1)
  add('rpc-is-error-missing', 'a request cut before isError', R() + '00', 'truncated', RT + 1)
  for (const x of [2, 0xff]) add(`rpc-is-error-${x}`, `isError ${x}`, R() + '00' + u8(x) + vb('7e'), 'invalid-value', RT + 1)
  add('rpc-payload-missing', 'a success without its payload array', R() + '0000', 'truncated', RT + 2)
  add('rpc-payload-empty', 'a success payload array of 0 bytes (lib0 reads undefined)', R() + '0000' + '00', 'truncated', RT + 3)
  add('rpc-payload-cut', 'a success payload array shorter than its length', R() + '0000' + '057e', 'truncated', RT + 2)
  add('rpc-payload-trailing', 'two any values inside the payload array: bytes after the first', R() + '0000' + vb('7e7e'), 'trailing-bytes', RT + 4)
  add('rpc-payload-trailing-zero', 'a zero byte after the payload value inside the array', R() + '0000' + vb(anyHex({ a: 1 }) + '00'), 'trailing-bytes', RT + 3 + len(anyHex({ a: 1 })))
  add('rpc-payload-length-overlong', 'payload length 1 as 81 00', R() + '0000' + '8100' + '7e', 'non-canonical-varint', RT + 2)
  add('rpc-payload-value-cut', 'the any value runs past the end of the payload array (the frame continues)', R() + '0000' + '02' + '7701' + '61', 'truncated', RT + 4)
  add('rpc-error-status-missing', 'an error without statusCode', R() + '0001', 'truncated', RT + 2)
  add('rpc-error-status-overlong', 'statusCode 404 in three bytes', R() + '0001' + overlong(404, 3) + vs('x') + '00', 'non-canonical-varint', RT + 2)
  add('rpc-error-details-missing', 'an error without details', R() + '0001' + vu(404), 'truncated', RT + 4)
  add('rpc-error-has-payload-missing', 'an error without hasPayload (lib0 reads undefined: no payload)', R() + '0001' + vu(404) + vs('x'), 'truncated', RT + 6)
  for (const x of [2, 0xff]) add(`rpc-error-has-payload-${x}`, `hasPayload ${x} (teleportal: no payload)`, R() + '0001' + vu(404) + vs('x') + u8(x), 'invalid-value', RT + 6)
  add('rpc-error-payload-null', 'hasPayload 1 with null: teleportal writes hasPayload 0 then', R() + '0001' + vu(404) + vs('x') + '01' + '7e', 'non-canonical', RT + 7)
  add('rpc-error-payload-undefined', 'hasPayload 1 with undefined', R() + '0001' + vu(404) + vs('x') + '01' + '7f', 'non-canonical', RT + 7)
  add('rpc-error-payload-missing', 'hasPayload 1 and no value', R() + '0001' + vu(404) + vs('x') + '01', 'truncated', RT + 7)
  add('rpc-error-payload-varint-cut', 'hasPayload 1, varInt tag at the end (lib0 reads 0)', R() + '0001' + vu(404) + vs('x') + '01' + '7d', 'truncated', RT + 8)

  // ---- lib0 any, as an RPC request payload (the value starts at V)
  const anyIn = (valueHex: string) => R() + '0000' + vb(valueHex)
  const A2 = (name: string, description: string, valueHex: string, error: string, at: number) =>
    add(`any-${name}`, `lib0 any: ${description}`, anyIn(valueHex), error, RT + 2 + len(vu(len(valueHex))) + at)
  for (const t of [0, 0x40, 0x73, 0x80, 0xff]) A2(`tag-${t}`, `unknown tag ${t}`, u8(t), 'invalid-value', 0)
  A2('varint-overlong', 'varInt 1 as 81 00', '7d8100', 'non-canonical-varint', 1)
  A2('varint-overlong-neg-zero', '-0 as c0 00 (lib0 writes 40)', '7dc000', 'non-canonical-varint', 1)
  A2('varint-2-31', 'varInt 2^31 (lib0 writes float32 4f000000)', '7d' + vi(2 ** 31), 'non-canonical', 0)
  A2('varint-neg-2-31', 'varInt -2^31 (lib0 writes float32 cf000000)', '7d' + vi(-(2 ** 31)), 'non-canonical', 0)
  A2('varint-2-31-plus-1', 'varInt 2^31 + 1 (lib0 writes float64)', '7d' + vi(2 ** 31 + 1), 'non-canonical', 0)
  A2('varint-2-40', 'varInt 2^40', '7d' + vi(2 ** 40), 'non-canonical', 0)
  A2('varint-neg-2-52', 'varInt -2^52', '7d' + vi(-(2 ** 52)), 'non-canonical', 0)
  A2('varint-cut', 'varInt running past the payload array', '7d80', 'truncated', 1)
  A2('varint-missing', 'varInt tag at the end (lib0 reads 0)', '7d', 'truncated', 1)
  A2('float32-one', 'float32 1.0 (lib0 writes varInt 1)', '7c3f800000', 'non-canonical', 0)
  A2('float32-zero', 'float32 0', '7c00000000', 'non-canonical', 0)
  A2('float32-neg-zero', 'float32 -0 (lib0 writes varInt 40)', '7c80000000', 'non-canonical', 0)
  A2('float32-int-max', 'float32 2^30 (an integer within varInt range)', '7c4e800000', 'non-canonical', 0)
  A2('float32-nan', 'float32 NaN (lib0 writes NaN as float64)', '7c7fc00000', 'non-canonical', 0)
  A2('float32-cut', 'float32 with 3 bytes', '7c3f0000', 'truncated', 1)
  A2('float64-one', 'float64 1.0', '7b3ff0000000000000', 'non-canonical', 0)
  A2('float64-half', 'float64 0.5 (float32-exact)', '7b3fe0000000000000', 'non-canonical', 0)
  A2('float64-neg-zero', 'float64 -0', '7b8000000000000000', 'non-canonical', 0)
  A2('float64-infinity', 'float64 Infinity (lib0 writes float32)', '7b7ff0000000000000', 'non-canonical', 0)
  A2('float64-2-31', 'float64 2^31 (float32-exact)', '7b41e0000000000000', 'non-canonical', 0)
  A2('float64-nan-payload', 'float64 NaN 7ff8000000000001', '7b7ff8000000000001', 'non-canonical', 0)
  A2('float64-nan-negative', 'float64 NaN fff8000000000000', '7bfff8000000000000', 'non-canonical', 0)
  A2('float64-nan-signalling', 'float64 NaN 7ff0000000000001', '7b7ff0000000000001', 'non-canonical', 0)
  A2('float64-cut', 'float64 with 7 bytes', '7b3fb9999999999a'.slice(0, 16), 'truncated', 1)
  A2('bigint-cut', 'bigint with 4 bytes', '7a00000001', 'truncated', 1)
  A2('string-missing', 'string tag and nothing else', '77', 'truncated', 1)
  A2('string-cut', 'string shorter than its length', '770361', 'truncated', 1)
  A2('string-invalid-utf8', 'string bytes c3 28', '7702c328', 'invalid-utf8', 1)
  A2('string-lone-surrogate', 'string with an encoded lone surrogate', '7703edb080', 'invalid-utf8', 1)
  A2('string-overlong', 'string length 1 as 81 00', '77810061', 'non-canonical-varint', 1)
  A2('bytes-cut', 'byte array shorter than its length', '740201', 'truncated', 1)
  A2('object-count-missing', 'object tag and nothing else', '76', 'truncated', 1)
  A2('object-count-too-big', 'object count 3 with bytes for one entry', '7603' + vs('a') + '7e', 'truncated', 1)
  A2('object-count-limit', 'object count 100001 (max_list_entries)', '76' + vu(100001), 'limit-exceeded', 1)
  A2('object-count-overlong', 'object count 0 as 80 00', '768000', 'non-canonical-varint', 1)
  A2('object-value-missing', 'object entry without its value', '7601' + vs('a'), 'truncated', 4)
  A2('object-key-invalid-utf8', 'object key not UTF-8', '7601' + '01ff' + '7e', 'invalid-utf8', 2)
  A2('object-repeated-key', 'key "a" twice (lib0 keeps the last)', '7602' + vs('a') + '7d01' + vs('a') + '7d02', 'non-canonical', 2 + 4)
  A2('object-repeated-empty-key', 'empty key twice', '7602' + vs('') + '78' + vs('') + '79', 'non-canonical', 2 + 2)
  A2('object-int-key-after-string', 'key "b" then "0" (JS enumerates "0" first)', '7602' + vs('b') + '78' + vs('0') + '78', 'non-canonical', 2 + 3)
  A2('object-int-keys-descending', 'keys "2" then "1"', '7602' + vs('2') + '78' + vs('1') + '78', 'non-canonical', 2 + 3)
  A2('object-int-keys-10-before-9', 'keys "10" then "9" (numeric, not string order)', '7602' + vs('10') + '78' + vs('9') + '78', 'non-canonical', 2 + 4)
  A2('object-proto-key', 'a __proto__ key (lib0 sets the prototype; no key survives)', '7601' + vs('__proto__') + '7600', 'non-canonical', 2)
  for (const [k, val] of [['$bytes', vs('00').replace(/^/, '77')], ['$undefined', '78'], ['$bigint', '77' + vs('1')], ['$number', '77' + vs('NaN')]] as [string, string][]) {
    A2(`object-marker-${k.slice(1)}`, `an object whose only key is ${k} would print as a JSON marker`, '7601' + vs(k) + val, 'invalid-value', 0)
  }
  A2('array-count-missing', 'array tag and nothing else', '75', 'truncated', 1)
  A2('array-count-too-big', 'array count 3 with two items', '75037e7e', 'truncated', 1)
  A2('array-count-limit', 'array count 100001', '75' + vu(100001), 'limit-exceeded', 1)
  A2('array-item-bad-tag', 'array item with tag 1', '75027e01', 'invalid-value', 3)
  A2('array-nested-cut', 'a nested string runs out', '7501' + '7501' + '7705' + '6162', 'truncated', 5)
  const deep = (n: number, tag: string) => tag === '75' ? '7501'.repeat(n) + '7d01' : ('7601' + vs('k')).repeat(n) + '7d01'
  A2('depth-65-arrays', '65 nested arrays: the 65th array\'s tag', deep(65, '75'), 'limit-exceeded', 2 * 64)
  A2('depth-65-objects', '65 nested objects', deep(65, '76'), 'limit-exceeded', 4 * 64)
  A2('depth-100-arrays', '100 nested arrays: refused at the 65th (deep enough, and within serde_json\'s default recursion limit of 128 when read with its verdict)', deep(100, '75'), 'limit-exceeded', 2 * 64)
  A2('depth-65-mixed', '32 objects and 33 arrays alternating', ('7601' + vs('k') + '7501').repeat(32) + '7501' + '7e', 'limit-exceeded', 6 * 32)
  // presence data depth counts from the data object
  add('presence-join-data-depth-65', 'presence data nested 65 deep', hdr(3) + '01' + peer(('7601' + vs('k')).repeat(65) + '7e'), 'limit-exceeded', P + 4 * 64)

  // ---- strict prefixes of one frame of each kind, cut at, into and at the end of every element
  const CUT = ['ping', 'doc-sync-step-1', 'doc-update-v2-encrypted', 'doc-auth-denied', 'awareness-update', 'awareness-request',
    'nack-retry-after-and-error', 'presence-announce-128', 'presence-join', 'presence-heartbeat', 'rpc-response',
    'rpc-error-payload', 'milestone-delete-request', 'any-float64-0-1', 'any-bigint-min', 'any-array-mixed']
  const valid = new Map(validVectors().map(([n, , j]) => [n, j]))
  for (const name of CUT) {
    const json = valid.get(name)
    const hex = frameHex(json)
    const rows = annotate(json)
    // where an element would start, one byte into it, and one byte before its end
    const cuts = new Set<number>()
    for (const r of rows) for (const c of [r.start, r.start + 1, r.start + len(r.hex) - 1]) if (c > 0 && c < len(hex) && c < r.start + len(r.hex)) cuts.add(c)
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      add(`cut-${name}-${cut}`, `the first ${cut} bytes of ${name}`, hex.slice(0, 2 * cut), 'truncated', truncationOffset(rows, cut))
    }
  }

  // ---- every varUint / varInt / length prefix outside an RPC success payload, one byte longer
  const LONG = ['doc-sync-step-1', 'doc-update-v1', 'doc-auth-denied', 'awareness-update', 'nack-retry-after-and-error', 'presence-announce-16384',
    'presence-heartbeat', 'rpc-response', 'milestone-get-error-404', 'any-error-payload-zero', 'any-presence-data-nested']
  for (const name of LONG) {
    const rows = annotate(valid.get(name))
    rows.forEach((r, i) => {
      if (r.inPayload || !['varuint', 'varint', 'string', 'bytes', 'count'].includes(r.kind)) return
      const bytes = hexToBytes(r.hex)
      // the varint's own bytes: for a string/bytes element only its length prefix
      let k = 0
      while (bytes[k] & 0x80) k++
      const longer = bytesToHex(bytes.slice(0, k)) + u8(bytes[k] | 0x80) + '00' + bytesToHex(bytes.slice(k + 1))
      const hex = rows.map((x, j) => (j === i ? longer : x.hex)).join('')
      add(`overlong-${name}-${i}`, `${name}: ${r.label.split(':')[0]} with one extra varint byte`, hex, 'non-canonical-varint', r.start)
    })
  }

  // ---- trailing bytes after every valid frame kind
  for (const [name, , json] of validVectors()) {
    const hex = frameHex(json)
    if (hex.length > 2000) continue
    add(`trailing-${name}`, `${name} with one extra 00 byte (teleportal ignores it)`, hex + '00', 'trailing-bytes', len(hex))
  }
  return out
}

// ---- MessageArray and the pub/sub envelope

export const messageArrays = (valid: any[], named: (n: string) => void, problems: string[]): any[] => {
  const pick = (n: string) => valid.find((v) => v.name === n)
  const sets: [string, string[]][] = [
    ['empty', []],
    ['one', ['doc-sync-step-1']],
    ['three', ['doc-sync-step-1', 'ack', 'rpc-request']],
    ['every-type', ['doc-update-v2', 'awareness-update', 'nack-error', 'presence-join', 'milestone-get-response']],
    ['long-frame', ['doc-update-data-16384']]
  ]
  const out: any[] = []
  for (const [n, names] of sets) {
    const name = `message-array-${n}`
    named(name)
    const frames = names.map((x) => pick(x))
    const hex = bytesToHex(encodeMessageArray(frames.map((f) => fromJson(f.json))))
    const back = decodeMessageArray(hexToBytes(hex)).map(toJson)
    if (!isDeepStrictEqual(back, frames.map((f) => f.json))) problems.push(`${name}: teleportal's decodeMessageArray differs`)
    out.push({ name, hex, frames: frames.map((f) => f.hex) })
  }
  const one = pick('doc-sync-step-1').hex
  const bad: [string, string, string, string, number][] = [
    ['message-array-length-cut', 'the second length varUint runs out', vb(one) + '80', 'truncated', len(vb(one))],
    ['message-array-frame-cut', 'the last frame is shorter than its length', vb(one) + '20' + one.slice(0, 20), 'truncated', len(vb(one))],
    ['message-array-length-overlong', 'a frame length written with an extra 80 00', overlong(len(one), 3) + one, 'non-canonical-varint', 0]
  ]
  for (const [name, description, hex, error, offset] of bad) {
    named(name)
    let teleportal: any
    try { teleportal = { decodes: true, count: decodeMessageArray(hexToBytes(hex)).length } } catch (e: any) { teleportal = { decodes: false, message: String(e?.message ?? e) } }
    out.push({ name, description, hex, error, offset, teleportal })
  }
  return out
}

export const envelopes = (valid: any[], named: (n: string) => void, problems: string[]): any[] => {
  const pick = (n: string) => valid.find((v) => v.name === n)
  const cases: [string, string, string][] = [
    ['envelope-doc', 'node-1', 'doc-update-v2'],
    ['envelope-empty-source', '', 'ack'],
    ['envelope-source-128', 's'.repeat(128), 'awareness-update'],
    ['envelope-unicode-source', 'nœud-😀', 'milestone-list-response'],
    ['envelope-ping', 'node-1', 'ping']
  ]
  const out: any[] = []
  for (const [name, sourceId, frameName] of cases) {
    named(name)
    const frame = pick(frameName).hex
    const hex = bytesToHex(encodePubSubMessage(hexToBytes(frame), sourceId))
    const back = decodePubSubMessage(hexToBytes(hex))
    if (back.sourceId !== sourceId || bytesToHex(back.message) !== frame) problems.push(`${name}: decodePubSubMessage differs`)
    out.push({ name, hex, sourceId, frame })
  }
  const bad: [string, string, string, string, number][] = [
    ['envelope-source-cut', 'sourceId shorter than its length', '0a6e6f', 'truncated', 0],
    ['envelope-source-invalid-utf8', 'sourceId not UTF-8', '01ff' + pick('ping').hex, 'invalid-utf8', 0],
    ['envelope-source-overlong', 'sourceId length 1 as 81 00', '810061' + pick('ping').hex, 'non-canonical-varint', 0]
  ]
  for (const [name, description, hex, error, offset] of bad) {
    named(name)
    let teleportal: any
    try { const d = decodePubSubMessage(hexToBytes(hex)); teleportal = { decodes: true, sourceId: d.sourceId, frame: bytesToHex(d.message) } } catch (e: any) { teleportal = { decodes: false, message: String(e?.message ?? e) } }
    out.push({ name, description, hex, error, offset, teleportal })
  }
  return out
}
