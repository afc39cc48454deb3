// Generates the placeholder app icon (build/icon.png, 512x512) with plain Node: no downloads, no image tools.
// A teal rounded square with a white "+" (clinical cross). Run: node build/make-icon.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
const radius = 96
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) {
    const dx = Math.max(radius - x, x - (SIZE - 1 - radius), 0)
    const dy = Math.max(radius - y, y - (SIZE - 1 - radius), 0)
    const inside = dx * dx + dy * dy <= radius * radius
    const cross =
      (Math.abs(x - 256) < 48 && Math.abs(y - 256) < 160) || (Math.abs(y - 256) < 48 && Math.abs(x - 256) < 160)
    const [r, g, b, a] = !inside ? [0, 0, 0, 0] : cross ? [255, 255, 255, 255] : [15, 118, 110, 255]
    raw.set([r, g, b, a], y * (SIZE * 4 + 1) + 1 + x * 4)
  }
}
const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('./icon.png', import.meta.url), png)
console.log(`build/icon.png ${png.length} bytes`)
