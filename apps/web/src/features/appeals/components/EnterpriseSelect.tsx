import { Select, type SelectProps } from 'antd';
import { orgApi, useRemoteSearch } from '../../../kit';

/** An enterprise (or several, `mode="multiple"`) found by name, code or pinyin as the user types. */
export function EnterpriseSelect(props: Omit<SelectProps<string | string[]>, 'options' | 'onSearch'>) {
  const enterprises = useRemoteSearch((q) =>
    orgApi.list({ kind: 'enterprise', q: q || undefined, pageSize: 50 }).then((p) => p.items),
  );
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={enterprises.onSearch}
      onOpenChange={enterprises.onOpenChange}
      loading={enterprises.loading}
      options={enterprises.items.map((e) => ({ value: e.id, label: e.name }))}
      {...props}
    />
  );
}
