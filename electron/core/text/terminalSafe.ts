/**
 * Registry text is untrusted: a title can carry terminal escape sequences (colours, a changed window title, cursor
 * moves that hide or rewrite earlier lines), BEL and other control characters, or bidirectional overrides that make
 * a line read differently from what it holds. Before text reaches a terminal or a log file, every escape sequence is
 * removed and every other control character is shown as a visible escape (`\x07` for C0; `\u009b`, `\u202e` for DEL,
 * C1 and bidi controls); tabs and line breaks written by the app itself stay. JSON output passes through unchanged in
 * meaning: JSON.stringify already escapes C0 (so no escape sequence survives), and the `\uNNNN` form used for the
 * rest is JSON's own escape, so a JSON document stays valid and decodes to exactly what the registry sent.
 */

/** ESC-introduced sequences: CSI (`ESC [ … final`), OSC / DCS / PM / APC / SOS strings (ended by BEL or `ESC \`), two-byte escapes. */
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]|[ -/]*[0-~])?/g
/** Control characters other than tab and line feed: C0, DEL, C1; bidi embeddings, overrides and isolates. */
const OTHER_CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

function visible(char: string): string {
  const code = char.codePointAt(0)!
  return code < 0x20 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
}

/** The text as it may be written to a terminal or a log: see the file comment. CRLF becomes a plain line break. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(OTHER_CONTROLS, visible)
}
