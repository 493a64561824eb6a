import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import type { ApiFormState } from './use-api-form';
import './kit.css';

interface Props {
  title: ReactNode;
  backTo: string;
  backLabel?: string;
  /** The form's state (useApiForm): the refusal above the form, the 409 reload offer, saving. */
  state: Pick<ApiFormState, 'onSubmit' | 'saving' | 'error' | 'clearError' | 'conflict' | 'clearConflict'>;
  /** Loads the record again after a 409 (the form is then filled with the latest version). */
  onReload?: () => void | Promise<void>;
  submitLabel?: ReactNode;
  onCancel: () => void;
  /** Other buttons in the action bar. */
  extraActions?: ReactNode;
  children: ReactNode;
  testIds?: { submit?: string; error?: string; conflict?: string };
}

/**
 * A form page: back link and title, the form in a Card, the API's refusal above it (scrolled into
 * view), the offer to reload when someone else saved the record first (409), and an action bar that
 * stays at the bottom of the screen (保存 / 取消) — at 390 px too.
 */
export function FormPageShell({
  title,
  backTo,
  backLabel,
  state,
  onReload,
  submitLabel,
  onCancel,
  extraActions,
  children,
  testIds = {},
}: Props) {
  const { t } = useI18n();
  const topRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.error || state.conflict)
      topRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [state.error, state.conflict]);

  return (
    <Card
      className="kit-form"
      title={
        <Flex gap={8} align="center" style={{ minWidth: 0 }}>
          <Link to={backTo} aria-label={backLabel ?? t('kit.back')}>
            <ArrowLeftOutlined />
          </Link>
          <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
            {title}
          </Typography.Text>
        </Flex>
      }
    >
      <div ref={topRef} />
      {state.conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('kit.conflict.title')}
          description={t('kit.conflict.desc')}
          style={{ marginBottom: 16 }}
          data-testid={testIds.conflict ?? 'form-conflict'}
          action={
            onReload ? (
              <Button
                size="small"
                type="primary"
                onClick={async () => {
                  await onReload();
                  state.clearConflict();
                }}
              >
                {t('kit.conflict.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      {state.error ? (
        <Alert
          type="error"
          showIcon
          title={state.error}
          style={{ marginBottom: 16 }}
          data-testid={testIds.error ?? 'form-error'}
          closable={{ onClose: state.clearError }}
        />
      ) : null}
      {children}
      <Flex gap={8} wrap className="kit-form-actions">
        <Button
          type="primary"
          loading={state.saving}
          onClick={() => void state.onSubmit()}
          data-testid={testIds.submit}
        >
          {submitLabel ?? t('kit.save')}
        </Button>
        <Button onClick={onCancel}>{t('kit.cancel')}</Button>
        {extraActions}
      </Flex>
    </Card>
  );
}
