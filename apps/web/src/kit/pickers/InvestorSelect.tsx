import { PlusOutlined } from '@ant-design/icons';
import type { Investor } from '@yingshang/contracts';
import { Button, Flex, Select, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n-context';
import { investorApi } from '../api';
import { investorCode } from '../format';
import { useRemoteSearch } from '../use-remote-search';
import { InvestorFormModal } from './InvestorFormModal';

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** Investors already attached (an edited project), so their names show at once. */
  known?: readonly Investor[];
  max?: number;
  canCreate?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Several investors, searched on the server by name, credit code or pinyin initials; plus 新增投资方. */
export function InvestorSelect({ value, onChange, known, max = 10, canCreate = true, id, ...rest }: Props) {
  const { t } = useI18n();
  const byId = useRef(new Map<string, Investor>());
  const [creating, setCreating] = useState(false);
  const remote = useRemoteSearch<Investor>((q) =>
    investorApi.list({ q: q || undefined, page: 1, pageSize: 20 }).then((p) => p.items),
  );
  for (const i of known ?? []) if (!byId.current.has(i.id)) byId.current.set(i.id, i);
  for (const i of remote.items) byId.current.set(i.id, i);

  const ids = value ?? [];
  const option = (i: Investor) => ({
    value: i.id,
    label: i.name,
    title: i.name,
    investor: i,
  });
  const shown = new Map<string, Investor>();
  for (const v of ids) {
    const i = byId.current.get(v);
    if (i) shown.set(v, i);
  }
  for (const i of remote.items) shown.set(i.id, i);

  const add = (inv: Investor) => {
    byId.current.set(inv.id, inv);
    if (!ids.includes(inv.id)) onChange?.([...ids, inv.id]);
  };

  return (
    <Flex gap={8}>
      <Select<string[]>
        id={id}
        data-testid={rest['data-testid']}
        mode="multiple"
        style={{ flex: 1, minWidth: 0 }}
        value={ids}
        maxCount={max}
        onChange={(v) => {
          remote.onSearch('');
          onChange?.(v);
        }}
        onOpenChange={remote.onOpenChange}
        showSearch={{ filterOption: false, onSearch: remote.onSearch, searchValue: remote.search }}
        placeholder={t('project.investors.placeholder')}
        // named by its placeholder where no labelled Form.Item names it (a filter bar)
        aria-label={id ? undefined : t('project.investors.placeholder')}
        notFoundContent={remote.loading ? <Spin size="small" /> : t('project.investors.noMatch')}
        options={[...shown.values()].map(option)}
        optionRender={(o) => {
          const inv = (o.data as { investor: Investor }).investor;
          const code = investorCode(inv);
          return (
            <Flex vertical>
              <span>{inv.name}</span>
              {code ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {code} · {t(`project.origin.${inv.originGroup}`)}
                </Typography.Text>
              ) : null}
            </Flex>
          );
        }}
      />
      {canCreate ? (
        <Button icon={<PlusOutlined />} data-testid="investor-new" onClick={() => setCreating(true)}>
          {t('investor.new')}
        </Button>
      ) : null}
      <InvestorFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onPicked={(inv) => {
          add(inv);
          remote.reload();
        }}
      />
    </Flex>
  );
}
