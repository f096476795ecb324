/**
 * The port's contract for the Sheets add-on: the built `Code.js` running in
 * the Apps Script fake, reached from the sidebar's port over
 * `google.script.run`. Open: the sample .xlsx as Sheets imports it. Reopen:
 * the add-on loaded again over the same spreadsheet (Sheets saves as it goes;
 * what persists is the spreadsheet, never the script's memory). A user's own
 * conditional formats are made with SpreadsheetApp, as a user's script would.
 */
import { rectA1 } from '../../../src/core/a1';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { ConditionalFormatRuleBuilder } from '../../../src/sim/apps-script/conditional-format';
import type { UserFormats } from '../contract/flags';
import { runHostContract } from '../contract/host-contract';
import { addOnOn, openXlsxInSheets, type LoadedAddOn } from './load-addon';

const loaded = new WeakMap<SpreadsheetHost, LoadedAddOn>();

function remember(addOn: LoadedAddOn): SpreadsheetHost {
  loaded.set(addOn.host, addOn);
  return addOn.host;
}

function addOnOf(host: SpreadsheetHost): LoadedAddOn {
  const addOn = loaded.get(host);
  if (!addOn) throw new Error('not a host of this test');
  return addOn;
}

const open = async (bytes: Uint8Array) => remember(await openXlsxInSheets(bytes));
const reopen = async (host: SpreadsheetHost) => remember(addOnOn(addOnOf(host).project.spreadsheet));

const userFormats: UserFormats = {
  add: async (host, sheetName, format) => {
    const sheet = addOnOf(host).project.spreadsheet.getSheetByName(sheetName)!;
    const rule = new ConditionalFormatRuleBuilder()
      .whenFormulaSatisfied(format.formula)
      .setBackground(format.fill)
      .setRanges([sheet.getRange(format.address)])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
  },
  list: async (host, sheetName) =>
    addOnOf(host)
      .project.spreadsheet.getSheetByName(sheetName)!
      .getConditionalFormatRules()
      .map((rule) => ({
        address: rectA1(rule.getRanges()[0]!.rect),
        formula: rule.getBooleanCondition()!.getCriteriaValues()[0]!,
        fill: rule.getBooleanCondition()!.getBackground()?.toUpperCase() ?? null,
      })),
};

runHostContract('sheets (Code.js in the Apps Script fake)', open, { reopen, userFormats });
