import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ImportMode, LedgerImportError, LedgerImportReport } from '@yingshang/contracts';
import { Alert, Button, Flex, Modal, Popconfirm, Result, Select, Table, Typography, Upload } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { ApiError, api } from '../app/api/client';
import { useAuth } from '../app/auth/auth-context';
import { useI18n } from '../app/i18n/i18n-context';
import { isMessageKey } from '../app/i18n/messages';
import { saveBlob } from './download';

const MAX_BYTES = 20 * 1024 * 1024;

export interface LedgerImportDialogProps {
  open: boolean;
  onClose: () => void;
  /** Something was written: the list reloads. */
  onImported: (report: LedgerImportReport) => void;
  title: string;
  /** The import route (multipart POST, ?mode=), its mapping route (GET / PUT) and extra query. */
  endpoint: string;
  mappingEndpoint: string;
  query?: Record<string, string>;
  /** The import layout's template route, offered for download. */
  templateEndpoint?: string;
  /** What the ledger holds and how it is read, above the file picker. */
  hint?: ReactNode;
}

/**
 * 导入台账 in the office's own layout: the file is checked first (nothing written) and the report
 * shown — the sheet read, each header and the field it was taken for (correctable, and saved for the
 * unit's next files), the errors row by row, the rows skipped as already imported —; then every row
 * is imported, or only the valid ones after a confirmation.
 */
export function LedgerImportDialog(props: LedgerImportDialogProps) {
  const { open, onClose, onImported, title, endpoint, mappingEndpoint, query, templateEndpoint, hint } =
    props;
  const { t } = useI18n();
  const { me } = useAuth();
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [report, setReport] = useState<LedgerImportReport | null>(null);
  const [done, setDone] = useState<LedgerImportReport | null>(null);
  const [edits, setEdits] = useState<Record<string, string | null>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) return;
    setFile(null);
    setSheet(undefined);
    setReport(null);
    setDone(null);
    setEdits({});
    setError(null);
  }, [open]);

  const send = async (mode: ImportMode, f: File, onSheet: string | undefined) => {
    const form = new FormData();
    form.append('file', f);
    return api.upload<LedgerImportReport>(endpoint, form, {
      ...query,
      mode,
      ...(onSheet ? { sheet: onSheet } : {}),
    });
  };
  const run = async (mode: ImportMode, f: File | null = file, onSheet = sheet) => {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const r = await send(mode, f, onSheet);
      if (mode === 'check') setReport(r);
      else {
        setDone(r);
        if (r.created > 0) onImported(r);
      }
    } catch (e) {
      const details =
        e instanceof ApiError ? (e.details as { errors?: LedgerImportError[] } | undefined) : undefined;
      // a file whose header is not found: the report is that one problem
      if (details?.errors && mode === 'check') setError(details.errors.map((x) => message(x)).join('；'));
      else setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const message = (e: LedgerImportError) => {
    const key = `ledger.error.${e.code}`;
    const vars = { value: e.value ?? '', code: e.code, earliest: e.value ?? me?.backdateFrom ?? '' };
    return isMessageKey(key) ? t(key, vars) : t('ledger.error.other', vars);
  };
  const skipText = (code: string, row: number) => {
    const key = `ledger.skip.${code}`;
    return isMessageKey(key) ? t(key, { row }) : `${row}`;
  };

  const saveColumns = async () => {
    if (!report) return;
    setBusy(true);
    try {
      await api.put(mappingEndpoint, {
        columns: Object.entries(edits).map(([header, key]) => ({ header, key })),
      });
      setEdits({});
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
      setBusy(false);
      return;
    }
    await run('check');
  };

  const pick = (
    <Flex vertical gap={12}>
      {hint ? <Typography.Paragraph style={{ margin: 0 }}>{hint}</Typography.Paragraph> : null}
      <Upload.Dragger
        accept=".xlsx,.csv,.xls"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          if (f.size > MAX_BYTES) setError(t('ledger.tooLarge'));
          else {
            setFile(f);
            setSheet(undefined);
            void run('check', f, undefined);
          }
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('ledger.pick')}</p>
        <p className="ant-upload-hint">{t('ledger.pickHint')}</p>
      </Upload.Dragger>
      {templateEndpoint ? (
        <Button
          type="link"
          icon={<DownloadOutlined />}
          style={{ alignSelf: 'flex-start', padding: 0 }}
          onClick={async () => {
            const { blob, filename } = await api.download(templateEndpoint, query);
            saveBlob(blob, filename ?? 'template.xlsx');
          }}
        >
          {t('ledger.template')}
        </Button>
      ) : null}
    </Flex>
  );

  const checked = report ? (
    <Flex vertical gap={12} data-testid="ledger-report">
      <Alert
        type={report.errors.length ? 'warning' : 'success'}
        showIcon
        message={t('ledger.summary', {
          file: file?.name ?? '',
          rows: report.rows,
          valid: report.valid,
          skipped: report.skipped.length,
          errors: report.errors.length,
        })}
      />
      {report.sheets.length > 1 ? (
        <Flex gap={8} align="center" wrap>
          <span>{t('ledger.sheet')}</span>
          <Select
            aria-label={t('ledger.sheet')}
            value={report.sheet}
            style={{ minWidth: 200 }}
            options={report.sheets.map((s) => ({ value: s, label: s }))}
            onChange={(s) => {
              setSheet(s);
              void run('check', file, s);
            }}
          />
        </Flex>
      ) : null}
      <Typography.Text strong>{t('ledger.columns')}</Typography.Text>
      <Table
        size="small"
        rowKey="col"
        pagination={false}
        scroll={{ y: 220 }}
        data-testid="ledger-columns"
        dataSource={report.columns}
        columns={[
          { title: t('ledger.column.header'), dataIndex: 'header', ellipsis: true },
          {
            title: t('ledger.column.field'),
            dataIndex: 'key',
            width: '55%',
            render: (key: string | null, c) => (
              <Select
                size="small"
                aria-label={c.header}
                data-testid={`ledger-column-${c.col}`}
                style={{ width: '100%' }}
                value={c.header in edits ? (edits[c.header] ?? '') : (key ?? '')}
                options={[
                  { value: '', label: t('ledger.column.none') },
                  ...report.fields.map((f) => ({
                    value: f.key,
                    label: f.required ? `${f.label} *` : f.label,
                  })),
                ]}
                onChange={(v) => setEdits((e) => ({ ...e, [c.header]: v || null }))}
              />
            ),
          },
        ]}
      />
      {Object.keys(edits).length ? (
        <Button
          onClick={saveColumns}
          loading={busy}
          data-testid="ledger-columns-save"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('ledger.columns.save')}
        </Button>
      ) : null}
      {report.errors.length ? (
        <>
          <Typography.Text strong>{t('ledger.errors', { count: report.errors.length })}</Typography.Text>
          <Table
            size="small"
            data-testid="ledger-errors"
            rowKey={(e) => `${e.row}-${e.column}-${e.code}`}
            pagination={report.errors.length > 8 ? { pageSize: 8, size: 'small' } : false}
            dataSource={report.errors}
            columns={[
              { title: t('ledger.error.row'), dataIndex: 'row', width: 64 },
              { title: t('ledger.error.column'), dataIndex: 'column', width: 120, render: (c) => c ?? '—' },
              { title: t('ledger.error.problem'), key: 'message', render: (_, e) => message(e) },
            ]}
          />
        </>
      ) : null}
      {report.skipped.length ? (
        <Typography.Text type="secondary" data-testid="ledger-skipped">
          {report.skipped.map((s) => skipText(s.code, s.row)).join('；')}
        </Typography.Text>
      ) : null}
    </Flex>
  ) : null;

  const footer = done ? (
    <Button type="primary" onClick={onClose}>
      {t('ledger.close')}
    </Button>
  ) : report ? (
    <Flex gap={8} justify="flex-end" wrap>
      <Button onClick={() => setReport(null)}>{t('ledger.again')}</Button>
      {report.errors.length === 0 ? (
        <Button
          type="primary"
          loading={busy}
          disabled={report.valid === 0 || Object.keys(edits).length > 0}
          onClick={() => run('commit')}
          data-testid="ledger-commit"
        >
          {t('ledger.commit', { count: report.valid })}
        </Button>
      ) : (
        <Popconfirm
          title={t('ledger.commitValid.confirm', { count: report.valid, errors: report.errors.length })}
          onConfirm={() => run('commit-valid')}
          disabled={report.valid === 0}
        >
          <Button
            type="primary"
            loading={busy}
            disabled={report.valid === 0 || Object.keys(edits).length > 0}
            data-testid="ledger-commit-valid"
          >
            {t('ledger.commitValid', { count: report.valid })}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  ) : null;

  return (
    <Modal open={open} onCancel={onClose} title={title} footer={footer} width={760} destroyOnHidden>
      {error ? (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="ledger-error"
        />
      ) : null}
      {done ? (
        <Result
          status="success"
          title={t('ledger.done', { count: done.created })}
          subTitle={
            done.skipped.length || done.errors.length
              ? t('ledger.doneSkipped', { skipped: done.skipped.length, errors: done.errors.length })
              : null
          }
          data-testid="ledger-done"
        />
      ) : (
        (checked ?? pick)
      )}
    </Modal>
  );
}
