/** Conversions between table rows and the API's shapes, shared by every query. */
import type { Selectable } from 'kysely';
import type { Link, Reading, Source } from '../../core/api';
import { layoutSchema } from '../../core/api';
import { roleSchema, type User } from '../../core/model';
import type { Verdict } from '../../core/verdict';
import type { ObservationRow } from './repository';
import type { LinksTable, ObservationsTable, ReadingsTable, UsersTable } from './schema';

export type ReadingRow = Omit<Selectable<ReadingsTable>, 'id'>;

/** The one place a reading gets its shape: fresh answers, replays and listings agree key for key. */
export function toReading(row: ReadingRow): Reading {
  return {
    kpiId: row.kpi_id,
    period: row.period,
    value: row.value,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    ...(row.remediation !== null ? { remediation: row.remediation } : {}),
    ...(row.source !== null ? { source: parseSource(row.source) } : {}),
    revision: row.revision,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
  };
}

function parseSource(text: string): Source {
  // Written by submitReadings from a validated source.
  const source: Source = JSON.parse(text);
  return source;
}

export function toUser(row: Pick<Selectable<UsersTable>, 'id' | 'name' | 'role'>): User {
  return { id: row.id, name: row.name, role: roleSchema.parse(row.role) };
}

export function toLink(row: Selectable<LinksTable>): Link {
  const kpiIds: string[] = JSON.parse(row.kpi_ids);
  return {
    id: row.id,
    workbookId: row.workbook_id,
    workbookName: row.workbook_name,
    sheet: row.sheet,
    address: row.address,
    layout: layoutSchema.parse(row.layout),
    kpiIds,
    scale: row.scale,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const VERDICTS: ReadonlySet<string> = new Set<Verdict>([
  'match',
  'diverged',
  'local-only',
  'canonical-only',
  'unreadable',
]);

export function isVerdict(text: string): text is Verdict {
  return VERDICTS.has(text);
}

export function toObservation(row: Selectable<ObservationsTable>): ObservationRow {
  if (!isVerdict(row.verdict)) throw new Error(`Unknown verdict in the store: ${row.verdict}`);
  return {
    linkId: row.link_id,
    kpiId: row.kpi_id,
    period: row.period,
    value: row.value,
    unreadable: row.unreadable,
    canonical: row.canonical,
    revision: row.revision,
    verdict: row.verdict,
    observedBy: row.observed_by,
    observedAt: row.observed_at,
  };
}
