import { CustomerServiceOutlined, GiftOutlined, ReadOutlined } from '@ant-design/icons';
import type { AppealSummary, IncentiveApplicationSummary } from '@yingshang/contracts';
import { Button, Col, Flex, Row } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FollowEmpty } from './FollowEmpty';
import { FollowList } from './FollowList';
import { QueueGrid } from './QueueGrid';
import { WelcomeCard } from './WelcomeCard';

const APPEAL_COLOR: Record<AppealSummary['status'], string> = {
  submitted: 'gold',
  accepted: 'gold',
  assigned: 'blue',
  handling: 'blue',
  answered: 'orange',
  closed: 'green',
  rejected: 'default',
  merged: 'default',
};

const APPLICATION_COLOR: Record<IncentiveApplicationSummary['status'], string> = {
  county_review: 'blue',
  city_review: 'blue',
  province_review: 'blue',
  returned: 'orange',
  approved: 'cyan',
  partly_paid: 'cyan',
  paid: 'green',
  rejected: 'default',
};

/**
 * An enterprise's home: what it can file (诉求) and apply for (奖补), and how its open appeals and its
 * applications stand — not the staff's review chain.
 */
export function EnterpriseHome() {
  const { t, formatNumber } = useI18n();
  const { can } = useAuth();
  const actions = (
    <>
      {can('appeals.file') ? (
        <Link to="/appeals/new" data-testid="home-file-appeal">
          <Button type="primary" icon={<CustomerServiceOutlined />}>
            {t('home.ent.fileAppeal')}
          </Button>
        </Link>
      ) : null}
      {can('incentives.apply') ? (
        <Link to="/incentives/apply" data-testid="home-apply">
          <Button type="primary" ghost icon={<GiftOutlined />}>
            {t('home.ent.apply')}
          </Button>
        </Link>
      ) : null}
      {can('incentives.read') ? (
        <Link to="/incentives/catalogue">
          <Button icon={<ReadOutlined />}>{t('home.ent.catalogue')}</Button>
        </Link>
      ) : null}
    </>
  );
  return (
    <Flex vertical gap={16}>
      <WelcomeCard intro={t('home.ent.intro')} actions={actions} />
      <QueueGrid />
      <Row gutter={[16, 16]}>
        {can('appeals.read') ? (
          <Col xs={24} lg={12}>
            <FollowList<AppealSummary>
              title={t('home.ent.appealsTitle')}
              testId="home-follow-appeals"
              endpoint="/appeals"
              query={{ open: 'true', sort: 'updated' }}
              listPath="/appeals"
              detailPath="/appeals"
              toRow={(a) => ({
                id: a.id,
                code: a.code,
                title: a.title,
                status: a.status,
                statusLabel: t(`appeal.status.${a.status}`),
                statusColor: APPEAL_COLOR[a.status],
                meta: a.dueOn
                  ? t('home.ent.appealMetaDue', { filed: a.filedOn, due: a.dueOn })
                  : t('home.ent.appealMeta', { filed: a.filedOn }),
              })}
              empty={
                <FollowEmpty
                  text={t('home.ent.appealsEmpty')}
                  action={
                    can('appeals.file') ? { label: t('home.ent.fileAppeal'), to: '/appeals/new' } : undefined
                  }
                />
              }
            />
          </Col>
        ) : null}
        {can('incentives.read') ? (
          <Col xs={24} lg={12}>
            <FollowList<IncentiveApplicationSummary>
              title={t('home.ent.applicationsTitle')}
              testId="home-follow-applications"
              endpoint="/incentives/applications"
              query={{}}
              listPath="/incentives"
              detailPath="/incentives"
              toRow={(a) => ({
                id: a.id,
                code: a.code,
                title: t(`inc.kind.${a.kind}`),
                status: a.status,
                statusLabel: t(`inc.status.${a.status}`),
                statusColor: APPLICATION_COLOR[a.status],
                meta: t('home.ent.applicationMeta', {
                  on: a.submittedOn,
                  wan: formatNumber((a.approvedFen ?? a.provisionalFen) / 1_000_000, 2),
                }),
              })}
              empty={
                <FollowEmpty
                  text={t('home.ent.applicationsEmpty')}
                  action={
                    can('incentives.apply')
                      ? { label: t('home.ent.apply'), to: '/incentives/apply' }
                      : undefined
                  }
                />
              }
            />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}
