/**
 * Fills an empty store with the demo organisation (users, model, the history of
 * the last complete months before `now`, two linked copies of the monthly pack)
 * and returns each user's token.
 */
import { randomUUID } from 'node:crypto';
import { modelSchema, roleSchema, type Kpi, type User } from '../../core/model';
import { isKpi } from '../../core/model-tree';
import { addDaysToDay, periodBounds } from '../../core/period-key';
import { needsRemediation, statusOf } from '../../core/status';
import { verdictOf } from '../../core/verdict';
import { hashToken, newToken } from '../auth';
import type { NewReading, ObservationRow, StoreDb } from '../db/repository';
import demoModel from './model.json';
import { monthlyPacks, packCell, PACK_LINKS, type MonthlyPack } from './demo-packs';
import {
  DEFAULT_REMEDIATION,
  demoStory,
  storyEnd,
  storyMonths,
  type StoryEnd,
  type StoryReading,
} from './demo-story';

export interface DemoUser extends User {
  token: string;
}

/**
 * When something of the story happened: `days` after the last day of `period`,
 * at 09:00 UTC, but never after `now`. Why the cap: on the first days after a
 * period ends, the story's reports for it (due two days later) have to be in
 * already, so the demo shows the last complete period on any day; capping
 * keeps their order (a correction never lands before its first report).
 */
function storyTime(period: string, days: number, now: Date): string {
  const at = `${addDaysToDay(periodBounds(period).end, days)}T09:00:00.000Z`;
  const cap = now.toISOString();
  return at < cap ? at : cap;
}

/** The first reports land two days after each period ends; corrections ten days after that. */
const REPORT_DAYS = 2;
const CORRECTION_DAYS = 12;

/**
 * Seeds the demo as of `now`: its story ends with the last complete month,
 * week and quarter before that day (see demo-story.ts).
 */
export async function seedDemo(db: StoreDb, now: Date): Promise<DemoUser[]> {
  if ((await db.countUsers()) > 0) throw new Error('The demo needs an empty store.');
  const end = storyEnd(now.toISOString().slice(0, 10));
  // The organisation was set up a little before the first month of the story.
  const setUp = `${addDaysToDay(periodBounds(storyMonths(end)[0]!).start, -17)}T09:00:00.000Z`;
  const users = await createUsers(db, setUp);
  const { nodes } = modelSchema.parse({ nodes: demoModel.nodes });
  await db.upsertNodes(nodes, setUp);
  const kpis = new Map(nodes.filter(isKpi).map((k) => [k.id, k]));
  const story = demoStory(end);
  await submit(db, kpis, story.readings, 'report', (period) => storyTime(period, REPORT_DAYS, now));
  await submit(db, kpis, story.corrections, 'correction', (period) =>
    storyTime(period, CORRECTION_DAYS, now),
  );
  await linkMonthlyPacks(db, kpis, monthlyPacks(end), end, now);
  return users;
}

async function createUsers(db: StoreDb, createdAt: string): Promise<DemoUser[]> {
  const users: DemoUser[] = demoModel.users.map((u) => ({
    id: u.id,
    name: u.name,
    role: roleSchema.parse(u.role),
    token: newToken(),
  }));
  for (const user of users) {
    await db.createUser(
      { id: user.id, name: user.name, role: user.role, tokenHash: hashToken(user.token) },
      createdAt,
    );
  }
  return users;
}

/**
 * One batch per owner and period, as owners would submit them. `round` keeps
 * the batches of first reports and of corrections apart (their idempotency
 * keys), even when the cap on story times gives them the same instant.
 */
async function submit(
  db: StoreDb,
  kpis: Map<string, Kpi>,
  story: StoryReading[],
  round: string,
  submittedAt: (period: string) => string,
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
      submittedAt: submittedAt(r.period),
    };
    const key = `${round}|${kpi.ownerId}|${r.period}|${reading.submittedAt}`;
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

/**
 * Registers the ranges an analyst linked in each copy of the monthly pack, and
 * what a reconcile of the last complete month saw in them: the central pack
 * and the regional copy both still hold the turnaround before its correction.
 */
async function linkMonthlyPacks(
  db: StoreDb,
  kpis: Map<string, Kpi>,
  packs: readonly MonthlyPack[],
  end: StoryEnd,
  now: Date,
): Promise<void> {
  const { start, end: last } = periodBounds(end.month);
  const canonical = new Map(
    (await db.latestReadings([...kpis.keys()], { fromDay: start, toDay: last })).map((r) => [r.kpiId, r]),
  );
  for (const pack of packs) {
    for (const spec of PACK_LINKS) {
      const link = await db.upsertLink({
        id: randomUUID(),
        workbookId: `demo-${pack.workbookName}`,
        workbookName: pack.workbookName,
        sheet: pack.sheet,
        address: spec.address,
        layout: spec.layout,
        kpiIds: spec.kpiIds,
        scale: spec.scale,
        createdBy: 'ana',
        createdAt: storyTime(end.month, 3, now),
      });
      const rows: ObservationRow[] = spec.kpiIds.flatMap((kpiId) => {
        const raw = packCell(pack, kpiId, end.month);
        if (typeof raw !== 'number') return [];
        const value = Number((raw * spec.scale).toPrecision(15));
        const reading = canonical.get(kpiId);
        const verdict = verdictOf(value, reading?.value, kpis.get(kpiId)?.tolerance);
        if (verdict === null) return [];
        return [
          {
            linkId: link.id,
            kpiId,
            period: end.month,
            value,
            unreadable: null,
            canonical: reading?.value ?? null,
            revision: reading?.revision ?? null,
            verdict,
            observedBy: 'ana',
            observedAt: storyTime(end.month, 16, now),
          },
        ];
      });
      await db.recordObservations(rows);
    }
  }
}
