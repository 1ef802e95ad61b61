import type { BotIndex } from './bot-index.js';
import { MAX_SUGGESTIONS, type TRoutedTurn } from './matcher/index.js';

/** Up to this many characters a question is read as a possible follow-up ("要多久能办好"). */
export const FOLLOW_UP_MAX_CHARS = 12;

/** Character pairs of a text, letters and digits only. */
function pairs(text: string): Set<string> {
  const chars = [...text.replace(/[^\p{L}\p{N}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/**
 * Earlier turns must never make a later one confidently wrong, and a short follow-up keeps the
 * conversation's topic: a short question that the matcher would answer from another matter than
 * the conversation's is offered as "您是不是想问" instead, with the best entries of the
 * conversation's matter first (found by asking again with the matter's name in front), then the
 * matcher's own choice. Only a question that shares no pair of characters with the answered
 * entry's question or matter is treated so ("要多久能办好" → 取水许可（延续）审批多长时间？): one that
 * names the entry's own words ("水费怎么交") is a new question and keeps its answer. Full questions
 * and answers inside the topic are left as they are.
 */
export function keepTopic(
  index: BotIndex,
  turn: TRoutedTurn,
  question: string,
  previousMatterId: string | null,
  shown: (entryId: string) => boolean,
): TRoutedTurn {
  if (turn.decision !== 'answer' || !previousMatterId) return turn;
  if ([...question.replace(/\s+/g, '')].length > FOLLOW_UP_MAX_CHARS) return turn;
  const answered = index.entry(turn.entryId);
  if (!answered || answered.matterId === previousMatterId) return turn;
  const own = pairs(`${answered.question}${answered.matterName ?? ''}`);
  if ([...pairs(question)].some((p) => own.has(p))) return turn;
  const topic = index.matterKey(previousMatterId);
  if (!topic) return turn;
  const inTopic = index.matcherInstance
    .match(`${topic} ${question}`, { limit: 10 })
    .candidates.map((c) => c.id)
    .filter((id) => index.entry(id)?.matterId === previousMatterId && shown(id));
  const entryIds = [...new Set([...inTopic.slice(0, MAX_SUGGESTIONS - 1), turn.entryId])].slice(0, MAX_SUGGESTIONS);
  return { decision: 'suggest', entryIds };
}
