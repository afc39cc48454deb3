import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/settings'
import { openSettingsStore, settingsPathFor } from '../../electron/core/settings/settingsStore'
import { createSafeStorageKeyStore, type SafeStorageLike } from '../../electron/main/key/serviceKeyStore'
import { isTrialsError } from '../../electron/core/errors'
import { TEST_KEY } from '../fakes/testApp'

const tempDir = () => mkdtempSync(join(tmpdir(), 'trialdesk-settings-'))

describe('settings persistence', () => {
  it('lives beside the store as settings.json', () => {
    expect(settingsPathFor(join('/data', 'Trial Desk', 'trials.json'))).toBe(
      join('/data', 'Trial Desk', 'settings.json'),
    )
  })

  it('starts from the defaults and survives a restart', async () => {
    const path = join(tempDir(), 'settings.json')
    const first = await openSettingsStore(path)
    expect(first.get()).toEqual(DEFAULT_SETTINGS)
    await first.update({ language: 'en', pageSize: 50, lastQuery: { withinDays: 30, q: '당뇨' } })
    const second = await openSettingsStore(path)
    expect(second.get()).toMatchObject({ language: 'en', pageSize: 50, lastQuery: { withinDays: 30, q: '당뇨' } })
    expect(second.recoveredFrom).toBeNull()
  })

  it.each([
    ['garbage', 'not json {'],
    ['empty', ''],
    ['NUL bytes', '\0\0\0\0'],
    ['wrong types', JSON.stringify({ ...DEFAULT_SETTINGS, pageSize: 33, language: 'fr' })],
    ['an array', '[]'],
  ])('a bad file (%s) is kept aside and defaults are used', async (_label, content) => {
    const dir = tempDir()
    const path = join(dir, 'settings.json')
    writeFileSync(path, content)
    const store = await openSettingsStore(path)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.recoveredFrom).toMatch(/settings\.json\.bad-/)
    expect(readFileSync(store.recoveredFrom!, 'utf8')).toBe(content)
    await store.update({ language: 'en' })
    expect(JSON.parse(readFileSync(path, 'utf8')).language).toBe('en')
  })

  it('fills fields added by a newer version from the defaults', async () => {
    const path = join(tempDir(), 'settings.json')
    writeFileSync(path, JSON.stringify({ language: 'en' }))
    const store = await openSettingsStore(path)
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' })
  })

  it('writes atomically (no temp files left behind) and never stores the key', async () => {
    const dir = tempDir()
    const store = await openSettingsStore(join(dir, 'settings.json'))
    await Promise.all([store.update({ pageSize: 10 }), store.update({ pageSize: 100 })])
    expect(readdirSync(dir)).toEqual(['settings.json'])
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).pageSize).toBe(100)
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toMatch(/key/i)
  })
})

/** Stands in for Electron's safeStorage: reversible, but not plaintext. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
  }
}

describe('service key storage', () => {
  it('is encrypted in its own file and read back after a restart', async () => {
    const dir = tempDir()
    const file = join(dir, 'service-key.bin')
    const store = createSafeStorageKeyStore(file, fakeSafeStorage())
    expect(store.info()).toEqual({ isSet: false, last4: null })
    expect(await store.set(TEST_KEY)).toEqual({ isSet: true, last4: '0042' })
    expect(readFileSync(file).toString('utf8')).not.toContain('SecretServiceKey')
    const reopened = createSafeStorageKeyStore(file, fakeSafeStorage())
    expect(reopened.get()).toBe(TEST_KEY)
    expect(await reopened.clear()).toEqual({ isSet: false, last4: null })
    expect(existsSync(file)).toBe(false)
  })

  it('refuses to store the key in plaintext when the OS cannot encrypt', async () => {
    const dir = tempDir()
    const store = createSafeStorageKeyStore(join(dir, 'service-key.bin'), fakeSafeStorage(false))
    const error = await store.set(TEST_KEY).catch((e: unknown) => e)
    expect(isTrialsError(error) && error.code).toBe('KEY_STORAGE_UNAVAILABLE')
    expect((error as Error).message).toMatch(/keyring/i)
    expect((error as Error).message).not.toContain(TEST_KEY)
    expect(readdirSync(dir)).toEqual([])
    expect(store.info()).toEqual({ isSet: false, last4: null })
  })

  it('a key file it cannot decrypt counts as no key (set it again)', () => {
    const dir = tempDir()
    const file = join(dir, 'service-key.bin')
    writeFileSync(file, 'not encrypted by this keychain')
    const broken = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('decrypt failed')
      },
    }
    expect(createSafeStorageKeyStore(file, broken).info()).toEqual({ isSet: false, last4: null })
  })
})
