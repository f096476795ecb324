/**
 * An Apps Script project bound to one fake spreadsheet: the services as
 * globals, and the script run as Apps Script runs it — each execution (a menu
 * item, a trigger, one `google.script.run` call) loads the project's code
 * afresh into a new global scope, so nothing but the spreadsheet, the
 * properties and the outside world carries over from one call to the next.
 * https://developers.google.com/apps-script/guides/html/communication
 */
import { randomUUID } from 'node:crypto';
import { Script, createContext } from 'node:vm';
import { CHART_TYPES } from './charts';
import { BooleanCriteria, ConditionalFormatRuleBuilder } from './conditional-format';
import { exception } from './errors';
import type { ExecutionClock } from './execution';
import { FakeHtmlService, FakeUi } from './html';
import { FakeProperties } from './properties';
import { createScriptRun, type ScriptRunCounters } from './script-run';
import type { FakeSpreadsheet } from './spreadsheet';
import { formatDate } from './time-zone';
import { FakeUrlFetchApp } from './url-fetch';

export interface ProjectOptions {
  /** The project's files by name: `Code.js` (the script), HTML files. */
  files: ReadonlyMap<string, string>;
  addOnName?: string;
}

export class AppsScriptProject {
  readonly clock: ExecutionClock;
  readonly userProperties: FakeProperties;
  readonly ui: FakeUi;
  readonly urlFetch: FakeUrlFetchApp;
  readonly html: FakeHtmlService;
  readonly scriptRunCounters: ScriptRunCounters = { calls: 0, byFunction: new Map() };
  readonly logs: string[] = [];
  private readonly script: Script;

  /** A project bound to `spreadsheet`, sharing its execution clock. */
  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    options: ProjectOptions,
  ) {
    this.clock = spreadsheet.clock;
    this.userProperties = new FakeProperties(this.clock);
    this.ui = new FakeUi(options.addOnName ?? 'Plumbline');
    this.urlFetch = new FakeUrlFetchApp(this.clock);
    this.html = new FakeHtmlService(options.files, this.clock);
    const code = options.files.get('Code.js') ?? exception('The project has no Code.js');
    this.script = new Script(code, { filename: 'Code.js' });
  }

  /** The services a script sees as globals. */
  globals(): Record<string, unknown> {
    const book = () => this.spreadsheet;
    return {
      SpreadsheetApp: {
        getActiveSpreadsheet: book,
        getActive: book,
        getActiveSheet: () => book().getActiveSheet(),
        getActiveRange: () => book().getActiveRange(),
        getUi: () => this.ui,
        newConditionalFormatRule: () => new ConditionalFormatRuleBuilder(),
        BooleanCriteria,
        flush: () => undefined,
      },
      Charts: { ChartType: CHART_TYPES },
      PropertiesService: { getUserProperties: () => this.userProperties },
      UrlFetchApp: this.urlFetch,
      HtmlService: this.html,
      Utilities: {
        getUuid: () => randomUUID(),
        formatDate: (date: Date, timeZone: string, pattern: string) => formatDate(date, timeZone, pattern),
      },
      Logger: { log: (...args: unknown[]) => this.logs.push(args.map(String).join(' ')) },
      console: {
        log: (...args: unknown[]) => this.logs.push(args.map(String).join(' ')),
        error: console.error,
      },
    };
  }

  /** One execution: the code loaded into a fresh scope, then `name(...args)`. */
  run(name: string, args: unknown[] = []): unknown {
    const context = createContext(this.globals());
    this.clock.begin();
    try {
      this.script.runInContext(context);
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') exception(`Script function not found: ${name}`);
      return (fn as (...a: unknown[]) => unknown)(...args);
    } finally {
      this.clock.end();
    }
  }

  /** `google.script.run` for a page of this project. */
  scriptRun(): Record<string, unknown> {
    return createScriptRun((name, args) => this.run(name, args), this.scriptRunCounters);
  }
}
