import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';

/** 工作专班: an editable list of members (name, unit, duty) inside a Form under `taskForce`. */
export function TaskForceFields({ max = 50 }: { max?: number }) {
  const { t } = useI18n();
  return (
    <Form.List name="taskForce">
      {(fields, { add, remove }) => (
        <Flex vertical gap={0} data-testid="project-form-taskForce">
          {fields.length === 0 ? (
            <Typography.Text type="secondary" style={{ marginBottom: 8 }}>
              {t('project.taskForce.empty')}
            </Typography.Text>
          ) : null}
          {fields.map((f, index) => (
            <Flex key={f.key} gap={8} align="start">
              <Form.Item
                name={[f.name, 'name']}
                style={{ flex: '0 0 22%', marginBottom: 8 }}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.required', { field: t('project.taskForce.name') }),
                  },
                ]}
              >
                <Input
                  placeholder={t('project.taskForce.name')}
                  maxLength={64}
                  aria-label={`${t('project.taskForce.name')} ${index + 1}`}
                  data-testid={`task-force-name-${index}`}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'unit']} style={{ flex: '1 1 38%', marginBottom: 8 }}>
                <Input
                  placeholder={t('project.taskForce.unit')}
                  maxLength={100}
                  aria-label={`${t('project.taskForce.unit')} ${index + 1}`}
                />
              </Form.Item>
              <Form.Item name={[f.name, 'duty']} style={{ flex: '1 1 38%', marginBottom: 8 }}>
                <Input
                  placeholder={t('project.taskForce.duty')}
                  maxLength={100}
                  aria-label={`${t('project.taskForce.duty')} ${index + 1}`}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('project.taskForce.remove')}
                onClick={() => remove(f.name)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', unit: '', duty: '' })}
            disabled={fields.length >= max}
            data-testid="task-force-add"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('project.taskForce.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

type Row = { name?: string; unit?: string | null; duty?: string | null };

/** Form rows → the API's members (blank unit / duty as null). */
export const taskForceBody = (rows: Row[] | undefined) =>
  (rows ?? []).map((r) => ({
    name: (r.name ?? '').trim(),
    unit: r.unit?.trim() ? r.unit.trim() : null,
    duty: r.duty?.trim() ? r.duty.trim() : null,
  }));
