import type { FastifyReply } from 'fastify';

/** Generic pieces of an Excel download that no domain owns. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Content-Disposition for a download named in Chinese: an ASCII `fallback` for old clients and the
 * real name as RFC 5987 `filename*` (UTF-8, percent-encoded, with ' ( ) * encoded too).
 */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Replies with a workbook as a download (its name in Chinese, `fallback` in ASCII). */
export function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }, fallback: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(file.fileName, fallback))
    .send(file.body);
}
