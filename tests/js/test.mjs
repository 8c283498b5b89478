/**
 * node --test test.mjs  (or: npm test)
 * Checks the vector files and lib0 round trips of random frames.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { encodeFrame, decodeFrame, bytesToHex, hexToBytes } from './codec.mjs'
import { strictDecode } from './strict.mjs'
import { randomFrames, SHAPES } from './random.mjs'
import { selfCheck } from './write-vectors.mjs'
import { READERS } from './spec-tables.mjs'
import { readFileSync, readdirSync } from 'node:fs'

const here = (f) => fileURLToPath(new URL(f, import.meta.url))

test('vectors pass the self-check (lib0 round trip, strict oracle)', () => {
  assert.deepEqual(selfCheck(), [])
})

test('spec/vectors files are up to date', () => {
  execFileSync(process.execPath, [here('write-vectors.mjs'), '--check'], { stdio: 'pipe' })
})

test('spec/snapshot-extensions.md examples are generated from the vectors and up to date', () => {
  execFileSync(process.execPath, [here('spec-examples.mjs'), '--check'], { stdio: 'pipe' })
})

test('spec/errors.md payload readers cover every kind and are up to date', () => {
  execFileSync(process.execPath, [here('spec-tables.mjs'), '--check'], { stdio: 'pipe' })
  // Every reader the table names is defined in the decoding procedure.
  const errors = readFileSync(here('../../spec/errors.md'), 'utf8')
  const names = new Set(Object.values(READERS).map((r) => r.match(/^[a-zA-Z]+/)[0]))
  names.add('readList')
  for (const name of names) assert.match(errors, new RegExp(`^${name}\\([a-zA-Z, ]*\\):`, 'm'), name)
})

test('spec/errors.md worked examples are the invalid vectors they name', () => {
  const invalid = JSON.parse(readFileSync(here('../../spec/vectors/invalid.json'), 'utf8'))
  const byName = new Map(invalid.map((v) => [v.name, v]))
  const errors = readFileSync(here('../../spec/errors.md'), 'utf8')
  const section = errors.slice(errors.indexOf('## Worked examples'), errors.indexOf('## Limits'))
  // | `name` | [`hex` | (empty) |] `kind` at N | why |
  const ROW = /^\| `([a-z0-9-]+)` \| (?:(`[0-9a-f ]+`|\(empty\)) \| )?`([a-z-]+)` at (\d+) \|/gm
  const rows = [...section.matchAll(ROW)]
  assert.ok(rows.length > 40, `${rows.length} rows`)
  for (const [, name, input, kind, offset] of rows) {
    const v = byName.get(name)
    assert.ok(v, `no vector ${name}`)
    assert.deepEqual([kind, Number(offset)], [v.error, v.offset], name)
    if (input) assert.equal(input === '(empty)' ? '' : input.replace(/[` ]/g, ''), v.hex, name)
  }
})

/** README.md and every Markdown file under spec/, recursively. */
const prose = () => {
  const files = [here('../../README.md')]
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${e.name}`
      if (e.isDirectory()) walk(path)
      else if (e.name.endsWith('.md')) files.push(path)
    }
  }
  walk(here('../../spec'))
  return files
}

test('no counts of kinds in README.md and spec/ (say "every kind", or name them)', () => {
  const NUMBER = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\\w+)?|thirty(?:-\\w+)?)'
  const ORDINAL = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\\w+teenth|twentieth|\\d+(?:st|nd|rd|th))'
  const COUNT = new RegExp(`\\b${NUMBER}\\s+(?!of\\b)(?:[a-z-]+\\s+){0,3}kinds\\b|\\b${ORDINAL}\\s+(?:[a-z-]+\\s+){0,2}(?:kind|word)\\b`, 'gi')
  const found = []
  for (const file of prose()) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(COUNT)) found.push(`${file.replace(/.*\/(spec\/|README)/, '$1')}: ${m[0]}`)
  }
  assert.deepEqual(found, [])
})

test('2000 random frames: decodeFrame(encodeFrame(json)) equals json and strict decode agrees', () => {
  const shapes = new Set()
  for (const json of randomFrames(2000, '1')) {
    const bytes = encodeFrame(json)
    assert.deepEqual(decodeFrame(bytes), json)
    assert.deepEqual(strictDecode(bytes), json)
    assert.equal(bytesToHex(hexToBytes(bytesToHex(bytes))), bytesToHex(bytes))
    shapes.add(json.type === 'doc' || json.type === 'snapshot' ? json.payload.type : json.type)
  }
  assert.equal(shapes.size, SHAPES)
})

test('cli generate | cli encode and cli decode reproduce each line', () => {
  const cli = here('cli.mjs')
  const generated = execFileSync(process.execPath, [cli, 'generate', '--count', '300', '--seed', '7'], { encoding: 'utf8', maxBuffer: 1 << 30 })
    .trimEnd().split('\n').map((l) => JSON.parse(l))
  const jsonLines = generated.map((g) => JSON.stringify(g.json)).join('\n') + '\n'
  const hexLines = generated.map((g) => g.hex).join('\n') + '\n'
  const encoded = execFileSync(process.execPath, [cli, 'encode'], { input: jsonLines, encoding: 'utf8', maxBuffer: 1 << 30 })
  assert.deepEqual(encoded.trimEnd().split('\n'), generated.map((g) => g.hex))
  const decoded = execFileSync(process.execPath, [cli, 'decode'], { input: hexLines, encoding: 'utf8', maxBuffer: 1 << 30 })
  assert.deepEqual(decoded.trimEnd().split('\n').map((l) => JSON.parse(l)), generated.map((g) => g.json))
})

test('cli reports a bad line and goes on', () => {
  const cli = here('cli.mjs')
  const out = execFileSync(process.execPath, [cli, 'decode'], { input: 'zz\n594a5370696e67\n\n', encoding: 'utf8' })
  const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l))
  assert.equal(lines.length, 3)
  assert.ok(lines[0].error)
  assert.deepEqual(lines[1], { type: 'ping' })
  assert.ok(lines[2].error)
})
