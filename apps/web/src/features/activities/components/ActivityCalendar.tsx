import type { ActivitySummary } from '@yingshang/contracts';
import { Badge, Calendar, Flex, Spin, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { type ActivityQuery, activityApi } from '../api';
import { TYPE_COLORS } from '../model';

/** The month's activities on a calendar: each on every day it lasts; a click opens it. */
export function ActivityCalendar({
  filters,
  month,
  onMonthChange,
}: {
  filters: ActivityQuery;
  /** YYYY-MM */
  month: string;
  onMonthChange: (month: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const start = dayjs(`${month}-01`);
  const from = start.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = start.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const key = JSON.stringify(filters);
  const list = useRequest(
    () => activityApi.list({ ...filters, from, to, sort: 'startOn', order: 'asc', page: 1, pageSize: 200 }),
    [key, from, to],
  );
  const items = list.data?.items ?? [];
  const on = (day: string) => items.filter((a) => a.startOn <= day && a.endOn >= day);

  const cell = (d: Dayjs) => {
    const day = d.format('YYYY-MM-DD');
    const here = on(day);
    if (here.length === 0) return null;
    return (
      <Flex vertical gap={2} className="activity-cell">
        {here.slice(0, 3).map((a: ActivitySummary) => (
          <Tooltip key={a.id} title={`${t(`activity.type.${a.type}`)} · ${a.title}`}>
            <button
              type="button"
              className="activity-chip"
              onClick={(e) => {
                e.stopPropagation();
                navigate(`/activities/${a.id}`);
              }}
            >
              <Badge color={TYPE_COLORS[a.type]} text={a.title} />
            </button>
          </Tooltip>
        ))}
        {here.length > 3 ? (
          <span className="activity-more">{t('activity.calendar.more', { count: here.length - 3 })}</span>
        ) : null}
      </Flex>
    );
  };

  return (
    <Spin spinning={list.loading}>
      <div data-testid="activities-calendar">
        <Calendar
          value={start}
          cellRender={(d, info) => (info.type === 'date' ? cell(d) : null)}
          onPanelChange={(d) => onMonthChange(d.format('YYYY-MM'))}
          onSelect={(d, info) => {
            if (info.source === 'date' && d.format('YYYY-MM') !== month) onMonthChange(d.format('YYYY-MM'));
          }}
          mode="month"
        />
      </div>
    </Spin>
  );
}
