import type { ProjectDetail, Stage } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import type { MessageKey } from '../../../app/i18n/messages';
import { applyFormErrors, OccurredOnPicker, StageTag, useOccurredRange } from '../../../kit';
import { projectApi } from '../api';
import {
  beijingToday,
  correctionTargets,
  EVIDENCE_LABEL,
  lastEventDay,
  nextStage,
  REASON_REQUIRED,
  type StageAction,
} from '../model';

interface Values {
  to?: Stage;
  date?: Dayjs;
  evidence?: string;
  reason?: string;
}

interface Props {
  project: ProjectDetail;
  action: StageAction | null;
  onClose: () => void;
  onDone: (p: ProjectDetail) => void;
  /** The project changed under us (409): reload it. */
  onStale: () => void;
}

/**
 * One stage change: 推进 (to the next stage only), 暂停 / 恢复, 终止 (confirmed first), 阶段更正
 * (backwards, projects.correct). Dates: not in the future, not before the last event.
 * The server's refusal is shown as it says it.
 */
export function StageDialog({ project, action, onClose, onDone, onStale }: Props) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosenTo = Form.useWatch('to', form);

  const today = beijingToday();
  const { from: earliest } = useOccurredRange(lastEventDay(project));
  const next = nextStage(project.status);
  const targets = correctionTargets(project.status);
  const to: Stage | undefined =
    action === 'advance' ? (next ?? undefined) : action === 'correct' ? chosenTo : undefined;
  const reasonRequired = action ? REASON_REQUIRED.includes(action) : false;
  const evidenceRequired = action === 'advance' && to === 'signed';
  const evidenceLabel: MessageKey =
    (action === 'advance' && to && EVIDENCE_LABEL[to]) || 'stage.evidence.generic';

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    form.setFieldsValue({ date: dayjs(today), to: action === 'correct' ? targets.at(-1) : undefined });
    setError(null);
  }, [action]);

  const send = async (v: Values) => {
    if (!action) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await projectApi.changeStage(project.id, {
        version: project.version,
        action,
        to: action === 'advance' || action === 'correct' ? to : undefined,
        date: (v.date ?? dayjs(today)).format('YYYY-MM-DD'),
        evidence: v.evidence?.trim() || null,
        reason: v.reason?.trim() || null,
      });
      message.success(t(`stage.done.${action}`));
      onDone(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
      applyFormErrors(form, e, ['to', 'date', 'evidence', 'reason'], {
        STAGE_DATE_INVALID: 'date',
        REASON_REQUIRED: 'reason',
      });
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (action === 'terminate') {
      modal.confirm({
        title: t('stage.terminateConfirmTitle', { name: project.name }),
        content: t('stage.terminateConfirm'),
        okText: t('stage.action.terminate'),
        okButtonProps: { danger: true, 'data-testid': 'stage-terminate-confirm' } as ButtonProps,
        cancelText: t('common.cancel'),
        onOk: () => send(v),
      });
    } else await send(v);
  };

  const title = action ? t(`stage.action.${action}`) : '';
  return (
    <Modal
      open={!!action}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={title}
      okButtonProps={{ danger: action === 'terminate', 'data-testid': 'stage-dialog-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={560}
      data-testid="stage-dialog"
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="stage-dialog-error"
        />
      ) : null}
      <Typography.Paragraph type="secondary">
        {t('stage.current')} <StageTag status={project.status} />
        {action === 'advance' && next ? (
          <>
            {' → '}
            <StageTag status={next} />
          </>
        ) : null}
        {action === 'terminate' ? (
          <>
            {' → '}
            <StageTag status="terminated" />
          </>
        ) : null}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" requiredMark="optional" autoComplete="off">
        {action === 'correct' ? (
          <Form.Item
            name="to"
            label={t('stage.field.to')}
            extra={t('stage.correctHelp')}
            rules={[{ required: true, message: t('common.selectRequired', { field: t('stage.field.to') }) }]}
          >
            <Select
              data-testid="stage-dialog-to"
              options={targets.map((s) => ({ value: s, label: t(`project.status.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="date"
          label={t('stage.field.date')}
          extra={earliest ? t('stage.dateHelp', { from: earliest, to: today }) : undefined}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('stage.field.date') }) }]}
        >
          <OccurredOnPicker
            data-testid="stage-dialog-date"
            notBefore={lastEventDay(project)}
            allowClear={false}
            style={{ width: 200 }}
          />
        </Form.Item>
        {action !== 'resume' ? (
          <Form.Item
            name="evidence"
            label={t(evidenceLabel)}
            extra={evidenceRequired ? t('stage.evidence.signedHelp') : undefined}
            rules={
              evidenceRequired
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('common.required', { field: t(evidenceLabel) }),
                    },
                  ]
                : []
            }
            required={evidenceRequired}
          >
            <Input data-testid="stage-dialog-evidence" maxLength={500} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={
            reasonRequired
              ? t(`stage.reason.${action as 'terminate' | 'pause' | 'correct'}`)
              : t('stage.field.note')
          }
          rules={
            reasonRequired ? [{ required: true, whitespace: true, message: t('stage.reasonRequired') }] : []
          }
        >
          <Input.TextArea
            data-testid="stage-dialog-reason"
            maxLength={500}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
