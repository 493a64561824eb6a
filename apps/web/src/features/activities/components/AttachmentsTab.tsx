import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Popconfirm, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { formatDateTime } from '../../../app/i18n/format';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type Attachment, activityApi } from '../api';

/** 附件: agendas, minutes, photos and agreements of the activity; typed and size-limited by the server. */
export function AttachmentsTab({ activityId, canWrite }: { activityId: string; canWrite: boolean }) {
  const { t, formatNumber } = useI18n();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const list = useRequest(() => activityApi.attachments(activityId), [activityId]);

  const save = async (a: Attachment) => {
    try {
      const { blob, filename } = await activityApi.download(activityId, a.id);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename ?? a.fileName;
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
      {canWrite ? (
        <Upload
          showUploadList={false}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.doc,.xls"
          customRequest={async ({ file }) => {
            setUploading(true);
            try {
              await activityApi.upload(activityId, file as File);
              message.success(t('activity.attachments.uploaded'));
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
            data-testid="activity-upload"
          >
            {t('activity.attachments.upload')}
          </Button>
        </Upload>
      ) : null}
      <Table<Attachment>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('activity.attachments.empty')} /> }}
        columns={[
          { title: t('activity.attachments.name'), dataIndex: 'fileName', ellipsis: true },
          {
            title: t('activity.attachments.size'),
            dataIndex: 'size',
            width: 110,
            align: 'right',
            render: (v: number) => `${formatNumber(Math.max(1, Math.round(v / 1024)))} KB`,
          },
          {
            title: t('activity.attachments.at'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            width: 120,
            render: (_: unknown, a) => (
              <>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void save(a)}
                  aria-label={t('activity.attachments.download')}
                />
                {canWrite ? (
                  <Popconfirm
                    title={t('activity.attachments.deleteConfirm', { name: a.fileName })}
                    onConfirm={async () => {
                      try {
                        await activityApi.removeAttachment(activityId, a.id);
                        await list.reload();
                      } catch (e) {
                        message.error(e instanceof ApiError ? e.message : t('error.unknown'));
                      }
                    }}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('activity.attachments.delete')}
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
