import { type Campaign, MANUAL_SOURCES } from '@yingshang/contracts';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, useApiForm } from '../../../kit';
import { rectificationApi } from '../api';

interface Values {
  problemId: string;
  issue: string;
  measures: string;
  leadOrgId: string;
  coopOrgId?: string;
  zoneId: string;
  deadlineOn: Dayjs;
  source?: string;
  findings?: string;
}
const FIELDS = [
  'problemId',
  'issue',
  'measures',
  'leadOrgId',
  'coopOrgId',
  'zoneId',
  'deadlineOn',
  'source',
  'findings',
] as const;

/**
 * A new task: an inspector's field-survey finding (the findings open the task's timeline) or a task
 * of the campaign's list with its source. Dates outside the campaign period cannot be picked.
 */
export function TaskFormModal({
  campaign,
  mode,
  open,
  onClose,
  onCreated,
}: {
  campaign: Campaign;
  mode: 'finding' | 'task';
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();

  const state = useApiForm({
    form,
    fields: FIELDS,
    rename: { coopOrgIds: 'coopOrgId', zoneIds: 'zoneId' },
    codeToField: {
      DEADLINE_OUTSIDE_CAMPAIGN: 'deadlineOn',
      TASK_UNIT_INVALID: 'leadOrgId',
      PROBLEM_INVALID: 'problemId',
    },
    submit: (v: Values) => {
      const base = {
        campaignId: campaign.id,
        problemId: v.problemId,
        issue: v.issue,
        measures: v.measures,
        leadOrgId: v.leadOrgId,
        coopOrgIds: v.coopOrgId ? [v.coopOrgId] : [],
        zoneIds: [v.zoneId],
        deadlineOn: v.deadlineOn.format('YYYY-MM-DD'),
        milestones: [],
      };
      return mode === 'finding'
        ? rectificationApi.recordFinding({ ...base, findings: v.findings ?? '' })
        : rectificationApi.createTask({ ...base, source: v.source ?? 'self_inspection' });
    },
    onSuccess: (created) => {
      form.resetFields();
      onCreated(created.id);
    },
  });

  return (
    <Modal
      open={open}
      title={mode === 'finding' ? t('rect.action.finding') : t('rect.action.newTask')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      confirmLoading={state.saving}
      width={720}
      okButtonProps={{ 'data-testid': 'task-form-submit' } as never}
      destroyOnHidden
    >
      <FormAlert state={state} />
      <Form form={form} layout="vertical" requiredMark {...state.formProps}>
        <Form.Item name="problemId" label={t('rect.col.problem')} rules={[{ required: true }]}>
          <Select
            data-testid="task-form-problem"
            options={campaign.problems.map((p) => ({ value: p.id, label: `${p.seq}. ${p.name}` }))}
          />
        </Form.Item>
        {mode === 'finding' && (
          <Form.Item name="findings" label={t('rect.form.findings')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea rows={3} data-testid="task-form-findings" />
          </Form.Item>
        )}
        <Form.Item name="issue" label={t('rect.col.issue')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={2} data-testid="task-form-issue" />
        </Form.Item>
        <Form.Item name="measures" label={t('rect.col.measures')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={2} data-testid="task-form-measures" />
        </Form.Item>
        <Form.Item name="zoneId" label={t('rect.col.zones')} rules={[{ required: true }]}>
          <OrgPicker data-testid="task-form-zone" />
        </Form.Item>
        <Form.Item name="leadOrgId" label={t('rect.col.lead')} rules={[{ required: true }]}>
          <OrgPicker withLeafUnits data-testid="task-form-lead" />
        </Form.Item>
        <Form.Item name="coopOrgId" label={t('rect.col.coops')}>
          <OrgPicker withLeafUnits data-testid="task-form-coop" />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('rect.col.deadline')} rules={[{ required: true }]}>
          <DatePicker
            data-testid="task-form-deadline"
            disabledDate={(d) =>
              d.isBefore(dayjs(campaign.startOn), 'day') || d.isAfter(dayjs(campaign.deadlineOn), 'day')
            }
          />
        </Form.Item>
        {mode === 'task' && (
          <Form.Item name="source" label={t('rect.col.source')} initialValue="self_inspection">
            <Select options={MANUAL_SOURCES.map((s) => ({ value: s, label: t(`rect.source.${s}`) }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
