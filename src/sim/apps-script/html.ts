/**
 * `HtmlService` and the spreadsheet's `Ui`: pages made from the project's
 * files, the add-on menu, and the sidebar.
 * https://developers.google.com/apps-script/reference/html/html-service
 * https://developers.google.com/apps-script/reference/base/ui#showsidebaruserinterface
 * https://developers.google.com/apps-script/reference/base/menu
 * - `createHtmlOutputFromFile(name)` finds `name` or `name.html` among the
 *   project's files: a project holds scripts and HTML files, nothing else, so
 *   a sidebar's script and styles must be inside its one HTML file.
 * - A sidebar is 300 px wide whatever `setWidth` says, and one at a time: a
 *   new one replaces the one open.
 */
import { exception } from './errors';
import type { ExecutionClock } from './execution';

export const SIDEBAR_WIDTH = 300;

export class HtmlOutput {
  private title = 'Apps Script application';
  private width: number | undefined;

  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }

  append(addedContent: string): HtmlOutput {
    this.content += addedContent;
    return this;
  }

  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this;
  }

  getTitle(): string {
    return this.title;
  }

  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this;
  }

  getWidth(): number | undefined {
    return this.width;
  }
}

export class FakeHtmlService {
  constructor(
    private readonly files: ReadonlyMap<string, string>,
    private readonly clock: ExecutionClock,
  ) {}

  createHtmlOutput(html = ''): HtmlOutput {
    return new HtmlOutput(html);
  }

  createHtmlOutputFromFile(filename: string): HtmlOutput {
    this.clock.check();
    const content = this.files.get(`${filename}.html`) ?? this.files.get(filename);
    if (content === undefined) exception(`No HTML file named ${filename} was found.`);
    return new HtmlOutput(content);
  }
}

export interface MenuItem {
  caption: string;
  functionName: string;
}

export class Menu {
  readonly items: (MenuItem | 'separator')[] = [];

  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): Menu {
    this.items.push('separator');
    return this;
  }

  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export interface OpenSidebar {
  title: string;
  html: string;
  width: number;
}

export class FakeUi {
  readonly menus: Menu[] = [];
  sidebar: OpenSidebar | undefined;

  constructor(private readonly addOnName: string) {}

  /** An add-on's menu sits under Extensions, titled with the add-on's name. */
  createAddonMenu(): Menu {
    return new Menu(this, this.addOnName);
  }

  createMenu(caption: string): Menu {
    return new Menu(this, caption);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.sidebar = {
      title: userInterface.getTitle(),
      html: userInterface.getContent(),
      width: SIDEBAR_WIDTH,
    };
  }
}
