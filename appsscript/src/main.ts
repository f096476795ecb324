/**
 * The entry of `Code.js`: Apps Script calls top-level functions by name, so
 * each is assigned to the global object, and gas-webpack-plugin writes a
 * top-level stub for each assignment (`function onOpen() {}`), which is what
 * the editor, triggers and `google.script.run` see.
 */
import { onInstall, onOpen, showReconcile, showSidebar, showSummary } from './menu';
import { serverFunctions } from './server-functions';

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.showSidebar = showSidebar;
global.showReconcile = showReconcile;
global.showSummary = showSummary;
global.plWorkbookInfo = serverFunctions.plWorkbookInfo;
global.plListSheets = serverFunctions.plListSheets;
global.plReadBlocks = serverFunctions.plReadBlocks;
global.plWriteBlocks = serverFunctions.plWriteBlocks;
global.plListNames = serverFunctions.plListNames;
global.plSetNames = serverFunctions.plSetNames;
global.plDeleteNames = serverFunctions.plDeleteNames;
global.plReadMetadataRows = serverFunctions.plReadMetadataRows;
global.plWriteMetadataRows = serverFunctions.plWriteMetadataRows;
global.plListFlagFormats = serverFunctions.plListFlagFormats;
global.plSetFlagFormats = serverFunctions.plSetFlagFormats;
global.plRemoveFlagFormats = serverFunctions.plRemoveFlagFormats;
global.plReplaceSheet = serverFunctions.plReplaceSheet;
global.plGetSettings = serverFunctions.plGetSettings;
global.plGetSetting = serverFunctions.plGetSetting;
global.plSetSetting = serverFunctions.plSetSetting;
global.plRemoveSetting = serverFunctions.plRemoveSetting;
global.plStoreFetch = serverFunctions.plStoreFetch;
global.plCurrentSelection = serverFunctions.plCurrentSelection;
global.plSelectRange = serverFunctions.plSelectRange;
