/**
 * Plumbline's flags as conditional format rules that carry their id in the
 * formula (`src/hosts/flag-rule.ts`, as in Excel). `setConditionalFormatRules`
 * replaces all of a sheet's rules, so each change reads the sheet's rules,
 * keeps the user's own (no marker) and Plumbline's others, and sets them back
 * with the new ones: one read and one write per sheet touched.
 */
import { rectSize } from '../../src/core/a1';
import type { FlagFormat } from '../../src/hosts/host';
import { flagRuleFormula, parseFlagRule } from '../../src/hosts/flag-rule';
import { checkFlags, checkKeys } from '../../src/hosts/port-checks';
import { book, requireSheets } from './sheets';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function flagOf(rule: Rule): { id: string; formula: string } | undefined {
  const condition = rule.getBooleanCondition();
  const formula = condition?.getCriteriaValues()[0];
  return typeof formula === 'string' ? parseFlagRule(formula) : undefined;
}

const upper = (color: string | null | undefined) => (color ? color.toUpperCase() : undefined);

export function listFlagFormats(): FlagFormat[] {
  return book()
    .getSheets()
    .flatMap((sheet) =>
      sheet.getConditionalFormatRules().flatMap((rule) => {
        const flag = flagOf(rule);
        const range = rule.getRanges()[0];
        const condition = rule.getBooleanCondition();
        if (!flag || !range || !condition) return [];
        // getBackground/getFontColor are deprecated for the *Object forms, which the fake does not model.
        const fill = upper(condition.getBackground()) ?? '';
        const fontColor = upper(condition.getFontColor());
        return [
          {
            id: flag.id,
            sheet: sheet.getName(),
            address: range.getA1Notation(),
            formula: flag.formula,
            fill,
            ...(fontColor ? { fontColor } : {}),
          },
        ];
      }),
    );
}

/** Sets each sheet's rules to its rules without the flags `drop`, plus `add`'s. */
function rewrite(drop: Set<string>, add: { sheet: string; rule: () => Rule }[]): void {
  for (const sheet of book().getSheets()) {
    const rules = sheet.getConditionalFormatRules();
    const kept = rules.filter((r) => !drop.has(flagOf(r)?.id ?? '\u0000'));
    const added = add.filter((a) => a.sheet === sheet.getName()).map((a) => a.rule());
    if (kept.length === rules.length && added.length === 0) continue;
    sheet.setConditionalFormatRules([...kept, ...added]);
  }
}

export function setFlagFormats(flags: FlagFormat[]): void {
  const rects = checkFlags(flags);
  const last = new Map<string, { flag: FlagFormat; index: number }>();
  flags.forEach((flag, index) => {
    last.delete(flag.id);
    last.set(flag.id, { flag, index });
  });
  if (last.size === 0) return;
  const sheets = requireSheets([...last.values()].map((l) => l.flag.sheet));
  rewrite(
    new Set(last.keys()),
    [...last.values()].map(({ flag, index }) => {
      const sheet = sheets.get(flag.sheet)!;
      return {
        sheet: sheet.getName(),
        rule: () => {
          const rect = rects[index]!;
          const { rows, columns } = rectSize(rect);
          let builder = SpreadsheetApp.newConditionalFormatRule()
            .whenFormulaSatisfied(flagRuleFormula(flag.id, flag.formula))
            .setBackground(flag.fill)
            .setRanges([sheet.getRange(rect.top + 1, rect.left + 1, rows, columns)]);
          if (flag.fontColor) builder = builder.setFontColor(flag.fontColor);
          return builder.build();
        },
      };
    }),
  );
}

export function removeFlagFormats(ids: string[]): void {
  checkKeys('flag id', ids);
  if (ids.length === 0) return;
  rewrite(new Set(ids), []);
}
