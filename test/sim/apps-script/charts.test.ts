/** The fake's embedded charts keep Apps Script's documented rules (cited in src/sim/apps-script/charts.ts). */
import { ExecutionClock } from '../../../src/sim/apps-script/execution';
import { FakeSpreadsheet } from '../../../src/sim/apps-script/spreadsheet';

function book() {
  const s = new FakeSpreadsheet(new ExecutionClock(), 'id-1', 'Book');
  s.insertSheet('Data');
  s.insertSheet('Other');
  return s;
}

test('build() draws nothing: a chart is on the sheet, with an id, once insertChart takes it', () => {
  const sheet = book().getSheetByName('Data')!;
  const chart = sheet.newChart().asLineChart().addRange(sheet.getRange('A1:C3')).build();
  expect(chart.getChartId()).toBeNull();
  expect(sheet.getCharts()).toEqual([]);
  sheet.insertChart(chart);
  const [drawn] = sheet.getCharts();
  expect(typeof drawn?.getChartId()).toBe('number');
  expect(drawn?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C3']);
});

test('chart ids are unique across the spreadsheet, not per sheet', () => {
  const s = book();
  const ids = ['Data', 'Other', 'Data'].map((name) => {
    const sheet = s.getSheetByName(name)!;
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B2')).build());
    return sheet.getCharts().at(-1)!.getChartId();
  });
  expect(new Set(ids).size).toBe(3);
});

test('addRange does not add a range twice; options, position and transposition are kept', () => {
  const sheet = book().getSheetByName('Data')!;
  sheet.insertChart(
    sheet
      .newChart()
      .addRange(sheet.getRange('A1:C3'))
      .addRange(sheet.getRange('A1:C3'))
      .setOption('title', 'Trend')
      .setOption('width', 300)
      .setTransposeRowsAndColumns(true)
      .setNumHeaders(1)
      .setPosition(6, 2, 5, 0)
      .build(),
  );
  const chart = sheet.getCharts()[0]!;
  expect(chart.getRanges()).toHaveLength(1);
  expect(chart.getOptions().get('title')).toBe('Trend');
  expect(chart.getOptions().get('height')).toBeNull();
  expect(chart.getTransposeRowsAndColumns()).toBe(true);
  expect(chart.getNumHeaders()).toBe(1);
  const info = chart.getContainerInfo();
  expect([info.getAnchorRow(), info.getAnchorColumn(), info.getOffsetX(), info.getOffsetY()]).toEqual([
    6, 2, 5, 0,
  ]);
});

test('modify() changes nothing until updateChart takes the rebuilt chart', () => {
  const sheet = book().getSheetByName('Data')!;
  sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B2')).setOption('title', 'Before').build());
  const rebuilt = sheet.getCharts()[0]!.modify().setOption('title', 'After').build();
  expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('Before');
  sheet.updateChart(rebuilt);
  expect(sheet.getCharts().map((c) => c.getOptions().get('title'))).toEqual(['After']);
});

test('clear() empties the cells and leaves the charts; removeChart removes only the one given', () => {
  const sheet = book().getSheetByName('Data')!;
  sheet.getRange('A1').setValues([[1]]);
  for (const title of ['One', 'Two'])
    sheet.insertChart(sheet.newChart().addRange(sheet.getRange('A1:B2')).setOption('title', title).build());
  sheet.clear();
  expect(sheet.getRange('A1').getValues()).toEqual([['']]);
  expect(sheet.getCharts()).toHaveLength(2);
  sheet.removeChart(sheet.getCharts()[0]!);
  expect(sheet.getCharts().map((c) => c.getOptions().get('title'))).toEqual(['Two']);
});

test('a sheet keeps its own developer metadata apart from its rows and columns', () => {
  const sheet = book().getSheetByName('Data')!;
  sheet.addDeveloperMetadata('mine', '[1]');
  sheet.getRange('2:2').addDeveloperMetadata('row');
  expect(sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['mine', '[1]']]);
  sheet.getDeveloperMetadata()[0]!.remove();
  expect(sheet.getDeveloperMetadata()).toEqual([]);
  expect(sheet.developerMetadata.map((m) => m.key)).toEqual(['row']);
});
