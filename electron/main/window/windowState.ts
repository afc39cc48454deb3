/** The main window's size and position, kept in window-state.json (userData) and restored only onto a visible display. */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { atomicWriteFile } from '../../core/settings/atomicWriteFile'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 }
export const MIN_WINDOW_SIZE = { width: 900, height: 600 }

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
})
const windowStateSchema = z.object({ bounds: rectSchema, maximized: z.boolean() })

export function loadWindowState(path: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveWindowState(path: string, state: WindowState): Promise<void> {
  await atomicWriteFile(path, JSON.stringify(state))
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Saved bounds if enough of the window (its title bar area, really) lands on a connected display's work area;
 * otherwise null (the monitor was unplugged): the window opens centred at its default size.
 */
export function restorableBounds(saved: Rect | undefined | null, workAreas: readonly Rect[]): Rect | null {
  if (!saved) return null
  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(48, saved.height) }
  const visible = workAreas.some(
    (area) => overlap(titleBar, area) >= Math.min(100 * 24, titleBar.width * titleBar.height * 0.25),
  )
  return visible ? saved : null
}
