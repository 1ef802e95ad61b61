import { useEffect } from 'react';

/** antd's scrolling boxes of a table (a plain table; a table with a fixed header). */
const SCROLLERS = '.ant-table-content, .ant-table-body';
const MARK = 'data-bb-scroller';

/**
 * Gives every table that scrolls (a wide table on a narrow screen) a tab stop, so a keyboard user can reach it and
 * scroll it with the arrow keys (WCAG 2.1.1; axe "scrollable-region-focusable"). antd's Table has no prop for this,
 * so one observer on the staff layout keeps it right as pages, data and the window size change.
 */
export function useFocusableScrollers(): void {
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      for (const el of document.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (scrolls && !el.hasAttribute('tabindex')) {
          el.tabIndex = 0;
          el.setAttribute(MARK, '');
        } else if (!scrolls && el.hasAttribute(MARK)) {
          el.removeAttribute('tabindex');
          el.removeAttribute(MARK);
        }
      }
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('resize', schedule);
    schedule();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      cancelAnimationFrame(frame);
    };
  }, []);
}
