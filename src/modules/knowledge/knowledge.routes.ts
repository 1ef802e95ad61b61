import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/app-context.js';
import { entryRoutes } from './entries.routes.js';
import { exchangeRoutes } from './exchange.routes.js';
import { policyDocumentRoutes } from './policy-documents.routes.js';
import { proposalRoutes } from './proposals.routes.js';
import { termRoutes } from './terms.routes.js';

/** The knowledge base (SPEC §3.8) under /api/kb: entries and workflow, import/export, policies, proposals, terms, statistics. */
export function knowledgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  entryRoutes(app, ctx);
  exchangeRoutes(app, ctx);
  policyDocumentRoutes(app, ctx);
  proposalRoutes(app, ctx);
  termRoutes(app, ctx);
}
