import {
  decodeMetadata,
  encodeMetadata,
  LinkFormatError,
  nextLinkNumber,
  storeUrlOf,
  type StoredLink,
  withStoreUrl,
} from '../../src/core/link-format';

const fcr: StoredLink = {
  name: 'PL_2',
  id: '7b0a7c1e-5f7e-4f55-9a55-0d1c8f0e7c11',
  layout: 'series',
  orientation: 'rows',
  kpiIds: ['service.fcr'],
  periodsName: 'PL_2_P',
  period: null,
  scale: 0.01,
  fiscalYearStartMonth: 1,
};

const cost: StoredLink = {
  ...fcr,
  name: 'PL_3',
  id: 'c0ffee00-0000-4000-8000-000000000003',
  kpiIds: ['claims.cost_per_claim'],
  scale: 1000,
  fiscalYearStartMonth: 4,
};

test('links round-trip through the metadata rows, all as text', () => {
  const rows = encodeMetadata([fcr, cost]);
  expect(rows.flat().every((cell) => typeof cell === 'string')).toBe(true);
  expect(decodeMetadata(rows)).toEqual([fcr, cost]);
});

test('a host that hands back numbers for numeric text still decodes', () => {
  const rows: unknown[][] = encodeMetadata([fcr]).map((row) =>
    row.map((cell) => (cell === '0.01' ? 0.01 : cell === '1' ? 1 : cell)),
  );
  expect(decodeMetadata(rows)).toEqual([fcr]);
});

test('records of other kinds are kept when the links are rewritten', () => {
  const rows = [...encodeMetadata([fcr]), ['canonical', 'PL_2', '2026-10', '0.758']];
  const rewritten = encodeMetadata([cost], rows);
  expect(rewritten).toContainEqual(['canonical', 'PL_2', '2026-10', '0.758']);
  expect(decodeMetadata(rewritten)).toEqual([cost]);
});

test('an empty sheet has no links; a foreign or newer sheet is refused', () => {
  expect(decodeMetadata([])).toEqual([]);
  expect(() => decodeMetadata([['something else']])).toThrow(LinkFormatError);
  expect(() => decodeMetadata([['plumbline', 'link-format', '99']])).toThrow(/newer Plumbline/);
});

test('a damaged record is refused with where it is', () => {
  const rows = encodeMetadata([fcr]);
  rows[2]![8] = 'abc';
  expect(() => decodeMetadata(rows)).toThrow(/link record 1.*scale/);
});

test('link numbers continue after the highest PL_n', () => {
  expect(nextLinkNumber([])).toBe(1);
  expect(nextLinkNumber(['PL_1', 'PL_1_P', 'PL_7', 'Budget', 'PL_x'])).toBe(8);
});

describe('the store a workbook was linked against', () => {
  const link = {
    name: 'PL_1',
    id: 'a8f1c2d4-0000-4000-8000-000000000001',
    layout: 'series' as const,
    orientation: 'rows' as const,
    kpiIds: ['claims.turnaround_days'],
    periodsName: 'PL_1_P',
    period: null,
    scale: 1,
    fiscalYearStartMonth: 1,
  };

  test('is remembered beside the links, and the links are kept', () => {
    const rows = withStoreUrl(encodeMetadata([link]), 'https://plumbline.example.com');
    expect(storeUrlOf(rows)).toBe('https://plumbline.example.com');
    expect(decodeMetadata(rows)).toEqual([link]);
  });

  test('a second store replaces the first; a workbook without one has none', () => {
    const once = withStoreUrl(encodeMetadata([link]), 'https://old.example.com');
    expect(storeUrlOf(withStoreUrl(once, 'https://new.example.com'))).toBe('https://new.example.com');
    expect(storeUrlOf(encodeMetadata([link]))).toBeNull();
    expect(storeUrlOf([])).toBeNull();
  });
});
