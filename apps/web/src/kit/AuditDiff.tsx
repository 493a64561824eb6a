import type { AuditEntry } from '@yingshang/contracts';
import { Col, Flex, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../app/i18n/i18n-context';
import { changedKeys, jsonLines } from './audit-diff';

function Pane({
  title,
  value,
  changed,
  testId,
}: {
  title: string;
  value: unknown;
  changed: Set<string>;
  testId: string;
}) {
  const { t } = useI18n();
  const lines = useMemo(() => (value == null ? null : jsonLines(value, changed)), [value, changed]);
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="audit-json" data-testid={testId}>
        {lines === null ? (
          <span className="line" style={{ color: 'rgba(0,0,0,0.45)' }}>
            {t('audit.none')}
          </span>
        ) : (
          lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
            <span key={i} className={l.changed ? 'line changed' : 'line'}>
              {l.text}
            </span>
          ))
        )}
      </pre>
    </Flex>
  );
}

/** Before and after side by side; changed keys highlighted on both sides. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const changed = useMemo(() => changedKeys(entry.before, entry.after), [entry.before, entry.after]);
  return (
    <Flex vertical gap={8} style={{ padding: '4px 8px' }}>
      <Flex gap={24} wrap>
        <Typography.Text type="secondary">{t('audit.changedHint')}</Typography.Text>
        {entry.ip ? (
          <Typography.Text type="secondary">
            {t('audit.ip')}: {entry.ip}
          </Typography.Text>
        ) : null}
        {entry.requestId ? (
          <Typography.Text type="secondary">
            {t('audit.requestId')}: {entry.requestId}
          </Typography.Text>
        ) : null}
      </Flex>
      <Row gutter={16}>
        <Col span={12}>
          <Pane title={t('audit.before')} value={entry.before} changed={changed} testId="audit-before" />
        </Col>
        <Col span={12}>
          <Pane title={t('audit.after')} value={entry.after} changed={changed} testId="audit-after" />
        </Col>
      </Row>
    </Flex>
  );
}
