import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../app';

/**
 * Server-sent events: one `readings` event per accepted batch, so open panes
 * refresh. Fed by the repository's event source (in-process on SQLite,
 * LISTEN/NOTIFY on PostgreSQL), so any API process can serve any pane.
 */
export function registerEventRoutes(app: FastifyInstance, { db, heartbeatMs }: RouteDeps): void {
  const open = new Set<() => void>();
  // A stream never ends by itself: without this, stopping the server would wait for every pane to leave.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  app.get('/v1/events', (request, reply) => {
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
