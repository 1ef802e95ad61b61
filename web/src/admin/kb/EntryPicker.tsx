import { useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { api } from '../../api/client.js';
import { useT } from '../../i18n/index.js';
import type { TSearchItem } from '../../../../src/contracts/bot.js';
import { useClearable } from '../../shared/clearable.js';

export interface PickedEntry {
  entryId: string;
  question: string;
  department?: string | null;
}

/** Chooses a published entry by searching the knowledge base as the bot does (`/api/bot/search`). */
export function EntryPicker({
  value,
  onChange,
  initial,
  id,
}: {
  value?: string;
  onChange?(v: string | undefined, e?: PickedEntry): void;
  initial?: PickedEntry | null;
  id?: string;
}) {
  const t = useT();
  const clearable = useClearable();
  const [options, setOptions] = useState<PickedEntry[]>(initial ? [initial] : []);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) return;
    timer.current = window.setTimeout(async () => {
      setLoading(true);
      try {
        const r = await api.get<{ items: TSearchItem[] }>('/api/bot/search', { q: q.trim() });
        setOptions(r.items.map((i) => ({ entryId: i.entryId, question: i.question, department: i.department })));
      } catch {
        /* keep the last options */
      } finally {
        setLoading(false);
      }
    }, 250);
  };
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      loading={loading}
      allowClear={clearable}
      placeholder={t('inbox.pickPlaceholder')}
      aria-label={t('inbox.pickEntry')}
      notFoundContent={t('inbox.pickNone')}
      style={{ width: '100%' }}
      options={options.map((o) => ({
        value: o.entryId,
        label: `${o.question}${o.department ? `（${o.department}）` : ''}`,
      }))}
      onChange={(v?: string) =>
        onChange?.(
          v,
          options.find((o) => o.entryId === v),
        )
      }
      data-testid="entry-picker"
    />
  );
}
