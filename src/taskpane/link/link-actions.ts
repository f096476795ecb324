/** What the Link panel does to the workbook and the store. */
import type { StoreClient } from '../../client/store-client';
import { linkRange, type LinkRequest, type LinkResult } from '../../core/link-range';
import { withStoreUrl } from '../../core/link-format';
import type { SpreadsheetHost } from '../../hosts/host';

/** Links the range, registers it, and remembers in the workbook which store it belongs to. */
export async function makeLink(
  host: SpreadsheetHost,
  client: StoreClient,
  storeUrl: string,
  request: LinkRequest,
): Promise<LinkResult> {
  const result = await linkRange(host, client, request);
  await host.writeMetadataRows(withStoreUrl(await host.readMetadataRows(), storeUrl));
  return result;
}

export const SCALES: { value: number; label: string }[] = [
  { value: 1, label: 'As typed' },
  { value: 1000, label: 'In thousands' },
  { value: 1_000_000, label: 'In millions' },
  { value: 0.01, label: 'Percent typed as points (74 = 74%)' },
];
