/** A small seeded PRNG (mulberry32) so every run generates byte-identical stores. */
export interface Random {
  next(): number // [0, 1)
  int(minInclusive: number, maxInclusive: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  /** Picks by weight: `[value, weight]` pairs, weights need not sum to 1. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T
  /** Zipf-like pick: item i has weight 1/(i+1)^s, giving a few frequent values and a long tail. */
  zipf<T>(items: readonly T[], s?: number): T
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const zipfTables = new WeakMap<readonly unknown[], Map<number, number[]>>()
  const cumulativeZipf = (length: number, items: readonly unknown[], s: number): number[] => {
    let byExponent = zipfTables.get(items)
    if (!byExponent) zipfTables.set(items, (byExponent = new Map()))
    let table = byExponent.get(s)
    if (!table) {
      table = []
      let sum = 0
      for (let i = 0; i < length; i++) table.push((sum += 1 / Math.pow(i + 1, s)))
      byExponent.set(s, table)
    }
    return table
  }
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (pairs) => {
      let total = 0
      for (const [, w] of pairs) total += w
      let r = next() * total
      for (const [value, w] of pairs) if ((r -= w) < 0) return value
      return pairs[pairs.length - 1][0]
    },
    zipf: (items, s = 1.1) => {
      const table = cumulativeZipf(items.length, items, s)
      const r = next() * table[table.length - 1]
      let lo = 0
      let hi = table.length - 1
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if (table[mid] > r) hi = mid
        else lo = mid + 1
      }
      return items[lo]
    },
  }
  return random
}
