import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AppealDetail } from '@yingshang/contracts';
import { Alert, Button, Card, Descriptions, Flex, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FilesPanel, formatDate } from '../../../kit';
import { appealApi } from '../api';
import { AppealActions } from '../components/AppealActions';
import { AppealStatusTag } from '../components/AppealStatusTag';
import { AppealSteps } from '../components/AppealSteps';
import { AppealTimeline } from '../components/AppealTimeline';
import { SlaBadge } from '../components/SlaBadge';
import { useCategories } from '../hooks/use-categories';
import { RATING_COLORS } from '../model';

/** One appeal: header with status, deadline and the steps this user may take; facts; the timeline. */
export function AppealDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { nameOf } = useCategories();
  const req = useRequest(() => appealApi.get(id), [id]);
  const a = req.data;

  if (req.error && !a)
    return (
      <Card>
        <Result
          status={req.error.status === 404 ? '404' : 'error'}
          title={req.error.status === 404 ? t('appeal.detail.notFound') : req.error.message}
          extra={<Button onClick={() => navigate('/appeals')}>{t('appeal.tab.queue')}</Button>}
        />
      </Card>
    );
  if (!a) return <Spin style={{ display: 'block', margin: 48 }} />;

  const due = (label: string, day: string | null) => ({ label, children: formatDate(day) });
  const set = (next: AppealDetail) => req.setData(next);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Flex gap={8} align="center" wrap>
            <Link to="/appeals" aria-label={t('appeal.tab.queue')}>
              <ArrowLeftOutlined />
            </Link>
            <span data-testid="appeal-title">{a.title}</span>
            <AppealStatusTag status={a.status} testId="appeal-status" />
            {a.express ? <Tag color="magenta">{t('appeal.channel.express')}</Tag> : null}
            {a.escalationLevel > 0 ? (
              <Tag color="volcano">{t('appeal.escalated', { unit: a.supervisingUnitName ?? '' })}</Tag>
            ) : null}
            {a.reopenCount > 0 ? (
              <Tag color="purple">{t('appeal.reopened', { n: a.reopenCount })}</Tag>
            ) : null}
          </Flex>
        }
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => req.reload()} aria-label={t('common.refresh')} />
        }
      >
        <Flex justify="space-between" align="flex-start" wrap gap={12} style={{ marginBottom: 12 }}>
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary" className="num-cell">
              {a.code}
            </Typography.Text>
            {a.dueOn ? (
              <Space size={6}>
                <Typography.Text>{a.dueStage ? t(`appeal.dueStage.${a.dueStage}`) : ''}</Typography.Text>
                <SlaBadge appeal={a} testId="appeal-sla" />
              </Space>
            ) : null}
          </Space>
          <AppealActions appeal={a} onDone={set} />
        </Flex>
        {a.dueUnscheduled && a.dueOn ? (
          <Alert
            type="warning"
            showIcon
            message={t('appeal.unscheduled')}
            style={{ marginBottom: 12 }}
            data-testid="appeal-unscheduled"
          />
        ) : null}
        {a.openQuestion && a.actions.includes('reply') ? (
          <Alert
            type="info"
            showIcon
            message={t('appeal.detail.openQuestion')}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {a.possibleDuplicateOf ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <Link to={`/appeals/${a.possibleDuplicateOf.id}`}>
                {t('appeal.detail.duplicate', {
                  code: a.possibleDuplicateOf.code,
                  title: a.possibleDuplicateOf.title,
                })}
              </Link>
            }
            data-testid="appeal-duplicate"
          />
        ) : null}
        {a.mergedInto ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              <Link to={`/appeals/${a.mergedInto.id}`}>
                {t('appeal.detail.mergedInto', { code: a.mergedInto.code, title: a.mergedInto.title })}
              </Link>
            }
          />
        ) : null}
        <AppealSteps appeal={a} />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'info',
              label: t('appeal.detail.info'),
              children: (
                <Space direction="vertical" size={16} style={{ width: '100%' }}>
                  {a.anonymous && a.enterpriseName === null ? (
                    <Alert type="info" showIcon message={t('appeal.detail.anonymousHidden')} />
                  ) : null}
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 2, xl: 3 }}
                    styles={{ label: { whiteSpace: 'nowrap' } }}
                    data-testid="appeal-facts"
                    items={[
                      {
                        label: t('appeal.detail.enterprise'),
                        children: a.enterpriseName ?? t('appeal.anonymous'),
                      },
                      { label: t('appeal.detail.contact'), children: a.contactName ?? '—' },
                      { label: t('appeal.detail.phone'), children: a.contactPhone ?? '—' },
                      { label: t('appeal.detail.category'), children: nameOf(a.category) },
                      { label: t('appeal.detail.channel'), children: t(`appeal.channel.${a.channel}`) },
                      { label: t('appeal.detail.urgency'), children: t(`appeal.urgency.${a.urgency}`) },
                      { label: t('appeal.detail.region'), children: a.regionName },
                      { label: t('appeal.detail.department'), children: a.departmentName ?? '—' },
                      {
                        label: t('appeal.detail.supervising'),
                        children: a.supervisingUnitName ?? a.regionName,
                      },
                      { label: t('appeal.detail.filedOn'), children: formatDate(a.filedOn) },
                      due(t('appeal.detail.acceptDue'), a.acceptDueOn),
                      due(t('appeal.detail.signDue'), a.signDueOn),
                      due(t('appeal.detail.answerDue'), a.answerDueOn),
                      {
                        label: t('appeal.detail.slaRule'),
                        children: t('appeal.detail.slaRuleValue', {
                          accept: a.slaRule.acceptDays,
                          sign: a.slaRule.signDays,
                          answer: a.slaRule.answerDays,
                        }),
                      },
                      ...(a.projectName
                        ? [
                            {
                              label: t('appeal.detail.project'),
                              children: <Link to={`/projects/${a.projectId}`}>{a.projectName}</Link>,
                            },
                          ]
                        : []),
                      ...(a.meetingTitle
                        ? [
                            {
                              label: t('appeal.detail.meeting'),
                              children: <Link to={`/appeals/meetings/${a.meetingId}`}>{a.meetingTitle}</Link>,
                            },
                          ]
                        : []),
                    ]}
                  />
                  <Descriptions
                    bordered
                    size="small"
                    column={1}
                    styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
                    items={[
                      {
                        label: t('appeal.detail.description'),
                        children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>,
                      },
                      ...(a.answer
                        ? [
                            {
                              label: t('appeal.detail.answer'),
                              children: (
                                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-answer">
                                  {a.answer}
                                </span>
                              ),
                            },
                          ]
                        : []),
                      ...(a.rating
                        ? [
                            {
                              label: t('appeal.detail.rating'),
                              children: (
                                <Space>
                                  <Tag color={RATING_COLORS[a.rating]} data-testid="appeal-rating">
                                    {t(`appeal.rating.${a.rating}`)}
                                  </Tag>
                                  {a.ratedVia === 'callback' ? t('appeal.detail.viaCallback') : null}
                                  {a.ratingComment}
                                </Space>
                              ),
                            },
                          ]
                        : []),
                      ...(a.rejectReason
                        ? [
                            {
                              label: t('appeal.detail.rejectReason'),
                              children: a.rejectReason,
                            },
                          ]
                        : []),
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'timeline',
              label: t('appeal.detail.timeline'),
              children: <AppealTimeline events={a.events} />,
            },
            {
              key: 'files',
              label: t('appeal.files.tab'),
              children: (
                <FilesPanel
                  list={() => appealApi.attachments(a.id)}
                  upload={
                    ['submitted', 'accepted', 'assigned', 'handling', 'answered'].includes(a.status) &&
                    (can('appeals.manage') || can('appeals.handle') || can('appeals.file'))
                      ? (file) => appealApi.upload(a.id, file)
                      : undefined
                  }
                  download={(fileId) => appealApi.download(a.id, fileId)}
                  emptyText={t('appeal.files.empty')}
                  testId="appeal-files"
                  uploadTestId="appeal-upload"
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
