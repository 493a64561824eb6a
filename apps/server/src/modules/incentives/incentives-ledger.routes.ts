import {
  CatalogueImportResult,
  CatalogueItem,
  CatalogueQuery,
  IncentiveFigures,
  IncentiveFiguresQuery,
  MatchingInput,
  MatchingResult,
  Obligations,
  ObligationsQuery,
  pageOf,
} from '@yingshang/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, fail } from '../../lib/app-error.js';
import { actorOf } from '../../plugins/auth.js';
import type { IncentiveLedgerService } from './incentives-ledger.service.js';

const MAX_BYTES = 10 * 1024 * 1024;

async function uploaded(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) fail('UNSUPPORTED_MEDIA_TYPE');
  try {
    const part = await req.file({ limits: { fileSize: MAX_BYTES, files: 1 } });
    if (part?.fieldname !== 'file')
      fail('FILE_INVALID', [{ path: 'file', message: 'a file in the field `file` is expected' }]);
    return await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      fail('FILE_TOO_LARGE', { maxBytes: MAX_BYTES });
    fail('FILE_INVALID', [{ path: 'file', message: (err as Error).message }]);
  }
}

/** Figures, the promise ledger (招商承诺兑现), the catalogue and industry-transfer matching. */
export const incentiveLedgerRoutes: FastifyPluginAsyncZod<{ ledger: IncentiveLedgerService }> = async (
  app,
  { ledger },
) => {
  const tags = ['incentives'];
  const read = { permission: 'incentives.read' as const };

  app.get(
    '/incentives/figures',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Applications, approved, paid, amounts, median days to payment per region and policy; overdue reviews',
        querystring: IncentiveFiguresQuery,
        response: { 200: IncentiveFigures },
      },
    },
    async (req) => ledger.figures(actorOf(req), req.query),
  );
  app.get(
    '/incentives/obligations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Promise ledger: pending investment promises and approved-but-unpaid rewards, overdue first',
        querystring: ObligationsQuery,
        response: { 200: Obligations },
      },
    },
    async (req) => ledger.obligations(actorOf(req), req.query),
  );
  app.get(
    '/incentives/catalogue',
    {
      config: read,
      schema: {
        tags,
        summary: 'The encouraged-industries catalogue (鼓励外商投资产业目录) by version',
        querystring: CatalogueQuery,
        response: { 200: pageOf(CatalogueItem) },
      },
    },
    async (req) => ledger.catalogue(req.query),
  );
  app.post(
    '/incentives/catalogue/import',
    {
      config: { permission: 'catalogue.manage' },
      schema: {
        tags,
        summary: 'Import the catalogue from .xlsx (multipart field `file`): every row or none',
        consumes: ['multipart/form-data'],
        response: { 200: CatalogueImportResult },
      },
    },
    async (req) => ledger.importCatalogue(actorOf(req), await uploaded(req)),
  );
  app.post(
    '/incentives/matching',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Rank cities and zones for a project’s industry and traits (the measure’s city orientation), with reasons',
        body: MatchingInput,
        response: { 200: MatchingResult },
      },
    },
    async (req) => ledger.matching(actorOf(req), req.body),
  );
};
