#!/usr/bin/env node
/**
 * The annotated hex examples of spec/snapshot-extensions.md, generated from the
 * `ext-<kind>` vectors of extension-vectors.mjs.
 *
 *   node spec-examples.mjs           rewrite every example block of the spec
 *   node spec-examples.mjs --check   write nothing; exit 1 if a block differs
 *
 * A block sits between `<!-- example KIND -->` and `<!-- /example -->`. Every byte of
 * it is written here by a lib0 writer, element by element, and the script checks that
 * the concatenation equals encodeFrame(json), the vector's hex, and that the strict
 * oracle decodes it back to the JSON form; so no hex in the spec is typed by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import * as encoding from 'lib0/encoding'
import {
  encodeFrame, bytesToHex, MAGIC, MESSAGE_TYPES, SNAPSHOT_FIELDS, DETAILS_FIELDS, STATES,
  fieldType, errorCodeValue
} from './codec.mjs'
import { EXT_VALID, SPEC_EXAMPLES } from './extension-vectors.mjs'
import { strictDecode } from './strict.mjs'

const SPEC = fileURLToPath(new URL('../../spec/snapshot-extensions.md', import.meta.url))
const ROW = 12 // bytes per row

/** Rows [bytes, label] of one frame, each written by a lib0 writer. */
const annotate = (json) => {
  const rows = []
  const put = (label, write) => {
    const e = encoding.createEncoder()
    write(e)
    rows.push([encoding.toUint8Array(e), label])
  }
  const str = (label, s) => put(`${label}: varString ${JSON.stringify(s)}`, (e) => encoding.writeVarString(e, s))
  const uint = (label, n, note = '') => put(`${label}: varUint ${n}${note}`, (e) => encoding.writeVarUint(e, n))
  const field = (f, v, label) => {
    switch (fieldType(f)) {
      case 'uint': return uint(label, v)
      case 'string': return str(label, v)
      case 'meta':
        uint(`${label}.id`, v.id); str(`${label}.name`, v.name)
        uint(`${label}.createdAt`, v.createdAt); str(`${label}.userId`, v.userId)
        return
      case 'uintList':
      case 'stringList':
        uint(`${label} count`, v.length)
        return v.forEach((x, i) => field(f === 'knownIds' ? 'snapshotId' : 'name', x, `${label}[${i}]`))
      case 'code': return uint(label, errorCodeValue(v), ` (${v})`)
      case 'state': return uint(label, STATES.indexOf(v), ` (${v})`)
      case 'checksum':
        return put(`${label}: varUint8Array, ${v.length / 2} bytes${v ? ' (SHA-256)' : ' (unknown)'}`,
          (e) => encoding.writeVarUint8Array(e, Uint8Array.from(v.match(/../g) ?? [], (h) => parseInt(h, 16))))
      case 'details':
        return DETAILS_FIELDS.forEach((d) => field(d, v[d], `DETAILS.${d}`))
    }
    throw new Error(`cannot annotate ${f}`)
  }
  put('magic "YJS"', (e) => encoding.writeUint8Array(e, MAGIC))
  put('version 1', (e) => encoding.writeUint8(e, 1))
  str('document', json.document)
  put('message type 2: snapshot', (e) => encoding.writeUint8(e, MESSAGE_TYPES.indexOf(json.type)))
  str('kind', json.payload.type)
  for (const f of SNAPSHOT_FIELDS[json.payload.type]) field(f, json.payload[f], f)
  return rows
}

const hexRow = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')

/** The text of the example block for `kind`. */
export const exampleBlock = (kind) => {
  const name = SPEC_EXAMPLES[kind]
  const [, description, json] = EXT_VALID.find(([n]) => n === name)
  const rows = annotate(json)
  const all = new Uint8Array(rows.reduce((n, [b]) => n + b.length, 0))
  let at = 0
  const lines = []
  for (const [bytes, label] of rows) {
    for (let i = 0; i < bytes.length; i += ROW) {
      lines.push(`${String(at + i).padStart(3)}  ${hexRow(bytes.subarray(i, i + ROW)).padEnd(3 * ROW - 1)}  ${i === 0 ? label : '…'}`)
    }
    all.set(bytes, at)
    at += bytes.length
  }
  const hex = bytesToHex(all)
  if (hex !== bytesToHex(encodeFrame(json))) throw new Error(`${kind}: annotation differs from encodeFrame`)
  if (!isDeepStrictEqual(strictDecode(all), json)) throw new Error(`${kind}: strict oracle does not read the example back`)
  return [
    `Example (vector \`${name}\`): ${description}.`,
    '',
    '```json',
    JSON.stringify(json),
    '```',
    '',
    '```text',
    'off  bytes' + ' '.repeat(3 * ROW - 4) + 'element',
    ...lines,
    '```',
    '',
    `Whole frame (${all.length} bytes): \`${hex}\``
  ].join('\n')
}

const BLOCK = /<!-- example ([a-z-]+) -->\n[\s\S]*?<!-- \/example -->/g

/** The spec text with every example block regenerated. */
export const render = (text) => text.replace(BLOCK, (_, kind) => {
  if (!SPEC_EXAMPLES[kind]) throw new Error(`no example vector for ${kind}`)
  return `<!-- example ${kind} -->\n${exampleBlock(kind)}\n<!-- /example -->`
})

const main = () => {
  const text = readFileSync(SPEC, 'utf8')
  const kinds = [...text.matchAll(BLOCK)].map((m) => m[1])
  const missing = Object.keys(SPEC_EXAMPLES).filter((k) => !kinds.includes(k))
  if (missing.length) {
    process.stderr.write(`spec/snapshot-extensions.md has no example block for ${missing.join(', ')}\n`)
    process.exit(1)
  }
  const fresh = render(text)
  if (process.argv.includes('--check')) {
    if (fresh !== text) {
      process.stderr.write('spec/snapshot-extensions.md examples are out of date: run node tests/js/spec-examples.mjs\n')
      process.exit(1)
    }
    process.stdout.write(`spec/snapshot-extensions.md: ${kinds.length} examples up to date\n`)
    return
  }
  writeFileSync(SPEC, fresh)
  process.stdout.write(`spec/snapshot-extensions.md: ${kinds.length} examples written\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
