import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { actionsFrom, nextStatus } from './transitions.js';

describe('KB workflow transition table', () => {
  it('walks draft → submitted → returned → draft → submitted → published → archived → draft', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'return', '请补充依据')).toBe('returned');
    expect(nextStatus('returned', 'edit')).toBe('draft');
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'publish')).toBe('published');
    expect(nextStatus('published', 'edit')).toBe('draft');
    expect(nextStatus('published', 'archive')).toBe('archived');
    expect(nextStatus('archived', 'reopen')).toBe('draft');
    expect(nextStatus('submitted', 'withdraw')).toBe('draft');
  });

  it('refuses illegal moves with INVALID_TRANSITION and a readable message', () => {
    const illegal: [Parameters<typeof nextStatus>[0], Parameters<typeof nextStatus>[1]][] = [
      ['draft', 'publish'],
      ['published', 'publish'],
      ['returned', 'publish'],
      ['archived', 'submit'],
      ['submitted', 'edit'],
      ['draft', 'archive'],
      ['published', 'reopen'],
      ['archived', 'edit'],
      ['submitted', 'restore_version'],
      ['draft', 'return'],
    ];
    for (const [from, action] of illegal) {
      try {
        nextStatus(from, action, 'x');
        throw new Error(`${from} --${action}--> should fail`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        expect((e as AppError).code).toBe('INVALID_TRANSITION');
        expect((e as AppError).status).toBe(409);
        expect((e as AppError).messages.zh).toMatch(/不能/);
      }
    }
  });

  it('requires a comment to return an entry', () => {
    expect(() => nextStatus('submitted', 'return', '  ')).toThrow(/comment/);
  });

  it('lists the actions possible from a status', () => {
    expect(actionsFrom('submitted').sort()).toEqual(['publish', 'return', 'withdraw']);
    expect(actionsFrom('archived').sort()).toEqual(['reopen', 'restore_version']);
  });
});
