import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { Kpi, type KpiProps } from './Kpi';
import './kit.css';

export interface KpiSpec extends KpiProps {
  key: string;
}

/**
 * A responsive grid of statistic cards: one column on a phone, two on a tablet, up to `columns`
 * wide; `dense` puts two on a phone and three on a tablet (a dashboard of short figures). `extra`
 * is one more cell of the same size (a card of its own kind).
 */
export function KpiGrid({
  items,
  columns = 4,
  dense = false,
  extra,
  testId,
}: {
  items: KpiSpec[];
  columns?: 2 | 3 | 4 | 6;
  dense?: boolean;
  extra?: ReactNode;
  testId?: string;
}) {
  const span = dense ? { xs: 12, md: 8, xl: 24 / columns } : { xs: 24, sm: 12, xl: 24 / columns };
  return (
    <Row gutter={[12, 12]} className="kit-kpi-grid" data-testid={testId}>
      {items.map(({ key, ...k }) => (
        <Col key={key} {...span}>
          <Kpi {...k} />
        </Col>
      ))}
      {extra ? <Col {...span}>{extra}</Col> : null}
    </Row>
  );
}
