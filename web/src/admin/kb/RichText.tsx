import { useEffect, useId, useRef } from 'react';
import { Button, Space } from 'antd';
import { useT } from '../../i18n/index.js';

/**
 * A small rich-text box for answers: paragraphs, bold, lists. The server sanitises the HTML again on save.
 * Used as an antd Form control (value / onChange).
 */
export function RichText({
  value,
  onChange,
  disabled,
  labelledBy,
  id,
}: {
  value?: string;
  onChange?(html: string): void;
  disabled?: boolean;
  labelledBy?: string;
  id?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const tb = useId();
  useEffect(() => {
    const el = ref.current;
    if (el && el.innerHTML !== (value ?? '')) el.innerHTML = value ?? '';
  }, [value]);
  const emit = () => {
    const el = ref.current;
    if (!el) return;
    const html = el.innerHTML.trim();
    onChange?.(html === '<br>' ? '' : html);
  };
  const cmd = (name: string) => {
    ref.current?.focus();
    document.execCommand(name, false);
    emit();
  };
  return (
    <div className="kb-rich">
      {!disabled && (
        <Space size={4} role="toolbar" aria-label={t('kb.toolbar')} id={tb} style={{ marginBottom: 6 }}>
          <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => cmd('bold')}>
            <b>{t('kb.bold')}</b>
          </Button>
          <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => cmd('insertUnorderedList')}>
            {t('kb.bullets')}
          </Button>
          <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => cmd('insertOrderedList')}>
            {t('kb.numbers')}
          </Button>
          <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => cmd('removeFormat')}>
            {t('kb.plain')}
          </Button>
        </Space>
      )}
      <div
        ref={ref}
        id={id}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelledBy}
        contentEditable={!disabled}
        suppressContentEditableWarning
        tabIndex={0}
        onInput={emit}
        onBlur={emit}
        data-testid="answer-editor"
        style={{
          minHeight: 160,
          padding: '8px 11px',
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          background: disabled ? '#f5f5f5' : '#fff',
          lineHeight: 1.7,
          outlineColor: '#1677ff',
        }}
      />
    </div>
  );
}
