import { Input } from 'antd';
import { useEffect, useState } from 'react';

/**
 * The free-text box of a filter bar: typed text applies on Enter or the search button, clearing it
 * applies at once, and the box follows the URL's value (back, reset). Named by its placeholder.
 */
export function SearchFilter({
  value,
  onSearch,
  placeholder,
  width = 220,
  testId,
}: {
  value: string;
  onSearch: (q: string) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <Input.Search
      allowClear
      style={{ width, maxWidth: '100%' }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!e.target.value && value) onSearch('');
      }}
      onSearch={(q) => onSearch(q.trim())}
      data-testid={testId}
    />
  );
}
