import { Button, Card, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';

/** A record that could not be loaded: not found, not yours, or an error, with the way back. */
export function LoadFailed({
  error,
  hint,
  backTo,
  backLabel,
  primary = false,
}: {
  error: ApiError;
  /** Shown under a 404. */
  hint?: ReactNode;
  backTo: string;
  backLabel: string;
  primary?: boolean;
}) {
  return (
    <Card>
      <Result
        status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
        title={error.message}
        subTitle={error.status === 404 ? hint : undefined}
        extra={
          <Link to={backTo}>
            <Button type={primary ? 'primary' : 'default'}>{backLabel}</Button>
          </Link>
        }
      />
    </Card>
  );
}

/** A record still loading. */
export function Loading() {
  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Spin />
    </Flex>
  );
}
