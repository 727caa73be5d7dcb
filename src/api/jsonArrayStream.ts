// A JSON array read while it arrives: each pushed piece of text yields the elements completed so
// far, so a 27 MB log answer can paint its first screen from its first few kilobytes. Only the
// boundaries of top-level elements are found here (strings skipped with indexOf, which is native
// and fast); each run of complete elements is handed to JSON.parse in one piece, so the total
// parsing cost stays that of one JSON.parse of the whole text.

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

export class JsonArrayStream<T> {
  private text = "";
  /** Where scanning resumes in `text`. */
  private pos = 0;
  /** Start of the first element not yet handed out. */
  private from = -1;
  /** Just after the last complete top-level element. */
  private cut = -1;
  private depth = 0;
  private inString = false;
  private opened = false;
  private closed = false;
  /** `null` (Go's empty slice) or another non-array top-level value. */
  private scalar = false;

  /** Adds the next piece of the text; returns the elements it completed, in order. */
  push(piece: string): T[] {
    this.text += piece;
    this.scan();
    return this.take();
  }

  /** The text is complete: returns what is left, or throws when it was not one whole JSON value. */
  end(): T[] {
    if (this.scalar || !this.opened) {
      const value: unknown = JSON.parse(this.text);
      if (value === null) return [];
      if (Array.isArray(value)) return value as T[];
      throw new SyntaxError("Expected a JSON array");
    }
    if (!this.closed) throw new SyntaxError("Unexpected end of JSON array");
    if (this.text.slice(this.pos).trim() !== "") throw new SyntaxError("Unexpected text after JSON array");
    return this.take();
  }

  private scan(): void {
    const text = this.text;
    let i = this.pos;
    if (!this.opened) {
      while (i < text.length && text.charCodeAt(i) <= 32) i++;
      if (i >= text.length) return void (this.pos = i);
      if (text.charCodeAt(i) !== OPEN_BRACKET) {
        this.scalar = true;
        this.pos = text.length;
        return;
      }
      this.opened = true;
      this.depth = 1;
      i++;
      this.from = i;
    }
    if (this.scalar || this.closed) return void (this.pos = text.length);
    while (i < text.length) {
      if (this.inString) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          i = text.length;
          break;
        }
        let slashes = 0;
        for (let k = q - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++;
        i = q + 1;
        if (slashes % 2 === 0) this.inString = false;
        continue;
      }
      const c = text.charCodeAt(i++);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 1) this.cut = i;
        else if (this.depth === 0) {
          this.closed = true;
          // Elements that are not objects or arrays (numbers, strings) end at the bracket.
          this.cut = i - 1;
          break;
        }
      }
    }
    this.pos = i;
  }

  private take(): T[] {
    if (this.cut <= this.from) return [];
    let body = this.text.slice(this.from, this.cut).trim();
    if (body.startsWith(",")) body = body.slice(1);
    // Keep only the unread tail, so the buffer stays about one network chunk long.
    this.text = this.text.slice(this.cut);
    this.pos -= this.cut;
    this.from = 0;
    this.cut = -1;
    if (body.trim() === "") return [];
    return JSON.parse(`[${body}]`) as T[];
  }
}
