import { useEffect, useState } from 'react';
import { App, Button, Empty, Input, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { pick, useLang, useT } from '../../i18n/index.js';
import { formatTime } from '../../shared/format.js';
import { useDepartments } from '../../shared/useDepartments.js';
import { ApiError, api, errorText } from '../../api/client.js';
import { agentChat, type TChatConsult } from '../../api/chat.js';
import type { TSearchItem } from '../../../../src/contracts/bot.js';
import type { TAgentConversationDetail } from '../../../../src/contracts/livechat.js';

/** The plain text of a sanitised KB answer (to insert into a reply). */
export function answerText(html: string): string {
  const div = document.createElement('div');
  div.innerHTML = html;
  return (
    [...div.querySelectorAll('p, li')]
      .map((n) => n.textContent?.trim())
      .filter(Boolean)
      .join('\n') ||
    div.textContent ||
    ''
  );
}

interface CannedReply {
  id: string;
  title?: string;
  text: string;
}

/** Beside the chat: 小申 history, KB search with suggested entries, canned replies, the staff-only consultation. */
export function SidePanel({
  detail,
  onInsert,
  kbInputId,
  canAct,
}: {
  detail: TAgentConversationDetail;
  onInsert(text: string): void;
  kbInputId: string;
  canAct: boolean;
}) {
  const t = useT();
  const [tab, setTab] = useState('kb');
  const canned = useCanned();
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      size="small"
      className="lw-side"
      data-testid="side-panel"
      items={[
        {
          key: 'kb',
          label: t('livechat.tabKb'),
          children: <KbPanel detail={detail} onInsert={onInsert} inputId={kbInputId} />,
        },
        {
          key: 'bot',
          label: t('livechat.tabBot', { n: detail.botHistory.length }),
          children: <BotHistory detail={detail} />,
        },
        ...(canned.available
          ? [
              {
                key: 'canned',
                label: t('livechat.tabCanned'),
                children: <CannedPanel items={canned.items} onInsert={onInsert} />,
              },
            ]
          : []),
        ...(canAct
          ? [{ key: 'consult', label: t('livechat.tabConsult'), children: <ConsultPanel detail={detail} /> }]
          : []),
      ]}
    />
  );
}

function BotHistory({ detail }: { detail: TAgentConversationDetail }) {
  const t = useT();
  if (!detail.botHistory.length) return <Empty description={t('livechat.noBotHistory')} />;
  return (
    <List
      size="small"
      dataSource={detail.botHistory}
      data-testid="bot-history"
      renderItem={(h) => (
        <List.Item>
          <div>
            <div>
              <Typography.Text strong>{h.question}</Typography.Text>{' '}
              <Typography.Text type="secondary">{formatTime(h.at)}</Typography.Text>
            </div>
            <Typography.Text type="secondary">
              {h.answerQuestion ? t('livechat.botAnswered', { q: h.answerQuestion }) : t('livechat.botNoAnswer')}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}

function KbPanel({
  detail,
  onInsert,
  inputId,
}: {
  detail: TAgentConversationDetail;
  onInsert(text: string): void;
  inputId: string;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<TSearchItem[] | null>(null);
  const [suggested, setSuggested] = useState(true);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState('');
  const search = async (query: string, auto = false) => {
    if (!query.trim()) return;
    setError('');
    try {
      const r = await api.get<{ items: TSearchItem[] }>('/api/bot/search', { q: query.trim().slice(0, 200) });
      setItems(r.items);
      setSuggested(auto);
      setOpen(r.items[0]?.entryId ?? null);
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    }
  };
  // suggested entries: what the matcher finds for the citizen's question
  useEffect(() => {
    setItems(null);
    setQ('');
    void search(detail.topic, true);
  }, [detail.id]);
  return (
    <div data-testid="kb-panel">
      <Input.Search
        id={inputId}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => void search(v)}
        placeholder={t('livechat.kbPlaceholder')}
        aria-label={t('livechat.kbPlaceholder')}
        enterButton={t('common.search')}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {items && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 4px' }}>
          {suggested ? t('livechat.kbSuggested') : t('livechat.kbResults', { n: items.length })}
        </Typography.Paragraph>
      )}
      {items?.length === 0 && <Empty description={t('livechat.kbNone')} />}
      {items?.map((s) => (
        <div key={s.entryId} className="lw-kb-item" data-testid="kb-item">
          <Button
            type="link"
            className="lw-kb-q"
            aria-expanded={open === s.entryId}
            onClick={() => setOpen(open === s.entryId ? null : s.entryId)}
          >
            {s.question}
          </Button>
          {open === s.entryId && (
            <>
              <Space wrap size={4}>
                {s.matter && <Tag>{s.matter}</Tag>}
                {s.department && <Tag color="blue">{s.department}</Tag>}
              </Space>
              {/* answerHtml is sanitised by the server */}
              <div className="kb-answer lw-kb-answer" dangerouslySetInnerHTML={{ __html: s.answerHtml }} />
              <Button size="small" onClick={() => onInsert(answerText(s.answerHtml))} data-testid="kb-insert">
                {t('livechat.insert')}
              </Button>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

/** The agent's canned replies (conduct module); hidden when that API is not there. */
function useCanned(): { available: boolean; items: CannedReply[] } {
  const [state, setState] = useState<{ available: boolean; items: CannedReply[] }>({ available: false, items: [] });
  useEffect(() => {
    let gone = false;
    api
      .get<{ items: CannedReply[] }>('/api/conduct/canned-replies')
      .then((r) => !gone && setState({ available: true, items: r.items ?? [] }))
      .catch(() => !gone && setState({ available: false, items: [] }));
    return () => {
      gone = true;
    };
  }, []);
  return state;
}

function CannedPanel({ items, onInsert }: { items: CannedReply[]; onInsert(text: string): void }) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const shown = items.filter((c) => !filter || `${c.title ?? ''}${c.text}`.includes(filter));
  return (
    <div data-testid="canned-panel">
      <Input
        allowClear
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder={t('livechat.cannedFilter')}
        aria-label={t('livechat.cannedFilter')}
      />
      {shown.length === 0 && <Empty description={t('livechat.cannedNone')} />}
      <List
        size="small"
        dataSource={shown}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="use" size="small" onClick={() => onInsert(c.text)}>
                {t('livechat.insert')}
              </Button>,
            ]}
          >
            <div>
              {c.title && <Typography.Text strong>{c.title}</Typography.Text>}
              <div>{c.text}</div>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}

/** Staff-only consultation with a department's business agents (never shown to the citizen). */
function ConsultPanel({ detail }: { detail: TAgentConversationDetail }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const departments = useDepartments();
  const [items, setItems] = useState<TChatConsult[]>([]);
  const [missing, setMissing] = useState(false);
  const [departmentId, setDepartmentId] = useState<string>();
  const [text, setText] = useState('');
  const [reply, setReply] = useState<Record<string, string>>({});
  const load = async () => {
    try {
      setItems((await agentChat.consults(detail.id)).items);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
    }
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 15_000);
    return () => clearInterval(timer);
  }, [detail.id]);
  if (missing) return <Empty description={t('livechat.consultMissing')} />;
  const ask = async () => {
    if (!departmentId || !text.trim()) return;
    try {
      await agentChat.consult(detail.id, { departmentId, text: text.trim() });
      setText('');
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  const answer = async (id: string) => {
    const s = reply[id]?.trim();
    if (!s) return;
    try {
      await agentChat.replyConsult(id, s);
      setReply((r) => ({ ...r, [id]: '' }));
      await load();
    } catch (e) {
      message.error(errorText(e, t('common.failed')));
    }
  };
  return (
    <div data-testid="consult-panel" className="lw-consult">
      <Typography.Paragraph type="secondary">{t('livechat.consultIntro')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          value={departmentId}
          onChange={setDepartmentId}
          options={departments.items
            .filter((d) => d.active && d.kind === 'owner')
            .map((d) => ({ value: d.id, label: lang === 'en' ? d.nameEn || d.nameZh : d.nameZh }))}
          placeholder={t('livechat.consultDepartment')}
          aria-label={t('livechat.consultDepartment')}
          style={{ width: '100%' }}
        />
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 4 }}
          aria-label={t('livechat.consultText')}
          placeholder={t('livechat.consultText')}
        />
        <Button onClick={() => void ask()} disabled={!departmentId || !text.trim()}>
          {t('livechat.consultAsk')}
        </Button>
      </Space>
      {items.map((c) => (
        <div key={c.id} className="lw-consult-thread">
          <Typography.Text strong>
            {c.department ? pick(c.department, lang) : (c.to?.displayName ?? '')}
          </Typography.Text>
          {c.messages.map((m) => (
            <div key={m.id} className="lw-consult-msg">
              <Typography.Text type="secondary">
                {m.author.displayName} {formatTime(m.at)}
              </Typography.Text>
              <div className="lw-text">{m.text}</div>
            </div>
          ))}
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={reply[c.id] ?? ''}
              onChange={(e) => setReply((r) => ({ ...r, [c.id]: e.target.value }))}
              aria-label={t('livechat.consultReply')}
              placeholder={t('livechat.consultReply')}
              onPressEnter={() => void answer(c.id)}
            />
            <Button onClick={() => void answer(c.id)}>{t('livechat.send')}</Button>
          </Space.Compact>
        </div>
      ))}
    </div>
  );
}
