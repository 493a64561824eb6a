import { UploadOutlined } from '@ant-design/icons';
import type { TaskDetail } from '@yingshang/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, useApiForm } from '../../../kit';
import { rectificationApi } from '../api';

/** The fields a step's form may have (an API detail's first segment). */
const FIELDS = ['percent', 'narrative', 'reason', 'result', 'findings', 'note'] as const;

export type Step = 'progress' | 'contributions' | 'self-inspections' | 'field-surveys' | 'close' | 'reopen';

const TITLE = {
  progress: 'rect.action.report',
  contributions: 'rect.action.contribute',
  'self-inspections': 'rect.action.selfInspect',
  'field-surveys': 'rect.action.fieldSurvey',
  close: 'rect.action.close',
  reopen: 'rect.action.reopen',
} as const;

/** One dialog per step of a task: progress (with evidence), contribution, verification, 销号, reopening. */
export function StepModal({
  task,
  step,
  onClose,
  onDone,
  onReloaded,
}: {
  task: TaskDetail;
  step: Step | null;
  onClose: () => void;
  onDone: (t: TaskDetail) => void;
  /** The task as it is now, after a 409 (the step's text stays in the form: it adds, never overwrites). */
  onReloaded: (t: TaskDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const verify = step === 'self-inspections' || step === 'field-surveys';

  const state = useApiForm({
    form,
    fields: FIELDS,
    codeToField: {
      PROGRESS_BACKWARDS: 'reason',
      PROGRESS_OUT_OF_RANGE: 'percent',
      VERIFICATION_NOT_READY: 'result',
    },
    submit: (v: Record<string, unknown>) => {
      const body: Record<string, unknown> =
        step === 'contributions'
          ? { narrative: v.narrative, evidenceIds: files.map((f) => f.id) }
          : step === 'progress'
            ? {
                version: task.version,
                percent: v.percent,
                narrative: v.narrative,
                reason: v.reason || null,
                evidenceIds: files.map((f) => f.id),
              }
            : { version: task.version, ...v };
      return rectificationApi.step(task.id, step as Step, body);
    },
    onSuccess: (next) => {
      form.resetFields();
      setFiles([]);
      message.success(t('rect.saved'));
      onDone(next);
    },
  });
  const reload = async () => onReloaded(await rectificationApi.task(task.id));

  return (
    <Modal
      open={step !== null}
      title={step ? t(TITLE[step]) : ''}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      confirmLoading={state.saving}
      okButtonProps={{ 'data-testid': 'step-submit' } as never}
      destroyOnHidden
    >
      <FormAlert state={state} onReload={reload} />
      <Form form={form} layout="vertical" {...state.formProps}>
        {step === 'progress' && (
          <Form.Item
            name="percent"
            label={t('rect.form.percent')}
            rules={[{ required: true }]}
            initialValue={task.progress}
          >
            <InputNumber min={0} max={100} precision={0} data-testid="step-percent" style={{ width: 160 }} />
          </Form.Item>
        )}
        {(step === 'progress' || step === 'contributions') && (
          <>
            <Form.Item
              name="narrative"
              label={t('rect.form.narrative')}
              rules={[{ required: true, max: 2000 }]}
            >
              <Input.TextArea rows={3} data-testid="step-narrative" />
            </Form.Item>
            {step === 'progress' && (
              <Form.Item name="reason" label={t('rect.form.reason')} rules={[{ max: 500 }]}>
                <Input data-testid="step-reason" />
              </Form.Item>
            )}
            <Form.Item label={t('rect.form.evidence')}>
              <Upload
                fileList={files.map((f) => ({ uid: f.id, name: f.fileName, status: 'done' as const }))}
                onRemove={(f) => setFiles((list) => list.filter((x) => x.id !== f.uid))}
                beforeUpload={(file) => {
                  rectificationApi
                    .upload(task.id, file)
                    .then((a) => setFiles((list) => [...list, a]))
                    .catch((e) => e instanceof ApiError && message.error(e.message));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('rect.action.upload')}</Button>
              </Upload>
            </Form.Item>
          </>
        )}
        {verify && (
          <>
            <Form.Item name="result" label={t('rect.form.result')} rules={[{ required: true }]}>
              <Radio.Group data-testid="step-result">
                <Radio value="passed">{t('rect.form.passed')}</Radio>
                <Radio value="failed">{t('rect.form.failed')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="findings"
              label={t('rect.form.findingsVerify')}
              rules={[{ required: true, max: 2000 }]}
            >
              <Input.TextArea rows={3} data-testid="step-findings" />
            </Form.Item>
          </>
        )}
        {step === 'close' && (
          <>
            <p>{t('rect.confirm.close')}</p>
            <Form.Item name="note" label={t('rect.form.note')} rules={[{ max: 500 }]}>
              <Input data-testid="step-note" />
            </Form.Item>
          </>
        )}
        {step === 'reopen' && (
          <Form.Item name="reason" label={t('rect.form.reopenReason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={2} data-testid="step-reopen-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
