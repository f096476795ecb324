/** PropertiesService, UrlFetchApp (over real HTTP), HtmlService and the Ui, google.script.run. */
import { spawn, type ChildProcess } from 'node:child_process';
import { AppsScriptProject } from '../../../src/sim/apps-script/apps-script';
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeProperties } from '../../../src/sim/apps-script/properties';
import { createScriptRun, transfer } from '../../../src/sim/apps-script/script-run';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';
import { FakeUrlFetchApp } from '../../../src/sim/apps-script/url-fetch';

describe('user properties', () => {
  test('9 KB per value, 500 KB per store', () => {
    const props = new FakeProperties(new ExecutionClock());
    props.setProperty('url', 'https://store.example');
    expect(props.getProperty('url')).toBe('https://store.example');
    expect(props.getProperty('missing')).toBeNull();
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) props.setProperty(`k${i}`, 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('one-more', 'x'.repeat(9 * 1024))).toThrow(
      /exceeded the property storage quota/,
    );
  });
});

describe('UrlFetchApp against a real server in another process', () => {
  let server: ChildProcess;
  let url: string;
  beforeAll(async () => {
    server = spawn(process.execPath, [
      '-e',
      `require('http').createServer((req, res) => { let b=''; req.on('data', d => b += d); req.on('end', () => {
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: req.method, url: req.url, body: b, auth: req.headers.authorization || null })); }); })
        .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`,
    ]);
    url = await new Promise<string>((resolve) =>
      server.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim())),
    );
  });
  afterAll(() => server.kill());

  test('fetch blocks and answers; a 404 throws unless muted; fetchAll answers in order and counts each request', () => {
    const clock = new ExecutionClock(Date.now, 5);
    const fetcher = new FakeUrlFetchApp(clock);
    const answer = fetcher.fetch(`${url}/v1/x`, {
      method: 'post',
      contentType: 'application/json',
      payload: '{"a":1}',
      headers: { Authorization: 'Bearer t' },
    });
    expect(answer.getResponseCode()).toBe(200);
    expect(JSON.parse(answer.getContentText())).toEqual({
      method: 'POST',
      url: '/v1/x',
      body: '{"a":1}',
      auth: 'Bearer t',
    });
    expect(() => fetcher.fetch(`${url}/missing`)).toThrow(/Request failed for .* returned code 404/);
    expect(fetcher.fetch(`${url}/missing`, { muteHttpExceptions: true }).getResponseCode()).toBe(404);
    expect(clock.counters.urlFetches).toBe(3);
    expect(() => fetcher.fetchAll([`${url}/a`, `${url}/b`, `${url}/c`])).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    const both = fetcher.fetchAll([`${url}/a`, { url: `${url}/b`, method: 'put', payload: 'p' }]);
    expect(both.map((r) => (JSON.parse(r.getContentText()) as { url: string }).url)).toEqual(['/a', '/b']);
    expect(clock.counters).toMatchObject({ urlFetches: 5, urlFetchCalls: 4 });
  });
});

describe('google.script.run', () => {
  test('Dates, functions and class instances are refused, even nested; undefined in arrays becomes null', () => {
    expect(transfer({ a: [1, undefined, 'x'], b: { c: null }, d: undefined })).toEqual({
      a: [1, null, 'x'],
      b: { c: null },
    });
    expect(() => transfer([new Date()])).toThrow();
    expect(() => transfer({ f: () => 1 })).toThrow();
    expect(() => transfer({ m: new Map() })).toThrow();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => transfer(loop)).toThrow();
  });

  test('asynchronous; success, failure, user object; a Date returned arrives as null', async () => {
    const server: Record<string, (...a: unknown[]) => unknown> = {
      echo: (x) => x,
      boom: () => {
        throw new Error('boom');
      },
      when: () => ({ at: new Date() }),
    };
    const run = createScriptRun((name, args) => server[name]!(...args)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- google.script.run is untyped by nature
    const call = (name: string, ...args: unknown[]) =>
      new Promise<unknown>((resolve, reject) => {
        let sync = true;
        const chained = run
          .withSuccessHandler((v: unknown, user: unknown) =>
            sync ? reject(new Error('sync')) : resolve([v, user]),
          )
          .withFailureHandler((e: Error) => resolve(['failed', e.message]))
          .withUserObject('u');
        chained[name](...args);
        sync = false;
      });
    expect(await call('echo', { a: [1] })).toEqual([{ a: [1] }, 'u']);
    expect(await call('boom')).toEqual(['failed', 'boom']);
    expect(await call('when')).toEqual([null, 'u']);
    expect(await call('echo', new Date())).toEqual(['failed', expect.stringMatching(/illegal value/)]);
  });

  test('each call is an execution of the project, loaded afresh: globals do not carry over', async () => {
    const code = `var counter = 0; function bump() { counter += 1; return counter; }
      function makeSheet(name) { SpreadsheetApp.getActiveSpreadsheet().insertSheet(name); return SpreadsheetApp.getActive().getSheets().length; }
      function openSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Plumbline').setWidth(600)); }`;
    const book = new FakeSpreadsheet(new ExecutionClock(), 'id', 'Book');
    const project = new AppsScriptProject(book, {
      files: new Map([
        ['Code.js', code],
        ['Sidebar.html', '<p>pane</p>'],
      ]),
    });
    expect(project.run('bump')).toBe(1);
    expect(project.run('bump')).toBe(1);
    expect(project.run('makeSheet', ['One'])).toBe(1);
    expect(project.run('makeSheet', ['Two'])).toBe(2);
    project.run('openSidebar');
    expect(project.ui.sidebar).toEqual({ title: 'Plumbline', html: '<p>pane</p>', width: 300 });
    expect(() => project.run('nope')).toThrow('Script function not found: nope');
    expect(project.clock.counters.executions).toBe(6);
  });
});
