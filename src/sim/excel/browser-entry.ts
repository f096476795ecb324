/**
 * What a page gets from the simulator bundle (`window.PlumblineExcelSim`): load
 * Microsoft's `excel-web-16.00.debug.js` first, then the bundle, then
 *
 *   const sim = PlumblineExcelSim.ExcelSimulator.fromSnapshot(snapshot);
 *   sim.installOn(window);
 *   await Excel.run(async (context) => { … });
 */
export { ExcelSimulator, EXCEL_WEB_PAYLOAD_LIMIT } from './excel-simulator';
export { workbookFromSnapshot, workbookToSnapshot } from './workbook-state';
export { InvalidWorkbookError } from './workbook-input';
