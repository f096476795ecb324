import { readFileSync } from 'fs';
import { join } from 'path';
import { modelSchema, type Kpi, type ModelNode } from '../../src/core/model';
import { validateModel, validateModelChange } from '../../src/core/model-rules';

const demo = JSON.parse(readFileSync(join(__dirname, '../../src/store/demo/model.json'), 'utf8')) as {
  users: { id: string; role: string }[];
  nodes: unknown[];
};
const demoNodes: ModelNode[] = modelSchema.parse({ nodes: demo.nodes }).nodes;
const users = demo.users;

function kpi(fields: Partial<Kpi> & Pick<Kpi, 'id'>): Kpi {
  return {
    kind: 'kpi',
    name: fields.id,
    parentId: 'claims-ops',
    unit: '',
    direction: 'up',
    cadence: 'month',
    ownerId: 'olivia',
    indicator: 'lag',
    dependsOn: [],
    ...fields,
  };
}

function node(id: string): ModelNode {
  const found = demoNodes.find((n) => n.id === id);
  if (!found) throw new Error(`no demo node ${id}`);
  return found;
}

/** What the store passes: stored nodes overlaid by the incoming ones. */
function overlay(existing: ModelNode[], incoming: ModelNode[]): ModelNode[] {
  const byId = new Map(incoming.map((n) => [n.id, n]));
  const ids = new Set(existing.map((n) => n.id));
  return [...existing.map((n) => byId.get(n.id) ?? n), ...incoming.filter((n) => !ids.has(n.id))];
}

const paths = (problems: { path: string }[]) => problems.map((p) => p.path);

describe('validateModel on a whole model', () => {
  it('accepts the demo organisation', () => {
    expect(validateModel(demoNodes, users)).toEqual([]);
  });

  it('reports a duplicate id at its second occurrence', () => {
    const nodes = [...demoNodes, { id: 'digital', kind: 'pillar', name: 'Again' } satisfies ModelNode];
    const problems = validateModel(nodes, users);
    expect(problems).toEqual([
      { path: `nodes.${demoNodes.length}.id`, message: expect.stringContaining('duplicate id "digital"') },
    ]);
  });

  it("checks each kind's parent", () => {
    const nodes: ModelNode[] = [
      { id: 'p', kind: 'pillar', name: 'P' },
      { id: 'prog', kind: 'program', name: 'Program', parentId: 'p' },
      kpi({ id: 'k', parentId: 'prog' }),
      kpi({ id: 'k-under-pillar', parentId: 'p' }), // allowed
      { id: 'prog-under-prog', kind: 'program', name: 'x', parentId: 'prog' },
      { id: 'prog-under-kpi', kind: 'program', name: 'x', parentId: 'k' },
      kpi({ id: 'kpi-under-kpi', parentId: 'k' }),
      kpi({ id: 'orphan', parentId: 'nowhere' }),
      kpi({ id: 'self', parentId: 'self' }),
    ];
    const problems = validateModel(nodes, [{ id: 'olivia', role: 'owner' }]);
    expect(paths(problems)).toEqual([
      'nodes.4.parentId',
      'nodes.5.parentId',
      'nodes.6.parentId',
      'nodes.7.parentId',
      'nodes.8.parentId',
    ]);
    expect(problems[0]?.message).toMatch(/must be a pillar/);
    expect(problems[2]?.message).toMatch(/must be a program or a pillar/);
    expect(problems[3]?.message).toMatch(/"nowhere" does not exist/);
    expect(problems[4]?.message).toMatch(/its own parent/);
  });

  it('rejects a pillar with a parent (only reachable by bypassing the schema)', () => {
    const pillar = { id: 'p2', kind: 'pillar', name: 'P2', parentId: 'digital' } as unknown as ModelNode;
    expect(paths(validateModel([...demoNodes, pillar], users))).toEqual([
      `nodes.${demoNodes.length}.parentId`,
    ]);
  });

  it('reports a loop in the parent chain', () => {
    const nodes: ModelNode[] = [
      { id: 'a', kind: 'program', name: 'A', parentId: 'b' },
      { id: 'b', kind: 'program', name: 'B', parentId: 'a' },
    ];
    const problems = validateModel(nodes, users);
    expect(problems.filter((p) => p.message.includes('loops'))).toEqual([
      { path: 'nodes.0.parentId', message: 'parent chain loops: a → b → a' },
    ]);
    expect(problems).toHaveLength(3); // and both parents are of the wrong kind
  });

  it('requires the owner to be a user, of any role', () => {
    const nodes = [...demoNodes, kpi({ id: 'k1', ownerId: 'nobody' }), kpi({ id: 'k2', ownerId: 'leo' })];
    const problems = validateModel(nodes, users);
    expect(problems).toEqual([
      { path: `nodes.${demoNodes.length}.ownerId`, message: 'owner "nobody" is not a user' },
    ]);
  });

  it('checks dependsOn: existing KPIs, not itself, each once', () => {
    const nodes = [
      ...demoNodes,
      kpi({ id: 'k', dependsOn: ['ops.fte', 'k', 'missing', 'claims-ops', 'ops.fte'] }),
    ];
    const i = demoNodes.length;
    const problems = validateModel(nodes, users);
    expect(paths(problems)).toEqual([
      `nodes.${i}.dependsOn.1`,
      `nodes.${i}.dependsOn.2`,
      `nodes.${i}.dependsOn.3`,
      `nodes.${i}.dependsOn.4`,
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'a KPI cannot depend on itself',
      '"missing" does not exist',
      '"claims-ops" is a program; a KPI can only depend on KPIs',
      '"ops.fte" is listed twice',
    ]);
  });

  it('reports a dependency cycle once, at its first member', () => {
    // The demo has turnaround → manual_rate → auto_adjudication; close the loop.
    const nodes = demoNodes.map((n) =>
      n.id === 'platform.auto_adjudication' && n.kind === 'kpi'
        ? { ...n, dependsOn: ['claims.turnaround_days'] }
        : n,
    );
    const problems = validateModel(nodes, users);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('nodes.6.dependsOn'); // claims.turnaround_days
    expect(problems[0]?.message).toBe(
      'dependency cycle: claims.turnaround_days → claims.manual_rate → platform.auto_adjudication → claims.turnaround_days',
    );
  });

  it('reports two separate cycles', () => {
    const nodes = [
      ...demoNodes,
      kpi({ id: 'a', dependsOn: ['b'] }),
      kpi({ id: 'b', dependsOn: ['a'] }),
      kpi({ id: 'c', dependsOn: ['d'] }),
      kpi({ id: 'd', dependsOn: ['c'] }),
    ];
    const n = demoNodes.length;
    expect(paths(validateModel(nodes, users))).toEqual([`nodes.${n}.dependsOn`, `nodes.${n + 2}.dependsOn`]);
  });

  describe('thresholds', () => {
    const check = (fields: Partial<Kpi>) => validateModel([...demoNodes, kpi({ id: 'k', ...fields })], users);

    it.each([
      ['up', { amber: 8, red: 6 }, 10],
      ['up', { amber: 10, red: 10 }, 10], // all equal is allowed
      ['up', { amber: 8, red: 8 }, undefined],
      ['down', { amber: 12, red: 14 }, 10],
      ['down', { amber: 10, red: 10 }, 10],
      ['down', { amber: 12, red: 14 }, undefined],
    ] as const)('accept %s %p with target %p', (direction, thresholds, target) => {
      expect(check({ direction, thresholds, target })).toEqual([]);
    });

    it.each([
      ['up', { amber: 6, red: 8 }, 10], // red above amber
      ['up', { amber: 11, red: 6 }, 10], // amber above target
      ['up', { amber: 6, red: 8 }, undefined],
      ['down', { amber: 14, red: 12 }, 10], // red below amber
      ['down', { amber: 9, red: 14 }, 10], // amber below target
      ['down', { amber: 14, red: 12 }, undefined],
    ] as const)('reject %s %p with target %p', (direction, thresholds, target) => {
      const problems = check({ direction, thresholds, target });
      expect(paths(problems)).toEqual([`nodes.${demoNodes.length}.thresholds`]);
    });

    it('reports both problems when red, amber and target are all out of order', () => {
      expect(check({ direction: 'up', thresholds: { amber: 12, red: 14 }, target: 10 })).toHaveLength(2);
    });

    it('checks every per-period target against amber', () => {
      const problems = check({
        direction: 'down',
        target: 6.4,
        thresholds: { amber: 7, red: 7.6 },
        periodTargets: { '2026-01': 7, '2026-02': 7.2 },
      });
      expect(paths(problems)).toEqual([`nodes.${demoNodes.length}.periodTargets.2026-02`]);
    });
  });

  it("requires periodTargets keys of the KPI's cadence", () => {
    const nodes = [
      ...demoNodes,
      kpi({ id: 'k', cadence: 'month', periodTargets: { '2026-03': 1, '2026-Q1': 2, '2026-W10': 3 } }),
    ];
    const n = demoNodes.length;
    expect(paths(validateModel(nodes, users))).toEqual([
      `nodes.${n}.periodTargets.2026-Q1`,
      `nodes.${n}.periodTargets.2026-W10`,
    ]);
  });

  it('returns every problem at once', () => {
    const nodes: ModelNode[] = [
      kpi({
        id: 'k',
        parentId: 'nowhere',
        ownerId: 'nobody',
        dependsOn: ['k'],
        thresholds: { amber: 1, red: 2 },
      }),
    ];
    expect(paths(validateModel(nodes, users))).toEqual([
      'nodes.0.parentId',
      'nodes.0.ownerId',
      'nodes.0.dependsOn.0',
      'nodes.0.thresholds',
    ]);
  });
});

describe('validateModel on stored nodes overlaid by a request', () => {
  it('accepts a new KPI under a stored program, with paths into the request', () => {
    const incoming = [kpi({ id: 'claims.reopen_rate', dependsOn: ['claims.manual_rate'] })];
    expect(validateModel(overlay(demoNodes, incoming), users, incoming)).toEqual([]);
  });

  it('indexes problems into the request, not the merged model', () => {
    const incoming = [
      { ...node('ops.fte'), name: 'Renamed' },
      kpi({ id: 'claims.reopen_rate', parentId: 'platform.uptime' }),
    ];
    expect(validateModel(overlay(demoNodes, incoming), users, incoming)).toEqual([
      { path: 'nodes.1.parentId', message: expect.stringContaining('"platform.uptime" is a KPI') },
    ]);
  });

  it('blames a stored child broken by the request on the node the request changed', () => {
    // Turning the "digital" pillar into a KPI leaves the stored program claims-cloud without a pillar.
    const incoming = [kpi({ id: 'digital', parentId: 'efficiency' })];
    expect(validateModel(overlay(demoNodes, incoming), users, incoming)).toEqual([
      {
        path: 'nodes.0.kind',
        message: '"digital" is the parent of program "claims-cloud", so it must be a pillar',
      },
    ]);
  });

  it('blames a stored dependency broken by the request on the node the request changed', () => {
    const incoming: ModelNode[] = [
      { id: 'platform.uptime', kind: 'program', name: 'Uptime', parentId: 'digital' },
    ];
    expect(validateModel(overlay(demoNodes, incoming), users, incoming)).toEqual([
      {
        path: 'nodes.0.kind',
        message: 'KPI "claims.turnaround_days" depends on "platform.uptime", so it must stay a KPI',
      },
    ]);
  });

  it('reports a cycle the request closes through stored KPIs', () => {
    const incoming = [{ ...node('platform.auto_adjudication'), dependsOn: ['claims.turnaround_days'] }];
    const problems = validateModel(overlay(demoNodes, incoming), users, incoming);
    expect(paths(problems)).toEqual(['nodes.0.dependsOn']);
  });

  it('does not report problems among stored nodes that the request does not touch', () => {
    const stored = [...demoNodes, kpi({ id: 'legacy', parentId: 'gone', ownerId: 'left-the-company' })];
    const incoming = [{ ...node('ops.fte'), target: 400 }];
    expect(validateModel(overlay(stored, incoming), users, incoming)).toEqual([]);
  });

  it('reports duplicates within the request', () => {
    const incoming = [kpi({ id: 'x' }), kpi({ id: 'x' })];
    expect(paths(validateModel(overlay(demoNodes, incoming), users, incoming))).toEqual(['nodes.1.id']);
  });
});

describe('validateModelChange', () => {
  const withReadings = new Set(['claims.turnaround_days', 'service.nps']);

  it('forbids a new cadence for a KPI with readings', () => {
    const incoming = [{ ...node('service.nps'), cadence: 'month' } as ModelNode];
    expect(validateModelChange(demoNodes, incoming, withReadings)).toEqual([
      {
        path: 'nodes.0.cadence',
        message: 'KPI "service.nps" has quarterly readings, so its cadence cannot change to month',
      },
    ]);
  });

  it('forbids turning a KPI with readings into a program', () => {
    const incoming: ModelNode[] = [
      { ...node('ops.fte'), name: 'x' },
      { id: 'claims.turnaround_days', kind: 'program', name: 'Turnaround', parentId: 'efficiency' },
    ];
    expect(paths(validateModelChange(demoNodes, incoming, withReadings))).toEqual(['nodes.1.kind']);
  });

  it('allows any change to a KPI without readings, and other changes to one with readings', () => {
    const incoming: ModelNode[] = [
      { ...node('ops.fte'), cadence: 'quarter' } as ModelNode,
      { ...node('claims.turnaround_days'), target: 6, unit: 'd', direction: 'down' } as ModelNode,
      kpi({ id: 'new.kpi', cadence: 'week' }),
    ];
    expect(validateModelChange(demoNodes, incoming, withReadings)).toEqual([]);
  });
});
