/**
 * The add-on's menu and sidebar. `onOpen` runs in AuthMode.NONE before the
 * add-on is authorized for the file, so it only builds the menu; `onInstall`
 * does what `onOpen` does so the menu appears right after installing.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 * The three items open the one sidebar on a job (the page reads `#job`).
 */
export const SIDEBAR_TITLE = 'Plumbline';

export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open Plumbline', 'showSidebar')
    .addItem('Reconcile', 'showReconcile')
    .addItem('Summary', 'showSummary')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

function open(job: 'link' | 'reconcile' | 'summary'): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar')
    .setTitle(SIDEBAR_TITLE)
    .append(`<script>window.plumblineJob=${JSON.stringify(job)};</script>`);
  SpreadsheetApp.getUi().showSidebar(page);
}

export function showSidebar(): void {
  open('link');
}

export function showReconcile(): void {
  open('reconcile');
}

export function showSummary(): void {
  open('summary');
}
