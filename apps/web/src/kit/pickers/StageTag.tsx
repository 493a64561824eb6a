import type { ProjectStatus, ProjectSummary } from '@yingshang/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import { useI18n } from '../../app/i18n/i18n-context';
import { STATUS_COLORS } from './stage-colors';

/** The stage (or 已终止) as colour plus words. */
export function StageTag({ status, testId }: { status: ProjectStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {t(`project.status.${status}`)}
    </Tag>
  );
}

/** 已暂停 / 受阻 / 停滞 markers, each with a tooltip saying what it means. */
export function ProjectFlags({
  project,
  testId,
}: {
  project: Pick<ProjectSummary, 'paused' | 'blocked' | 'stalled'>;
  testId?: string;
}) {
  const { t } = useI18n();
  if (!project.paused && !project.blocked && !project.stalled) return null;
  return (
    <Flex gap={4} wrap component="span" data-testid={testId}>
      {project.paused ? (
        <Tooltip title={t('project.flag.pausedHint')}>
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('project.flag.paused')}
          </Tag>
        </Tooltip>
      ) : null}
      {project.blocked ? (
        <Tooltip title={t('project.flag.blockedHint')}>
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            {t('project.flag.blocked')}
          </Tag>
        </Tooltip>
      ) : null}
      {project.stalled ? (
        <Tooltip title={t('project.flag.stalledHint')}>
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('project.flag.stalled')}
          </Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
