/**
 * The DispatchError family. Messages are short and safe to show a user; anything
 * that is not a DispatchError is logged with context and shown as a generic error.
 */
export class DispatchError extends Error {
  override name = 'DispatchError';
}
/** The thing asked for does not exist (unknown command, entity, subscription…). */
export class NotFoundError extends DispatchError {
  override name = 'NotFoundError';
}
/** The input is unusable (empty, too long, wrong type…). */
export class BadInputError extends DispatchError {
  override name = 'BadInputError';
}
/** An upstream dependency (model, store, Discord) failed. */
export class UpstreamError extends DispatchError {
  override name = 'UpstreamError';
}

export const isDispatchError = (e: unknown): e is DispatchError => e instanceof DispatchError;
export const isBadInputError = (e: unknown): e is BadInputError => e instanceof BadInputError;
export const isNotFoundError = (e: unknown): e is NotFoundError => e instanceof NotFoundError;
export const isUpstreamError = (e: unknown): e is UpstreamError => e instanceof UpstreamError;
