import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TaskDetail } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { Button, DatePicker, Flex, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { FormAlert, OrgPicker, requiredRules, useApiForm } from '../../../kit';
import { rectificationApi } from '../api';

interface Values {
  issue: string;
  measures: string;
  coopOrgId?: string;
  deadlineOn: Dayjs;
  milestones?: { title: string; dueOn: Dayjs }[];
}
const FIELDS = ['issue', 'measures', 'coopOrgId', 'deadlineOn', 'milestones'] as const;

const valuesOf = (task: TaskDetail): Values => ({
  issue: task.issue,
  measures: task.measures,
  coopOrgId: task.coops[0]?.id,
  deadlineOn: dayjs(task.deadlineOn),
  milestones: task.milestones.map((m) => ({ title: m.title, dueOn: dayjs(m.dueOn) })),
});

/** Changes a task's issue, measures, cooperating unit, deadline and milestones (version-checked). */
export function TaskEditModal({
  task,
  open,
  onClose,
  onSaved,
  onReloaded,
}: {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (t: TaskDetail) => void;
  /** The task as it is now, fetched after a 409 (the form is reset to it). */
  onReloaded: (t: TaskDetail) => void;
}) {
  const { t } = useI18n();
  const rule = requiredRules(t);
  const [form] = Form.useForm<Values>();
  const outside = (d: Dayjs) =>
    d.isBefore(dayjs(task.campaignStartOn), 'day') || d.isAfter(dayjs(task.campaignDeadlineOn), 'day');

  const state = useApiForm({
    form,
    fields: FIELDS,
    rename: { coopOrgIds: 'coopOrgId' },
    codeToField: { DEADLINE_OUTSIDE_CAMPAIGN: 'deadlineOn', TASK_UNIT_INVALID: 'coopOrgId' },
    submit: (v: Values) =>
      api.patch<TaskDetail>(`/rectification/tasks/${task.id}`, {
        version: task.version,
        issue: v.issue,
        measures: v.measures,
        coopOrgIds: [...(v.coopOrgId ? [v.coopOrgId] : []), ...task.coops.slice(1).map((c) => c.id)],
        deadlineOn: v.deadlineOn.format('YYYY-MM-DD'),
        milestones: (v.milestones ?? []).map((m) => ({
          title: m.title,
          dueOn: m.dueOn.format('YYYY-MM-DD'),
        })),
      }),
    onSuccess: onSaved,
  });

  const reload = async () => {
    const fresh = await rectificationApi.task(task.id);
    onReloaded(fresh);
    form.resetFields();
    form.setFieldsValue(valuesOf(fresh));
  };

  return (
    <Modal
      open={open}
      title={t('rect.action.edit')}
      onCancel={onClose}
      onOk={() => void state.onSubmit()}
      confirmLoading={state.saving}
      okButtonProps={{ 'data-testid': 'task-edit-submit' } as ButtonProps}
      width={720}
      destroyOnHidden
    >
      <FormAlert state={state} onReload={reload} />
      <Form
        form={form}
        layout="vertical"
        initialValues={valuesOf(task)}
        data-testid="task-edit-form"
        {...state.formProps}
      >
        <Form.Item name="issue" label={t('rect.col.issue')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="measures" label={t('rect.col.measures')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="coopOrgId" label={t('rect.col.coops')}>
          <OrgPicker withLeafUnits known={task.coops[0] && { ...task.coops[0], kind: 'department' }} />
        </Form.Item>
        <Form.Item name="deadlineOn" label={t('rect.col.deadline')} rules={[{ required: true }]}>
          <DatePicker disabledDate={outside} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Form.Item label={t('rect.col.milestones')}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item
                    name={[f.name, 'title']}
                    rules={[rule.req('rect.form.milestoneTitle'), { max: 100 }]}
                    style={{ flex: 1 }}
                  >
                    <Input
                      aria-label={t('rect.form.milestoneTitle')}
                      placeholder={t('rect.form.milestoneTitle')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[rule.sel('rect.form.milestoneDue')]}>
                    <DatePicker
                      disabledDate={outside}
                      aria-label={t('rect.form.milestoneDue')}
                      placeholder={t('rect.form.milestoneDue')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                disabled={fields.length >= 20}
              >
                {t('rect.form.addMilestone')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
