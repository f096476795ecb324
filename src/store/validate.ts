import type { z } from 'zod';
import { PlumblineError, type ErrorDetail } from '../core/errors';

/** Turns zod issues into the API's `details`: one `{ path, message }` per problem. */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    return { path, message: issue.message };
  });
}

/** Parses `input` with `schema`, or throws `validation_failed` listing every problem. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what = 'request body',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new PlumblineError(
    'validation_failed',
    `The ${what} does not match the expected shape.`,
    issuesToDetails(result.error.issues),
  );
}
