import { useEffect } from 'react';

/** The boxes that scroll inside a page: a table wider than its card, a table of fixed height. */
const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * Every box that scrolls inside a page can be reached with the keyboard (Tab, then the arrow keys
 * scroll it), as WCAG 2.1.1 asks: antd's tables give their scrolling box no tabindex, so one
 * observer gives it one as tables appear, on every page and dialog of the shell.
 */
export function useKeyboardScrollRegions() {
  useEffect(() => {
    const root = document.body;
    let frame = 0;
    const mark = () => {
      frame = 0;
      for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
        // a tab stop only where there is something to scroll to
        const scrolls = el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight;
        if (scrolls && !el.hasAttribute('tabindex')) el.tabIndex = 0;
      }
    };
    mark();
    const observer = new MutationObserver(() => {
      if (!frame) frame = requestAnimationFrame(mark);
    });
    observer.observe(root, { childList: true, subtree: true });
    const onResize = () => {
      if (!frame) frame = requestAnimationFrame(mark);
    };
    window.addEventListener('resize', onResize);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', onResize);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);
}
