#!/usr/bin/env node
/**
 * Writes spec/vectors/valid.json and spec/vectors/invalid.json from vectors.mjs.
 *
 *   node write-vectors.mjs           write both files
 *   node write-vectors.mjs --check   write nothing; exit 1 if the files on disk differ
 *
 * Before writing (or checking) it self-checks every vector: a valid one must
 * round-trip through lib0 (encodeFrame/decodeFrame) and decode to its JSON form
 * with the strict oracle (strict.mjs); an invalid one must fail in the strict
 * oracle with exactly its error kind and offset. Any mismatch exits 1.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { validVectors, invalidVectors } from './vectors.mjs'
import { encodeFrame, decodeFrame, bytesToHex, hexToBytes } from './codec.mjs'
import { strictDecode } from './strict.mjs'

const DIR = fileURLToPath(new URL('../../spec/vectors/', import.meta.url))
const render = (vectors) => JSON.stringify(vectors, null, 2) + '\n'

/**
 * Problems found in the vectors (empty when all is well).
 * @returns {string[]}
 */
export const selfCheck = (valid = validVectors(), invalid = invalidVectors()) => {
  const problems = []
  const names = new Set()
  for (const v of [...valid, ...invalid]) {
    if (names.has(v.name)) problems.push(`${v.name}: duplicate name`)
    names.add(v.name)
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v.name)) problems.push(`${v.name}: name is not kebab-case`)
  }
  for (const v of valid) {
    const bytes = hexToBytes(v.hex)
    if (bytesToHex(encodeFrame(v.json)) !== v.hex) problems.push(`${v.name}: encodeFrame differs`)
    if (!isDeepStrictEqual(decodeFrame(bytes), v.json)) problems.push(`${v.name}: lib0 decodeFrame differs`)
    const s = strictDecode(bytes)
    if (!isDeepStrictEqual(s, v.json)) problems.push(`${v.name}: strict decode gives ${JSON.stringify(s).slice(0, 200)}`)
  }
  for (const v of invalid) {
    const s = strictDecode(hexToBytes(v.hex))
    if (s.error !== v.error || s.offset !== v.offset) {
      problems.push(`${v.name}: expected ${v.error} @ ${v.offset}, strict oracle gives ${s.error ?? 'success'} @ ${s.offset} (${s.message})`)
    }
  }
  return problems
}

const main = () => {
  const valid = validVectors()
  const invalid = invalidVectors()
  const problems = selfCheck(valid, invalid)
  if (problems.length) {
    process.stderr.write(problems.join('\n') + '\n')
    process.exit(1)
  }
  const files = { 'valid.json': render(valid), 'invalid.json': render(invalid) }
  if (process.argv.includes('--check')) {
    let stale = false
    for (const [name, text] of Object.entries(files)) {
      let disk = null
      try { disk = readFileSync(DIR + name, 'utf8') } catch {}
      if (disk !== text) { stale = true; process.stderr.write(`spec/vectors/${name} is out of date: run node tests/js/write-vectors.mjs\n`) }
    }
    if (stale) process.exit(1)
    process.stdout.write(`spec/vectors up to date: ${valid.length} valid, ${invalid.length} invalid\n`)
    return
  }
  mkdirSync(DIR, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(DIR + name, text)
  process.stdout.write(`wrote spec/vectors: ${valid.length} valid, ${invalid.length} invalid\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main()
