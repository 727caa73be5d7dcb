import { randomBytes } from "node:crypto";
import type { SessionRecord, UserRecord } from "./records";
import type { StoreContext } from "./tables";

const SESSION_LIFETIME_MS = 7 * 24 * 3600_000;

/** Session tokens: password sign-in, the token check of every request, sign-out. */
export class Sessions {
  private readonly byToken = new Map<string, SessionRecord>();

  constructor(private readonly ctx: StoreContext) {}

  create(userId: string): SessionRecord {
    // Coder's key format: <10-char id>-<22-char secret>.
    const token = `${randomBytes(5).toString("hex")}-${randomBytes(16).toString("base64url").slice(0, 22)}`;
    const now = this.ctx.now();
    const s: SessionRecord = {
      token,
      user_id: userId,
      created_at: this.ctx.iso(now),
      expires_at: this.ctx.iso(now + SESSION_LIFETIME_MS),
    };
    this.byToken.set(token, s);
    this.changed();
    return s;
  }

  authenticate(token: string | undefined): UserRecord | undefined {
    if (!token) return undefined;
    const s = this.byToken.get(token);
    if (!s) return undefined;
    if (Date.parse(s.expires_at) < this.ctx.now()) {
      this.byToken.delete(token);
      return undefined;
    }
    return this.ctx.tables.users.get(s.user_id);
  }

  login(email: string, password: string): SessionRecord | undefined {
    const lower = email.toLowerCase();
    for (const u of this.ctx.tables.users.values()) {
      if (u.email.toLowerCase() === lower && u.password === password) return this.create(u.id);
    }
    return undefined;
  }

  logout(token: string): void {
    this.byToken.delete(token);
    this.changed();
  }

  all(): SessionRecord[] {
    return [...this.byToken.values()];
  }

  restore(sessions: SessionRecord[]): void {
    for (const s of sessions) this.byToken.set(s.token, s);
  }

  /** Only persistence listens: sessions are no part of any API answer. */
  private changed(): void {
    this.ctx.emit({ kind: "sessions" });
  }
}
