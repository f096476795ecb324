/**
 * Fills an empty store with the demo organisation (users, model, 2026 history,
 * two linked copies of the monthly pack) and returns each user's token.
 */
import { randomUUID } from 'node:crypto';
import { modelSchema, roleSchema, type Kpi, type ModelNode, type User } from '../../core/model';
import { isKpi } from '../../core/model-tree';
import { addDaysToDay, periodBounds } from '../../core/period-key';
import { needsRemediation, statusOf } from '../../core/status';
import { verdictOf } from '../../core/verdict';
import { hashToken, newToken } from '../auth';
import type { NewReading, ObservationRow, StoreDb } from '../db/repository';
import demoModel from './model.json';
import { DEFAULT_REMEDIATION, DEMO_CORRECTIONS, DEMO_READINGS, type StoryReading } from './demo-story';

export interface DemoUser extends User {
  token: string;
}

/** When the demo's history was written: its readings land two days after each period ends. */
function submittedAt(period: string, extraDays = 0): string {
  return `${addDaysToDay(periodBounds(period).end, 2 + extraDays)}T09:00:00.000Z`;
}

export async function seedDemo(db: StoreDb): Promise<DemoUser[]> {
  if ((await db.countUsers()) > 0) throw new Error('The demo needs an empty store.');
  const users = await createUsers(db);
  const { nodes } = modelSchema.parse({ nodes: demoModel.nodes });
  await db.upsertNodes(nodes, '2025-12-15T09:00:00.000Z');
  const kpis = new Map(nodes.filter(isKpi).map((k) => [k.id, k]));
  await submit(db, kpis, DEMO_READINGS, 0);
  await submit(db, kpis, DEMO_CORRECTIONS, 10);
  await linkMonthlyPacks(db, nodes);
  return users;
}

async function createUsers(db: StoreDb): Promise<DemoUser[]> {
  const users: DemoUser[] = demoModel.users.map((u) => ({
    id: u.id,
    name: u.name,
    role: roleSchema.parse(u.role),
    token: newToken(),
  }));
  for (const user of users) {
    await db.createUser(
      { id: user.id, name: user.name, role: user.role, tokenHash: hashToken(user.token) },
      '2025-12-15T09:00:00.000Z',
    );
  }
  return users;
}

/** One batch per owner and period, as owners would submit them. */
async function submit(
  db: StoreDb,
  kpis: Map<string, Kpi>,
  story: StoryReading[],
  extraDays: number,
): Promise<void> {
  const batches = new Map<string, NewReading[]>();
  for (const r of story) {
    const kpi = kpis.get(r.kpiId);
    if (!kpi) throw new Error(`Demo reading for unknown KPI ${r.kpiId}`);
    const breach = needsRemediation(statusOf(kpi, r.value, r.period));
    const reading: NewReading = {
      ...r,
      ...(breach && !r.remediation ? { remediation: DEFAULT_REMEDIATION[kpi.id] } : {}),
      submittedBy: kpi.ownerId,
      submittedAt: submittedAt(r.period, extraDays),
    };
    const key = `${kpi.ownerId}|${r.period}|${reading.submittedAt}`;
    batches.set(key, [...(batches.get(key) ?? []), reading]);
  }
  for (const [key, readings] of batches) {
    await db.submitReadings({
      userId: readings[0]!.submittedBy,
      idempotencyKey: `demo:${key}`,
      requestHash: key,
      readings,
    });
  }
}

/** October values as the central pack and its drifted regional copy hold them (FCR typed in points). */
const PACKS = [
  { workbookName: 'ops-monthly.xlsx', turnaround: 6.7 },
  { workbookName: 'ops-monthly-north.xlsx', turnaround: 6.4 },
] as const;

/** The ranges an analyst links in the pack: a block of three KPIs, FCR in points, uptime. */
function packLinks(turnaround: number) {
  return [
    {
      address: 'C5:N7',
      layout: 'grid',
      scale: 1,
      october: { 'claims.turnaround_days': turnaround, 'claims.manual_rate': 0.145, 'ops.fte': 419 },
    },
    { address: 'C8:N8', layout: 'series', scale: 0.01, october: { 'service.fcr': 75.8 } },
    { address: 'C9:N9', layout: 'series', scale: 1, october: { 'platform.uptime': 0.998 } },
  ] as const;
}

async function linkMonthlyPacks(db: StoreDb, nodes: ModelNode[]): Promise<void> {
  const kpis = new Map(nodes.filter(isKpi).map((k) => [k.id, k]));
  const canonical = new Map(
    (await db.latestReadings([...kpis.keys()], { fromDay: '2026-10-01', toDay: '2026-10-31' })).map((r) => [
      r.kpiId,
      r,
    ]),
  );
  for (const pack of PACKS) {
    for (const spec of packLinks(pack.turnaround)) {
      const local = new Map<string, number>(Object.entries(spec.october));
      const link = await db.upsertLink({
        id: randomUUID(),
        workbookId: `demo-${pack.workbookName}`,
        workbookName: pack.workbookName,
        sheet: 'Ops KPIs',
        address: spec.address,
        layout: spec.layout,
        kpiIds: [...local.keys()],
        scale: spec.scale,
        createdBy: 'ana',
        createdAt: '2026-11-03T10:00:00.000Z',
      });
      const rows: ObservationRow[] = [...local].flatMap(([kpiId, raw]) => {
        const value = Number((raw * spec.scale).toPrecision(15));
        const reading = canonical.get(kpiId);
        const verdict = verdictOf(value, reading?.value, kpis.get(kpiId)?.tolerance);
        if (verdict === null) return [];
        return [
          {
            linkId: link.id,
            kpiId,
            period: '2026-10',
            value,
            unreadable: null,
            canonical: reading?.value ?? null,
            revision: reading?.revision ?? null,
            verdict,
            observedBy: 'ana',
            observedAt: '2026-11-16T08:30:00.000Z',
          },
        ];
      });
      await db.recordObservations(rows);
    }
  }
}
