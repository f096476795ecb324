/**
 * How a Plumbline flag keeps its id inside a conditional format (Excel, Sheets): the
 * rule's formula is `=AND("plumbline:flag:<id>"<>"",(<formula>))`. The marker
 * is always true, so the rule behaves exactly like `<formula>`; it lives in the
 * formula because that is the one part of a conditional format every host
 * (Excel, Google Sheets, an .xlsx file) keeps, so flags stay identifiable after
 * saving, reopening and moving the file. The user's own formats have no
 * marker and are never touched.
 */
const MARKER = 'plumbline:flag:';
const RULE = /^=AND\("plumbline:flag:((?:[^"]|"")*)"<>"",\((.*)\)\)$/is;

export function flagRuleFormula(id: string, formula: string): string {
  return `=AND("${MARKER}${id.replace(/"/g, '""')}"<>"",(${formula.replace(/^=/, '')}))`;
}

/** The flag id and the port's formula (without `=`), or undefined for a format that is not Plumbline's. */
export function parseFlagRule(ruleFormula: string): { id: string; formula: string } | undefined {
  const m = RULE.exec(ruleFormula.trim());
  if (!m) return undefined;
  return { id: m[1]!.replace(/""/g, '"'), formula: m[2]! };
}
