/**
 * The Link panel's guesses around a selected block: the header row above it,
 * and each row's label, which in the sample pack is the KPI's name in column A
 * with its unit in column B between the name and the numbers.
 */
import { guessSurroundings, rowLabel } from '../../../src/taskpane/link/link-preview';

describe('the Link panel’s guesses', () => {
  test('the header is the row above; the labels run from column A to the values', () => {
    expect(guessSurroundings('C5:N7')).toEqual({ periods: 'C4:N4', labels: 'A5:B7' });
    expect(guessSurroundings('B2:B27')).toEqual({ periods: 'B1', labels: 'A2:A27' });
    expect(guessSurroundings('A1:C1')).toEqual({});
  });

  test("a row's label is its first text, not the unit beside the numbers", () => {
    expect(rowLabel(['Claims turnaround time', 'days'])).toBe('Claims turnaround time');
    expect(rowLabel(['', '  First-contact resolution ', '%'])).toBe('First-contact resolution');
    expect(rowLabel([12, '', 'FTE'])).toBe('FTE');
    expect(rowLabel(['', 3])).toBe('');
  });
});
