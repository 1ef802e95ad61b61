import { useState } from 'react';
import { App, Button, Card, Col, Empty, Input, List, Row, Space, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { api, errorText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { PageHeader } from '../admin/PageHeader.js';
import '../admin/kb/kb.css';
import type { TSearchItem } from '../../../src/contracts/bot.js';
import { useClearable } from '../shared/clearable.js';

/** 知识库检索: agents search the KB as the bot does and answer from the approved wording beside it. */
export default function KbSearchPage() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('kbsearch.title')} description={t('kbsearch.description')} />
      <KbSearchPanel autoFocus />
    </>
  );
}

/**
 * The KB search box with its results and the chosen answer, for any page that answers citizens
 * (the phone page puts it beside the call form): `narrow` stacks results over the answer, `onUse`
 * adds a button that hands the answer's text to the page.
 */
export function KbSearchPanel({
  autoFocus = false,
  narrow = false,
  onUse,
}: {
  autoFocus?: boolean;
  narrow?: boolean;
  onUse?: (text: string) => void;
}) {
  const t = useT();
  const clearable = useClearable();
  const { message } = App.useApp();
  const [items, setItems] = useState<TSearchItem[] | null>(null);
  const [chosen, setChosen] = useState<TSearchItem | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const search = async (q: string) => {
    if (!q.trim()) return;
    setLoading(true);
    setError(undefined);
    try {
      const r = await api.get<{ items: TSearchItem[] }>('/api/bot/search', { q: q.trim().slice(0, 200) });
      setItems(r.items);
      setChosen(r.items[0] ?? null);
    } catch (e) {
      setError(errorText(e, t('common.failed')));
    } finally {
      setLoading(false);
    }
  };
  const copy = async (s: TSearchItem) => {
    const text = answerPlainText(s);
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('kbsearch.copied'));
    } catch {
      message.error(t('kbsearch.copyFailed'));
    }
  };

  return (
    <>
      <Input.Search
        enterButton={t('kbsearch.search')}
        size="large"
        allowClear={clearable}
        placeholder={t('kbsearch.placeholder')}
        aria-label={t('kbsearch.placeholder')}
        onSearch={search}
        loading={loading}
        style={{ maxWidth: 640, marginBottom: 16 }}
        data-testid="kb-search-input"
        autoFocus={autoFocus}
      />
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      {items && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={narrow ? 24 : 10}>
            <Card size="small" title={t('kbsearch.results', { n: items.length })}>
              {items.length === 0 ? (
                <Empty description={t('kbsearch.none')} />
              ) : (
                <List
                  dataSource={items}
                  renderItem={(s) => (
                    <List.Item
                      style={{
                        cursor: 'pointer',
                        background: chosen?.entryId === s.entryId ? '#e6f4ff' : undefined,
                        paddingInline: 8,
                      }}
                      data-testid="kb-search-result"
                    >
                      <Button
                        type="link"
                        style={{ whiteSpace: 'normal', textAlign: 'left', height: 'auto', padding: 0 }}
                        aria-pressed={chosen?.entryId === s.entryId}
                        onClick={() => setChosen(s)}
                      >
                        <span>
                          {s.question}
                          <br />
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {[s.matter, s.department].filter(Boolean).join(' · ')}
                          </Typography.Text>
                        </span>
                      </Button>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={narrow ? 24 : 14}>
            {chosen && (
              <Card
                size="small"
                title={chosen.question}
                extra={
                  <Space size={4} wrap>
                    {onUse && (
                      <Button type="primary" ghost onClick={() => onUse(answerPlainText(chosen))}>
                        {t('kbsearch.use')}
                      </Button>
                    )}
                    <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy(chosen)}>
                      {t('kbsearch.copy')}
                    </Button>
                  </Space>
                }
                data-testid="kb-search-answer"
              >
                <Space wrap style={{ marginBottom: 8 }}>
                  {chosen.matter && <Tag>{chosen.matter}</Tag>}
                  {chosen.department && <Tag color="blue">{chosen.department}</Tag>}
                </Space>
                {/* answerHtml is sanitised by the server */}
                <div className="kb-answer" dangerouslySetInnerHTML={{ __html: chosen.answerHtml }} />
              </Card>
            )}
          </Col>
        </Row>
      )}
    </>
  );
}

/** An answer's text without markup: paragraphs and list items on their own lines. */
function answerPlainText(s: TSearchItem): string {
  const div = document.createElement('div');
  div.innerHTML = s.answerHtml;
  return (
    [...div.querySelectorAll('p, li')]
      .map((n) => n.textContent?.trim())
      .filter(Boolean)
      .join('\n') ||
    div.textContent ||
    ''
  );
}
