/** Today in Asia/Shanghai (YYYY-MM-DD): the server's business days, whatever the browser's zone. */
export function beijingToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD day (what list pages accept as `from` / `to` in their URL). */
export const DAY = /^\d{4}-\d{2}-\d{2}$/;
