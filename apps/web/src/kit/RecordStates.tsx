import { Button, Card, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../app/api/client';
import { useI18n } from '../app/i18n/i18n-context';

/** What a failed load means to the user: 403 → 无权限, 404 → 不存在, anything else → 加载失败. */
export function errorKind(error: Pick<ApiError, 'status'>): 'forbidden' | 'notFound' | 'failed' {
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  return 'failed';
}

/**
 * A list or record that could not be loaded, said plainly: 无权限 after a 403, 不存在 after a 404
 * (never an empty 暂无数据 table), otherwise the error with a retry; plus the way back.
 */
export function LoadError({
  error,
  hint,
  onRetry,
  backTo,
  backLabel,
  testId = 'load-error',
}: {
  error: ApiError;
  /** Said under 不存在 (the record may have been deleted, or is outside the user's area). */
  hint?: ReactNode;
  onRetry?: () => void;
  backTo?: string;
  backLabel?: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const kind = errorKind(error);
  const title =
    kind === 'forbidden'
      ? t('kit.forbidden.title')
      : kind === 'notFound'
        ? t('kit.notFound.title')
        : t('kit.loadFailed.title');
  const sub =
    kind === 'forbidden'
      ? t('kit.forbidden.desc')
      : kind === 'notFound'
        ? (hint ?? t('kit.notFound.desc'))
        : t('kit.loadFailed.desc', { message: error.message });
  return (
    <Result
      status={kind === 'forbidden' ? '403' : kind === 'notFound' ? '404' : 'error'}
      title={title}
      subTitle={sub}
      data-testid={testId}
      data-kind={kind}
      extra={
        <Flex gap={8} justify="center" wrap>
          {kind === 'failed' && onRetry ? (
            <Button type="primary" onClick={onRetry}>
              {t('kit.retry')}
            </Button>
          ) : null}
          {backTo ? (
            <Link to={backTo}>
              <Button>{backLabel ?? t('kit.back')}</Button>
            </Link>
          ) : null}
        </Flex>
      }
    />
  );
}

/** A record page whose record could not be loaded: the error in a card. */
export function RecordLoadFailed(props: Parameters<typeof LoadError>[0]) {
  return (
    <Card>
      <LoadError {...props} />
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
