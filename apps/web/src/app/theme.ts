import type { CSSProperties } from 'react';

export const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

/**
 * The text style antd's App gives what it wraps (its colorText, fontSize, lineHeight and our
 * font), for the signed-out pages, which are not inside it (AppLayout holds antd's App).
 */
export const APP_TEXT: CSSProperties = {
  color: 'rgba(0, 0, 0, 0.88)',
  fontSize: 14,
  lineHeight: 1.5714285714285714,
  fontFamily: FONT,
};
