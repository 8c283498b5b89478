#!/usr/bin/env node
/**
 * What lib0's readers (and writers) actually do with inputs a strict decoder
 * rejects. Prints one line per probe; `node leniency.mjs > leniency.txt`.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readFileSync } from 'node:fs'
import { bytesToHex, hexToBytes, decodeFrame } from './codec.mjs'
import { invalidVectors } from './vectors.mjs'

const lib0Version = JSON.parse(readFileSync(new URL('./node_modules/lib0/package.json', import.meta.url))).version
const show = (v) => typeof v === 'number' ? String(v) : typeof v === 'string' ? JSON.stringify(v) + ` (code points ${[...v].map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' ') || 'none'})` : JSON.stringify(v) ?? String(v)

/** Run reader `fn` on `hex` and describe the outcome. */
const probe = (label, readerName, hex, fn, shownHex = hex) => {
  const dec = decoding.createDecoder(hexToBytes(hex))
  let result
  try {
    const v = fn(dec)
    const extra = v instanceof Uint8Array ? `bytes ${bytesToHex(v)}` : show(v)
    result = `returns ${extra}${typeof v === 'number' && !Number.isSafeInteger(v) ? ' (NOT a safe integer)' : ''}; consumed ${dec.pos} of ${dec.arr.length} bytes`
  } catch (e) {
    result = `throws ${e.constructor.name}${e.code ? ' ' + e.code : ''}: "${e.message}"`
  }
  console.log(`${label.padEnd(46)} | ${readerName.padEnd(18)} | ${(shownHex || '(empty)').padEnd(22)} | ${result}`)
}
const write = (label, fn) => {
  const enc = encoding.createEncoder()
  let result
  try { fn(enc); result = `writes ${bytesToHex(encoding.toUint8Array(enc))}` } catch (e) { result = `throws ${e.message}` }
  console.log(`${label.padEnd(46)} | ${result}`)
}

const u = (d) => decoding.readVarUint(d)
const s = (d) => decoding.readVarString(d)
const a = (d) => decoding.readVarUint8Array(d)

console.log(`lib0 ${lib0Version}, node ${process.version}`)
console.log('')
console.log('== varUint (readVarUint) ==')
console.log(`${'case'.padEnd(46)} | ${'reader'.padEnd(18)} | ${'input hex'.padEnd(22)} | outcome`)
probe('canonical 0', 'readVarUint', '00', u)
probe('overlong 0 (80 00)', 'readVarUint', '8000', u)
probe('overlong 127 (ff 00)', 'readVarUint', 'ff00', u)
probe('overlong 1 (81 80 80 00)', 'readVarUint', '81808000', u)
probe('8-byte overlong 0 (80 x7 00)', 'readVarUint', '8080808080808000', u)
probe('2^53-1, the largest safe value', 'readVarUint', 'ffffffffffffff0f', u)
probe('2^53 (80 x7 10)', 'readVarUint', '8080808080808010', u)
probe('2^53+1 (81 80 x6 10)', 'readVarUint', '8180808080808010', u)
probe('2^56-1 (ff x7 7f), 8 bytes', 'readVarUint', 'ffffffffffffff7f', u)
probe('9-byte varint 2^56 (80 x8 01)', 'readVarUint', '808080808080808001', u)
probe('9-byte varint (ff x8 01)', 'readVarUint', 'ffffffffffffffff01', u)
probe('10-byte varint 2^63 (80 x9 01)', 'readVarUint', '80808080808080808001', u)
probe('ff x8, then end of input', 'readVarUint', 'ffffffffffffffff', u)
probe('ff x7, then end of input', 'readVarUint', 'ffffffffffffff', u)
probe('empty input', 'readVarUint', '', u)
probe('80 then end of input', 'readVarUint', '80', u)
probe('147 x 80 then 01 (multiplier overflows)', 'readVarUint', '80'.repeat(147) + '01', u, '80 x147 01')

console.log('')
console.log('== varString (readVarString, TextDecoder fatal:true ignoreBOM:true) ==')
probe('valid "a€"', 'readVarString', '0461e282ac', s)
probe('leading BOM ef bb bf', 'readVarString', '03efbbbf', s)
probe('NUL', 'readVarString', '0100', s)
probe('0xff', 'readVarString', '01ff', s)
probe('overlong NUL c0 80', 'readVarString', '02c080', s)
probe('lone surrogate ed a0 80', 'readVarString', '03eda080', s)
probe('cut 3-byte sequence e2 82', 'readVarString', '02e282', s)
probe('above U+10FFFF f4 90 80 80', 'readVarString', '04f4908080', s)
probe('length 5, 2 bytes present', 'readVarString', '056162', s)
probe('length 2^40, 3 bytes present', 'readVarString', '808080808020616263', s)
probe('length prefix overlong (80 00)', 'readVarString', '8000', s)

console.log('')
console.log('== varUint8Array and single bytes ==')
probe('length 4, 2 bytes present', 'readVarUint8Array', '040102', a)
probe('length 2^53 (80 x7 10), no bytes', 'readVarUint8Array', '8080808080808010', a)
probe('readUint8 on empty input', 'readUint8', '', (d) => decoding.readUint8(d))
probe('readUint8Array(3) on 2 bytes', 'readUint8Array', '594a', (d) => decoding.readUint8Array(d, 3))

console.log('')
console.log('== trailing bytes ==')
probe('readVarUint on 05 ff ff', 'readVarUint', '05ffff', u)
probe('readVarString on 01 61 62 63', 'readVarString', '01616263', s)
const frame = '594a5370696e67' + '00'
let out
try { out = JSON.stringify(decodeFrame(hexToBytes(frame))) } catch (e) { out = 'throws ' + e.message }
console.log(`${'whole frame "YJSping" 00 via lib0 readers'.padEnd(46)} | ${'codec.decodeFrame'.padEnd(18)} | ${frame.padEnd(22)} | returns ${out}; lib0 has no end-of-input check (decoding.hasContent is up to the caller)`)

console.log('')
console.log('== writers (writeVarUint / writeVarString) on values a strict encoder refuses ==')
write('writeVarUint 2^53-1', (e) => encoding.writeVarUint(e, 2 ** 53 - 1))
write('writeVarUint 2^53', (e) => encoding.writeVarUint(e, 2 ** 53))
write('writeVarUint 2^64', (e) => encoding.writeVarUint(e, 2 ** 64))
write('writeVarUint 1.5', (e) => encoding.writeVarUint(e, 1.5))
write('writeVarUint -1', (e) => encoding.writeVarUint(e, -1))
write('writeVarString lone surrogate "\\uD800"', (e) => encoding.writeVarString(e, '\uD800'))
write('writeVarString "\\uFEFF" (BOM)', (e) => encoding.writeVarString(e, '\uFEFF'))

console.log('')
console.log('== every invalid vector (spec/vectors/invalid.json) read by lib0 readers (codec.decodeFrame) ==')
console.log(`${'vector'.padEnd(42)} | ${'strict'.padEnd(26)} | lib0 peer`)
for (const v of invalidVectors()) {
  let seen
  try {
    const frame = decodeFrame(hexToBytes(v.hex))
    const json = JSON.stringify(frame.payload ?? frame)
    seen = `ACCEPTS ${frame.payload ? 'payload ' : ''}` + (json.length > 130 ? json.slice(0, 130) + '...' : json)
  } catch (e) {
    seen = `throws ${e.constructor.name}: ${e.message}`
  }
  console.log(`${v.name.padEnd(42)} | ${(v.error + ' @ ' + v.offset).padEnd(26)} | ${seen}`)
}
