import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { type ImportColumnKey, LEDGER_KEYS } from '@yingshang/contracts';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Flex,
  Modal,
  Popconfirm,
  Progress,
  Result,
  Select,
  Table,
  Typography,
  Upload,
} from 'antd';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type ImportJob, type ImportMode, projectApi } from '../api';

const POLL_MS = 600;
const MAX_BYTES = 20 * 1024 * 1024;

type Step =
  | { kind: 'pick' }
  | { kind: 'running'; mode: ImportMode; job: ImportJob | null; jobId: string | null }
  | { kind: 'checked'; job: ImportJob }
  | { kind: 'finished'; mode: ImportMode; job: ImportJob };

interface Props {
  open: boolean;
  onClose: () => void;
  /** Something was written: the list reloads. */
  onImported: () => void;
}

/** The error report as CSV (UTF-8 with BOM so Excel opens it in Chinese). */
function downloadErrors(job: ImportJob, headers: [string, string, string], name: string) {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [headers.map(esc).join(',')].concat(
    job.errors.map((e) => [String(e.row), e.column ?? '', e.message].map(esc).join(',')),
  );
  const blob = new Blob([`\ufeff${lines.join('\r\n')}`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * 导入 Excel: the file is first checked (mode=check) with progress and a row-by-row error report;
 * a clean file is then imported (commit); a file with errors may import only its valid rows
 * (commit-valid) after an explicit confirmation.
 */
export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t, tMaybe, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [error, setError] = useState<string | null>(null);
  /** The worksheet chosen, and the columns corrected (header → column, null: not imported). */
  const [sheet, setSheet] = useState<string | undefined>();
  const [edits, setEdits] = useState<Record<string, ImportColumnKey | null>>({});
  const timer = useRef<number | null>(null);
  const alive = useRef(true);

  const stopPolling = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      stopPolling();
    };
  }, [stopPolling]);

  useEffect(() => {
    if (open) return;
    stopPolling();
    setFile(null);
    setStep({ kind: 'pick' });
    setError(null);
    setSheet(undefined);
    setEdits({});
  }, [open, stopPolling]);

  const poll = (mode: ImportMode, jobId: string) => {
    timer.current = window.setTimeout(async () => {
      try {
        const job = await projectApi.importStatus(jobId);
        if (!alive.current) return;
        if (job.status === 'running') {
          setStep({ kind: 'running', mode, job, jobId });
          poll(mode, jobId);
        } else if (mode === 'check' && job.status === 'done') {
          setStep({ kind: 'checked', job });
        } else {
          setStep({ kind: 'finished', mode, job });
          if (mode !== 'check' && job.created + job.updated > 0) onImported();
        }
      } catch (e) {
        if (!alive.current) return;
        setError(e instanceof ApiError ? e.message : t('error.unknown'));
        setStep({ kind: 'pick' });
      }
    }, POLL_MS);
  };

  const start = async (mode: ImportMode, f: File | null = file, onSheet: string | undefined = sheet) => {
    if (!f) return;
    setError(null);
    setStep({ kind: 'running', mode, job: null, jobId: null });
    try {
      const { id } = await projectApi.startImport(f, mode, onSheet);
      if (!alive.current) return;
      setStep({ kind: 'running', mode, job: null, jobId: id });
      poll(mode, id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
      setStep({ kind: 'pick' });
    }
  };

  /** Saves the corrected columns for the unit, then checks the file again with them. */
  const saveColumns = async () => {
    try {
      await projectApi.saveImportMapping(Object.entries(edits).map(([header, key]) => ({ header, key })));
      setEdits({});
      message.success(t('import.columnsSaved'));
      void start('check');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  /** The worksheet to read and the columns as proposed, for the clerk to correct. */
  const columnsPanel = (j: ImportJob) =>
    j.columns.length === 0 && j.sheets.length < 2 ? null : (
      <Flex vertical gap={8} data-testid="import-columns">
        {j.sheets.length > 1 ? (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('import.sheet')}</Typography.Text>
            <Select
              value={j.sheet ?? undefined}
              style={{ minWidth: 200 }}
              options={j.sheets.map((s) => ({ value: s, label: s }))}
              onChange={(s: string) => {
                setSheet(s);
                void start('check', file, s);
              }}
              data-testid="import-sheet"
              aria-label={t('import.sheet')}
            />
          </Flex>
        ) : null}
        {j.columns.length > 0 ? (
          <>
            <Typography.Text type="secondary">{t('import.columnsIntro')}</Typography.Text>
            <Table
              size="small"
              rowKey="col"
              dataSource={j.columns}
              pagination={false}
              scroll={{ y: 240 }}
              columns={[
                { title: t('import.col.header'), dataIndex: 'header', ellipsis: true },
                {
                  title: t('import.col.importAs'),
                  width: 200,
                  render: (_: unknown, c: ImportJob['columns'][number]) => (
                    <Select<ImportColumnKey | ''>
                      size="small"
                      style={{ width: '100%' }}
                      value={(c.header in edits ? edits[c.header] : c.key) ?? ''}
                      options={[
                        { value: '', label: t('import.key.none') },
                        ...LEDGER_KEYS.map((k) => ({ value: k, label: t(`import.key.${k}`) })),
                      ]}
                      onChange={(k) => setEdits((e) => ({ ...e, [c.header]: k || null }))}
                      data-testid={`import-column-${c.col}`}
                      aria-label={t('import.col.importAs')}
                    />
                  ),
                },
              ]}
            />
            <Flex justify="end">
              <Button
                size="small"
                disabled={Object.keys(edits).length === 0}
                onClick={() => void saveColumns()}
                data-testid="import-columns-save"
              >
                {t('import.columnsSave')}
              </Button>
            </Flex>
          </>
        ) : null}
      </Flex>
    );

  const cancel = async () => {
    if (step.kind !== 'running' || !step.jobId) return;
    try {
      await projectApi.cancelImport(step.jobId);
      message.info(t('import.cancelRequested'));
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  const running = step.kind === 'running';
  const job = step.kind === 'pick' ? null : step.job;

  const progress = (j: ImportJob | null, mode: ImportMode) => {
    const done = !j ? 0 : mode === 'check' ? j.rowsChecked : j.rowsWritten;
    const percent = j?.total ? Math.min(100, Math.floor((done / j.total) * 100)) : undefined;
    return (
      <Flex vertical gap={8} data-testid="import-progress">
        <Typography.Text>
          {mode === 'check' ? t('import.checking') : t('import.writing')}
          {j?.phase && tMaybe(`import.phase.${j.phase}`, '')
            ? ` · ${tMaybe(`import.phase.${j.phase}`, '')}`
            : ''}
        </Typography.Text>
        <Progress
          percent={percent ?? 0}
          status="active"
          showInfo={percent !== undefined}
          aria-label={mode === 'check' ? t('import.checking') : t('import.writing')}
        />
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('import.rowsTotal')}>
            {j?.total != null ? formatNumber(j.total) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('import.rowsRead')}>{formatNumber(j?.rowsRead ?? 0)}</Descriptions.Item>
          <Descriptions.Item label={t('import.rowsChecked')}>
            {formatNumber(j?.rowsChecked ?? 0)}
          </Descriptions.Item>
          <Descriptions.Item label={t('import.rowsWritten')}>
            {formatNumber(j?.rowsWritten ?? 0)}
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    );
  };

  const errorTable = (j: ImportJob) => (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Flex vertical>
          <Typography.Text type="danger" strong>
            {t('import.errorsTitle', { count: formatNumber(Math.max(j.errorCount, j.errors.length)) })}
          </Typography.Text>
          {j.errorCount > j.errors.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('import.errorsTruncated', { shown: formatNumber(j.errors.length) })}
            </Typography.Text>
          ) : null}
        </Flex>
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() =>
            downloadErrors(
              j,
              [t('import.col.row'), t('import.col.column'), t('import.col.message')],
              t('import.errorsFile'),
            )
          }
        >
          {t('import.downloadErrors')}
        </Button>
      </Flex>
      <Table
        data-testid="import-errors"
        size="small"
        rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.message}`}
        dataSource={j.errors}
        pagination={{ pageSize: 8, size: 'small', showSizeChanger: false }}
        columns={[
          {
            title: t('import.col.row'),
            dataIndex: 'row',
            width: 90,
            render: (v: number) => (v > 0 ? v : t('import.wholeFile')),
          },
          {
            title: t('import.col.column'),
            dataIndex: 'column',
            width: 140,
            render: (v: string | null) => v ?? '—',
          },
          { title: t('import.col.message'), dataIndex: 'message' },
        ]}
      />
    </Flex>
  );

  let body: ReactNode;
  let footer: ReactNode[] = [];
  if (step.kind === 'pick') {
    body = (
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('import.intro')}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx,.csv,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          multiple={false}
          showUploadList={false}
          data-testid="import-file"
          beforeUpload={(f) => {
            if (f.size > MAX_BYTES) {
              setError(t('import.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            if (!/\.(xlsx|csv|xls)$/i.test(f.name)) {
              setError(t('import.notXlsx'));
              return Upload.LIST_IGNORE;
            }
            setFile(f);
            setSheet(undefined);
            setEdits({});
            void start('check', f, undefined);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.dropHint')}</p>
        </Upload.Dragger>
      </Flex>
    );
    footer = [
      <Button key="close" onClick={onClose}>
        {t('common.close')}
      </Button>,
    ];
  } else if (step.kind === 'running') {
    body = progress(job, step.mode);
    footer = [
      <Button key="cancel" danger onClick={cancel} disabled={!step.jobId} data-testid="import-cancel">
        {t('import.cancel')}
      </Button>,
    ];
  } else if (step.kind === 'checked') {
    const j = step.job;
    const badRows = new Set(j.errors.map((e) => e.row)).size;
    const fileLevel = j.errors.some((e) => e.row === 0);
    const valid = fileLevel ? 0 : Math.max(0, (j.total ?? j.rowsChecked) - badRows);
    const verdict =
      j.errors.length === 0 && j.errorCount === 0 ? (
        <Result
          status="success"
          title={t('import.cleanTitle', { count: formatNumber(j.total ?? j.rowsChecked) })}
          subTitle={t('import.cleanDesc')}
          style={{ padding: 12 }}
        />
      ) : (
        <Flex vertical gap={12}>
          <Alert
            type="warning"
            showIcon
            title={
              fileLevel
                ? t('import.fileLevel')
                : t('import.hasErrors', { bad: formatNumber(badRows), good: formatNumber(valid) })
            }
          />
          {errorTable(j)}
        </Flex>
      );
    body = (
      <Flex vertical gap={12}>
        {verdict}
        {columnsPanel(j)}
      </Flex>
    );
    footer = [
      <Button key="again" onClick={() => setStep({ kind: 'pick' })}>
        {t('import.pickAnother')}
      </Button>,
      j.errors.length === 0 && j.errorCount === 0 ? (
        <Button
          key="commit"
          type="primary"
          onClick={() => void start('commit')}
          disabled={Object.keys(edits).length > 0}
          data-testid="import-commit"
        >
          {t('import.commit')}
        </Button>
      ) : (
        <Popconfirm
          key="commit-valid"
          title={t('import.commitValid')}
          description={
            <div style={{ maxWidth: 300 }}>
              {t('import.commitValidConfirm', { count: formatNumber(valid) })}
            </div>
          }
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => void start('commit-valid')}
          disabled={valid === 0}
        >
          <Button type="primary" disabled={valid === 0} data-testid="import-commit-valid">
            {t('import.commitValid')}
          </Button>
        </Popconfirm>
      ),
    ];
  } else {
    const j = step.job;
    // A commit refused because the file has errors also ends as done, with a code saying so.
    const ok = j.status === 'done' && !j.code;
    body = (
      <Flex vertical gap={12}>
        <Result
          status={ok ? 'success' : j.status === 'cancelled' ? 'info' : 'error'}
          title={
            ok
              ? step.mode === 'check'
                ? t('import.checkedTitle')
                : t('import.doneTitle')
              : j.status === 'cancelled'
                ? t('import.cancelledTitle')
                : t('import.failedTitle')
          }
          subTitle={
            ok
              ? undefined
              : j.status === 'cancelled'
                ? t('import.cancelledDesc')
                : (j.message ?? t('import.failedDesc'))
          }
          style={{ paddingBottom: 8 }}
        />
        {ok && step.mode !== 'check' ? (
          <Descriptions bordered size="small" column={3} data-testid="import-result">
            <Descriptions.Item label={t('import.created')}>{formatNumber(j.created)}</Descriptions.Item>
            <Descriptions.Item label={t('import.updated')}>{formatNumber(j.updated)}</Descriptions.Item>
            <Descriptions.Item label={t('import.skipped')}>{formatNumber(j.skipped)}</Descriptions.Item>
          </Descriptions>
        ) : null}
        {j.errors.length > 0 ? errorTable(j) : null}
      </Flex>
    );
    footer = [
      <Button key="again" onClick={() => setStep({ kind: 'pick' })}>
        {t('import.pickAnother')}
      </Button>,
      <Button key="close" type="primary" onClick={onClose}>
        {t('common.close')}
      </Button>,
    ];
  }

  return (
    <Modal
      open={open}
      title={t('import.title')}
      onCancel={running ? undefined : onClose}
      closable={!running}
      maskClosable={false}
      keyboard={!running}
      footer={footer}
      width={760}
      data-testid="import-dialog"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          closable={{ onClose: () => setError(null) }}
        />
      ) : null}
      {file && step.kind !== 'pick' ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('import.file', { name: file.name })}
        </Typography.Paragraph>
      ) : null}
      {body}
    </Modal>
  );
}
