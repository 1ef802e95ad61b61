import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';

const WIDGET = fs.readFileSync(new URL('./widget/widget.js', import.meta.url), 'utf8');

/** Serves the embeddable widget script (one <script> tag on any site adds the 小申 button). */
export function widgetRoutes(app: FastifyInstance): void {
  app.get('/widget.js', { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
    reply
      .header('content-type', 'application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .header('cross-origin-resource-policy', 'cross-origin');
    return WIDGET;
  });
}

/**
 * The bot page may be framed by the sites that embed the widget (BOT_EMBED_ORIGINS, default any);
 * every other page keeps the strict same-origin framing rule.
 */
export function allowFramingForBot(csp: string, embedOrigins: string): string {
  return csp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${embedOrigins}`);
}
