/**
 * The data.go.kr service key, encrypted with the OS keychain (Electron safeStorage) and kept in its own file
 * (service-key.bin in userData), apart from the store and settings. Electron-free: the app passes `safeStorage`,
 * tests and the e2e bridge pass a fake or use `createMemoryKeyStore`.
 * The key leaves this module only through `get()` (for the source clients); the renderer sees KeyInfo.
 */
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { KeyInfo } from '../../../shared/settings'
import { TrialsError } from '../../core/errors'
import { atomicWriteFile } from '../../core/settings/atomicWriteFile'

/** The part of Electron's safeStorage this store needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface ServiceKeyStore {
  info(): KeyInfo
  /** The key itself, for SourceConfig.getServiceKey only. */
  get(): string | undefined
  set(key: string): Promise<KeyInfo>
  clear(): Promise<KeyInfo>
}

export function keyInfoOf(key: string | undefined): KeyInfo {
  return key ? { isSet: true, last4: key.slice(-4) } : { isSet: false, last4: null }
}

export const KEY_STORAGE_UNAVAILABLE_MESSAGE =
  'This computer cannot encrypt the service key (no system keychain is available), so it was not saved. ' +
  'On Linux, install and unlock a keyring (e.g. GNOME Keyring or KWallet) and try again; ' +
  'the command-line tool can use the DATA_GO_KR_SERVICE_KEY variable instead.'

export function createSafeStorageKeyStore(filePath: string, safeStorage: SafeStorageLike): ServiceKeyStore {
  let cached: string | undefined
  let loaded = false

  function load(): string | undefined {
    if (loaded) return cached
    loaded = true
    try {
      const encrypted = readFileSync(filePath)
      if (!safeStorage.isEncryptionAvailable()) return (cached = undefined)
      cached = safeStorage.decryptString(encrypted) || undefined
    } catch {
      // Missing file, or encrypted by another OS user/keychain: behave as "no key" and let the user set it again.
      cached = undefined
    }
    return cached
  }

  return {
    info: () => keyInfoOf(load()),
    get: () => load(),
    async set(key) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new TrialsError('KEY_STORAGE_UNAVAILABLE', KEY_STORAGE_UNAVAILABLE_MESSAGE)
      }
      await atomicWriteFile(filePath, safeStorage.encryptString(key))
      cached = key
      loaded = true
      return keyInfoOf(key)
    },
    async clear() {
      await rm(filePath, { force: true })
      cached = undefined
      loaded = true
      return keyInfoOf(undefined)
    },
  }
}

/** For tests and the e2e bridge: same contract, nothing on disk. */
export function createMemoryKeyStore(initial?: string): ServiceKeyStore {
  let key = initial
  return {
    info: () => keyInfoOf(key),
    get: () => key,
    set: async (next) => keyInfoOf((key = next)),
    clear: async () => keyInfoOf((key = undefined)),
  }
}
