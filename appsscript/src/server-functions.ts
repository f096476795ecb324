/**
 * Every function the sidebar calls through `google.script.run`, taking and
 * answering plain data wrapped in a `Reply` (`reply.ts`). The page's bridge
 * (`src/hosts/sheets/bridge.ts`) takes its types from this object, so the two
 * sides are written once.
 */
import { readBlocks, writeBlocks } from './blocks';
import { listFlagFormats, removeFlagFormats, setFlagFormats } from './flags';
import { readMetadataRows, workbookInfo, writeMetadataRows } from './metadata';
import { deleteNames, listNames, setNames } from './names';
import { replaceSheet } from './replace-sheet';
import { serve } from './reply';
import { currentSelection, selectRange } from './selection';
import { getSetting, getSettings, removeSetting, setSetting } from './settings';
import { listSheets } from './sheets';
import { storeFetch } from './store-fetch';

export const serverFunctions = {
  plWorkbookInfo: serve(workbookInfo),
  plListSheets: serve(listSheets),
  plReadBlocks: serve(readBlocks),
  plWriteBlocks: serve(writeBlocks),
  plListNames: serve(listNames),
  plSetNames: serve(setNames),
  plDeleteNames: serve(deleteNames),
  plReadMetadataRows: serve(readMetadataRows),
  plWriteMetadataRows: serve(writeMetadataRows),
  plListFlagFormats: serve(listFlagFormats),
  plSetFlagFormats: serve(setFlagFormats),
  plRemoveFlagFormats: serve(removeFlagFormats),
  plReplaceSheet: serve(replaceSheet),
  plGetSettings: serve(getSettings),
  plGetSetting: serve(getSetting),
  plSetSetting: serve(setSetting),
  plRemoveSetting: serve(removeSetting),
  plStoreFetch: serve(storeFetch),
  plCurrentSelection: serve(currentSelection),
  plSelectRange: serve(selectRange),
};

export type ServerFunctions = typeof serverFunctions;
