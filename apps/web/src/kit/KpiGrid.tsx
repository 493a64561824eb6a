import { Col, Row } from 'antd';
import { Kpi, type KpiProps } from './Kpi';
import './kit.css';

export interface KpiSpec extends KpiProps {
  key: string;
}

/** A responsive grid of statistic cards: one column on a phone, two on a tablet, up to four wide. */
export function KpiGrid({ items, columns = 4 }: { items: KpiSpec[]; columns?: 2 | 3 | 4 | 6 }) {
  const xl = 24 / columns;
  return (
    <Row gutter={[12, 12]} className="kit-kpi-grid">
      {items.map(({ key, ...k }) => (
        <Col key={key} xs={24} sm={12} xl={xl}>
          <Kpi {...k} />
        </Col>
      ))}
    </Row>
  );
}
