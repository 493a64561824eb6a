import type { ArrearFigures } from '@yingshang/contracts';
import { Card, Col, Row, Table } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import { formatWan } from '../../../kit';

/** The arrears summed by debtor and by region (counts, amounts and what is still owed, 万元). */
export function ArrearSums({ figures }: { figures: ArrearFigures }) {
  const { t } = useI18n();
  const money = (v: number) => formatWan(v, 2);
  const sums = [
    { key: 'count', title: t('arrear.count'), dataIndex: 'count', width: 70, align: 'right' as const },
    {
      key: 'amount',
      title: t('arrear.amount'),
      dataIndex: 'amountFen',
      width: 130,
      align: 'right' as const,
      render: money,
    },
    {
      key: 'outstanding',
      title: t('arrear.outstanding'),
      dataIndex: 'outstandingFen',
      width: 130,
      align: 'right' as const,
      render: money,
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('arrear.byDebtor')}>
          <Table
            size="small"
            rowKey="debtorName"
            pagination={false}
            dataSource={figures.byDebtor}
            columns={[{ key: 'debtor', title: t('arrear.debtor'), dataIndex: 'debtorName' }, ...sums]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('arrear.byRegion')}>
          <Table
            size="small"
            rowKey="regionId"
            pagination={false}
            dataSource={figures.byRegion}
            columns={[{ key: 'region', title: t('arrear.region'), dataIndex: 'regionName' }, ...sums]}
          />
        </Card>
      </Col>
    </Row>
  );
}
