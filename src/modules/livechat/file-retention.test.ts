import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';
import { purgeChatFiles } from './use-cases/purge-files.js';
import { joinChat, onDutyAgent, type Citizen } from './livechat.test-helpers.js';

// Wednesday 2026-11-25 10:00 in Shanghai: live help is open
const OPEN = '2026-11-25T02:00:00Z';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');
const DAY = 86_400_000;

describe('live help: chat files are purged a retention period after the conversation closed', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ now: OPEN, config: { chatFileRetentionDays: 30 } });
  });
  afterEach(async () => {
    await t.close();
  });

  const upload = (c: Citizen, name: string, body: Buffer, clientId: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/chat/files?clientId=${clientId}&name=${encodeURIComponent(name)}`,
      headers: { 'content-type': 'application/octet-stream', 'x-chat-token': c.token },
      payload: body,
    });
  const getFile = (c: Citizen, id: string) =>
    t.app.inject({ url: `/api/chat/files/${id}`, headers: { 'x-chat-token': c.token } });
  const at = (ms: number) => new Date(Date.parse(OPEN) + ms);

  it('drops the bytes after N days (configurable), keeps a tombstone, records it, answers 410 in both languages', async () => {
    await onDutyAgent(t);
    // still open when the others are purged: its file stays, however old
    const open = await joinChat(t);
    const openFile = (await upload(open, '井盖.png', PNG, 'file-png-0003')).json().message.file;
    const old = await joinChat(t);
    const png = (await upload(old, '水表.png', PNG, 'file-png-0001')).json().message.file;
    const pdf = (await upload(old, '证明.pdf', PDF, 'file-pdf-0001')).json().message.file;
    expect(pdf).toMatchObject({ mime: 'application/pdf', purgedAt: null });
    expect((await old.post('/api/chat/end')).statusCode).toBe(200);
    // closed later: an hour after the first
    t.clock.set(at(3_600_000).toISOString());
    const recent = await joinChat(t);
    const kept = (await upload(recent, '水管.png', PNG, 'file-png-0002')).json().message.file;
    expect((await recent.post('/api/chat/end')).statusCode).toBe(200);

    // 30 days less a second after the first closed: nothing yet
    expect(await purgeChatFiles(t.ctx.db, at(30 * DAY - 1000), 30)).toEqual([]);
    // the sweep on the job runner reads the configured period (30 days here, 180 by default)
    t.clock.set(at(30 * DAY + 1000).toISOString());
    await t.ctx.jobs.tick();
    const files = await t.ctx.db
      .selectFrom('chat_attachments')
      .select(['id', 'purged_at', 'data', 'name', 'size'])
      .orderBy('created_at')
      .execute();
    const byId = new Map(files.map((f) => [f.id, f]));
    for (const f of [png, pdf]) {
      expect(byId.get(f.id)!.purged_at).toBe('2026-12-25T02:00:01.000Z');
      expect(Buffer.from(byId.get(f.id)!.data).length).toBe(0);
      expect(byId.get(f.id)!.name).toBe(f.name); // the tombstone keeps the name
    }
    for (const f of [kept, openFile]) expect(Buffer.from(byId.get(f.id)!.data).length).toBe(PNG.length);
    expect(byId.get(openFile.id)!.purged_at).toBeNull();

    // one audit entry for the conversation, with what was removed
    const events = await t.ctx.db
      .selectFrom('events')
      .select(['subject_id', 'data', 'actor_label'])
      .where('type', '=', 'livechat.files_purged')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0].subject_id).toBe(old.id);
    expect(JSON.parse(events[0].data)).toMatchObject({ files: 2, bytes: PNG.length + PDF.length, retentionDays: 30 });
    const audit = (await (await t.as('admin')).get('/api/audit?type=livechat.files_purged')).json();
    expect(JSON.stringify(audit)).toContain('会话文件超过保存期限删除');

    // the file route says it is gone, in Chinese and English; the messages and the transcript say so too
    const gone = await getFile(old, png.id);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('GONE');
    expect(gone.json().error.messages.zh).toContain('已超过保存期限');
    expect(gone.json().error.messages.zh).toContain('水表.png');
    expect(gone.json().error.messages.en).toContain('retention period');
    // staff too (the agent's session ended meanwhile: a supervisor, who may read every conversation)
    const staffGone = await (await t.as('office1')).get(`/api/chat/agent/files/${pdf.id}`);
    expect(staffGone.statusCode).toBe(410);
    const msgs = (await old.get('/api/chat/messages')).json().items;
    expect(
      msgs.filter((m: { file: unknown }) => m.file).map((m: { file: { purgedAt: string } }) => m.file.purgedAt),
    ).toEqual(['2026-12-25T02:00:01.000Z', '2026-12-25T02:00:01.000Z']);
    const transcript = (await old.get('/api/chat/transcript')).body;
    expect(transcript).toContain('[文件] 水表.png（已超过保存期限，于 2026-12-25 删除）');
    // the others are still served; a file of someone else's conversation stays a plain 404
    expect((await getFile(recent, kept.id)).statusCode).toBe(200);
    expect((await getFile(recent, png.id)).statusCode).toBe(404);

    // a second run (another node, the next hour) changes nothing; the later one goes when its time comes
    expect(await purgeChatFiles(t.ctx.db, at(30 * DAY + 2000), 30)).toEqual([]);
    expect(await purgeChatFiles(t.ctx.db, at(30 * DAY + 3_600_000 + 1000), 30)).toEqual([recent.id]);
    expect((await getFile(recent, kept.id)).statusCode).toBe(410);
  });

  it('reads the period from CHAT_FILE_RETENTION_DAYS: 180 days unless set, a whole number of days', () => {
    const days = (v?: string) => loadConfig({ BANGBAN_SECRET: 's', CHAT_FILE_RETENTION_DAYS: v }).chatFileRetentionDays;
    expect(days()).toBe(180);
    expect(days('')).toBe(180);
    expect(days('90')).toBe(90);
    for (const bad of ['0', '-5', '1.5', 'ninety']) expect(() => days(bad)).toThrow(/CHAT_FILE_RETENTION_DAYS/);
  });
});
