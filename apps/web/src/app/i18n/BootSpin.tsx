/**
 * Shown while the interface language's pack is on its way (before any text can be shown): a
 * spinner with no words, which fades in only when the wait is long enough to notice (styles.css).
 * Plain markup: antd's theme and locale come with the pack's ConfigProvider.
 */
export function BootSpin() {
  return (
    <div className="boot-spin" role="progressbar" aria-busy="true" aria-label="加载中 · Loading">
      <span />
    </div>
  );
}
