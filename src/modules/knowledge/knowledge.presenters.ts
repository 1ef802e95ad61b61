import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../platform/db/connect.js';
import type { KbProposalTable, KbTermTable, KbVersionTable } from '../../platform/db/schema.js';
import type { Principal } from '../../platform/policy/principal.js';
import { knowledgePolicy } from './knowledge.policy.js';
import type { EntryRow } from './knowledge.repo.js';
import type { KbStatus } from './knowledge.schemas.js';
import { actionsFrom } from './transitions.js';
import type { TKbEntry, TKbProposal, TKbTerm, TKbVersion } from '../../contracts/knowledge.js';
import type { MatterCategory, ProposalSource, ProposalStatus, TermKind } from '../../contracts/enums.js';

const parse = (s: string): string[] => {
  try {
    return JSON.parse(s) as string[];
  } catch {
    return [];
  }
};
type Content = Pick<
  Selectable<KbVersionTable>,
  'question' | 'similar' | 'answer' | 'matter_id' | 'category' | 'tags' | 'valid_from' | 'valid_until'
>;

/** Shown/solved counters as the KB statistics page reads them. */
export function presentStats(e: {
  shown_count: number;
  solved_count: number;
  unsolved_count: number;
  last_reviewed_at: string | null;
}) {
  const rated = e.solved_count + e.unsolved_count;
  return {
    shown: e.shown_count,
    solved: e.solved_count,
    unsolved: e.unsolved_count,
    solveRate: rated ? e.solved_count / rated : null,
    lastReviewedAt: e.last_reviewed_at,
  };
}

/** An entry as the API shows it; `live` replaces the working copy for users who only see published content. */
export function presentEntry(e: EntryRow, p?: Principal, live?: Content): TKbEntry {
  const c: Content = live ?? e;
  return {
    id: e.id,
    code: e.code,
    question: c.question,
    similar: parse(c.similar),
    answer: c.answer,
    matterId: c.matter_id,
    matterCode: live ? null : e.matter_code,
    matterName: live ? null : e.matter_name,
    category: c.category as MatterCategory,
    departmentId: e.department_id,
    departmentName: e.department_name,
    tags: parse(c.tags),
    validFrom: c.valid_from,
    validUntil: c.valid_until,
    status: live ? 'published' : (e.status as KbStatus),
    liveVersion: e.live_version,
    reviewComment: live ? null : e.review_comment,
    createdAt: e.created_at,
    updatedAt: e.updated_at,
    submittedAt: e.submitted_at,
    stats: presentStats(e),
    actions: p && !live ? allowedActions(p, e) : [],
  };
}

function allowedActions(p: Principal, e: EntryRow) {
  const canEdit = knowledgePolicy.editEntry(p, e);
  const canReview = knowledgePolicy.reviewEntry(p, e);
  return actionsFrom(e.status as KbStatus).filter((a) =>
    ['publish', 'return', 'archive'].includes(a) ? canReview : canEdit || canReview,
  );
}

/** Presents entries, swapping in the live version where the user may not see the working copy. */
export async function presentEntries(db: DbOrTrx, p: Principal, rows: EntryRow[]) {
  const liveOnly = rows.filter((e) => !knowledgePolicy.readWorkingCopy(p, e));
  const versions = liveOnly.length
    ? await db
        .selectFrom('kb_versions')
        .selectAll()
        .where(
          'entry_id',
          'in',
          liveOnly.map((e) => e.id),
        )
        .execute()
    : [];
  const live = new Map(versions.map((v) => [`${v.entry_id}:${v.version}`, v]));
  return rows.map((e) =>
    knowledgePolicy.readWorkingCopy(p, e)
      ? presentEntry(e, p)
      : presentEntry(e, p, live.get(`${e.id}:${e.live_version}`)),
  );
}

/** A published version with its author and reviewer, for the history list (who changed what, when). */
export function presentVersion(
  v: Selectable<KbVersionTable> & { author_name?: string | null; reviewer_name?: string | null },
): TKbVersion {
  return {
    version: v.version,
    question: v.question,
    similar: parse(v.similar),
    answer: v.answer,
    matterId: v.matter_id,
    category: v.category,
    tags: parse(v.tags),
    validFrom: v.valid_from,
    validUntil: v.valid_until,
    authorId: v.author_id,
    authorName: v.author_name ?? null,
    reviewerId: v.reviewer_id,
    reviewerName: v.reviewer_name ?? null,
    publishedAt: v.published_at,
    note: v.note,
  };
}

/** A KB proposal as the owner department's editors see it. */
export function presentProposal(x: Selectable<KbProposalTable> & { department_name?: string | null }): TKbProposal {
  return {
    id: x.id,
    source: x.source as ProposalSource,
    sourceRef: x.source_ref,
    question: x.question,
    answer: x.answer,
    departmentId: x.department_id,
    departmentName: x.department_name ?? null,
    matterId: x.matter_id,
    status: x.status as ProposalStatus,
    entryId: x.entry_id,
    createdBy: x.created_by,
    createdAt: x.created_at,
    decidedBy: x.decided_by,
    decidedAt: x.decided_at,
    decisionNote: x.decision_note,
  };
}

/** A dictionary line or synonym group of the bot's matcher. */
export function presentTerm(t: Selectable<KbTermTable>): TKbTerm {
  return { id: t.id, kind: t.kind as TermKind, value: t.value, updatedAt: t.updated_at };
}
