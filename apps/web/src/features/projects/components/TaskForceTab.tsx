import { EditOutlined } from '@ant-design/icons';
import type { ProjectDetail } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Empty, Flex, Form, Modal, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFormErrors } from '../../../kit';
import { projectApi } from '../api';
import type { TaskForceMember } from '../model';
import { TaskForceFields, taskForceBody } from './TaskForceFields';

interface TabProps {
  project: ProjectDetail;
  canWrite: boolean;
  onChanged: (p: ProjectDetail) => void;
  onStale: () => void;
}

/** 工作专班: who works on the project, from which unit, doing what; edited in place. */
export function TaskForceTab({ project, canWrite, onChanged, onStale }: TabProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ taskForce: TaskForceMember[] }>();

  useEffect(() => {
    if (!editing) return;
    setError(null);
    form.setFieldsValue({
      taskForce: project.taskForce.map((m) => ({ name: m.name, unit: m.unit ?? '', duty: m.duty ?? '' })),
    });
  }, [editing, project.taskForce, form]);

  const submit = async () => {
    let v: { taskForce: TaskForceMember[] };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await projectApi.update(project.id, {
        version: project.version,
        taskForce: taskForceBody(v.taskForce),
      });
      message.success(t('common.saved'));
      onChanged(saved);
      setEditing(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onStale();
      applyFormErrors(form, e, ['taskForce'], {}, { nested: ['taskForce'] });
      setError(e instanceof ApiError ? e.message : t('error.unknown'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <span>{t('project.taskForce.count', { count: project.taskForce.length })}</span>
        {canWrite ? (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-force-edit">
            {t('project.taskForce.edit')}
          </Button>
        ) : null}
      </Flex>
      <Table<TaskForceMember>
        data-testid="task-force-table"
        rowKey={(m) => `${m.name}|${m.unit ?? ''}|${m.duty ?? ''}`}
        size="small"
        pagination={false}
        dataSource={project.taskForce}
        columns={[
          { title: t('project.taskForce.name'), dataIndex: 'name', width: 160 },
          { title: t('project.taskForce.unit'), dataIndex: 'unit', render: (v?: string | null) => v || '—' },
          { title: t('project.taskForce.duty'), dataIndex: 'duty', render: (v?: string | null) => v || '—' },
        ]}
        locale={{ emptyText: <Empty description={t('project.taskForce.emptyTab')} /> }}
      />
      <Modal
        open={editing}
        title={t('project.taskForce.edit')}
        onCancel={() => setEditing(false)}
        onOk={submit}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        forceRender
        width={760}
        okButtonProps={{ 'data-testid': 'task-force-submit' } as ButtonProps}
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} autoComplete="off">
          <TaskForceFields />
        </Form>
      </Modal>
    </Flex>
  );
}
