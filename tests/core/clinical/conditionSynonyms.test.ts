import { describe, expect, it } from 'vitest'
import { CONDITION_SYNONYMS } from '../../../electron/core/clinical/data/conditionSynonyms'
import {
  conditionEntryOf,
  conditionFacetValue,
  conditionKey,
  synonymsOf,
} from '../../../electron/core/clinical/conditionSynonyms'
import { parseSearchTerms } from '../../../electron/core/query/compileTextMatch'

/** A name a search never expands to: 1-3 ASCII letters or digits (DM, AF, ALL). */
const isShortAbbreviation = (name: string) => /^[a-z0-9]{1,3}$/.test(conditionKey(name))
const namesOf = (entry: (typeof CONDITION_SYNONYMS)[number]) => [...entry.ko, ...entry.en]

describe('the condition synonym table (data)', () => {
  it('has at least 150 conditions, each with a Korean and an English name', () => {
    expect(CONDITION_SYNONYMS.length).toBeGreaterThanOrEqual(150)
    for (const entry of CONDITION_SYNONYMS) {
      expect(entry.ko.length, entry.en.join()).toBeGreaterThan(0)
      expect(entry.en.length, entry.ko.join()).toBeGreaterThan(0)
    }
  })

  it('gives no name (any case or spacing) to two entries, so no search or filter jumps to an unrelated condition', () => {
    const entryOfName = new Map<string, number>()
    const clashes: string[] = []
    CONDITION_SYNONYMS.forEach((entry, i) => {
      for (const name of namesOf(entry)) {
        const key = conditionKey(name)
        const other = entryOfName.get(key)
        if (other !== undefined && other !== i)
          clashes.push(`${name}: ${CONDITION_SYNONYMS[other].ko[0]} / ${entry.ko[0]}`)
        entryOfName.set(key, i)
      }
    })
    expect(clashes).toEqual([])
  })

  it('leaves out names shared by many conditions ("cancer", "암", "disease")', () => {
    for (const word of ['cancer', '암', 'disease', '질환', 'syndrome']) expect(synonymsOf(word), word).toBeUndefined()
  })
})

describe('search expansion across languages', () => {
  const expandsTo = (word: string) => new Set(synonymsOf(word))

  it.each([
    ['당뇨', ['diabetes', '당뇨병', 'diabetes mellitus']],
    ['diabetes', ['당뇨', '당뇨병']],
    ['당뇨병', ['당뇨', 'diabetes']],
    ['폐암', ['lung cancer']],
    ['lung cancer', ['폐암']],
    ['NSCLC', ['비소세포폐암', 'non-small cell lung cancer']],
    ['비소세포폐암', ['nsclc', 'non-small cell lung cancer']],
    ['유방암', ['breast cancer']],
    ['Breast Cancer', ['유방암']],
    ['치매', ['dementia']],
    ['dementia', ['치매']],
    ['알츠하이머', ["alzheimer's disease", '알츠하이머 치매']],
    ['뇌졸중', ['stroke']],
    ['stroke', ['뇌졸중', '중풍']],
    ['고혈압', ['hypertension']],
    ['심부전', ['heart failure']],
  ])('%s also searches %j', (word, expected) => {
    const names = expandsTo(word)
    for (const name of expected) expect(names.has(name), `${word} → ${name}`).toBe(true)
  })

  it("keeps related but different conditions apart: lung cancer is not NSCLC, dementia is not Alzheimer's", () => {
    // A Korean record saying 비소세포폐암 still matches 폐암 as a substring; the table itself does not merge them.
    expect(expandsTo('폐암').has('nsclc')).toBe(false)
    expect(expandsTo('치매').has('alzheimer')).toBe(false)
    expect(expandsTo('stroke').has('ischemic stroke')).toBe(false)
  })

  it("every name of every entry expands to all of its entry's searchable names (Korean ↔ English both ways)", () => {
    for (const entry of CONDITION_SYNONYMS) {
      const searchable = [
        ...new Set(
          namesOf(entry)
            .map(conditionKey)
            .filter((n) => !isShortAbbreviation(n)),
        ),
      ]
      for (const name of namesOf(entry)) expect([...expandsTo(name)].sort(), name).toEqual([...searchable].sort())
    }
  })

  it('never widens a search with an abbreviation of 3 letters or fewer (they would match "all", "af" inside words)', () => {
    const shortNames = CONDITION_SYNONYMS.flatMap(namesOf).filter(isShortAbbreviation)
    expect(shortNames).toEqual(expect.arrayContaining(['DM', 'AF', 'ALL']))
    for (const entry of CONDITION_SYNONYMS) {
      for (const name of synonymsOf(entry.ko[0]) ?? [])
        expect(isShortAbbreviation(name), `${entry.ko[0]} → ${name}`).toBe(false)
    }
    // The abbreviation typed by the user is still searched as itself, and expands to its condition's full names.
    const [dm] = parseSearchTerms(['dm'])
    expect(dm.alternatives).toContain('dm')
    expect(dm.alternatives).toContain('diabetes')
    expect(parseSearchTerms(['diabetes'])[0].alternatives).not.toContain('dm')
  })

  it('reads a condition name of several words as one term', () => {
    const terms = parseSearchTerms(['lung', 'cancer'])
    expect(terms).toHaveLength(1)
    expect(terms[0].alternatives).toContain('폐암')
  })
})

describe('the condition facet value', () => {
  it("is the entry's first Korean name whatever spelling the registry used", () => {
    expect(conditionFacetValue('Type 2 Diabetes Mellitus')).toBe('제2형 당뇨병')
    expect(conditionFacetValue('breast  cancer')).toBe('유방암')
    expect(conditionEntryOf('NSCLC')?.ko[0]).toBe('비소세포폐암')
  })

  it('passes an unknown condition through, cleaned', () => {
    expect(conditionFacetValue('  희귀  질환 X ')).toBe('희귀 질환 X')
  })
})
