import type { ValidationError } from "../../api/types";

/** An API error with Coder's response shape; thrown by store operations, rendered by the HTTP layer. */
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

export const notFound = (): HttpError =>
  new HttpError(404, "Resource not found or you do not have access to this resource");
