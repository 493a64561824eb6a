import type { AppealDetail } from '@yingshang/contracts';
import { Steps } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDate } from '../../../kit';

const STEP_KEYS = ['file', 'accept', 'assign', 'handle', 'answer', 'rate', 'close'] as const;
const CURRENT: Record<AppealDetail['status'], number> = {
  submitted: 1,
  accepted: 2,
  assigned: 3,
  handling: 3,
  answered: 5,
  closed: 7,
  rejected: 1,
  merged: 1,
};

/** The lifecycle 提交 → 受理 → 派单 → 办理 → 答复 → 评价 → 办结, with where this appeal stands. */
export function AppealSteps({ appeal }: { appeal: AppealDetail }) {
  const { t } = useI18n();
  const current = CURRENT[appeal.status];
  const stopped = appeal.status === 'rejected' || appeal.status === 'merged';
  const dates: Partial<Record<(typeof STEP_KEYS)[number], string | null>> = {
    file: appeal.filedOn,
    accept: appeal.acceptedOn,
    answer: appeal.answeredOn,
    close: appeal.closedOn,
  };
  return (
    <Steps
      size="small"
      current={Math.min(current, STEP_KEYS.length - 1)}
      status={stopped ? 'error' : current >= STEP_KEYS.length ? 'finish' : 'process'}
      items={STEP_KEYS.map((k, i) => ({
        title: stopped && i === 1 ? t(`appeal.status.${appeal.status}`) : t(`appeal.step.${k}`),
        description:
          i < current || (k === 'close' && appeal.closedOn)
            ? formatDate(dates[k] ?? null).replace('—', '')
            : undefined,
        status: current >= STEP_KEYS.length ? 'finish' : undefined,
      }))}
      style={{ marginBottom: 16 }}
      data-testid="appeal-steps"
    />
  );
}
