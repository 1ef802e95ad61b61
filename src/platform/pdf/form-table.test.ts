import { describe, expect, it } from 'vitest';
import { findCjkFont } from './cjk-font.js';
import { renderFormTable } from './form-table.js';
import { pdfText } from './pdf-text.js';

describe('printed forms: a labelled grid in Chinese', () => {
  it('finds the CJK font the test command installs', () => {
    const f = findCjkFont();
    expect(f.path).toMatch(/CJK|wqy|SourceHan|Fallback/i);
  });

  it('draws the title, the number line, every label and value, and the footer', async () => {
    const pdf = await renderFormTable(
      {
        title: '电话咨询答复流转单',
        header: { left: '编号：DH2026120001', right: '制表日期：2026年12月1日' },
        rows: [
          [{ label: '咨询类型', value: '■水利 □供水' }],
          [
            { label: '咨询人', value: '张三' },
            { label: '联系电话', value: '13800138000' },
          ],
          [{ label: '答复口径\n（承办部门填写）', value: '可以网上申请。'.repeat(30), minHeight: 120 }],
        ],
        footer: ['窗口联系人：王敏'],
      },
      { compress: false },
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const s of ['电话咨询答复流转单', 'DH2026120001', '2026年12月1日', '■水利□供水', '张三', '13800138000'])
      expect(text).toContain(s);
    expect(text).toContain('答复口径（承办部门填写）');
    expect(text).toContain('可以网上申请。'.repeat(30));
    expect(text).toContain('窗口联系人：王敏');
  });
});
