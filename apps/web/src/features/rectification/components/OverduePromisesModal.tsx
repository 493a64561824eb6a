import type { Campaign, OverduePromise as OverduePromiseSchema } from '@yingshang/contracts';
import { App, Button, DatePicker, Flex, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, type Page } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';

type OverduePromise = import('zod').infer<typeof OverduePromiseSchema>;

/** Overdue promises of the pipeline (招商承诺不兑现) in the user's area, each turned into a task in one step. */
export function OverduePromisesModal({
  campaign,
  open,
  onClose,
}: {
  campaign: Campaign;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [deadline, setDeadline] = useState<Dayjs>(() => {
    const d = dayjs().add(30, 'day');
    return d.isAfter(dayjs(campaign.deadlineOn)) ? dayjs(campaign.deadlineOn) : d;
  });
  const list = useRequest(
    () => (open ? api.get<Page<OverduePromise>>('/projects/promises/overdue', { page, pageSize: 10 }) : null),
    [open, page],
  );

  async function convert(p: OverduePromise) {
    try {
      const task = await api.post<{ id: string }>(`/rectification/promises/${p.id}/task`, {
        campaignId: campaign.id,
        deadlineOn: deadline.format('YYYY-MM-DD'),
      });
      navigate(`/rectification/tasks/${task.id}`);
    } catch (e) {
      if (!(e instanceof ApiError)) return;
      const existing = (e.details as { taskId?: string } | undefined)?.taskId;
      if (existing) navigate(`/rectification/tasks/${existing}`);
      else message.error(e.message);
    }
  }

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      width={980}
      title={t('rect.promises.title')}
      destroyOnHidden
    >
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('rect.col.deadline')}</Typography.Text>
        <DatePicker
          value={deadline}
          allowClear={false}
          onChange={(d) => d && setDeadline(d)}
          disabledDate={(d) =>
            d.isBefore(dayjs(campaign.startOn), 'day') || d.isAfter(dayjs(campaign.deadlineOn), 'day')
          }
        />
        <Typography.Text type="secondary">{t('rect.promises.hint')}</Typography.Text>
      </Flex>
      <Table<OverduePromise>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items}
        data-testid="rect-promises-table"
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('rect.promises.project'), dataIndex: 'projectName', ellipsis: true },
          { title: t('rect.promises.content'), dataIndex: 'content', ellipsis: true },
          { title: t('rect.col.zones'), dataIndex: 'regionName', width: 120 },
          { title: t('rect.promises.due'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('rect.col.timing'),
            dataIndex: 'daysOverdue',
            width: 110,
            render: (d: number) => <Tag color="red">{t('rect.timing.overdue', { days: d })}</Tag>,
          },
          {
            title: '',
            key: 'go',
            width: 120,
            render: (_, p) => (
              <Button size="small" type="link" onClick={() => convert(p)}>
                {t('rect.promises.convert')}
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
