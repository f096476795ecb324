/**
 * The canonical model (DESIGN §2) as schemas: the one source of its shape, used
 * by the store to validate requests, by the OpenAPI document and by the pane
 * before anything is sent. Rules that span several nodes live in model-rules.ts.
 */
import { z } from 'zod';
import { CADENCES, isPeriodKey, PERIOD_KEY_PATTERN } from './period-key';
import { singleLineText } from './plain-text';

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

export const slugSchema = z
  .string()
  .max(100)
  .regex(SLUG_PATTERN, 'use lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

const nameSchema = singleLineText(z.string().trim().min(1).max(200));
const finite = z.number().finite();

export const cadenceSchema = z.enum(CADENCES);
export const directionSchema = z.enum(['up', 'down']);
export const indicatorSchema = z.enum(['lead', 'lag']);
export const roleSchema = z.enum(['admin', 'leader', 'analyst', 'owner']);
export const periodKeySchema = z
  .string()
  .regex(PERIOD_KEY_PATTERN, 'use a period key such as 2026-W47, 2026-11, 2026-Q4 or 2026')
  // The pattern lets through keys of periods that do not exist (2026-13, 2025-W53): refused too.
  .refine((key) => !PERIOD_KEY_PATTERN.test(key) || isPeriodKey(key), 'no such period');

/** Values on the bad side of target: amber is reached first, red further out. */
export const thresholdsSchema = z.strictObject({ amber: finite, red: finite });

/**
 * Divergence tolerance. A KPI's own tolerance replaces the default whole; a
 * part it leaves out counts as 0 (so `{ abs: 0.0005 }` means no relative slack).
 */
export const toleranceSchema = z.strictObject({
  abs: finite.min(0).optional(),
  rel: finite.min(0).optional(),
});

export { DEFAULT_TOLERANCE, targetFor } from './kpi-rules';

export const pillarSchema = z.strictObject({
  id: slugSchema,
  kind: z.literal('pillar'),
  name: nameSchema,
  parentId: z.null().optional(),
});

export const programSchema = z.strictObject({
  id: slugSchema,
  kind: z.literal('program'),
  name: nameSchema,
  parentId: slugSchema,
});

export const kpiSchema = z.strictObject({
  id: slugSchema,
  kind: z.literal('kpi'),
  name: nameSchema,
  parentId: slugSchema,
  unit: singleLineText(z.string().trim().max(40)).default(''),
  direction: directionSchema,
  cadence: cadenceSchema,
  ownerId: slugSchema,
  target: finite.optional(),
  /** Per-period overrides of `target`, keyed by period key. */
  periodTargets: z.record(periodKeySchema, finite).optional(),
  thresholds: thresholdsSchema.optional(),
  tolerance: toleranceSchema.optional(),
  indicator: indicatorSchema.default('lag'),
  dependsOn: z.array(slugSchema).max(50).default([]),
});

export const nodeSchema = z.discriminatedUnion('kind', [pillarSchema, programSchema, kpiSchema]);

export const modelSchema = z.strictObject({ nodes: z.array(nodeSchema).min(1).max(5000) });

export type Pillar = z.infer<typeof pillarSchema>;
export type Program = z.infer<typeof programSchema>;
export type Kpi = z.infer<typeof kpiSchema>;
export type ModelNode = z.infer<typeof nodeSchema>;
export type NodeInput = z.input<typeof nodeSchema>;
export type Direction = z.infer<typeof directionSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Thresholds = z.infer<typeof thresholdsSchema>;
export type Tolerance = z.infer<typeof toleranceSchema>;

export const userInputSchema = z.strictObject({
  id: slugSchema.optional(),
  name: nameSchema,
  role: roleSchema,
});
export type UserInput = z.infer<typeof userInputSchema>;

/** A user as the store answers it: never a token or its hash. */
export const userSchema = z.object({ id: z.string(), name: z.string(), role: roleSchema });
export type User = z.infer<typeof userSchema>;

/** `POST /v1/users`' answer: the only time the token is shown. */
export const createdUserSchema = z.object({ ...userSchema.shape, token: z.string() });
export type CreatedUser = z.infer<typeof createdUserSchema>;

/*
 * Nodes as the store answers them. The store keeps only nodes parsed by the
 * schemas above (defaults applied), so answers have the same fields; the node
 * objects are not strict because an answer must never fail for a key a reader
 * would simply ignore.
 */
export const storedNodeSchema = z.discriminatedUnion('kind', [
  z.object(pillarSchema.shape),
  z.object(programSchema.shape),
  z.object(kpiSchema.shape),
]);

/** One ancestor of a node (`GET /v1/kpis`, summary rows), pillar first. */
export const pathEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['pillar', 'program', 'kpi']),
  name: z.string(),
});

/** A KPI with its path of ancestors (`GET /v1/kpis`, `GET /v1/kpis/:id`). */
export const kpiWithPathSchema = z.object({ ...kpiSchema.shape, path: z.array(pathEntrySchema) });
