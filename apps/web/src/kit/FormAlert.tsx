import { Alert, App, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n/i18n-context';
import { type FormAlertState, formNoticeOf, reloadAfterConflict } from './form-alert';

interface Props {
  /** The form's state (useApiForm). */
  state: FormAlertState;
  /** Fetches the record again and resets the form with it; offered as 重新加载 after a 409. */
  onReload?: () => unknown;
  testIds?: { error?: string; conflict?: string; reload?: string };
}

/**
 * What a form shows above its fields after a save failed: the API's sentence for a refusal, or —
 * when someone saved the record first (409) — a warning with 重新加载, which refetches the record,
 * resets the form and says so. Scrolled into view when it appears (a page or a long modal).
 */
export function FormAlert({ state, onReload, testIds = {} }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [reloading, setReloading] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const notice = formNoticeOf(state);
  const kind = notice?.kind;
  useEffect(() => {
    if (kind) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [kind]);

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    const outcome = await reloadAfterConflict(onReload, state);
    setReloading(false);
    if (outcome.ok) message.info(t('kit.conflict.reloaded'));
    else message.error(t('kit.conflict.reloadFailed', { message: outcome.message }));
  };

  if (!notice) return null;
  return (
    <div ref={ref} style={{ marginBottom: 16, scrollMarginTop: 72 }}>
      {notice.kind === 'conflict' ? (
        <Alert
          type="warning"
          showIcon
          title={t('kit.conflict.title')}
          description={t('kit.conflict.desc')}
          data-testid={testIds.conflict ?? 'form-conflict'}
          action={
            onReload ? (
              <Button
                size="small"
                type="primary"
                loading={reloading}
                onClick={() => void reload()}
                data-testid={testIds.reload ?? 'form-reload'}
              >
                {t('kit.conflict.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : (
        <Alert
          type="error"
          showIcon
          title={notice.text}
          data-testid={testIds.error ?? 'form-error'}
          closable={{ onClose: state.clearError }}
        />
      )}
    </div>
  );
}
