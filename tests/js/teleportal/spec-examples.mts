#!/usr/bin/env bun
/**
 * The generated blocks of spec/teleportal/*.md, from the vectors of spec/vectors/teleportal/.
 *
 *   TELEPORTAL_DIR=<copy> <bun> spec-examples.mts           rewrite every block
 *   TELEPORTAL_DIR=<copy> <bun> spec-examples.mts --check   write nothing; exit 1 if a block differs
 *
 * Blocks (each ends with `<!-- /NAME -->` on its own line):
 *   <!-- example VECTOR -->     a valid vector's JSON form and annotated hex: every element is
 *                               written by its own lib0 writer (annotate.mts); the script checks
 *                               the rows add up to the vector's hex (written by teleportal), that
 *                               teleportal and the strict oracle decode it to the JSON form, and
 *                               prints the message id.
 *   <!-- invalid VECTOR -->     an invalid vector: hex, the strict error and offset, teleportal's verdict.
 *   <!-- array VECTOR -->       a MessageArray vector; <!-- envelope VECTOR --> a pub/sub envelope.
 *   <!-- leniency -->           the leniency table: LENIENCY below, one row per invalid vector.
 *   <!-- counts -->             how many invalid vectors teleportal's decoder accepts, by group.
 * So no hex in spec/teleportal/ is typed by hand.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { hexToBytes, bytesToHex, messageId } from './peer.mts'
import { toJson, decodeBytes } from './json-form.mts'
import { strictDecode } from './strict.mts'
import { annotate } from './annotate.mts'

const SPEC = fileURLToPath(new URL('../../../spec/teleportal/', import.meta.url))
const VEC = fileURLToPath(new URL('../../../spec/vectors/teleportal/', import.meta.url))
const load = (f: string) => JSON.parse(readFileSync(VEC + f, 'utf8'))
const valid = new Map(load('valid.json').map((v: any) => [v.name, v]))
const invalid = new Map(load('invalid.json').map((v: any) => [v.name, v]))
const arrays = new Map(load('message-arrays.json').map((v: any) => [v.name, v]))
const envelopes = new Map(load('envelopes.json').map((v: any) => [v.name, v]))
const ROW = 12
const spaced = (hex: string) => hex.match(/../g)?.join(' ') ?? ''

const table = (rows: { hex: string, label: string }[], start = 0) => {
  const lines = ['off  bytes' + ' '.repeat(3 * ROW - 4) + 'element']
  let at = start
  for (const r of rows) {
    const n = r.hex.length / 2
    const shown = Math.min(n, ROW * 3) // long elements: the first three rows, then "… N more bytes"
    for (let i = 0; i < shown; i += ROW) {
      lines.push(`${String(at + i).padStart(3)}  ${spaced(r.hex.slice(2 * i, 2 * Math.min(i + ROW, shown))).padEnd(3 * ROW - 1)}  ${i === 0 ? r.label : '…'}`)
    }
    if (n > shown) lines.push(`${' '.repeat(3)}  ${`… ${n - shown} more bytes`.padEnd(3 * ROW - 1)}`)
    at += n
  }
  return lines.map((l) => l.trimEnd()).join('\n')
}

const example = (name: string) => {
  const v: any = valid.get(name)
  if (!v) throw new Error(`no valid vector ${name}`)
  const rows = annotate(v.json)
  const hex = rows.map((r) => r.hex).join('')
  if (hex !== v.hex) throw new Error(`${name}: annotation differs from teleportal's bytes`)
  const bytes = hexToBytes(hex)
  if (!isDeepStrictEqual(toJson(decodeBytes(bytes)), v.json)) throw new Error(`${name}: teleportal does not decode the example to its JSON form`)
  if (!isDeepStrictEqual(strictDecode(bytes).json, v.json)) throw new Error(`${name}: strict oracle does not read the example back`)
  if (messageId(bytes) !== v.id) throw new Error(`${name}: id`)
  const json = JSON.stringify(v.json)
  return [
    `Example (vector \`${name}\`): ${v.description}.`,
    '',
    '```json',
    json.length > 600 ? json.slice(0, 600) + ' …' : json,
    '```',
    '',
    '```text',
    table(rows),
    '```',
    '',
    bytes.length <= 96 ? `Whole frame (${bytes.length} bytes): \`${hex}\`; message id \`${v.id}\`.` : `Whole frame: ${bytes.length} bytes; message id \`${v.id}\`.`
  ].join('\n')
}

const verdictText = (t: any) => t.decodes
  ? `decodes it${t.reencoded === null ? ' (then its encoder throws)' : t.reencoded ? `, re-encodes \`${t.reencoded.length > 64 ? t.reencoded.slice(0, 64) + '…' : t.reencoded}\`` : ''}`
  : `throws "${t.message}"`

const invalidBlock = (name: string) => {
  const v: any = invalid.get(name)
  if (!v) throw new Error(`no invalid vector ${name}`)
  const s = strictDecode(hexToBytes(v.hex))
  if (s.error !== v.error || s.offset !== v.offset) throw new Error(`${name}: strict oracle disagrees`)
  return `Invalid (vector \`${name}\`): ${v.description}. Bytes \`${spaced(v.hex)}\`: strict \`${v.error}\` at ${v.offset}; teleportal ${verdictText(v.teleportal)}.`
}

const arrayBlock = (name: string) => {
  const v: any = arrays.get(name)
  if (!v) throw new Error(`no message-array vector ${name}`)
  const rows: { hex: string, label: string }[] = []
  let rest = v.hex
  v.frames.forEach((f: string, i: number) => {
    const prefixLen = rest.indexOf(f) / 2
    rows.push({ hex: rest.slice(0, 2 * prefixLen), label: `frame ${i} length: varUint ${f.length / 2}` })
    rows.push({ hex: f, label: `frame ${i}: vector ${([...valid.values()].find((x: any) => x.hex === f) as any)?.name ?? '?'}` })
    rest = rest.slice(2 * prefixLen + f.length)
  })
  if (rows.map((r) => r.hex).join('') !== v.hex) throw new Error(`${name}: rows do not add up`)
  return [`Example (vector \`${name}\`): a MessageArray of ${v.frames.length} frames.`, '', '```text', table(rows), '```'].join('\n')
}

const envelopeBlock = (name: string) => {
  const v: any = envelopes.get(name)
  if (!v) throw new Error(`no envelope vector ${name}`)
  const src = v.hex.slice(0, v.hex.length - v.frame.length)
  const rows = [{ hex: src, label: `sourceId: varString ${JSON.stringify(v.sourceId)}` }, { hex: v.frame, label: 'the frame, to the end' }]
  return [`Example (vector \`${name}\`): a pub/sub envelope.`, '', '```text', table(rows), '```'].join('\n')
}

/** The leniency table: what teleportal 802ec6e does vs what a strict decoder does. */
export const LENIENCY: [string, string][] = [
  ['ping-trailing', 'bytes after "YJSping"'],
  ['trailing-doc-sync-done', 'bytes after a complete frame'],
  ['rpc-payload-trailing', 'bytes after the value inside an RPC success payload array'],
  ['document-overlong-length', 'a varUint not in shortest form'],
  ['ack-retry-after-2-53', 'a varUint above 2^53 - 1'],
  ['document-limit', 'a document name above max_name_bytes'],
  ['encrypted-2', 'an encrypted byte other than 0 or 1'],
  ['doc-update-version-3', 'an update version other than 1 or 2'],
  ['doc-auth-permission-7', 'a permission byte other than 0 or 1'],
  ['ack-flags-4', 'unknown ack flag bits'],
  ['ack-document', 'an ack with a document name'],
  ['ack-encrypted', 'an ack with encrypted 1'],
  ['presence-encrypted', 'presence with encrypted 1'],
  ['ack-flags-missing', 'an ack cut before its flags (lib0 reads undefined)'],
  ['rpc-error-has-payload-missing', 'an RPC error cut before hasPayload'],
  ['rpc-error-has-payload-2', 'hasPayload other than 0 or 1'],
  ['rpc-response-original-id-empty', 'an empty originalRequestId'],
  ['rpc-error-payload-null', 'hasPayload 1 with a null payload'],
  ['any-varint-missing', 'an `any` varInt cut off (lib0 reads 0)'],
  ['any-varint-overlong', 'an `any` varInt not in shortest form'],
  ['any-varint-2-31', 'a varInt lib0 would write as a float'],
  ['any-float32-one', 'a float32 lib0 would write as a varInt'],
  ['any-float64-half', 'a float64 lib0 would write as a float32'],
  ['any-float64-nan-payload', 'NaN bits other than 7ff8000000000000'],
  ['any-object-repeated-key', 'a repeated object key'],
  ['any-object-int-key-after-string', 'object keys out of JavaScript order'],
  ['any-object-proto-key', 'a `__proto__` key'],
  ['any-object-marker-bytes', 'an object that prints as a JSON marker'],
  ['any-depth-65-arrays', 'nesting deeper than max_any_depth (64)'],
  ['presence-join-data-bytes', 'presence data that is not an object (bytes)'],
  ['presence-join-data-null', 'presence data null']
]
const leniencyBlock = () => {
  const lines = ['| input | vector | teleportal 802ec6e | strict decoder |', '|---|---|---|---|']
  for (const [name, what] of LENIENCY) {
    const v: any = invalid.get(name)
    if (!v) throw new Error(`no invalid vector ${name}`)
    const s = strictDecode(hexToBytes(v.hex))
    if (s.error !== v.error || s.offset !== v.offset) throw new Error(`${name}: strict oracle disagrees`)
    const t = v.teleportal
    const does = t.decodes
      ? `accepts${t.reencoded === v.hex ? ' (re-encodes the same bytes)' : t.reencoded === null ? ', then cannot re-encode it' : ', re-encodes other bytes'}`
      : `throws "${t.message.replace(/\|/g, '\\|')}"`
    lines.push(`| ${what} | \`${name}\` | ${does} | \`${v.error}\` at ${v.offset} |`)
  }
  return lines.join('\n')
}

/** What teleportal's decoder does with invalid.json, by how the vectors were made. */
const countsBlock = () => {
  const groups: [string, string][] = [
    ['hand-made', 'hand-made mutations at known offsets (every leniency of [strictness.md](strictness.md))'],
    ['trailing', 'one trailing `00` after every valid frame (below 1000 bytes)'],
    ['overlong', 'every varint outside an RPC payload array made one byte longer (11 frames)'],
    ['cut', 'strict prefixes of 16 frames, cut at, into and at the end of each element']
  ]
  const group = (n: string) => ['cut', 'overlong', 'trailing'].find((p) => n.startsWith(p + '-')) ?? 'hand-made'
  const all = [...invalid.values()] as any[]
  const lines = ['| group | vectors | teleportal accepts | of which re-encode the same bytes |', '|---|---|---|---|']
  const row = (label: string, vs: any[]) => {
    const acc = vs.filter((v) => v.teleportal.decodes)
    return `| ${label} | ${vs.length} | ${acc.length} | ${acc.filter((v) => v.teleportal.reencoded === v.hex).length} |`
  }
  for (const [g, label] of groups) lines.push(row(label, all.filter((v) => group(v.name) === g)))
  lines.push(row('**all**', all))
  const noEncode = all.filter((v) => v.teleportal.decodes && v.teleportal.reencoded === null).length
  lines.push('', `${noEncode} of the accepted frames cannot be re-encoded by teleportal's own encoder (an empty originalRequestId).`)
  return lines.join('\n')
}

const BLOCK = /<!-- (example|invalid|array|envelope|leniency|counts)(?: ([a-z0-9-]+))? -->\n[\s\S]*?<!-- \/\1 -->/g
const render = (text: string) => text.replace(BLOCK, (_, kind: string, name: string) => {
  const body = kind === 'example' ? example(name) : kind === 'invalid' ? invalidBlock(name) : kind === 'array' ? arrayBlock(name)
    : kind === 'envelope' ? envelopeBlock(name) : kind === 'counts' ? countsBlock() : leniencyBlock()
  return `<!-- ${kind}${name ? ' ' + name : ''} -->\n${body}\n<!-- /${kind} -->`
})

let stale = 0
let blocks = 0
for (const f of readdirSync(SPEC).filter((f) => f.endsWith('.md')).sort()) {
  const text = readFileSync(SPEC + f, 'utf8')
  blocks += [...text.matchAll(BLOCK)].length
  const fresh = render(text)
  if (fresh === text) continue
  if (process.argv.includes('--check')) {
    process.stderr.write(`spec/teleportal/${f}: generated blocks are out of date (run tests/js/teleportal/spec-examples.mts)\n`)
    stale++
  } else writeFileSync(SPEC + f, fresh)
}
if (stale) process.exit(1)
console.log(`spec/teleportal/: ${blocks} generated blocks ${process.argv.includes('--check') ? 'up to date' : 'written'}`)
