/**
 * Security headers on every answer. The add-in's pages must load inside Office:
 * Excel on the web shows the task pane in an iframe whose ancestors are
 * Microsoft's hosts, so pages allow exactly those ancestors (and this origin,
 * for the workbench) with CSP `frame-ancestors`, and never carry
 * `X-Frame-Options: DENY`. Everything else (the API's JSON, the workbook, assets)
 * is never meant to be framed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Where Office hosts add-ins on the web (Excel on the web's frame, and the pages
 * around it: Microsoft 365, SharePoint and OneDrive). Microsoft's list of
 * frame-ancestors for Microsoft 365 hosts names *.cloud.microsoft,
 * *.microsoft365.com and *.office.com; Excel on the web runs on
 * *.officeapps.live.com inside SharePoint or OneDrive pages.
 */
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://*.officeapps.live.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://*.sharepoint.com',
  'https://onedrive.live.com',
  'https://*.onedrive.live.com',
];

/** The route of the add-in's pages and assets (`web-pages.ts`). */
const PAGES_ROUTE = '/*';

const PAGE_POLICY = `frame-ancestors ${OFFICE_FRAME_ANCESTORS.join(' ')}`;
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** An `onSend` hook: by then the answer's content type is known. */
export async function securityHeaders<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: T,
): Promise<T> {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  const type = String(reply.getHeader('content-type') ?? '');
  // The add-in's pages route answers a revalidation with a 304 that has no content type, and its
  // headers replace the cached page's: a reloaded pane must keep the page policy, or Office cannot frame it.
  if (type.startsWith('text/html') || request.routeOptions.url === PAGES_ROUTE) {
    reply.header('content-security-policy', PAGE_POLICY);
  } else {
    reply.header('content-security-policy', API_POLICY);
    reply.header('x-frame-options', 'DENY');
  }
  return payload;
}
