/**
 * Freezes a value and everything it holds: for answers kept and handed out again (list rows, an unfiltered query's
 * facet menus), so a caller that changed one would fail loudly instead of changing the next answer.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
