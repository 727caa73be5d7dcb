import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1: 43 to 128 characters from the unreserved set (Coder checks the challenge the same way). */
export function validPkceFormat(value: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
}

/** A fresh code verifier: 32 random bytes, base64url (43 characters). */
export function createVerifier(): string {
  return randomBytes(32).toString("base64url");
}

/** The S256 challenge of a verifier: base64url(sha256(verifier)), no padding. */
export function challengeS256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

/** Whether `verifier` answers the S256 `challenge` (compared in constant time). */
export function verifyS256(challenge: string, verifier: string): boolean {
  if (!validPkceFormat(verifier)) return false;
  const expected = Buffer.from(challengeS256(verifier));
  const given = Buffer.from(challenge);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
