/**
 * The rules a batch of readings or observations must pass before the store
 * accepts it (DESIGN §2, §3). The store answers with them and the pane runs the
 * same checks before it sends anything, so both speak the same codes, paths
 * and messages. Every problem is returned, located by a path into the request
 * (`readings.2.period`), not just the first one.
 */
import type { ObservationInput, ReadingInput } from './api';
import { PlumblineError, type ErrorCode, type ErrorDetail } from './errors';
import type { Kpi } from './model';
import { cadenceOfPeriod, isPeriodKey, periodBounds } from './period-key';
import { needsRemediation, statusOf } from './status';

/** One broken rule: its catalog code, where it is in the request, and what to tell the user. */
export interface RuleProblem extends ErrorDetail {
  code: ErrorCode;
}

/** What the rules need of a KPI (a `Kpi` of the model fits). */
export type RulesKpi = Pick<
  Kpi,
  'id' | 'name' | 'ownerId' | 'cadence' | 'direction' | 'target' | 'periodTargets' | 'thresholds'
>;

/** What the reading rules need of a reading (a request's `ReadingInput` fits). */
export type RulesReading = Pick<ReadingInput, 'kpiId' | 'period' | 'value' | 'remediation'>;

/** Everything the reading rules look at, as plain data. */
export interface ReadingRulesInput {
  /** The model's KPIs; an id not among them is an unknown KPI. */
  kpis: readonly RulesKpi[];
  /** Who submits: only a KPI's owner may, whatever their role. */
  user: { id: string };
  /** The calendar day (`YYYY-MM-DD`) of the submission; a period starting after it is refused. */
  today: string;
  /** The batch, in request order: paths index into it. */
  readings: readonly RulesReading[];
}

/**
 * Every problem of a batch of readings (empty when the batch may be stored):
 *
 * - `unknown_kpi`: the id names no KPI (nothing else is checked for that reading);
 * - `not_kpi_owner`: the user does not own the KPI. Admins included: ownership,
 *   not role, lets someone submit, so no one reports another owner's number;
 * - `period_mismatch`: the period is not a key of the KPI's cadence;
 * - `period_in_future`: the period starts after `today` (the running period
 *   may be reported: a week's number can be known on its Friday);
 * - `remediation_required`: the value is at risk or off track and carries no
 *   remediation note.
 *
 * Problems come in request order, and within a reading in the order above.
 */
export function readingProblems(input: ReadingRulesInput): RuleProblem[] {
  const kpis = new Map(input.kpis.map((k) => [k.id, k]));
  return input.readings.flatMap((reading, i) =>
    problemsOfReading(reading, kpis.get(reading.kpiId), input.user.id, input.today).map((p) => ({
      ...p,
      path: `readings.${i}.${p.path}`,
    })),
  );
}

function problemsOfReading(
  reading: RulesReading,
  kpi: RulesKpi | undefined,
  userId: string,
  today: string,
): RuleProblem[] {
  if (!kpi) return [{ code: 'unknown_kpi', path: 'kpiId', message: `No KPI "${reading.kpiId}".` }];
  const problems: RuleProblem[] = [];
  if (kpi.ownerId !== userId) {
    problems.push({
      code: 'not_kpi_owner',
      path: 'kpiId',
      message: `${kpi.name} (${kpi.id}) is owned by ${kpi.ownerId}; only its owner may submit readings.`,
    });
  }
  if (!isPeriodKey(reading.period, kpi.cadence)) {
    const given = cadenceOfPeriod(reading.period);
    problems.push({
      code: 'period_mismatch',
      path: 'period',
      message: `${reading.period} is ${given ? `a ${given} key` : 'not a valid period'}, but ${kpi.id} is reported every ${kpi.cadence}.`,
    });
    // Without a period of its cadence neither its start nor its target is known.
    return problems;
  }
  if (periodBounds(reading.period).start > today) {
    problems.push({
      code: 'period_in_future',
      path: 'period',
      message: `${reading.period} has not started yet.`,
    });
  }
  const status = statusOf(kpi, reading.value, reading.period);
  if (needsRemediation(status) && !reading.remediation?.trim()) {
    problems.push({
      code: 'remediation_required',
      path: 'remediation',
      message: `${reading.value} for ${kpi.name} in ${reading.period} is ${status}: add a remediation note.`,
    });
  }
  return problems;
}

/** What the observation rules need of a link (a stored `Link` fits). */
export interface RulesLink {
  id: string;
  kpiIds: readonly string[];
}

/** What the observation rules need of an observation (a request's `ObservationInput` fits). */
export type RulesObservation = Pick<ObservationInput, 'linkId' | 'kpiId' | 'period'>;

/** Everything the observation rules look at, as plain data. */
export interface ObservationRulesInput {
  /** The model's KPIs; an id not among them is an unknown KPI. */
  kpis: readonly Pick<Kpi, 'id' | 'cadence'>[];
  /** The registered links the observations name (others are harmless). */
  links: readonly RulesLink[];
  /** The batch, in request order: paths index into it. */
  observations: readonly RulesObservation[];
}

/**
 * Every problem of a batch of observations (empty when it may be recorded):
 *
 * - `unknown_link`: no link has the id (register the link first);
 * - `unknown_kpi`: the id names no KPI;
 * - `link_invalid`: the link is not bound to the KPI;
 * - `period_mismatch`: the period is not a key of the KPI's cadence.
 *
 * Problems come in request order, and within an observation in the order above.
 */
export function observationProblems(input: ObservationRulesInput): RuleProblem[] {
  const kpis = new Map(input.kpis.map((k) => [k.id, k]));
  // A link's KPIs as a set: a reconcile sends every cell of links of 1,000 KPIs.
  const links = new Map(input.links.map((l) => [l.id, new Set(l.kpiIds)]));
  return input.observations.flatMap((o, i): RuleProblem[] => {
    const at = (field: keyof RulesObservation) => `observations.${i}.${field}`;
    const link = links.get(o.linkId);
    const kpi = kpis.get(o.kpiId);
    const problems: RuleProblem[] = [];
    if (!link) {
      problems.push({
        code: 'unknown_link',
        path: at('linkId'),
        message: `No link "${o.linkId}"; register it first.`,
      });
    }
    if (!kpi) {
      problems.push({ code: 'unknown_kpi', path: at('kpiId'), message: `No KPI "${o.kpiId}".` });
      return problems;
    }
    if (link && !link.has(o.kpiId)) {
      problems.push({
        code: 'link_invalid',
        path: at('kpiId'),
        message: `Link "${o.linkId}" is not bound to ${o.kpiId}.`,
      });
    }
    if (!isPeriodKey(o.period, kpi.cadence)) {
      problems.push({
        code: 'period_mismatch',
        path: at('period'),
        message: `${o.period} is not a ${kpi.cadence} of ${kpi.id}.`,
      });
    }
    return problems;
  });
}

/**
 * The one error that answers a batch of readings with problems, or undefined
 * when there are none. Its code is that of the first problem, except that a
 * reading the user may not submit makes it `not_kpi_owner` (403): a request
 * nobody should have sent is refused as such before its details are judged.
 * Its message is the problem's own when one reading is at fault.
 */
export function readingRulesError(problems: readonly RuleProblem[]): PlumblineError | undefined {
  const lead = problems.find((p) => p.code === 'not_kpi_owner') ?? problems[0];
  return lead && batchError(problems, lead, (n) => `${n} readings break a rule; nothing was stored.`);
}

/**
 * The one error that answers a batch of observations with problems, or
 * undefined when there are none: the first problem's code, and its message
 * when one observation is at fault.
 */
export function observationRulesError(problems: readonly RuleProblem[]): PlumblineError | undefined {
  const lead = problems[0];
  return lead && batchError(problems, lead, (n) => `${n} observations are invalid; nothing was recorded.`);
}

function batchError(
  problems: readonly RuleProblem[],
  lead: RuleProblem,
  several: (count: number) => string,
): PlumblineError {
  // Count items, not problems: one reading may break several rules.
  const items = new Set(problems.map((p) => p.path.split('.').slice(0, 2).join('.'))).size;
  return new PlumblineError(
    lead.code,
    items === 1 ? lead.message : several(items),
    problems.map(({ path, message }) => ({ path, message })),
  );
}
