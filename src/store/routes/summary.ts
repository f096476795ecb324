import { z } from 'zod';
import { summaryAnswerSchema, summaryQuerySchema } from '../../core/api';
import type { RouteDeps, StoreApp } from '../app';
import { createSummaryCache } from '../summary-cache';
import { errorResponses, jsonAnswer, otherAnswer, plainJson, WITH_QUERY } from '../route-schemas';
import { renderSummaryWorkbook } from '../summary-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `GET /v1/summary`: the schemas that check its query and serialize its answers. */
const getSummary = {
  schema: {
    summary: 'Reconciled summary, one row per node in tree order',
    querystring: summaryQuerySchema,
    response: { 200: jsonAnswer('The summary rows', summaryAnswerSchema), ...errorResponses(...WITH_QUERY) },
  },
};

const getSummaryWorkbook = {
  schema: {
    summary: 'The summary as a formatted workbook',
    querystring: summaryQuerySchema,
    response: {
      // Bytes, which fastify sends as they are: the schema types the handler and documents the answer.
      200: otherAnswer(
        'An .xlsx workbook',
        XLSX,
        z.instanceof(Uint8Array).meta({ type: 'string', format: 'binary' }),
      ),
      ...errorResponses(...WITH_QUERY),
    },
  },
};

export function registerSummaryRoutes(app: StoreApp, { db, now }: RouteDeps): void {
  const summaryAsOf = createSummaryCache(db);
  const asOfOf = (query: z.infer<typeof summaryQuerySchema>) =>
    query.asOf ?? now().toISOString().slice(0, 10);

  app.get('/v1/summary', getSummary, async (request, reply) => {
    const asOf = asOfOf(request.query);
    // Rows built by buildSummary from stored data (see plainJson): thousands of rows with their trends.
    return plainJson(reply).send({ asOf, rows: [...(await summaryAsOf(asOf))] });
  });

  app.get('/v1/summary.xlsx', getSummaryWorkbook, async (request, reply) => {
    const asOf = asOfOf(request.query);
    const workbook = await renderSummaryWorkbook(await summaryAsOf(asOf), asOf);
    return reply
      .header('Content-Type', XLSX)
      .header('Content-Disposition', `attachment; filename="plumbline-summary-${asOf}.xlsx"`)
      .send(Buffer.from(workbook));
  });
}
