import type { FastifyInstance } from 'fastify';
import { summaryQuerySchema } from '../../core/api';
import type { RouteDeps } from '../app';
import { loadSummary } from '../load-summary';
import { renderSummaryWorkbook } from '../summary-workbook';
import { parseOrThrow } from '../validate';

export function registerSummaryRoutes(app: FastifyInstance, { db, now }: RouteDeps): void {
  const asOfOf = (query: unknown) =>
    parseOrThrow(summaryQuerySchema, query, 'query').asOf ?? now().toISOString().slice(0, 10);

  app.get('/v1/summary', async (request) => {
    const asOf = asOfOf(request.query);
    return { asOf, rows: await loadSummary(db, asOf) };
  });

  app.get('/v1/summary.xlsx', async (request, reply) => {
    const asOf = asOfOf(request.query);
    const workbook = await renderSummaryWorkbook(await loadSummary(db, asOf), asOf);
    return reply
      .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="plumbline-summary-${asOf}.xlsx"`)
      .send(Buffer.from(workbook));
  });
}
