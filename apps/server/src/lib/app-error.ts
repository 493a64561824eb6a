import type { ErrorCode } from '@yingshang/contracts';

/** A typed failure: the error plugin turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export function fail(code: ErrorCode, details?: unknown): never {
  throw new AppError(code, details);
}
