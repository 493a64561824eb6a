import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../app/api/client';
import { useRequest } from '../app/api/use-request';
import { useI18n } from '../app/i18n/i18n-context';
import { saveBlob } from './download';
import { formatDateTime } from './format';

export interface StoredFile {
  id: string;
  fileName: string;
  size: number;
  createdAt: string;
}

/** A record's files (附件): the server checks type and size; deleting is offered only where it is allowed. */
export function FilesPanel({
  list,
  upload,
  download,
  remove,
  emptyText,
  testId,
  uploadTestId,
}: {
  list: () => Promise<StoredFile[]>;
  /** Absent: the user may not add files. */
  upload?: (file: File) => Promise<unknown>;
  download: (id: string) => Promise<{ blob: Blob; filename: string | null }>;
  /** Absent: files are kept (e.g. an appeal's). */
  remove?: (id: string) => Promise<unknown>;
  emptyText: string;
  testId?: string;
  uploadTestId?: string;
}) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const files = useRequest(list, []);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : t('error.unknown'));

  return (
    <>
      {upload ? (
        <Upload
          showUploadList={false}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls"
          customRequest={async ({ file }) => {
            setUploading(true);
            try {
              await upload(file as File);
              message.success(t('files.uploaded'));
              await files.reload();
            } catch (e) {
              fail(e);
            } finally {
              setUploading(false);
            }
          }}
        >
          <Button
            icon={<UploadOutlined />}
            loading={uploading}
            style={{ marginBottom: 12 }}
            data-testid={uploadTestId}
          >
            {t('files.upload')}
          </Button>
        </Upload>
      ) : null}
      <Table<StoredFile>
        data-testid={testId}
        size="small"
        rowKey="id"
        loading={files.loading}
        dataSource={files.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={emptyText} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('files.name'), dataIndex: 'fileName', ellipsis: true },
          {
            title: t('files.size'),
            dataIndex: 'size',
            width: 110,
            align: 'right',
            render: (v: number) => `${formatNumber(Math.max(1, Math.round(v / 1024)))} KB`,
          },
          {
            title: t('files.at'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, f) => (
              <>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={async () => {
                    try {
                      const { blob, filename } = await download(f.id);
                      saveBlob(blob, filename ?? f.fileName);
                    } catch (e) {
                      fail(e);
                    }
                  }}
                  aria-label={t('files.download')}
                />
                {remove ? (
                  <Popconfirm
                    title={t('files.deleteConfirm', { name: f.fileName })}
                    onConfirm={async () => {
                      try {
                        await remove(f.id);
                        await files.reload();
                      } catch (e) {
                        fail(e);
                      }
                    }}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('files.delete')}
                    />
                  </Popconfirm>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
