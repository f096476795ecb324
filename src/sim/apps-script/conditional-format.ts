/**
 * Conditional format rules: built with `SpreadsheetApp.newConditionalFormatRule()`,
 * immutable once built (`copy()` gives a builder preset with the rule), set on a
 * sheet only all at once (`Sheet.setConditionalFormatRules`, see sheet.ts).
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule
 * https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition
 */
import { exception } from './errors';
import type { FakeRange } from './range';

/** `SpreadsheetApp.BooleanCriteria`, the one value Plumbline uses and the fake builds. */
export const BooleanCriteria = { CUSTOM_FORMULA: 'CUSTOM_FORMULA' } as const;

interface RuleSettings {
  formula?: string;
  background?: string | null;
  fontColor?: string | null;
  ranges: FakeRange[];
}

export class BooleanCondition {
  constructor(private readonly settings: RuleSettings) {}

  getCriteriaType(): string {
    return BooleanCriteria.CUSTOM_FORMULA;
  }

  /** For a custom formula: `[formula]`, with its `=`. */
  getCriteriaValues(): string[] {
    return [this.settings.formula ?? ''];
  }

  /** The colour as Sheets keeps it (lowercase `#rrggbb`), or null. */
  getBackground(): string | null {
    return this.settings.background ?? null;
  }

  getFontColor(): string | null {
    return this.settings.fontColor ?? null;
  }
}

export class ConditionalFormatRule {
  constructor(private readonly settings: RuleSettings) {}

  getBooleanCondition(): BooleanCondition | null {
    return this.settings.formula === undefined ? null : new BooleanCondition(this.settings);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): FakeRange[] {
    return [...this.settings.ranges];
  }

  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder({ ...this.settings, ranges: [...this.settings.ranges] });
  }
}

export class ConditionalFormatRuleBuilder {
  constructor(private settings: RuleSettings = { ranges: [] }) {}

  /** "Sets the conditional format rule to trigger when that given formula evaluates to true." */
  whenFormulaSatisfied(formula: string): ConditionalFormatRuleBuilder {
    this.settings = { ...this.settings, formula };
    return this;
  }

  setBackground(color: string | null): ConditionalFormatRuleBuilder {
    this.settings = { ...this.settings, background: color ? color.toLowerCase() : null };
    return this;
  }

  setFontColor(color: string | null): ConditionalFormatRuleBuilder {
    this.settings = { ...this.settings, fontColor: color ? color.toLowerCase() : null };
    return this;
  }

  setRanges(ranges: FakeRange[]): ConditionalFormatRuleBuilder {
    this.settings = { ...this.settings, ranges: [...ranges] };
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.settings.ranges];
  }

  build(): ConditionalFormatRule {
    if (this.settings.formula === undefined) exception('Conditional format rule must have a condition.');
    if (this.settings.ranges.length === 0) exception('Conditional format rule must have at least one range.');
    return new ConditionalFormatRule({ ...this.settings });
  }
}
