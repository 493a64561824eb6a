import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { ApiError } from '../app/api/client';
import { useI18n } from '../app/i18n/i18n-context';
import { saveBlob } from './download';

export interface ExportFile {
  blob: Blob;
  /** The server's file name; the fallback name is used when it sent none. */
  filename: string | null;
}

interface Props {
  /** Fetches the rows the list's filters select (not only the page shown). */
  run: () => Promise<ExportFile>;
  /** Used when the server names no file ("招商项目库-2026-05-31.xlsx"). */
  fallbackName: string;
  label?: string;
  testId?: string;
}

/** 导出: downloads the filtered rows as a file; a failure says why. */
export function ExportButton({ run, fallbackName, label, testId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      const { blob, filename } = await run();
      saveBlob(blob, filename ?? fallbackName);
    } catch (e) {
      message.error(
        t('kit.exportFailed', { message: e instanceof ApiError ? e.message : t('error.unknown') }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={t('kit.exportHint')}>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void click()} data-testid={testId}>
        {label ?? t('kit.export')}
      </Button>
    </Tooltip>
  );
}
