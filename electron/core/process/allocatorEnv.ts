/**
 * The C allocator's settings for a process that holds the store, set through its environment (read once, when the
 * process starts: the app passes them to its core's process, the bench to its engine processes).
 *
 * glibc's malloc gives a buffer above its mmap threshold (128 KB at first) memory of its own, returned to the system
 * when freed, but each such free raises the threshold to the freed size (up to 32 MB), and from then on buffers
 * below it come from the main heap, which keeps the memory after they are freed. The search text's values, ids and
 * signatures (19-26 MB each at 100,000 trials) and the read buffers (4 MB) are such buffers, replaced at every sync:
 * a process syncing again and again kept more memory each time (bench probe, open-read-diff-commit three times in
 * one process: high-water 378, 415, 428 MB; with the threshold fixed at 128 KB 372, 374, 386 MB). Setting it fixes
 * it and stops the adjustment. At 2 MB, not 128 KB: a page of a listing or a registry's answer (~1 MB) then comes
 * from the heap again instead of fresh pages faulted in one by one (bench, 100,000 trials, the listing's pages read:
 * 3.4-4.9 s unset, 6.9 s at 128 KB, 4.5 s at 2 MB; peak RSS 441-446, 399 and 399 MB). Other allocators (macOS,
 * Windows, musl) ignore the variable; a value the user set is kept.
 */
export const STORE_PROCESS_ALLOCATOR = { MALLOC_MMAP_THRESHOLD_: String(2 * 1024 * 1024) } as const

/** `env` with STORE_PROCESS_ALLOCATOR's settings where it has none of its own. */
export const withStoreAllocator = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...STORE_PROCESS_ALLOCATOR,
  ...env,
})
