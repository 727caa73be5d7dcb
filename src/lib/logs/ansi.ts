// ANSI escape handling for log lines: SGR (colours and text attributes) becomes styled
// segments; every other control sequence (cursor movement, erase, OSC titles/hyperlinks,
// charset switches) is dropped. The output is plain data: the caller renders text nodes,
// never HTML.

/** Colour: -1 = default, 0–255 = xterm palette index, TRUECOLOR | 0xRRGGBB = 24-bit. */
export type AnsiColor = number;
export const DEFAULT_COLOR = -1;
export const TRUECOLOR = 0x1000000;

export const BOLD = 1;
export const DIM = 2;
export const ITALIC = 4;
export const UNDERLINE = 8;
export const INVERSE = 16;
export const STRIKE = 32;

export interface AnsiSegment {
  text: string;
  fg: AnsiColor;
  bg: AnsiColor;
  /** Bit set of BOLD | DIM | ITALIC | UNDERLINE | INVERSE | STRIKE. */
  flags: number;
}

interface Style {
  fg: AnsiColor;
  bg: AnsiColor;
  flags: number;
}

const ESC = 0x1b;
const CSI_8BIT = 0x9b;
const BEL = 0x07;

// Anything that could move a cursor, ring a bell or break the fixed-height row.
// Tab stays (rendered by `white-space: pre`), newline-like characters become spaces.
// eslint-disable-next-line no-control-regex -- control characters are what this scan looks for
const NEEDS_SCAN = /[\x00-\x08\x0a-\x1f\x7f\x9b]/;

/** True when the line holds nothing but printable text (the common, fast case). */
function isPlain(text: string): boolean {
  return !NEEDS_SCAN.test(text);
}

/**
 * Walks `text`, calling `emit` for each run of printable characters and `sgr` for each SGR
 * parameter string. `\r` (not at the end) means "the terminal went back to column 0": what
 * came before on the line was overwritten, so `reset` is called and the style is kept.
 */
function scan(
  text: string,
  emit: (from: number, to: number) => void,
  sgr: (params: string) => void,
  reset: () => void,
): void {
  const n = text.length;
  let runStart = 0;
  let i = 0;
  const flush = (to: number) => {
    if (to > runStart) emit(runStart, to);
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f && c !== CSI_8BIT) {
      i++;
      continue;
    }
    if (c === 0x09) {
      i++;
      continue;
    }
    flush(i);
    if (c === 0x0a || c === 0x0b || c === 0x0c) {
      emit(-1, -1);
      i++;
    } else if (c === 0x0d) {
      i++;
      if (i < n && text.charCodeAt(i) !== 0x0a) reset();
    } else if (c === ESC || c === CSI_8BIT) {
      i = c === CSI_8BIT ? readCsi(text, i + 1, sgr) : readEscape(text, i + 1, sgr);
    } else {
      i++;
    }
    runStart = i;
  }
  flush(n);
}

/** After ESC: returns the index just past the sequence (or past the lone ESC when malformed). */
function readEscape(text: string, i: number, sgr: (params: string) => void): number {
  if (i >= text.length) return i;
  const c = text.charCodeAt(i);
  if (c === 0x5b /* [ */) return readCsi(text, i + 1, sgr);
  if (c === 0x5d /* ] */ || c === 0x50 /* P */ || c === 0x58 /* X */ || c === 0x5e /* ^ */ || c === 0x5f /* _ */) {
    return readString(text, i + 1);
  }
  // nF: intermediates then a final byte (e.g. `ESC ( B` charset designation).
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 0x20 && text.charCodeAt(j) <= 0x2f) j++;
  if (j < text.length) {
    const f = text.charCodeAt(j);
    if (f >= 0x30 && f <= 0x7e) return j + 1;
  }
  // Not a sequence we recognise: drop the ESC alone and keep what follows visible.
  return i;
}

/** CSI parameters, intermediates, final byte. Only a private-marker-free `m` is SGR. */
function readCsi(text: string, i: number, sgr: (params: string) => void): number {
  const start = i;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x3f) break;
    i++;
  }
  const paramsEnd = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x2f) break;
    i++;
  }
  if (i >= n) return n; // unterminated at end of line: nothing printable was inside it
  const final = text.charCodeAt(i);
  if (final < 0x40 || final > 0x7e) {
    // Malformed (e.g. a control char inside): drop the introducer and what was read as parameters.
    return i;
  }
  if (final === 0x6d /* m */ && paramsEnd === i) {
    const params = text.slice(start, paramsEnd);
    const first = params.charCodeAt(0);
    if (!(first >= 0x3c && first <= 0x3f)) sgr(params);
  }
  return i + 1;
}

/** OSC/DCS/SOS/PM/APC strings end at BEL or ST (`ESC \`). */
function readString(text: string, i: number): number {
  const n = text.length;
  for (let j = i; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === BEL) return j + 1;
    if (c === ESC && text.charCodeAt(j + 1) === 0x5c) return j + 2;
    if (c === 0x9c) return j + 1;
  }
  // Unterminated: a terminal would swallow the rest; a log viewer should not hide text.
  return i;
}

/** Applies one SGR parameter string (`1;31`, `38;5;208`, `38:2::255:0:0`, ``) to `style`. */
export function applySgr(style: Style, params: string): void {
  if (params === "" || params === "0") {
    style.fg = DEFAULT_COLOR;
    style.bg = DEFAULT_COLOR;
    style.flags = 0;
    return;
  }
  const parts = params.split(";");
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k];
    if (part.includes(":")) {
      applyColonForm(style, part.split(":"));
      continue;
    }
    const code = part === "" ? 0 : Number(part);
    if (!Number.isInteger(code)) continue;
    if (code === 38 || code === 48) {
      const mode = Number(parts[k + 1]);
      if (mode === 5) {
        const index = toPaletteIndex(parts[k + 2]);
        if (index !== null) setColor(style, code, index);
        k += 2;
      } else if (mode === 2) {
        const rgb = toRgb(parts[k + 2], parts[k + 3], parts[k + 4]);
        if (rgb !== null) setColor(style, code, rgb);
        k += 4;
      } else {
        k += 1;
      }
      continue;
    }
    applyCode(style, code);
  }
}

function applyColonForm(style: Style, sub: string[]): void {
  const code = Number(sub[0]);
  if (code === 4) {
    // `4:0` turns underline off; any other style (curly, dotted…) is shown as underline.
    style.flags = sub[1] === "0" ? style.flags & ~UNDERLINE : style.flags | UNDERLINE;
    return;
  }
  if (code !== 38 && code !== 48) return;
  if (sub[1] === "5") {
    const index = toPaletteIndex(sub[2]);
    if (index !== null) setColor(style, code, index);
  } else if (sub[1] === "2") {
    // ITU form has a colour-space id before r:g:b (`38:2::r:g:b` or `38:2:0:r:g:b`).
    const rgb = sub.length >= 6 ? toRgb(sub[3], sub[4], sub[5]) : toRgb(sub[2], sub[3], sub[4]);
    if (rgb !== null) setColor(style, code, rgb);
  }
}

function applyCode(style: Style, code: number): void {
  if (code === 0) {
    style.fg = DEFAULT_COLOR;
    style.bg = DEFAULT_COLOR;
    style.flags = 0;
  } else if (code === 1) style.flags |= BOLD;
  else if (code === 2) style.flags |= DIM;
  else if (code === 3) style.flags |= ITALIC;
  else if (code === 4 || code === 21) style.flags |= UNDERLINE;
  else if (code === 7) style.flags |= INVERSE;
  else if (code === 9) style.flags |= STRIKE;
  else if (code === 22) style.flags &= ~(BOLD | DIM);
  else if (code === 23) style.flags &= ~ITALIC;
  else if (code === 24) style.flags &= ~UNDERLINE;
  else if (code === 27) style.flags &= ~INVERSE;
  else if (code === 29) style.flags &= ~STRIKE;
  else if (code >= 30 && code <= 37) style.fg = code - 30;
  else if (code === 39) style.fg = DEFAULT_COLOR;
  else if (code >= 40 && code <= 47) style.bg = code - 40;
  else if (code === 49) style.bg = DEFAULT_COLOR;
  else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
  else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
}

function setColor(style: Style, code: number, color: AnsiColor): void {
  if (code === 38) style.fg = color;
  else style.bg = color;
}

function toPaletteIndex(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 255 ? n : null;
}

function toRgb(r: string | undefined, g: string | undefined, b: string | undefined): AnsiColor | null {
  const parts = [r, g, b].map((v) => (v === undefined || v === "" ? NaN : Number(v)));
  if (parts.some((v) => !Number.isInteger(v) || v < 0 || v > 255)) return null;
  return TRUECOLOR | (parts[0] << 16) | (parts[1] << 8) | parts[2];
}

/** Splits a line into styled segments; adjacent text with the same style is merged. */
export function parseAnsi(text: string): AnsiSegment[] {
  if (isPlain(text)) return text === "" ? [] : [{ text, fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, flags: 0 }];
  const style: Style = { fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, flags: 0 };
  let out: AnsiSegment[] = [];
  const push = (piece: string) => {
    const last = out[out.length - 1];
    if (last && last.fg === style.fg && last.bg === style.bg && last.flags === style.flags) last.text += piece;
    else out.push({ text: piece, fg: style.fg, bg: style.bg, flags: style.flags });
  };
  scan(
    text,
    (from, to) => push(from < 0 ? " " : text.slice(from, to)),
    (params) => applySgr(style, params),
    () => {
      out = [];
    },
  );
  return out;
}

/** The visible text of a line: exactly the concatenation of `parseAnsi(text)` segment texts. */
export function stripAnsi(text: string): string {
  if (isPlain(text)) return text;
  let out = "";
  scan(
    text,
    (from, to) => {
      out += from < 0 ? " " : text.slice(from, to);
    },
    () => {},
    () => {
      out = "";
    },
  );
  return out;
}
