/**
 * A zod object that lets keys it does not name pass through, for answers whose
 * shape others extend (a summary row gaining a field must reach readers, not be
 * stripped by the serializer).
 */
import { z } from 'zod';

/**
 * `z.looseObject(shape)`, typed as `z.object(shape)`. Only the static type
 * differs: `z.looseObject` adds `{ [key: string]: unknown }` to its type, which
 * TypeScript interfaces (they have no index signature) never fit, although any
 * object with these keys passes at run time.
 */
export function openObject<Shape extends z.ZodRawShape>(shape: Shape): z.ZodObject<Shape> {
  // The double assertion only drops the index signature from the static type (see above).
  return z.looseObject(shape) as unknown as z.ZodObject<Shape>;
}
