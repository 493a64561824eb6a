/** Today in Asia/Shanghai (YYYY-MM-DD): the server dates approvals and payments by Beijing days, whatever the browser's zone. */
export function beijingToday(at = Date.now()): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
}
