import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/app-context.js';
import { notFound } from '../../platform/errors.js';
import { actorOf, requireUser } from '../../platform/http/context.js';
import { authorize } from '../../platform/policy/authorize.js';
import { knowledgePolicy } from './knowledge.policy.js';
import { presentEntries, presentVersion } from './knowledge.presenters.js';
import { findEntry, findVersion, listEntries, listVersions } from './knowledge.repo.js';
import {
  ZComment,
  ZCreateEntry,
  ZDiffQuery,
  ZId,
  ZListEntries,
  ZReturn,
  ZUpdateEntry,
  ZVersionParams,
} from './knowledge.schemas.js';
import { createEntry } from './use-cases/create-entry.js';
import { diffVersions } from './use-cases/diff-versions.js';
import { ENTRY } from './use-cases/entry-support.js';
import { moveEntry, type SimpleMove } from './use-cases/move-entry.js';
import { publishEntry } from './use-cases/publish-entry.js';
import { restoreVersion } from './use-cases/restore-version.js';
import { updateEntry } from './use-cases/update-entry.js';
import { ZEntryDiff, ZKbEntryDetail, ZKbEntryPage, ZKbVersion, ZKbVersionList } from '../../contracts/knowledge.js';

/** Loads an entry the user may see (404 otherwise) and whether they see its working copy. */
async function visibleEntry(ctx: AppContext, req: FastifyRequest, id: string, needWorkingCopy = false) {
  const p = requireUser(req);
  const e = await findEntry(ctx.db, id);
  if (!e || !knowledgePolicy.readEntry(p, e) || (needWorkingCopy && !knowledgePolicy.readWorkingCopy(p, e)))
    throw notFound(ENTRY);
  return { p, e };
}

/** Knowledge entries: list, detail, edit, the review workflow, versions, diff and restore (SPEC §3.8). */
export function entryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['knowledge'];
  const detail = async (req: FastifyRequest, id: string) => {
    const { p, e } = await visibleEntry(ctx, req, id);
    const [item] = await presentEntries(ctx.db, p, [e]);
    const policies = await ctx.db
      .selectFrom('policy_entries')
      .innerJoin('policy_documents', 'policy_documents.id', 'policy_entries.policy_id')
      .select([
        'policy_documents.id',
        'policy_documents.title',
        'policy_documents.effective_date as effectiveDate',
        'policy_documents.publish_by as publishBy',
      ])
      .where('policy_entries.entry_id', '=', id)
      .execute();
    const versions = knowledgePolicy.readWorkingCopy(p, e) ? (await listVersions(ctx.db, id)).length : undefined;
    return { ...item, versionCount: versions, policies };
  };

  r.get(
    '/api/kb/entries',
    {
      schema: {
        tags,
        summary: '知识条目列表 List entries',
        response: { 200: ZKbEntryPage },
        querystring: ZListEntries,
      },
    },
    async (req) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.read);
      const { items, total } = await listEntries(ctx.db, p, req.query);
      return { total, items: await presentEntries(ctx.db, p, items) };
    },
  );
  r.get(
    '/api/kb/entries/:id',
    { schema: { tags, summary: '知识条目详情 Entry', response: { 200: ZKbEntryDetail }, params: ZId } },
    async (req) => detail(req, req.params.id),
  );
  r.post(
    '/api/kb/entries',
    { schema: { tags, summary: '新建知识条目 Create entry', response: { 201: ZKbEntryDetail }, body: ZCreateEntry } },
    async (req, reply) => {
      const p = requireUser(req);
      authorize(p, knowledgePolicy.edit);
      const id = await createEntry(ctx.db, actorOf(req), p, req.now, req.body);
      return reply.status(201).send(await detail(req, id));
    },
  );
  r.patch(
    '/api/kb/entries/:id',
    {
      schema: {
        tags,
        summary: '编辑知识条目 Edit entry',
        response: { 200: ZKbEntryDetail },
        params: ZId,
        body: ZUpdateEntry,
      },
    },
    async (req) => {
      await updateEntry(ctx.db, actorOf(req), requireUser(req), req.now, req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );
  for (const action of ['submit', 'withdraw', 'return', 'archive', 'reopen'] as const satisfies readonly SimpleMove[]) {
    const body = action === 'return' ? ZReturn : ZComment;
    r.post(
      `/api/kb/entries/:id/${action}`,
      { schema: { tags, summary: `条目流转 ${action}`, response: { 200: ZKbEntryDetail }, params: ZId, body } },
      async (req) => {
        await moveEntry(ctx.db, actorOf(req), requireUser(req), req.now, req.params.id, action, req.body?.comment);
        return detail(req, req.params.id);
      },
    );
  }
  r.post(
    '/api/kb/entries/:id/publish',
    { schema: { tags, summary: '审核发布 Publish', response: { 200: ZKbEntryDetail }, params: ZId, body: ZComment } },
    async (req) => {
      await publishEntry(ctx.db, actorOf(req), requireUser(req), req.now, req.params.id, req.body?.comment);
      return detail(req, req.params.id);
    },
  );
  r.get(
    '/api/kb/entries/:id/versions',
    { schema: { tags, summary: '版本历史 Versions', response: { 200: ZKbVersionList }, params: ZId } },
    async (req) => {
      await visibleEntry(ctx, req, req.params.id, true);
      return { items: (await listVersions(ctx.db, req.params.id)).map(presentVersion) };
    },
  );
  r.get(
    '/api/kb/entries/:id/versions/:version',
    { schema: { tags, summary: '某一版本 Version', response: { 200: ZKbVersion }, params: ZVersionParams } },
    async (req) => {
      await visibleEntry(ctx, req, req.params.id, true);
      const v = await findVersion(ctx.db, req.params.id, req.params.version);
      if (!v) throw notFound({ zh: '版本', en: 'version' });
      return presentVersion(v);
    },
  );
  r.get(
    '/api/kb/entries/:id/diff',
    { schema: { tags, summary: '版本比较 Diff', response: { 200: ZEntryDiff }, params: ZId, querystring: ZDiffQuery } },
    async (req) => {
      const { e } = await visibleEntry(ctx, req, req.params.id, true);
      return diffVersions(ctx.db, e, req.query.from, req.query.to);
    },
  );
  r.post(
    '/api/kb/entries/:id/versions/:version/restore',
    {
      schema: {
        tags,
        summary: '恢复历史版本为草稿 Restore version',
        response: { 200: ZKbEntryDetail },
        params: ZVersionParams,
        body: z.object({}).nullish(),
      },
    },
    async (req) => {
      await restoreVersion(ctx.db, actorOf(req), requireUser(req), req.now, req.params.id, req.params.version);
      return detail(req, req.params.id);
    },
  );
}
