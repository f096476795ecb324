/**
 * `RangeList`: one format applied to several ranges of a sheet in one call.
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangelista1notations
 * `Sheet.getRangeList(a1Notations)` takes "a non-empty list of A1 notations"
 * on that sheet; each setter writes every range in the list (counted as one
 * write).
 */
import { exception } from './errors';
import type { FakeRange } from './range';

export class FakeRangeList {
  constructor(private readonly ranges: FakeRange[]) {
    if (ranges.length === 0)
      exception("The parameters () don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }

  private each(apply: (range: FakeRange) => void): FakeRangeList {
    const counters = this.ranges[0]!.getSheet().env.clock.counters;
    const before = counters.cellWrites;
    this.ranges.forEach(apply);
    counters.cellWrites = before + 1;
    return this;
  }

  setNumberFormat(numberFormat: string): FakeRangeList {
    return this.each((r) => r.setNumberFormat(numberFormat));
  }

  setBackground(color: string | null): FakeRangeList {
    return this.each((r) =>
      r.setBackgrounds(
        Array.from({ length: r.getNumRows() }, () => Array<string | null>(r.getNumColumns()).fill(color)),
      ),
    );
  }

  setFontWeight(fontWeight: string | null): FakeRangeList {
    return this.each((r) =>
      r.setFontWeights(
        Array.from({ length: r.getNumRows() }, () =>
          Array<string | null>(r.getNumColumns()).fill(fontWeight),
        ),
      ),
    );
  }
}
