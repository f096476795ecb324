/**
 * The store's tables as Kysely sees them: one schema for both engines
 * (SQLite and PostgreSQL). Timestamps are ISO-8601 text in both, so ordering
 * and round trips behave the same; JSON columns are text holding JSON.
 */
import type { Generated } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface UsersTable {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  created_at: string;
}

export interface NodesTable {
  id: string;
  kind: string;
  name: string;
  parent_id: string | null;
  /** Stored order: existing nodes keep theirs, new ones are appended. */
  position: number;
  /** JSON of the whole node. */
  data: string;
  updated_at: string;
}

export interface ReadingsTable {
  /**
   * Insertion order only. A bigint identity on PostgreSQL, which `pg` would
   * hand back as a string: never selected.
   */
  id: Generated<number>;
  kpi_id: string;
  period: string;
  /** First and last day of the period (YYYY-MM-DD), for range queries across cadences. */
  period_start: string;
  period_end: string;
  value: number;
  comment: string | null;
  remediation: string | null;
  /** JSON `{ workbook, sheet, address }` or null. */
  source: string | null;
  submitted_by: string;
  submitted_at: string;
  revision: number;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  request_hash: string;
  /** JSON of the first answer (the stored readings), replayed as is. */
  response: string;
  created_at: string;
}

export interface LinksTable {
  id: string;
  workbook_id: string;
  workbook_name: string;
  sheet: string;
  address: string;
  layout: string;
  /** JSON array of KPI ids. */
  kpi_ids: string;
  scale: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ObservationsTable {
  link_id: string;
  kpi_id: string;
  period: string;
  value: number | null;
  unreadable: string | null;
  canonical: number | null;
  revision: number | null;
  verdict: string;
  observed_by: string;
  observed_at: string;
}

export interface Database {
  users: UsersTable;
  nodes: NodesTable;
  readings: ReadingsTable;
  idempotency_keys: IdempotencyKeysTable;
  links: LinksTable;
  observations: ObservationsTable;
}
