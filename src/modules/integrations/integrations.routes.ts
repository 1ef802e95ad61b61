import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/app-context.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { ZApiClient, ZApiClientList, ZHotlinePushReceipt, ZIssuedCredentials } from '../../contracts/integrations.js';
import { clientActor, clientRoute } from './client-auth.js';
import { listClients } from './clients.repo.js';
import { ZHotlinePush } from './hotline.schemas.js';
import { integrationsPolicy } from './integrations.policy.js';
import { ZClientId, ZSaveClient } from './integrations.schemas.js';
import { issueClient, revokeClient, rotateKey, updateClient } from './use-cases/manage-clients.js';
import { pushHotlineOrder } from './use-cases/push-hotline-order.js';

/** The 12345 push API (client systems, by key) and the administrator's client systems. */
export function integrationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const auth = { db: ctx.db, secret: ctx.config.secret };
  const keys = { db: ctx.db, secret: ctx.config.secret };

  r.post(
    '/api/integrations/12345/orders',
    {
      ...clientRoute(auth, 'orders:push'),
      schema: {
        tags: ['integrations'],
        summary: '12345 推送工单 Push a 12345 order (API key or HMAC; see docs/integrations.md)',
        body: ZHotlinePush,
        response: { 200: ZHotlinePushReceipt, 201: ZHotlinePushReceipt },
      },
    },
    async (req, reply) => {
      const receipt = await pushHotlineOrder(ctx, req.apiClient!, clientActor(req), req.now, req.body);
      return reply.status(receipt.duplicate ? 200 : 201).send(receipt);
    },
  );

  const tags = ['api-clients'];
  r.get(
    '/api/api-clients',
    { schema: { tags, summary: '对接系统 API clients', response: { 200: ZApiClientList } } },
    async (req) => {
      authorize(requireUser(req), integrationsPolicy.manageClients);
      return { items: await listClients(ctx.db, req.now) };
    },
  );

  r.post(
    '/api/api-clients',
    {
      schema: {
        tags,
        summary: '签发对接系统 Issue an API client (the key is shown once)',
        body: ZSaveClient,
        response: { 201: ZIssuedCredentials },
      },
    },
    async (req, reply) => {
      authorize(requireUser(req), integrationsPolicy.manageClients);
      return reply.status(201).send(await issueClient(keys, actorOf(req), req.now, req.body));
    },
  );

  r.put(
    '/api/api-clients/:id',
    {
      schema: {
        tags,
        summary: '修改对接系统 Change an API client',
        params: ZClientId,
        body: ZSaveClient,
        response: { 200: ZApiClient },
      },
    },
    async (req) => {
      authorize(requireUser(req), integrationsPolicy.manageClients);
      return updateClient(ctx.db, actorOf(req), req.now, req.params.id, req.body);
    },
  );

  r.post(
    '/api/api-clients/:id/rotate',
    {
      schema: {
        tags,
        summary: '轮换密钥 Rotate the key (the old one works for the grace period)',
        params: ZClientId,
        response: { 200: ZIssuedCredentials },
      },
    },
    async (req) => {
      authorize(requireUser(req), integrationsPolicy.manageClients);
      return rotateKey(keys, actorOf(req), req.now, req.params.id);
    },
  );

  r.post(
    '/api/api-clients/:id/revoke',
    {
      schema: { tags, summary: '吊销对接系统 Revoke an API client', params: ZClientId, response: { 200: ZApiClient } },
    },
    async (req) => {
      authorize(requireUser(req), integrationsPolicy.manageClients);
      return revokeClient(ctx.db, actorOf(req), req.now, req.params.id);
    },
  );
}
