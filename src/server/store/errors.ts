import type { ValidationError } from "../../api/types";

/**
 * Why a store operation refused, in Coder's words but without HTTP: the route layer gives each kind
 * its status code and renders Coder's error body.
 */
export abstract class DomainError extends Error {
  constructor(
    message: string,
    readonly detail?: string,
    readonly validations?: ValidationError[],
  ) {
    super(message);
  }
}

/** Absent, or hidden from the caller: Coder answers both the same way. */
export class NotFound extends DomainError {
  constructor() {
    super("Resource not found or you do not have access to this resource");
  }
}

/** The request itself is wrong; `validations` names the fields when Coder does. */
export class Invalid extends DomainError {}

/** Clashes with the current state (a name in use, a build already running). */
export class Conflict extends DomainError {}

/** Allowed to see, not allowed to do. */
export class Forbidden extends DomainError {}

/** The caller's expectation of the state (`expect_status`) no longer holds. */
export class PreconditionFailed extends DomainError {}
