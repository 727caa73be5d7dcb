import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Cookie values only this deployment can read or make: AES-256-GCM (encrypted and
 * authenticated) under a key derived from `SESSION_SECRET`, with an expiry inside. Every replica
 * given the same secret opens what another sealed, so nothing of a sign-in lives in one process.
 */
export class Sealer {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync("sha256", secret, "coder-dashboard", purpose, 32));
  }

  seal(value: unknown, ttlMs: number, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const plain = Buffer.from(JSON.stringify({ v: value, exp: now + ttlMs }));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return [iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url")).join(".");
  }

  /** The sealed value, or undefined when it was altered, made with another secret, or expired. */
  open<T>(sealed: string | undefined, now = Date.now()): T | undefined {
    if (!sealed) return undefined;
    const parts = sealed.split(".");
    if (parts.length !== 3) return undefined;
    try {
      const [iv, body, tag] = parts.map((p) => Buffer.from(p, "base64url"));
      if (iv.length !== 12 || tag.length !== 16) return undefined;
      const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(body), decipher.final()]);
      const parsed = JSON.parse(plain.toString("utf8")) as { v: T; exp: number };
      return typeof parsed.exp === "number" && parsed.exp > now ? parsed.v : undefined;
    } catch {
      return undefined;
    }
  }
}
