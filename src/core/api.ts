/**
 * Request and answer shapes of the store's HTTP API (DESIGN §3). The server
 * validates with these schemas, the OpenAPI document is generated from them and
 * the pane checks its input with them before sending.
 */
import { z } from 'zod';
import { MAX_LINKS_PER_REQUEST, MAX_OBSERVATIONS_PER_REQUEST } from './request-limits';
import {
  cadenceSchema,
  directionSchema,
  indicatorSchema,
  pathEntrySchema,
  periodKeySchema,
  userSchema,
  slugSchema,
  thresholdsSchema,
} from './model';
import { openObject } from './open-object';
import { cellText, multiLineText, singleLineText } from './plain-text';
import type { Status } from './status';
import type { Verdict } from './verdict';

const note = multiLineText(z.string().trim().max(4000));

export const sourceSchema = z.strictObject({
  workbook: singleLineText(z.string().max(500)),
  sheet: singleLineText(z.string().max(200)),
  address: singleLineText(z.string().max(200)),
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

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/**
 * `POST /v1/readings`' headers (names lower-case, as Node gives them). Loose:
 * every other header passes through untouched.
 */
export const idempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .max(IDEMPOTENCY_KEY_MAX_LENGTH)
    .regex(/\S/, 'must not be blank')
    .describe('The same key with the same body returns the first answer and stores nothing new.'),
});

export const canonicalRequestSchema = z.strictObject({
  kpiIds: z.array(slugSchema).min(1).max(5000),
  from: periodKeySchema.optional(),
  to: periodKeySchema.optional(),
});

export const layoutSchema = z.enum(['cell', 'series', 'grid']);

export const linkInputSchema = z.strictObject({
  id: z.string().uuid().optional(),
  workbookId: singleLineText(z.string().min(1).max(200)),
  workbookName: singleLineText(z.string().max(500)),
  sheet: singleLineText(z.string().min(1).max(200)),
  address: singleLineText(z.string().min(1).max(200)),
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
  z.strictObject({ unreadable: cellText(z.string().max(1000)) }),
]);

export const observationInputSchema = z.strictObject({
  linkId: singleLineText(z.string().min(1).max(200)),
  kpiId: slugSchema,
  period: periodKeySchema,
  value: observationValueSchema,
});

export const linksRequestSchema = z.strictObject({
  links: z.array(linkInputSchema).min(1).max(MAX_LINKS_PER_REQUEST),
});

export const observationsRequestSchema = z.strictObject({
  observations: z.array(observationInputSchema).min(1).max(MAX_OBSERVATIONS_PER_REQUEST),
});

export const summaryQuerySchema = z.strictObject({
  asOf: z.iso.date().optional(),
});

export const linksQuerySchema = z.strictObject({ workbookId: z.string().min(1).max(200).optional() });

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

/*
 * Answers. Their objects are not strict: the serializer checks an answer
 * against its schema (the big ones are sent unchecked: `plainJson` in the
 * store), and an answer must never fail for a key a reader would simply ignore.
 */

export const healthSchema = z.object({ ok: z.literal(true) });

/** A stored reading: what was submitted, with its revision, who and when. */
export const readingSchema = z.object({
  ...readingInputSchema.shape,
  source: z.object(sourceSchema.shape).optional(),
  revision: z.number().int().min(1),
  submittedBy: z.string(),
  submittedAt: z.string(),
});
export type Reading = z.infer<typeof readingSchema>;

/** `POST /v1/readings`, `GET /v1/readings`, `POST /v1/canonical`. */
export const readingsAnswerSchema = z.object({ readings: z.array(readingSchema) });

export const linkSchema = z.object({
  ...linkInputSchema.shape,
  id: z.string().uuid(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Link = z.infer<typeof linkSchema>;

export const verdictSchema = z.enum([
  'match',
  'diverged',
  'local-only',
  'canonical-only',
  'unreadable',
] as const satisfies readonly Verdict[]);

/** Each observation as sent, with the canonical value and revision of that moment and its verdict. */
export const observationAnswerSchema = z.object({
  ...observationInputSchema.shape,
  value: z.union([z.number(), z.null(), z.object({ unreadable: z.string() })]),
  canonical: z.number().nullable(),
  revision: z.number().int().nullable(),
  /** null when neither a local nor a canonical value exists: nothing to compare. */
  verdict: verdictSchema.nullable(),
});

export const statusSchema = z.enum([
  'no-data',
  'on-track',
  'at-risk',
  'off-track',
] as const satisfies readonly Status[]);

const count = z.number().int().min(0);

/** The value of the latest period a KPI was reported for, so a due period never hides it. */
export const latestValueSchema = openObject({
  period: z.string(),
  value: z.number().nullable(),
  status: statusSchema,
});

/*
 * A summary row, KPI or group. The keys are listed in the order `buildSummary`
 * writes them, since the serializer writes them in this order. Rows are open
 * objects: the row is the contract most likely to gain fields (as `latest`
 * did), and an added field must reach readers rather than be stripped by the
 * serializer.
 */
const rowHead = {
  name: z.string(),
  parentId: z.string().nullable(),
  path: z.array(pathEntrySchema),
  depth: count,
};
const rowFacts = {
  status: statusSchema,
  statusCounts: z.object({ 'no-data': count, 'on-track': count, 'at-risk': count, 'off-track': count }),
};
const rowCopies = {
  copies: count,
  divergentCopies: count,
  lastSubmittedAt: z.string().nullable(),
};
const rowOverdue = { overdue: z.boolean(), overdueCount: count };

export const kpiSummaryRowSchema = openObject({
  id: z.string(),
  kind: z.literal('kpi'),
  ...rowHead,
  ownerId: z.string(),
  cadence: cadenceSchema,
  unit: z.string(),
  direction: directionSchema,
  indicator: indicatorSchema,
  period: z.string(),
  value: z.number().nullable(),
  latest: latestValueSchema.nullable().optional(),
  revision: z.number().int().nullable(),
  target: z.number().nullable(),
  thresholds: z.object(thresholdsSchema.shape).nullable(),
  ...rowFacts,
  trend: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
  ...rowCopies,
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  comment: z.string().nullable(),
  remediation: z.string().nullable(),
  ...rowOverdue,
  dependsOn: z.array(z.string()),
});

/** A pillar's or program's row: KPI-only fields are null (or empty), facts are rolled up. */
export const groupSummaryRowSchema = openObject({
  id: z.string(),
  kind: z.enum(['pillar', 'program']),
  ...rowHead,
  ownerId: z.null(),
  cadence: z.null(),
  unit: z.null(),
  direction: z.null(),
  indicator: z.null(),
  period: z.null(),
  value: z.null(),
  latest: z.null().optional(),
  revision: z.null(),
  target: z.null(),
  thresholds: z.null(),
  ...rowFacts,
  trend: z.tuple([]),
  ...rowCopies,
  submittedBy: z.null(),
  submittedAt: z.null(),
  comment: z.null(),
  remediation: z.null(),
  ...rowOverdue,
  dependsOn: z.tuple([]),
});

/** `GET /v1/summary`: one row per node in tree order. */
export const summaryAnswerSchema = z.object({
  asOf: z.iso.date(),
  rows: z.array(z.discriminatedUnion('kind', [kpiSummaryRowSchema, groupSummaryRowSchema])),
});

/** Who a token belongs to (`GET /v1/me`). */
export const meSchema = userSchema;
export type Me = z.infer<typeof meSchema>;

/** A user of the demo organisation with the token anyone may use to try Plumbline on sample data. */
export const demoPersonaSchema = z.object({ ...userSchema.shape, token: z.string() });
export type DemoPersona = z.infer<typeof demoPersonaSchema>;
