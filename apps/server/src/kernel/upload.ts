import type { FastifyRequest } from 'fastify';
import { AppError, fail } from '../lib/app-error.js';

/** The largest upload the multipart plugin accepts (registered with the same limit in app.ts). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The one file of a multipart request, in the field `file`, read into memory:
 * UNSUPPORTED_MEDIA_TYPE (415) when the request is not multipart, FILE_TOO_LARGE (413) past
 * `maxBytes`, FILE_INVALID (400) for no file, another field or a broken body. Never a 500.
 */
export async function readUpload(
  req: FastifyRequest,
  maxBytes = MAX_UPLOAD_BYTES,
): Promise<{ fileName: string; data: Buffer }> {
  if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (part?.fieldname !== 'file')
      fail('FILE_INVALID', [{ path: 'file', message: 'a file in the field `file` is expected' }]);
    const data = await part.toBuffer();
    return { fileName: part.filename, data };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      fail('FILE_TOO_LARGE', { maxBytes });
    fail('FILE_INVALID', [{ path: 'file', message: (err as Error).message }]);
  }
}
