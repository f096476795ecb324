import { z } from 'zod';
import type { RouteDeps, StoreApp } from '../app';
import { errorResponses, otherAnswer, SIGNED_IN } from '../route-schemas';

const getEvents = {
  schema: {
    summary: 'Server-sent events when readings land',
    description:
      'A `readings` event per accepted batch, its data `{ readings: [{ kpiId, period, revision }] }`; ' +
      'comments keep the connection alive.',
    response: {
      // The stream is written to the socket directly; this schema only documents it.
      200: otherAnswer('An event stream that stays open', 'text/event-stream', z.string()),
      ...errorResponses(...SIGNED_IN),
    },
  },
};

/**
 * Server-sent events: one `readings` event per accepted batch, so open panes
 * refresh. Fed by the repository's event source (in-process on SQLite,
 * LISTEN/NOTIFY on PostgreSQL), so any API process can serve any pane.
 */
export function registerEventRoutes(app: StoreApp, { db, heartbeatMs }: RouteDeps): void {
  const open = new Set<() => void>();
  // A stream never ends by itself: without this, stopping the server would wait for every pane to leave.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/v1/events', getEvents, (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    const unsubscribe = db.onReadings((event) => {
      res.write(`event: readings\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      res.end();
    };
    open.add(end);
    request.raw.on('close', end);
  });
}
