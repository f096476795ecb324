/**
 * Request and answer shapes of the store's HTTP API (DESIGN §3). The server
 * validates with these schemas, the OpenAPI document is generated from them and
 * the pane checks its input with them before sending.
 */
import { z } from 'zod';
import { periodKeySchema, slugSchema } from './model';

const note = z.string().trim().max(4000);

export const sourceSchema = z.strictObject({
  workbook: z.string().max(500),
  sheet: z.string().max(200),
  address: z.string().max(200),
});

export const readingInputSchema = z.strictObject({
  kpiId: slugSchema,
  period: periodKeySchema,
  value: z.number().finite(),
  comment: note.optional(),
  remediation: note.optional(),
  source: sourceSchema.optional(),
});

export const readingsRequestSchema = z.strictObject({
  readings: z.array(readingInputSchema).min(1).max(1000),
});

export const canonicalRequestSchema = z.strictObject({
  kpiIds: z.array(slugSchema).min(1).max(5000),
  from: periodKeySchema.optional(),
  to: periodKeySchema.optional(),
});

export const layoutSchema = z.enum(['cell', 'series', 'grid']);

export const linkInputSchema = z.strictObject({
  id: z.string().uuid().optional(),
  workbookId: z.string().min(1).max(200),
  workbookName: z.string().max(500),
  sheet: z.string().min(1).max(200),
  address: z.string().min(1).max(200),
  layout: layoutSchema,
  kpiIds: z.array(slugSchema).min(1).max(1000),
  scale: z
    .number()
    .finite()
    .refine((n) => n !== 0, 'scale must not be 0')
    .default(1),
});

export const observationValueSchema = z.union([
  z.number().finite(),
  z.null(),
  z.strictObject({ unreadable: z.string().max(1000) }),
]);

export const observationInputSchema = z.strictObject({
  linkId: z.string().min(1).max(200),
  kpiId: slugSchema,
  period: periodKeySchema,
  value: observationValueSchema,
});

export const observationsRequestSchema = z.strictObject({
  observations: z.array(observationInputSchema).min(1).max(20000),
});

export const summaryQuerySchema = z.strictObject({
  asOf: z.iso.date().optional(),
});

export const readingsQuerySchema = z.strictObject({
  kpiId: slugSchema,
  period: periodKeySchema.optional(),
});

export type Source = z.infer<typeof sourceSchema>;
export type ReadingInput = z.infer<typeof readingInputSchema>;
export type LinkInput = z.infer<typeof linkInputSchema>;
export type Layout = z.infer<typeof layoutSchema>;
export type ObservationValue = z.infer<typeof observationValueSchema>;
export type ObservationInput = z.infer<typeof observationInputSchema>;

export interface Reading extends ReadingInput {
  revision: number;
  submittedBy: string;
  submittedAt: string;
}

export interface Link extends Omit<LinkInput, 'id'> {
  id: string;
  createdBy: string;
  createdAt: string;
}

/** Who a token belongs to (`GET /v1/me`). */
export interface Me {
  id: string;
  name: string;
  role: 'admin' | 'leader' | 'analyst' | 'owner';
}

/** A user of the demo organisation with the token anyone may use to try Plumbline on sample data. */
export interface DemoPersona extends Me {
  token: string;
}
