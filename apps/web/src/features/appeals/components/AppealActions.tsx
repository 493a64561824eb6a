import type { AppealAction, AppealDetail, AppealSummary } from '@yingshang/contracts';
import type { ButtonProps } from 'antd';
import { App, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../app/api/client';
import { useAuth } from '../../../app/auth/auth-context';
import { useI18n } from '../../../app/i18n/i18n-context';
import { applyFieldErrors, beijingToday, OccurredOnPicker } from '../../../kit';
import { appealApi } from '../api';

/** The primary step for each state; the others are secondary buttons. */
const PRIMARY: AppealAction[] = ['accept', 'assign', 'sign', 'answer', 'rate', 'reply', 'callback'];
const DANGER: AppealAction[] = ['reject', 'return'];
/** Steps that need nothing but a confirmation. */
const PLAIN: AppealAction[] = ['sign'];

/** Office and department steps that may be entered on a later day than they happened (补录). */
const DATED: AppealAction[] = ['accept', 'reject', 'assign', 'progress', 'answer'];

const STEP_KINDS: string[] = ['file', 'accept', 'reject', 'assign', 'sign', 'answer'];
/** The day of the appeal's last step (as the server checks it): a step entered later may not precede it. */
const lastStepDay = (a: AppealDetail) =>
  [
    a.filedOn,
    a.acceptedOn,
    a.answeredOn,
    ...a.events
      .filter((e) => STEP_KINDS.includes(e.kind))
      .map((e) => e.occurredOn ?? beijingToday(Date.parse(e.createdAt))),
  ]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1) ?? null;

const STEP_FIELDS = [
  'occurredOn',
  'departmentId',
  'reason',
  'note',
  'question',
  'reply',
  'answer',
  'rating',
  'comment',
  'targetId',
];
const CODE_FIELD = { APPEAL_DEPARTMENT_INVALID: 'departmentId', APPEAL_MERGE_INVALID: 'targetId' };

interface Props {
  appeal: AppealDetail;
  onDone: (next: AppealDetail) => void;
}

/** The steps this user may take now, each with its small form; the server decides which these are. */
export function AppealActions({ appeal, onDone }: Props) {
  const { t } = useI18n();
  const { me } = useAuth();
  const isEnterprise = me?.user.orgUnit.kind === 'enterprise';
  const { message } = App.useApp();
  const [open, setOpen] = useState<AppealAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const [departments, setDepartments] = useState<{ value: string; label: string }[]>([]);
  const [targets, setTargets] = useState<{ value: string; label: string }[]>([]);
  const rating = Form.useWatch('rating', form);

  const start = async (action: AppealAction) => {
    form.resetFields();
    setOpen(action);
    try {
      if (action === 'assign') {
        const list = await appealApi.departments(appeal.id);
        setDepartments(list.map((d) => ({ value: d.id, label: `${d.name}` })));
      }
      if (action === 'merge') {
        const list = await appealApi.list({ open: 'true', pageSize: 100, q: undefined });
        setTargets(
          list.items
            .filter((a: AppealSummary) => a.id !== appeal.id && a.enterpriseId === appeal.enterpriseId)
            .map((a) => ({ value: a.id, label: `${a.code} ${a.title}` })),
        );
        if (appeal.possibleDuplicateOf) form.setFieldValue('targetId', appeal.possibleDuplicateOf.id);
      }
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('error.unknown'));
    }
  };

  const submit = async (action: AppealAction, values: Record<string, unknown> = {}) => {
    setBusy(true);
    // the day it happened, sent only when it is not today (补录)
    const { occurredOn, ...rest } = values as { occurredOn?: Dayjs };
    const day = occurredOn?.format('YYYY-MM-DD');
    const body = { ...rest, ...(day && day !== beijingToday() && { occurredOn: day }) };
    try {
      const next = await appealApi.step(appeal.id, action, { version: appeal.version, ...body });
      message.success(t('appeal.action.done', { action: t(`appeal.action.${action}`) }));
      setOpen(null);
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError) {
        const shown =
          e.code === 'VALIDATION_FAILED'
            ? applyFieldErrors(form, e, STEP_FIELDS)
            : applyFieldErrors(form, e, [], CODE_FIELD);
        if (!shown) message.error(e.message);
      } else message.error(t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string, label: string, required = true, rows = 4) => (
    <Form.Item
      name={name}
      label={label}
      rules={
        required
          ? [{ required: true, whitespace: true, message: t('common.required', { field: label }) }]
          : []
      }
    >
      <Input.TextArea rows={rows} maxLength={2000} showCount data-testid={`appeal-field-${name}`} />
    </Form.Item>
  );
  const ratingField = (
    <Form.Item
      name="rating"
      label={t('appeal.field.rating')}
      rules={[{ required: true, message: t('common.selectRequired', { field: t('appeal.field.rating') }) }]}
      extra={rating === 'unsatisfied' ? t('appeal.field.unsatisfiedHint') : undefined}
    >
      <Radio.Group data-testid="appeal-field-rating">
        {(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((r) => (
          <Radio.Button key={r} value={r}>
            {t(`appeal.rating.${r}`)}
          </Radio.Button>
        ))}
      </Radio.Group>
    </Form.Item>
  );
  const body: Partial<Record<AppealAction, React.ReactNode>> = {
    accept: field('note', t('appeal.field.note'), false, 2),
    reject: field('reason', t('appeal.field.reason')),
    assign: (
      <>
        <Form.Item
          name="departmentId"
          label={t('appeal.field.department')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('appeal.field.department') }) },
          ]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={departments}
            data-testid="appeal-field-departmentId"
          />
        </Form.Item>
        {field('note', t('appeal.field.note'), false, 2)}
      </>
    ),
    return: (
      <>
        <Typography.Paragraph type="secondary">{t('appeal.field.returnHint')}</Typography.Paragraph>
        {field('reason', t('appeal.field.reason'))}
      </>
    ),
    progress: field('note', t('appeal.field.note')),
    ask: field('question', t('appeal.field.question')),
    reply: field('reply', t('appeal.field.reply')),
    answer: field('answer', t('appeal.field.answer'), true, 6),
    rate: (
      <>
        {ratingField}
        {field('comment', t('appeal.field.comment'), false, 3)}
      </>
    ),
    callback: (
      <>
        {ratingField}
        {field('note', t('appeal.field.callbackNote'))}
      </>
    ),
    instruct: field('note', t('appeal.field.instruction')),
    merge: (
      <Form.Item
        name="targetId"
        label={t('appeal.field.target')}
        rules={[{ required: true, message: t('common.selectRequired', { field: t('appeal.field.target') }) }]}
      >
        <Select options={targets} showSearch optionFilterProp="label" />
      </Form.Item>
    ),
  };

  if (appeal.actions.length === 0) return null;
  return (
    <>
      <Space wrap data-testid="appeal-actions">
        {appeal.actions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? 'primary' : 'default'}
            danger={DANGER.includes(a)}
            onClick={() =>
              PLAIN.includes(a)
                ? Modal.confirm({
                    title: t(`appeal.action.${a}`),
                    content: appeal.title,
                    okText: t('common.ok'),
                    cancelText: t('common.cancel'),
                    okButtonProps: { 'data-testid': 'appeal-confirm' } as ButtonProps,
                    onOk: () => submit(a),
                  })
                : start(a)
            }
            data-testid={`appeal-action-${a}`}
          >
            {t(`appeal.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`appeal.action.${open}`) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        okButtonProps={{ 'data-testid': 'appeal-step-submit' } as ButtonProps}
        destroyOnHidden
        width={560}
      >
        <Form form={form} layout="vertical" onFinish={(v) => open && submit(open, v)} preserve={false}>
          {open ? body[open] : null}
          {open && DATED.includes(open) && !isEnterprise ? (
            <Form.Item
              name="occurredOn"
              label={t('appeal.field.occurredOn')}
              extra={t('appeal.field.occurredOnHelp')}
              initialValue={dayjs(beijingToday())}
            >
              <OccurredOnPicker
                notBefore={lastStepDay(appeal)}
                allowClear={false}
                style={{ width: 200 }}
                data-testid="appeal-field-occurredOn"
              />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
