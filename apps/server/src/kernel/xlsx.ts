import type { FastifyReply } from 'fastify';

/** Generic pieces of an Excel download that no domain owns. */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Content-Disposition for a download named in Chinese: the real name as RFC 5987 `filename*`
 * (UTF-8, percent-encoded, with ' ( ) * encoded too), after an ASCII `fallback` for old clients
 * when one is given (a fixed name of ours; an uploaded file's own name goes in `filename*` only).
 */
export function contentDisposition(fileName: string, fallback?: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = fallback === undefined ? '' : ` filename="${fallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}";`;
  return `attachment;${ascii} filename*=UTF-8''${encoded}`;
}

/** Replies with a workbook as a download (its name in Chinese, `fallback` in ASCII). */
export function sendXlsx(reply: FastifyReply, file: { fileName: string; body: Buffer }, fallback: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', contentDisposition(file.fileName, fallback))
    .send(file.body);
}
