import { effectiveTolerance, verdictOf, withinTolerance } from '../../src/core/verdict';

describe('verdictOf with the default tolerance { rel: 0.005 }', () => {
  it.each([
    [100, 100, 'match'],
    [100.5, 100, 'match'], // exactly 0.5% above
    [99.5, 100, 'match'], // exactly 0.5% below
    [100.51, 100, 'diverged'],
    [99.49, 100, 'diverged'],
    [-201, -200, 'match'], // relative to |canonical|
    [-201.01, -200, 'diverged'],
    [0, 0, 'match'],
    [0.001, 0, 'diverged'], // 0.5% of 0 is 0
  ] as const)('local %p vs canonical %p → %s', (local, canonical, verdict) => {
    expect(verdictOf(local, canonical)).toBe(verdict);
    expect(verdictOf(local, canonical, undefined)).toBe(verdict);
    expect(verdictOf(local, canonical, null)).toBe(verdict);
  });

  it('is relative to the canonical value, not the local one', () => {
    // 0.5% of 200 is 1; 0.5% of 201 would be 1.005.
    expect(verdictOf(201.004, 200)).toBe('diverged');
  });
});

describe("verdictOf with the KPI's own tolerance", () => {
  it('replaces the default whole: { abs: 0.0005 } has no relative slack', () => {
    const uptime = { abs: 0.0005 }; // platform.uptime in the demo
    expect(verdictOf(0.9955, 0.995, uptime)).toBe('match'); // exactly at the edge
    expect(verdictOf(0.9945, 0.995, uptime)).toBe('match');
    expect(verdictOf(0.99551, 0.995, uptime)).toBe('diverged');
    // The default would allow 5 here; this tolerance does not.
    expect(verdictOf(1000, 1001, uptime)).toBe('diverged');
    expect(verdictOf(1000, 1001)).toBe('match');
  });

  it('{ rel } alone has no absolute slack', () => {
    expect(verdictOf(0.0001, 0, { rel: 0.1 })).toBe('diverged');
    expect(verdictOf(110, 100, { rel: 0.1 })).toBe('match');
    expect(verdictOf(110.01, 100, { rel: 0.1 })).toBe('diverged');
  });

  it('takes the larger of abs and rel × |canonical|', () => {
    const t = { abs: 2, rel: 0.01 };
    expect(verdictOf(102, 100, t)).toBe('match'); // abs 2 > rel 1
    expect(verdictOf(102.01, 100, t)).toBe('diverged');
    expect(verdictOf(1010, 1000, t)).toBe('match'); // rel 10 > abs 2
    expect(verdictOf(1010.01, 1000, t)).toBe('diverged');
  });

  it('an empty tolerance means exact, up to floating-point noise', () => {
    for (const t of [{}, { abs: 0, rel: 0 }]) {
      expect(verdictOf(0.1 + 0.2, 0.3, t)).toBe('match');
      expect(verdictOf(0.3, 0.1 + 0.2, t)).toBe('match');
      expect(verdictOf(1234567.1 + 0.2, 1234567.3, t)).toBe('match');
      expect(verdictOf(0.3001, 0.3, t)).toBe('diverged');
      expect(verdictOf(1234567.31, 1234567.3, t)).toBe('diverged');
    }
  });
});

describe('verdictOf when a side is missing', () => {
  it('only the local value → local-only', () => {
    expect(verdictOf(5, null)).toBe('local-only');
    expect(verdictOf(5, undefined)).toBe('local-only');
    expect(verdictOf(0, null)).toBe('local-only');
  });

  it('only the canonical value → canonical-only', () => {
    expect(verdictOf(null, 5)).toBe('canonical-only');
    expect(verdictOf(null, 0)).toBe('canonical-only');
  });

  it('neither → null: nothing to compare', () => {
    expect(verdictOf(null, null)).toBeNull();
    expect(verdictOf(null, undefined)).toBeNull();
  });

  it('an unreadable cell is unreadable, with or without a canonical value', () => {
    expect(verdictOf({ unreadable: '#DIV/0!' }, 5)).toBe('unreadable');
    expect(verdictOf({ unreadable: 'tbc' }, null)).toBe('unreadable');
    expect(verdictOf(Number.NaN, 5)).toBe('unreadable');
  });
});

describe('effectiveTolerance and withinTolerance', () => {
  it('fills the parts a tolerance leaves out with 0', () => {
    expect(effectiveTolerance()).toEqual({ abs: 0, rel: 0.005 });
    expect(effectiveTolerance({ abs: 0.0005 })).toEqual({ abs: 0.0005, rel: 0 });
    expect(effectiveTolerance({ rel: 0.02 })).toEqual({ abs: 0, rel: 0.02 });
    expect(effectiveTolerance({})).toEqual({ abs: 0, rel: 0 });
  });

  it('is symmetric in the sign of the difference', () => {
    expect(withinTolerance(101, 100, { abs: 1 })).toBe(true);
    expect(withinTolerance(99, 100, { abs: 1 })).toBe(true);
    expect(withinTolerance(98.99, 100, { abs: 1 })).toBe(false);
  });
});
