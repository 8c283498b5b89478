#!/usr/bin/env node
/**
 * Line-oriented driver around codec.mjs (lib0) for interop tests.
 *
 *   node cli.mjs encode                        stdin: JSON-form frame per line -> stdout: lowercase hex per line
 *   node cli.mjs decode                        stdin: hex per line -> stdout: compact JSON-form frame per line
 *   node cli.mjs generate --count N --seed S   stdout: N lines {"json": FRAME, "hex": HEX}
 *
 * One output line per input line; a line that fails prints {"error": "..."} and the run goes on.
 * Exit code 0, except 2 for bad usage and 1 when stdin cannot be read.
 */
import * as readline from 'node:readline'
import { encodeFrame, decodeFrame, hexToBytes, bytesToHex } from './codec.mjs'
import { randomFrames } from './random.mjs'

const out = (line) => process.stdout.write(line + '\n')
const errorLine = (e) => JSON.stringify({ error: e instanceof Error ? e.message : String(e) })

// A closed pipe (e.g. `| head`) is a normal end, not a failure.
process.stdout.on('error', (e) => process.exit(e.code === 'EPIPE' ? 0 : 1))

const usage = () => {
  process.stderr.write('usage: node cli.mjs encode | decode | generate --count N --seed S\n')
  process.exit(2)
}

/** Apply `fn` to every stdin line and print its result or an error line. */
const eachLine = (fn) => {
  process.stdin.on('error', (e) => {
    process.stderr.write(`cannot read stdin: ${e.message}\n`)
    process.exit(1)
  })
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  rl.on('line', (line) => {
    let result
    try { result = fn(line.trim()) } catch (e) { result = errorLine(e) }
    out(result)
  })
}

const [command, ...args] = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback
}

switch (command) {
  case 'encode':
    eachLine((line) => bytesToHex(encodeFrame(JSON.parse(line))))
    break
  case 'decode':
    eachLine((line) => JSON.stringify(decodeFrame(hexToBytes(line))))
    break
  case 'generate': {
    const count = Number(option('--count', '100'))
    if (!Number.isSafeInteger(count) || count < 0) usage()
    for (const json of randomFrames(count, option('--seed', '0'))) {
      let line
      try { line = JSON.stringify({ json, hex: bytesToHex(encodeFrame(json)) }) } catch (e) { line = errorLine(e) }
      out(line)
    }
    break
  }
  default:
    usage()
}
