import type { ProjectDetail, Stage } from '@yingshang/contracts';
import { Empty, Flex, Steps, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatDateTime, StageTag } from '../../../kit';
import { STAGES, type StageEvent } from '../model';

/** The day each pipeline stage was reached (latest advance into it; the lead date for 线索). */
function reachedOn(p: ProjectDetail): Partial<Record<Stage, string>> {
  const out: Partial<Record<Stage, string>> = {};
  for (const e of p.events) {
    if ((e.action === 'advance' || e.action === 'correct') && e.toStatus !== 'terminated') {
      out[e.toStatus] = e.date;
    }
  }
  out.signed ??= p.signedOn ?? undefined;
  out.started ??= p.startedOn ?? undefined;
  out.producing ??= p.producingOn ?? undefined;
  out.lead ??= p.leadOn;
  return out;
}

/** 线索 → 在谈 → 签约 → 开工 → 投产 as Steps: the current stage, the dates reached, 终止 in red. */
export function StageSteps({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const dates = reachedOn(project);
  const terminatedFrom = [...project.events].reverse().find((e) => e.action === 'terminate')?.fromStatus;
  const currentStage = (project.status === 'terminated' ? terminatedFrom : project.status) as
    | Stage
    | undefined;
  const current = Math.max(0, currentStage ? STAGES.indexOf(currentStage) : 0);
  return (
    <Steps
      size="small"
      current={current}
      status={project.status === 'terminated' ? 'error' : project.paused ? 'wait' : 'process'}
      data-testid="project-steps"
      items={STAGES.map((s, i) => ({
        title: t(`project.status.${s}`),
        content: i <= current && dates[s] ? <span className="num-cell">{dates[s]}</span> : undefined,
        status:
          project.status === 'terminated' && i === current
            ? 'error'
            : i < current || (i === current && project.status === 'producing')
              ? 'finish'
              : undefined,
      }))}
    />
  );
}

/** Every stage event, newest first: date, what happened, who, evidence and reason. */
export function StageTimeline({ events }: { events: StageEvent[] }) {
  const { t } = useI18n();
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stage.noEvents')} />;
  const ordered = [...events].sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  );
  const color = (e: StageEvent) =>
    e.action === 'terminate'
      ? 'red'
      : e.action === 'pause'
        ? 'gray'
        : e.action === 'correct'
          ? 'orange'
          : 'blue';
  return (
    <Timeline
      data-testid="stage-timeline"
      items={ordered.map((e) => ({
        key: e.id,
        color: color(e),
        title: undefined,
        content: (
          <Flex vertical gap={2}>
            <Flex gap={6} align="center" wrap>
              <Typography.Text strong className="num-cell">
                {e.date}
              </Typography.Text>
              <Typography.Text>{t(`stage.event.${e.action}`)}</Typography.Text>
              {e.fromStatus !== e.toStatus ? (
                <>
                  <StageTag status={e.fromStatus} />
                  <span>→</span>
                  <StageTag status={e.toStatus} />
                </>
              ) : null}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('stage.by', { name: e.actorName })}
              {e.backdated ? (
                <Tag color="gold" style={{ marginInlineStart: 8 }} data-testid="stage-backdated">
                  {t('stage.backdated', { at: formatDateTime(e.createdAt) })}
                </Tag>
              ) : null}
            </Typography.Text>
            {e.evidence ? (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('stage.evidenceLine', { text: e.evidence })}
              </Typography.Text>
            ) : null}
            {e.reason ? (
              <Typography.Text style={{ fontSize: 13 }}>
                {t('stage.reasonLine', { text: e.reason })}
              </Typography.Text>
            ) : null}
          </Flex>
        ),
      }))}
    />
  );
}
