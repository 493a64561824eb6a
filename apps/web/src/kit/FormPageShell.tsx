import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import { FormAlert } from './FormAlert';
import type { ApiFormState } from './use-api-form';
import './kit.css';

interface Props {
  title: ReactNode;
  backTo: string;
  backLabel?: string;
  /** The form's state (useApiForm): the refusal above the form, the 409 reload offer, saving. */
  state: Pick<ApiFormState, 'onSubmit' | 'saving' | 'error' | 'clearError' | 'conflict' | 'clearConflict'>;
  /** Loads the record again after a 409 and fills the form with it (FormAlert says it is reloaded). */
  onReload?: () => unknown;
  submitLabel?: ReactNode;
  /** 保存 cannot be pressed yet (a step before it, such as 测算, has not been done). */
  submitDisabled?: boolean;
  onCancel: () => void;
  /** Other buttons in the action bar, before 保存 (a step that comes first, such as 测算). */
  extraActions?: ReactNode;
  children: ReactNode;
  testIds?: { submit?: string; error?: string; conflict?: string; reload?: string };
}

/**
 * A form page: back link and title, the form in a Card, above it the FormAlert (the API's refusal,
 * or the offer to reload when someone else saved the record first — 409), and an action bar that
 * stays at the bottom of the screen (保存 / 取消) — at 390 px too.
 */
export function FormPageShell({
  title,
  backTo,
  backLabel,
  state,
  onReload,
  submitLabel,
  submitDisabled,
  onCancel,
  extraActions,
  children,
  testIds = {},
}: Props) {
  const { t } = useI18n();
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
      <FormAlert state={state} onReload={onReload} testIds={testIds} />
      {children}
      <Flex gap={8} wrap className="kit-form-actions">
        {extraActions}
        <Button
          type="primary"
          disabled={submitDisabled}
          loading={state.saving}
          onClick={() => void state.onSubmit()}
          data-testid={testIds.submit}
        >
          {submitLabel ?? t('kit.save')}
        </Button>
        <Button onClick={onCancel}>{t('kit.cancel')}</Button>
      </Flex>
    </Card>
  );
}
