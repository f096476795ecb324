import { request as httpRequest } from 'node:http';
import ExcelJS from 'exceljs';
import { ENGINES } from '../db/engines';
import { ADMIN_TOKEN, startTestServer, submit, type TestServer } from './test-server';

interface Row {
  id: string;
  kind: string;
  status: string;
  value: number | null;
  period: string | null;
  latest: { period: string; value: number; status: string } | null;
  overdue: boolean;
  copies: number;
  divergentCopies: number;
  remediation: string | null;
  trend: { period: string; value: number | null }[];
  statusCounts: Record<string, number>;
}

describe.each(ENGINES)('summary and events on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
    await submit(server, 'olivia', [
      { kpiId: 'claims.turnaround_days', period: '2026-09', value: 6.9 },
      { kpiId: 'claims.turnaround_days', period: '2026-10', value: 7.1, remediation: 'Two extra adjusters' },
      { kpiId: 'ops.fte', period: '2026-10', value: 419 },
    ]);
    await submit(server, 'ian', [
      { kpiId: 'platform.uptime', period: '2026-06', value: 0.978, remediation: 'Second region' },
      { kpiId: 'platform.uptime', period: '2026-10', value: 0.998 },
    ]);
    const link = await server.request('POST', '/v1/links', {
      as: 'ana',
      body: {
        workbookId: 'wb-north',
        workbookName: 'north.xlsx',
        sheet: 'Ops KPIs',
        address: 'C5:N5',
        layout: 'series',
        kpiIds: ['claims.turnaround_days'],
      },
    });
    await server.request('POST', '/v1/observations', {
      as: 'ana',
      body: {
        observations: [
          { linkId: link.body.id, kpiId: 'claims.turnaround_days', period: '2026-10', value: 6.4 },
        ],
      },
    });
  });
  afterAll(() => server.close());

  const summary = async (asOf?: string): Promise<Row[]> => {
    const res = await server.request('GET', `/v1/summary${asOf ? `?asOf=${asOf}` : ''}`, { as: 'leo' });
    expect(res.status).toBe(200);
    return res.body.rows;
  };

  test('rows in tree order: pillar, program, its KPIs', async () => {
    const rows = await summary();
    const ids = rows.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(['customer', 'service']);
    expect(ids.indexOf('claims-ops')).toBeLessThan(ids.indexOf('claims.turnaround_days'));
    expect(ids.indexOf('efficiency')).toBeLessThan(ids.indexOf('claims-ops'));
    expect(rows).toHaveLength(15);
  });

  test('a KPI row: latest ended period as of today, canonical value, status, copies, remediation', async () => {
    const turnaround = (await summary()).find((r) => r.id === 'claims.turnaround_days')!;
    expect(turnaround).toMatchObject({
      period: '2026-10',
      value: 7.1,
      status: 'at-risk',
      copies: 1,
      divergentCopies: 1,
      remediation: 'Two extra adjusters',
      overdue: false,
    });
    expect(turnaround.trend).toHaveLength(12);
    expect(turnaround.trend.slice(-2)).toEqual([
      { period: '2026-09', value: 6.9 },
      { period: '2026-10', value: 7.1 },
    ]);
  });

  test('overdue: no reading more than two days after the period ended', async () => {
    const rows = await summary();
    expect(rows.find((r) => r.id === 'service.fcr')).toMatchObject({ overdue: true, status: 'no-data' });
    expect(rows.find((r) => r.id === 'ops.fte')).toMatchObject({ overdue: false, status: 'on-track' });
  });

  test('asOf picks the period: in July the June uptime dip is off track', async () => {
    const rows = await summary('2026-07-15');
    expect(rows.find((r) => r.id === 'platform.uptime')).toMatchObject({
      period: '2026-06',
      status: 'off-track',
    });
    expect(rows.find((r) => r.id === 'claims-cloud')).toMatchObject({ status: 'off-track' });
    const bad = await server.request('GET', '/v1/summary?asOf=2026-13-01', { as: 'leo' });
    expect(bad.status).toBe(400);
  });

  test('a month has ended once its last day is over: on 30 November the row is about October', async () => {
    const lastDay = await summary('2026-11-30');
    expect(lastDay.find((r) => r.id === 'claims.turnaround_days')).toMatchObject({
      period: '2026-10',
      value: 7.1,
      status: 'at-risk',
      latest: { period: '2026-10', value: 7.1, status: 'at-risk' },
    });
    // On 1 December November is due: no value yet, not overdue, and October's beside it.
    const firstDay = await summary('2026-12-01');
    expect(firstDay.find((r) => r.id === 'claims.turnaround_days')).toMatchObject({
      period: '2026-11',
      value: null,
      status: 'no-data',
      overdue: false,
      latest: { period: '2026-10', value: 7.1, status: 'at-risk' },
    });
    expect(firstDay.find((r) => r.id === 'service.fcr')).toMatchObject({ latest: null });
    expect(firstDay.find((r) => r.id === 'efficiency')).toMatchObject({ latest: null });
    // The last known value is found however long ago it was reported.
    const spring = await summary('2027-04-10');
    expect(spring.find((r) => r.id === 'platform.uptime')).toMatchObject({
      period: '2027-03',
      overdue: true,
      latest: { period: '2026-10', value: 0.998, status: 'on-track' },
    });
    expect((await summary('2026-12-03')).find((r) => r.id === 'claims.turnaround_days')).toMatchObject({
      period: '2026-11',
      overdue: true,
    });
  });

  test('GET /v1/summary.xlsx is a formatted workbook of the same rows', async () => {
    const res = await fetch(`${server.url}/v1/summary.xlsx?asOf=2026-11-24`, {
      headers: { authorization: `Bearer ${server.tokens.leo}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Summary')!;
    const names: string[] = [];
    sheet.eachRow((row) => names.push(String(row.getCell(1).value)));
    expect(names[0]).toContain('2026-11-24');
    expect(names).toContain('Claims turnaround time');
    const turnaroundRow = names.indexOf('Claims turnaround time') + 1;
    const status = sheet.getRow(turnaroundRow).getCell(6);
    expect(status.value).toBe('At risk');
    expect(status.fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(sheet.getRow(turnaroundRow).getCell(4).numFmt).toContain('days');
    expect(sheet.getRow(turnaroundRow).getCell(1).alignment?.indent).toBe(2);
    const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).map(String);
    const lastReported = sheet.getRow(turnaroundRow).getCell(headers.indexOf('Last reported'));
    expect([lastReported.value, lastReported.numFmt]).toEqual([7.1, '#,##0.0 "days"']);
    expect(sheet.getRow(turnaroundRow).getCell(headers.indexOf('Last period')).value).toBe('2026-10');
  });

  test('GET /v1/summary.xlsx: 400 for a bad asOf, 401 without a token', async () => {
    const bad = await server.request('GET', '/v1/summary.xlsx?asOf=24/11/2026', { as: 'leo' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await server.request('GET', '/v1/summary.xlsx', { token: null })).status).toBe(401);
  });

  test('text that looks like a formula is written as text in the workbook', async () => {
    await server.request('PUT', '/v1/model', {
      body: { nodes: [{ id: 'odd', kind: 'pillar', name: '=HYPERLINK("http://evil","x")' }] },
    });
    const res = await fetch(`${server.url}/v1/summary.xlsx`, {
      headers: { authorization: `Bearer ${server.tokens.leo}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('Summary')!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const odd = cells.find((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(odd?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });

  test('GET /v1/events streams an event when readings land', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        `${server.url}/v1/events`,
        { headers: { authorization: `Bearer ${server.tokens.leo}` } },
        (res) => {
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(': connected')) {
              buffer = buffer.replace(': connected\n\n', '');
              void submit(server, 'olivia', [{ kpiId: 'ops.fte', period: '2026-09', value: 421 }]);
            }
            const end = buffer.indexOf('\n\n');
            if (buffer.startsWith('event: readings') && end > 0) {
              req.destroy();
              resolve(buffer.slice(0, end));
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const event = await received;
    const data = JSON.parse(
      event
        .split('\n')
        .find((l) => l.startsWith('data: '))!
        .slice(6),
    );
    expect(data.readings).toEqual([{ kpiId: 'ops.fte', period: '2026-09', revision: 1 }]);
  });

  test('closing the server ends open event streams instead of waiting for them', async () => {
    const other = await startTestServer(engine, { withModel: false });
    let connected: () => void = () => undefined;
    const isConnected = new Promise<void>((resolve) => (connected = resolve));
    const ended = new Promise<void>((resolve, reject) => {
      const req = httpRequest(
        `${other.url}/v1/events`,
        { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
        (res) => {
          res.on('data', () => connected());
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end();
    });
    await isConnected;
    await other.close();
    await ended;
  });

  test('GET /v1/events needs a token', async () => {
    const res = await server.request('GET', '/v1/events', { token: null });
    expect(res.status).toBe(401);
  });
});
