import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Card, Empty, Popover, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { agentChat } from '../../api/chat.js';
import { errorText } from '../../api/client.js';
import { BellOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { pick, useLang, useT } from '../../i18n/index.js';
import { useSession } from '../../shared/session.js';
import { formatTime } from '../../shared/format.js';
import { PageHeader } from '../../admin/PageHeader.js';
import type { TAgentConversation } from '../../../../src/contracts/livechat.js';
import { DutySwitch } from '../DutySwitch.js';
import { ChatPane, type ComposerHandle } from './ChatPane.js';
import { CloseDialog, TransferDialog } from './Dialogs.js';
import { FirstResponseTimer, WARN_SECONDS, timerState } from './FirstResponseTimer.js';
import { canAskForNotifications, setNotificationText } from './notify.js';
import { SidePanel } from './SidePanel.js';
import { useAgentChats } from './useAgentChats.js';
import { useServerNow } from './useServerNow.js';
import '../../admin/kb/kb.css';
import './workspace-chat.css';

const SHORTCUTS: [keys: string, label: Parameters<ReturnType<typeof useT>>[0]][] = [
  ['Alt + ↑ / ↓', 'livechat.keyPrevNext'],
  ['Ctrl + Enter', 'livechat.keySend'],
  ['Alt + N', 'livechat.keyNote'],
  ['Alt + T', 'livechat.keyTransfer'],
  ['Alt + E', 'livechat.keyClose'],
  ['Alt + K', 'livechat.keyKb'],
  ['Alt + I', 'livechat.keyInput'],
];

/** 在线咨询: the window or business agent's live chats, several at once, under the one-minute clock. */
export default function ChatsPage() {
  const t = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const { message } = App.useApp();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const chats = useAgentChats(selectedId);
  const serverNow = useServerNow(1000);
  const [dialog, setDialog] = useState<'transfer' | 'close' | null>(null);
  const [askNotify, setAskNotify] = useState(canAskForNotifications);
  const composerRef = useRef<ComposerHandle | null>(null);
  const kbInputId = useId();
  const myId = me?.user?.id;

  useEffect(() => {
    setNotificationText({ zh: t('livechat.newChat'), body: (c) => `${c.number} · ${c.topic}` });
  }, [t]);

  const open = useMemo(() => chats.list.filter((c) => c.status !== 'closed'), [chats.list]);
  const closed = useMemo(() => chats.list.filter((c) => c.status === 'closed'), [chats.list]);
  const ordered = useMemo(() => [...open, ...closed], [open, closed]);

  // `?c=`: the conversation a notification or "my work" links to, opened once it is in the list
  const [params] = useSearchParams();
  const linked = params.get('c');
  const openedLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linked || openedLink.current === linked || !chats.list.some((c) => c.id === linked)) return;
    openedLink.current = linked;
    setSelectedId(linked);
  }, [linked, chats.list]);

  // the first chat is opened by itself; a chat that went away leaves its neighbour selected
  useEffect(() => {
    if (!selectedId && open[0]) setSelectedId(open[0].id);
  }, [selectedId, open]);

  const selected = chats.list.find((c) => c.id === selectedId) ?? null;
  const detail = selectedId ? chats.details[selectedId] : undefined;
  const canAct = !!selected && selected.status !== 'closed' && selected.agentId === myId;
  const messages = useMemo(
    () => (selectedId ? chats.messages.filter((m) => m.conversationId === selectedId) : []),
    [chats.messages, selectedId],
  );

  const move = useCallback(
    (delta: number) => {
      if (!ordered.length) return;
      const i = ordered.findIndex((c) => c.id === selectedId);
      const next = ordered[(i + delta + ordered.length) % ordered.length];
      setSelectedId(next.id);
    },
    [ordered, selectedId],
  );

  // keyboard shortcuts for the frequent actions (shown in the help popover)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') move(e.key === 'ArrowUp' ? -1 : 1);
      else if (k === 't' && canAct) setDialog('transfer');
      else if (k === 'e' && canAct) setDialog('close');
      else if (k === 'k') document.getElementById(kbInputId)?.focus();
      else if (k === 'i') composerRef.current?.focus();
      else if (k === 'n') document.querySelector<HTMLElement>('[data-testid="compose-mode"] label:last-child')?.click();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [move, canAct, kbInputId]);

  const help = (
    <table className="lw-keys" data-testid="shortcut-help">
      <tbody>
        {SHORTCUTS.map(([keys, label]) => (
          <tr key={keys}>
            <th scope="row">
              <kbd>{keys}</kbd>
            </th>
            <td>{t(label)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <div className="lw" data-testid="agent-chats">
      <PageHeader
        title={t('livechat.title')}
        description={t('livechat.description')}
        extra={
          <>
            {me?.user && me.abilities.includes('duty.signIn') && <DutySwitch compact />}
            {askNotify && (
              <Button
                icon={<BellOutlined aria-hidden />}
                onClick={() => void Notification.requestPermission().then(() => setAskNotify(canAskForNotifications()))}
              >
                {t('livechat.enableNotifications')}
              </Button>
            )}
            <Popover content={help} title={t('livechat.shortcuts')} trigger="click">
              <Button icon={<QuestionCircleOutlined aria-hidden />} data-testid="shortcut-button">
                {t('livechat.shortcuts')}
              </Button>
            </Popover>
          </>
        }
      />
      {chats.socketState === 'offline' && (
        <Alert type="warning" showIcon title={t('livechat.offline')} style={{ marginBottom: 12 }} />
      )}
      {chats.rejected && (
        <Alert
          type="error"
          showIcon
          closable
          title={chats.rejected}
          onClose={chats.clearRejected}
          style={{ marginBottom: 12 }}
        />
      )}
      <div className="lw-grid">
        <Card size="small" title={t('livechat.listTitle', { n: open.length })} className="lw-list-card">
          {chats.listError && <Typography.Text type="danger">{chats.listError.message}</Typography.Text>}
          {!ordered.length && <Empty description={t('livechat.noChats')} />}
          <ul className="lw-list" aria-label={t('livechat.listTitle', { n: open.length })} data-testid="chat-list">
            {ordered.map((c) => (
              <ListItem
                key={c.id}
                c={c}
                selected={c.id === selectedId}
                serverNow={serverNow}
                warned={!!chats.warned[c.id]}
                onSelect={() => setSelectedId(c.id)}
              />
            ))}
          </ul>
        </Card>
        <Card
          size="small"
          className="lw-pane-card"
          title={
            selected ? (
              <Space wrap size={6}>
                <span>{selected.number}</span>
                <Tag>{pick(selected.statusLabel, lang)}</Tag>
                <FirstResponseTimer c={selected} serverNow={serverNow} warned={!!chats.warned[selected.id]} />
              </Space>
            ) : (
              t('livechat.noSelection')
            )
          }
          extra={
            selected?.status === 'awaiting_department' && !canAct ? (
              <Button
                type="primary"
                onClick={() =>
                  void agentChat
                    .take(selected.id)
                    .then(() => Promise.all([chats.reloadList(), chats.reloadDetail(selected.id)]))
                    .catch((e) => message.error(errorText(e, t('common.failed'))))
                }
                data-testid="take-chat"
              >
                {t('livechat.take')}
              </Button>
            ) : (
              canAct && (
                <Space wrap>
                  <Button onClick={() => setDialog('transfer')} data-testid="open-transfer">
                    {t('livechat.transfer')}
                  </Button>
                  <Button onClick={() => setDialog('close')} data-testid="open-close">
                    {t('livechat.close')}
                  </Button>
                </Space>
              )
            )
          }
        >
          {selected && detail ? (
            <>
              <Typography.Paragraph className="lw-topic">
                <Typography.Text type="secondary">{t('livechat.topic')}</Typography.Text> {selected.topic}
              </Typography.Paragraph>
              {detail.transfers.length > 0 && (
                <Alert
                  type="info"
                  style={{ marginBottom: 8 }}
                  data-testid="transfer-trail"
                  title={detail.transfers
                    .map((tr) =>
                      t('livechat.transferredNote', {
                        from: tr.from?.displayName ?? '',
                        department: pick(tr.department, lang),
                        note: tr.note,
                        time: formatTime(tr.at),
                      }),
                    )
                    .join('\n')}
                />
              )}
              <ChatPane
                detail={detail}
                messages={messages}
                outbox={chats.outbox}
                citizenTyping={(chats.citizenTyping[detail.id] ?? 0) > Date.now()}
                warning={chats.warning}
                canAct={canAct}
                onSend={(text, kind) => chats.send(detail.id, text, kind)}
                onTyping={() => chats.sendTyping(detail.id)}
                onRetry={chats.retry}
                onDiscard={chats.discard}
                onWarningEdit={() => {
                  chats.setWarning(null);
                  composerRef.current?.focus();
                }}
                onWarningForce={(w) => {
                  chats.setWarning(null);
                  chats.send(w.conversationId, w.text, w.kind, true, w.clientId);
                }}
                onFile={chats.addMessage}
                composerRef={composerRef}
              />
            </>
          ) : selected ? (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          ) : (
            <Empty description={t('livechat.pickChat')} />
          )}
        </Card>
        <Card size="small" className="lw-side-card" title={t('livechat.sideTitle')}>
          {detail ? (
            <SidePanel
              detail={detail}
              kbInputId={kbInputId}
              canAct={canAct}
              onInsert={(s) => composerRef.current?.insert(s)}
            />
          ) : (
            <Empty description={t('livechat.pickChat')} />
          )}
        </Card>
      </div>
      {selected && (
        <>
          <TransferDialog
            conversation={selected}
            open={dialog === 'transfer'}
            onClose={() => setDialog(null)}
            onDone={(c) => {
              setDialog(null);
              chats.upsert(c);
              void chats.reloadList();
            }}
          />
          <CloseDialog
            conversation={selected}
            open={dialog === 'close'}
            onClose={() => setDialog(null)}
            onDone={(c) => {
              setDialog(null);
              chats.upsert(c);
              void chats.reloadList();
              void chats.reloadDetail(c.id);
            }}
          />
        </>
      )}
    </div>
  );
}

function ListItem({
  c,
  selected,
  serverNow,
  warned,
  onSelect,
}: {
  c: TAgentConversation;
  selected: boolean;
  serverNow: number;
  warned: boolean;
  onSelect(): void;
}) {
  const t = useT();
  const { lang } = useLang();
  const timer = timerState(c, serverNow);
  const urgent = (timer?.kind === 'running' && (timer.secondsLeft <= WARN_SECONDS || warned)) || timer?.kind === 'late';
  return (
    <li>
      <button
        type="button"
        className={`lw-item${selected ? ' lw-item-selected' : ''}${urgent ? ' lw-item-urgent' : ''}${c.status === 'closed' ? ' lw-item-closed' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
        data-testid="chat-list-item"
        data-number={c.number}
      >
        <span className="lw-item-top">
          <strong>{c.number}</strong>
          <Badge
            count={c.unread}
            size="small"
            title={t('livechat.unread', { n: c.unread })}
            data-testid="unread-badge"
          />
        </span>
        <span className="lw-item-topic">{c.topic}</span>
        <span className="lw-item-bottom">
          <Tag>{pick(c.statusLabel, lang)}</Tag>
          <FirstResponseTimer c={c} serverNow={serverNow} warned={warned} />
          {c.departmentDueAt && (
            <Tag color={c.departmentOverdue ? 'error' : 'default'} data-testid="department-due">
              {c.departmentOverdue
                ? t('livechat.departmentOverdue', { at: formatTime(c.departmentDueAt) })
                : t('livechat.departmentDue', { at: formatTime(c.departmentDueAt) })}
            </Tag>
          )}
        </span>
      </button>
    </li>
  );
}
