import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/errors';

/** Awaits a call that must fail with the given code; returns the error for further checks. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code, (error as AppError).message).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected ${code}, but the call succeeded`);
}
