import type { ValidationError } from "../../api/types";

/**
 * An API error with Coder's response shape, for what only HTTP knows (query syntax, body size, auth).
 * The store throws domain errors instead, which the HTTP layer turns into these.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
    readonly validations?: ValidationError[],
  ) {
    super(message);
  }

  body(): { message: string; detail?: string; validations?: ValidationError[] } {
    return { message: this.message, detail: this.detail, validations: this.validations };
  }
}
