import type { DbOrTrx } from '../../platform/db/connect.js';
import type { StoredEvent } from '../../platform/events/event-feed.js';
import { hasRole, type Principal } from '../../platform/policy/principal.js';
import { registerNotice } from '../notifications/notice-registry.js';
import { registerWorkSource, type WorkSourceItem } from '../notifications/work-sources.js';
import { activeUserIdsWithRoles } from '../org/org.repo.js';
import { atShanghai } from '../../platform/calendar/index.js';
import { kbScope } from './knowledge.policy.js';
import { linkedEntries } from './policy-status.js';

const code = (e: StoredEvent) => String(e.data.code ?? '');
const entryLink = (e: StoredEvent) => `/admin/kb/${encodeURIComponent(e.subjectId ?? '')}`;
/** the editors of the entry's (or policy's) department */
const departmentEditors = (db: DbOrTrx, e: StoredEvent) =>
  e.departmentId ? activeUserIdsWithRoles(db, ['kb_editor'], e.departmentId) : Promise.resolve([]);

/**
 * The knowledge base tells reviewers (the legal division, seed art. 15) of entries submitted for
 * review, a department's editors of entries returned to them and of policy Q&As nearly due; the
 * reviewer's and the editor's homes list the same.
 */
export function registerKnowledgeNotices(): void {
  registerNotice({
    type: 'kb.entry_submitted',
    kind: 'assignment',
    recipients: (db) => activeUserIdsWithRoles(db, ['kb_reviewer']),
    title: (e) => ({ zh: `知识条目 ${code(e)} 待审核`, en: `KB entry ${code(e)} waits for review` }),
    link: entryLink,
  });
  registerNotice({
    type: 'kb.entry_returned',
    kind: 'assignment',
    recipients: departmentEditors,
    title: (e) => ({ zh: `知识条目 ${code(e)} 被退回修改`, en: `KB entry ${code(e)} was returned for changes` }),
    link: entryLink,
  });
  registerNotice({
    type: 'kb.policy_reminder',
    kind: 'reminder',
    recipients: departmentEditors,
    title: (e) => ({
      zh: `政策问答须在 ${String(e.data.publishBy)} 前发布：${String(e.data.title ?? '')}`,
      en: `Policy Q&As due by ${String(e.data.publishBy)}: ${String(e.data.title ?? '')}`,
    }),
    link: () => '/admin/kb-policies',
  });
  registerWorkSource({ name: 'knowledge', label: { zh: '知识库', en: 'Knowledge base' }, items: knowledgeWork });
}

/**
 * A reviewer's entries waiting for review (all departments); an editor's department's entries
 * returned for changes, and its policies not yet published whose publish-by date is near.
 */
export async function knowledgeWork(db: DbOrTrx, p: Principal): Promise<WorkSourceItem[]> {
  const out: WorkSourceItem[] = [];
  if (hasRole(p, 'kb_reviewer')) {
    const rows = await db
      .selectFrom('kb_entries')
      .select(['id', 'code', 'question'])
      .where('status', '=', 'submitted')
      .orderBy('submitted_at')
      .limit(100)
      .execute();
    for (const r of rows)
      out.push({
        title: { zh: `待审核：${r.question.slice(0, 40)}`, en: `To review: ${r.question.slice(0, 40)}` },
        reference: r.code,
        link: `/admin/kb/${r.id}`,
        dueAt: null,
      });
  }
  const scope = kbScope(p);
  if (hasRole(p, 'kb_editor') && scope && !scope.all && scope.departmentId) {
    const returned = await db
      .selectFrom('kb_entries')
      .select(['id', 'code', 'question'])
      .where('status', '=', 'returned')
      .where('department_id', '=', scope.departmentId)
      .orderBy('updated_at')
      .limit(100)
      .execute();
    for (const r of returned)
      out.push({
        title: { zh: `退回修改：${r.question.slice(0, 40)}`, en: `Returned: ${r.question.slice(0, 40)}` },
        reference: r.code,
        link: `/admin/kb/${r.id}`,
        dueAt: null,
      });
    const policies = await db
      .selectFrom('policy_documents')
      .select(['id', 'title', 'publish_by'])
      .where('drafting_department_id', '=', scope.departmentId)
      .where('reminded_at', 'is not', null)
      .orderBy('publish_by')
      .limit(50)
      .execute();
    const linked = await linkedEntries(
      db,
      policies.map((d) => d.id),
    );
    for (const d of policies.filter((x) => linked.get(x.id)!.some((e) => !e.live)))
      out.push({
        title: { zh: `政策问答待发布：${d.title}`, en: `Policy Q&As to publish: ${d.title}` },
        reference: null,
        link: '/admin/kb-policies',
        dueAt: atShanghai(d.publish_by, '17:00').toISOString(),
      });
  }
  return out;
}
