#!/usr/bin/env bun
/**
 * Writes spec/vectors/teleportal/{valid,invalid,message-arrays,envelopes}.json with teleportal's
 * own encoder and decoder (peer.mts loads them from the reference peer's copy).
 *
 *   TELEPORTAL_DIR=<copy> <bun> tests/js/teleportal/write-vectors.mts           write the files
 *   TELEPORTAL_DIR=<copy> <bun> tests/js/teleportal/write-vectors.mts --check   write nothing; exit 1 if they differ
 *
 * Before writing it checks every vector: a valid one is encoded by teleportal from its JSON form,
 * decodes (teleportal) back to the same JSON form and bytes, and the strict oracle (strict.mts)
 * decodes it to the same JSON form; its id is teleportal's `id` getter. An invalid one must fail
 * in the strict oracle with exactly its error and offset; its `teleportal` member is what
 * teleportal's decodeMessage did with it.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { bytesToHex, hexToBytes, messageId, types } from './peer.mts'
import { encodeJson, decodeBytes, toJson, fromJson, verdict } from './json-form.mts'
import { strictDecode } from './strict.mts'
import { annotate } from './annotate.mts'
import { validVectors } from './vectors.mts'
import { invalidVectors, messageArrays, envelopes } from './invalid.mts'

const DIR = fileURLToPath(new URL('../../../spec/vectors/teleportal/', import.meta.url))
/** One vector per line: diffs stay readable and big vectors stay small. */
const render = (xs: unknown[]) => xs.length ? '[\n' + xs.map((x) => '  ' + JSON.stringify(x)).join(',\n') + '\n]\n' : '[]\n'

const problems: string[] = []
const names = new Set<string>()
const named = (name: string) => {
  if (names.has(name)) problems.push(`${name}: duplicate name`)
  names.add(name)
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) problems.push(`${name}: name is not kebab-case`)
}

const valid = validVectors().map(([name, description, json]) => {
  named(name)
  const bytes = encodeJson(json)
  const hex = bytesToHex(bytes)
  const back = toJson(decodeBytes(bytes))
  if (!isDeepStrictEqual(back, json)) problems.push(`${name}: teleportal decodes to ${JSON.stringify(back).slice(0, 300)}`)
  const s = strictDecode(bytes)
  if (!isDeepStrictEqual(s.json, json)) problems.push(`${name}: strict oracle gives ${JSON.stringify(s).slice(0, 300)}`)
  const rows = annotate(json)
  if (rows.map((r) => r.hex).join('') !== hex) problems.push(`${name}: the annotated elements do not add up to the frame`)
  const id = messageId(bytes)
  const m = fromJson(json)
  if (typeof m !== 'string' && m.id !== id) problems.push(`${name}: teleportal's id ${m.id}, FNV ${id}`)
  return { name, description, hex, json, id }
})

const invalid = invalidVectors().map((v) => {
  named(v.name)
  const bytes = hexToBytes(v.hex)
  const s = strictDecode(bytes)
  if (s.error !== v.error || s.offset !== v.offset) {
    problems.push(`${v.name}: expected ${v.error} @ ${v.offset}, strict oracle gives ${s.error ?? 'success'} @ ${s.offset} (${s.message ?? JSON.stringify(s.json).slice(0, 200)})`)
  }
  return { name: v.name, description: v.description, hex: v.hex, error: v.error, offset: v.offset, teleportal: verdict(bytes) }
})

const arrays = messageArrays(valid, named, problems)
const envs = envelopes(valid, named, problems)

// serde_json (the Rust tests' reader) refuses JSON nested deeper than 128 by default
const depth = (x: any): number => x !== null && typeof x === 'object' ? 1 + Math.max(0, ...Object.values(x).map(depth)) : 0
for (const [f, xs] of [['valid.json', valid], ['invalid.json', invalid], ['message-arrays.json', arrays], ['envelopes.json', envs]] as [string, any[]][]) {
  if (depth(xs) > 120) problems.push(`${f}: JSON nested ${depth(xs)} deep (serde_json's default limit is 128)`)
}

if (problems.length) {
  process.stderr.write(problems.join('\n') + '\n')
  process.exit(1)
}
const files: Record<string, string> = {
  'valid.json': render(valid),
  'invalid.json': render(invalid),
  'message-arrays.json': render(arrays),
  'envelopes.json': render(envs)
}
const accepted = invalid.filter((v) => v.teleportal.decodes).length
if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([f, text]) => {
    try { return readFileSync(DIR + f, 'utf8') !== text } catch { return true }
  }).map(([f]) => f)
  if (stale.length) {
    process.stderr.write(`spec/vectors/teleportal/ is stale: ${stale.join(', ')} (run tests/js/teleportal/write-vectors.mts)\n`)
    process.exit(1)
  }
  console.log(`spec/vectors/teleportal/ is fresh: ${valid.length} valid, ${invalid.length} invalid (teleportal decodes ${accepted}), ${arrays.length} message arrays, ${envs.length} envelopes`)
} else {
  mkdirSync(DIR, { recursive: true })
  for (const [f, text] of Object.entries(files)) writeFileSync(DIR + f, text)
  console.log(`wrote spec/vectors/teleportal/: ${valid.length} valid, ${invalid.length} invalid (teleportal decodes ${accepted}), ${arrays.length} message arrays, ${envs.length} envelopes`)
}
