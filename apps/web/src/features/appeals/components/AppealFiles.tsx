import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { formatDateTime } from '../../../app/i18n/format';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type AppealFile, appealApi } from '../api';

/** 附件: statements, photos, official replies; typed and size-limited by the server, never deleted. */
export function AppealFiles({ appealId, canUpload }: { appealId: string; canUpload: boolean }) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const list = useRequest(() => appealApi.attachments(appealId), [appealId]);

  const save = async (f: AppealFile) => {
    try {
      const { blob, filename } = await appealApi.download(appealId, f.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? f.fileName;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  return (
    <>
      {canUpload ? (
        <Upload
          showUploadList={false}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls"
          customRequest={async ({ file }) => {
            setUploading(true);
            try {
              await appealApi.upload(appealId, file as File);
              message.success(t('appeal.files.uploaded'));
              await list.reload();
            } catch (e) {
              message.error(e instanceof ApiError ? e.message : t('error.unknown'));
            } finally {
              setUploading(false);
            }
          }}
        >
          <Button
            icon={<UploadOutlined />}
            loading={uploading}
            style={{ marginBottom: 12 }}
            data-testid="appeal-upload"
          >
            {t('appeal.files.upload')}
          </Button>
        </Upload>
      ) : null}
      <Table<AppealFile>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{
          emptyText: <Empty description={t('appeal.files.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        columns={[
          { title: t('appeal.files.name'), dataIndex: 'fileName', ellipsis: true },
          {
            title: t('appeal.files.size'),
            dataIndex: 'size',
            width: 110,
            align: 'right',
            render: (v: number) => `${formatNumber(Math.max(1, Math.round(v / 1024)))} KB`,
          },
          {
            title: t('appeal.files.at'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v),
          },
          {
            key: 'download',
            width: 90,
            render: (_: unknown, f) => (
              <Button size="small" icon={<DownloadOutlined />} onClick={() => save(f)}>
                {t('appeal.files.download')}
              </Button>
            ),
          },
        ]}
        data-testid="appeal-files"
      />
    </>
  );
}
