/**
 * The store's limits on list lengths, apart from api.ts's zod schemas so the
 * pane (which batches by them) does not bundle zod for two numbers.
 */

/**
 * Most links in one `POST /v1/links/bulk`: a workbook's every link in one
 * request at reconcile (10,000 small links are about 2.5 MB, under the 4 MB body limit).
 */
export const MAX_LINKS_PER_REQUEST = 10_000;

/**
 * Most observations in one `POST /v1/observations`: more than 4 MB of real
 * observations hold (a link's id is a UUID: about 90 bytes each, so some
 * 45,000), so the body limit, not this count, decides how many requests a
 * reconcile takes; a list of more tiny ones is still refused.
 */
export const MAX_OBSERVATIONS_PER_REQUEST = 50_000;
