#!/usr/bin/env node
/**
 * The table of payload readers in spec/errors.md ("Decoding procedure"), one row per snapshot
 * kind, generated from SNAPSHOT_FIELDS of codec.mjs so that it covers every kind.
 *
 *   node spec-tables.mjs           rewrite the table
 *   node spec-tables.mjs --check   write nothing; exit 1 if the table differs
 *
 * The table sits between `<!-- payload-readers -->` and `<!-- /payload-readers -->`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { SNAPSHOT_KINDS, SNAPSHOT_FIELDS, fieldType } from './codec.mjs'

const SPEC = fileURLToPath(new URL('../../spec/errors.md', import.meta.url))

/** The reader of each wire type, as the decoding procedure of errors.md names it. */
export const READERS = {
  uint: 'readVarUint()',
  code: 'readVarUint()',
  string: 'readString(maxStringBytes)',
  bytes: 'readBytes(maxPayloadBytes)',
  meta: 'readMeta()',
  metaList: 'readList(4, readMeta)',
  uintList: 'readList(1, readVarUint)',
  stringList: 'readList(1, readString(maxStringBytes))',
  checksum: 'readChecksum()',
  state: 'readState()',
  details: 'readDetails()'
}

const reader = (field) => {
  const r = READERS[fieldType(field)]
  if (!r) throw new Error(`no reader for ${field} (${fieldType(field)})`)
  return `${field} = ${r}`
}

/** The Markdown table: kind | what readPayload(kind) does. */
export const table = () => [
  '| Kind | `readPayload(kind)` |',
  '| --- | --- |',
  ...SNAPSHOT_KINDS.map((kind) => {
    const fields = SNAPSHOT_FIELDS[kind]
    const reads = fields.length ? fields.map((f) => `\`${reader(f)}\``).join('; ') : '(nothing)'
    return `| \`${kind}\` | ${reads} |`
  })
].join('\n')

const BLOCK = /<!-- payload-readers -->\n[\s\S]*?<!-- \/payload-readers -->/

export const render = (text) => {
  if (!BLOCK.test(text)) throw new Error('spec/errors.md has no payload-readers block')
  return text.replace(BLOCK, () => `<!-- payload-readers -->\n${table()}\n<!-- /payload-readers -->`)
}

const main = () => {
  const text = readFileSync(SPEC, 'utf8')
  const fresh = render(text)
  if (process.argv.includes('--check')) {
    if (fresh !== text) {
      process.stderr.write('spec/errors.md payload readers are out of date: run node tests/js/spec-tables.mjs\n')
      process.exit(1)
    }
    process.stdout.write(`spec/errors.md: payload readers of ${SNAPSHOT_KINDS.length} kinds up to date\n`)
    return
  }
  writeFileSync(SPEC, fresh)
  process.stdout.write(`spec/errors.md: payload readers of ${SNAPSHOT_KINDS.length} kinds written\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
