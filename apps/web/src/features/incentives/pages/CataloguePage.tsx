import { UploadOutlined } from '@ant-design/icons';
import { TRANSFER_TRAITS } from '@yingshang/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useRequest } from '../../../app/api/use-request';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { incentivesApi } from '../api';
import { IncNav } from '../components/IncNav';

type Matching = Awaited<ReturnType<typeof incentivesApi.matching>>;

/** The encouraged-industries catalogue by edition (Excel import) and industry-transfer matching. */
export function CataloguePage() {
  const { t, tMaybe } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useRequest(() => incentivesApi.catalogue({ q, page, pageSize: 20 }), [q, page]);
  const [importErrors, setImportErrors] = useState<{ row: number; message: string }[]>([]);
  const [match, setMatch] = useState<Matching | null>(null);

  async function upload(file: File) {
    try {
      const r = await incentivesApi.importCatalogue(file);
      setImportErrors(r.errors);
      if (r.errors.length === 0) {
        message.success(t('inc.cat.imported', { created: r.created, updated: r.updated }));
        await list.reload();
      }
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  }

  async function runMatch(v: { industryCode?: string; traits?: string[] }) {
    try {
      setMatch(
        await incentivesApi.matching({ industryCode: v.industryCode || undefined, traits: v.traits ?? [] }),
      );
    } catch (e) {
      if (e instanceof ApiError) message.error(e.message);
    }
  }

  const reason = (r: string) =>
    r.startsWith('trait:') ? tMaybe(`inc.trait.${r.slice(6)}`, r) : tMaybe(`inc.match.reason.${r}`, r);

  return (
    <>
      <IncNav />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t('inc.tab.catalogue')}
            extra={
              can('catalogue.manage') && (
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(f) => {
                    void upload(f);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('inc.cat.import')}</Button>
                </Upload>
              )
            }
          >
            {can('catalogue.manage') && (
              <Alert type="info" title={t('inc.cat.importHint')} style={{ marginBottom: 12 }} />
            )}
            {importErrors.length > 0 && (
              <Alert
                type="error"
                title={t('inc.cat.importErrors')}
                description={importErrors.map((e) => `#${e.row}: ${e.message}`).join('\n')}
                style={{ marginBottom: 12, whiteSpace: 'pre-line' }}
              />
            )}
            <Input.Search
              allowClear
              placeholder={t('inc.cat.search')}
              aria-label={t('inc.cat.search')}
              style={{ width: 260, maxWidth: '100%', marginBottom: 12 }}
              onSearch={(v) => setQ(v || undefined)}
            />
            <Table
              size="small"
              rowKey="id"
              loading={list.loading}
              dataSource={list.data?.items}
              pagination={{ current: page, total: list.data?.total, onChange: setPage }}
              expandable={{
                expandedRowRender: (r) => <Typography.Text type="secondary">{r.source}</Typography.Text>,
              }}
              columns={[
                { title: t('inc.cat.version'), dataIndex: 'version', width: 70 },
                {
                  title: t('inc.cat.part'),
                  dataIndex: 'part',
                  width: 200,
                  render: (v: 'national') => t(`inc.cat.part.${v}`),
                },
                { title: t('inc.cat.seq'), dataIndex: 'seq', width: 60, render: (v) => v ?? '—' },
                { title: t('inc.cat.name'), dataIndex: 'name' },
                {
                  title: t('inc.cat.manufacturing'),
                  dataIndex: 'manufacturing',
                  width: 90,
                  render: (v: boolean) => (
                    <Tag color={v ? 'blue' : 'default'}>{t(v ? 'inc.yes' : 'inc.no')}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('inc.match.title')}>
            <Form layout="vertical" onFinish={runMatch}>
              <Form.Item
                name="industryCode"
                label={t('inc.match.industry')}
                rules={[{ pattern: /^[A-T]?\d{0,4}$/ }]}
              >
                <Input placeholder="3216" />
              </Form.Item>
              <Form.Item name="traits" label={t('inc.match.traits')}>
                <Select
                  mode="multiple"
                  options={TRANSFER_TRAITS.map((k) => ({ value: k, label: t(`inc.trait.${k}`) }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('inc.match.run')}
              </Button>
            </Form>
            {match && (
              <Table
                size="small"
                style={{ marginTop: 12 }}
                rowKey="regionId"
                pagination={false}
                dataSource={match.ranking.filter((r) => r.score > 0)}
                columns={[
                  { title: t('inc.fig.region'), dataIndex: 'regionName', width: 180 },
                  { title: t('inc.match.score'), dataIndex: 'score', width: 70, align: 'right' },
                  {
                    title: t('inc.match.reasons'),
                    dataIndex: 'reasons',
                    render: (v: string[]) => (
                      <Flex wrap gap={4}>
                        {v.map((r) => (
                          <Tag key={r}>{reason(r)}</Tag>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
