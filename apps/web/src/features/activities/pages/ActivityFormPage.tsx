import { type ActivityDetail, isRegionKind } from '@yingshang/contracts';
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useRequest } from '../../../app/api/use-request';
import { useI18n } from '../../../app/i18n/i18n-context';
import { LoadFailed, Loading } from '../../../app/layout/RecordStates';
import {
  FormPageShell,
  InvestorSelect,
  minorToWanInput,
  OrgPicker,
  type PickedOrg,
  type PickedProject,
  ProjectPicker,
  requiredRules,
  useApiForm,
  wanToMinor,
} from '../../../kit';
import { activityApi } from '../api';
import { OfficialSelect } from '../components/OfficialSelect';
import { SigningsField } from '../components/SigningsField';
import { ACTIVITY_TYPES, type ActivityType } from '../model';

interface Values {
  type?: ActivityType;
  title: string;
  dates?: [Dayjs | null, Dayjs | null];
  country: string;
  province?: string;
  city?: string;
  venue?: string;
  organiserId?: string;
  officialIds: string[];
  participants: string[];
  investorIds: string[];
  attendance?: number | null;
  summary?: string;
  sourceProjectIds: string[];
  signings: { projectId?: string; amount?: string }[];
}

const FIELDS = [
  'type',
  'title',
  'dates',
  'country',
  'province',
  'city',
  'venue',
  'organiserId',
  'officialIds',
  'participants',
  'investorIds',
  'attendance',
  'summary',
  'sourceProjectIds',
  'signings',
];
/** API body keys → form fields (a signing row's amountFen is its amount). */
const RENAME = { startOn: 'dates', endOn: 'dates', amountFen: 'amount' };
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function valuesOf(a: ActivityDetail): Values {
  return {
    type: a.type,
    title: a.title,
    dates: [dayjs(a.startOn), dayjs(a.endOn)],
    country: a.country,
    province: a.province ?? '',
    city: a.city ?? '',
    venue: a.venue ?? '',
    organiserId: a.organiserId,
    officialIds: a.officials.map((o) => o.id),
    participants: a.participants,
    investorIds: a.investors.map((i) => i.id),
    attendance: a.attendance,
    summary: a.summary ?? '',
    sourceProjectIds: a.projects.filter((p) => p.source).map((p) => p.id),
    signings: a.projects
      .filter((p) => p.signedAmountFen !== null)
      .map((p) => ({ projectId: p.id, amount: minorToWanInput(p.signedAmountFen) })),
  };
}

/** 登记活动 (/activities/new) and 修改活动 (/activities/:id/edit), with the projects it fed. */
export function ActivityFormPage() {
  const { id } = useParams();
  const isCreate = !id;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [organiser, setOrganiser] = useState<PickedOrg | undefined>();
  const loaded = useRequest(() => (id ? activityApi.get(id) : null), [id]);
  const activity = loaded.data;
  const known: PickedProject[] = (activity?.projects ?? []).map((p) => ({ ...p }));

  useEffect(() => {
    if (activity) form.setFieldsValue(valuesOf(activity));
  }, [activity, form]);

  const state = useApiForm({
    form,
    fields: FIELDS,
    rename: RENAME,
    submit: (v: Values) => {
      const body = {
        type: v.type ?? 'outbound',
        title: v.title.trim(),
        startOn: v.dates?.[0]?.format('YYYY-MM-DD') ?? '',
        endOn: v.dates?.[1]?.format('YYYY-MM-DD') ?? '',
        country: v.country.trim() || '中国',
        province: blankToNull(v.province),
        city: blankToNull(v.city),
        venue: blankToNull(v.venue),
        organiserId: v.organiserId ?? '',
        officialIds: v.officialIds ?? [],
        participants: (v.participants ?? []).map((s) => s.trim()).filter(Boolean),
        investorIds: v.investorIds ?? [],
        attendance: v.attendance ?? null,
        summary: blankToNull(v.summary),
        sourceProjectIds: v.sourceProjectIds ?? [],
        signings: (v.signings ?? [])
          .filter((s) => s.projectId)
          .map((s) => ({
            projectId: s.projectId!,
            amountFen: s.amount?.trim() ? wanToMinor(s.amount) : null,
          })),
      };
      return activity
        ? activityApi.update(activity.id, { ...body, version: activity.version })
        : activityApi.create(body);
    },
    onSuccess: (saved) => {
      message.success(isCreate ? t('activity.created', { title: saved.title }) : t('common.saved'));
      navigate(`/activities/${saved.id}`);
    },
  });

  if (!isCreate && loaded.error) {
    return <LoadFailed error={loaded.error} backTo="/activities" backLabel={t('activity.backToList')} />;
  }
  if (!isCreate && !activity) return <Loading />;

  const { req, sel } = requiredRules(t);
  const backTo = activity ? `/activities/${activity.id}` : '/activities';
  const organiserRegion = organiser && isRegionKind(organiser.kind) ? organiser.id : undefined;

  return (
    <FormPageShell
      title={isCreate ? t('activity.new') : t('activity.editTitle', { title: activity?.title ?? '' })}
      backTo={backTo}
      backLabel={t('activity.back')}
      state={state}
      onReload={loaded.reload}
      submitLabel={isCreate ? t('activity.createSubmit') : t('common.save')}
      onCancel={() => navigate(backTo)}
      testIds={{ submit: 'activity-form-submit', error: 'activity-form-error' }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        autoComplete="off"
        data-testid="activity-form"
        {...state.formProps}
        initialValues={{
          type: 'outbound',
          country: '中国',
          officialIds: [],
          participants: [],
          investorIds: [],
          sourceProjectIds: [],
          signings: [],
        }}
        style={{ maxWidth: 1080 }}
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('activity.section.basics')}
        </Divider>
        <Row gutter={24}>
          <Col span={24}>
            <Form.Item name="type" label={t('activity.field.type')} rules={[sel('activity.field.type')]}>
              <Select
                data-testid="activity-form-type"
                style={{ maxWidth: 320 }}
                options={ACTIVITY_TYPES.map((k) => ({ value: k, label: t(`activity.type.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="title" label={t('activity.field.title')} rules={[req('activity.field.title')]}>
              <Input maxLength={200} data-testid="activity-form-title" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="dates"
              label={t('activity.field.dates')}
              rules={[
                {
                  validator: async (_, v: Values['dates']) => {
                    if (!v?.[0] || !v?.[1])
                      throw new Error(t('common.selectRequired', { field: t('activity.field.dates') }));
                  },
                },
              ]}
            >
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="activity-form-dates" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="country"
              label={t('activity.field.country')}
              rules={[req('activity.field.country')]}
            >
              <Input maxLength={64} data-testid="activity-form-country" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="province" label={t('activity.field.province')}>
              <Input maxLength={64} data-testid="activity-form-province" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="city" label={t('activity.field.city')}>
              <Input maxLength={64} data-testid="activity-form-city" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="venue" label={t('activity.field.venue')}>
              <Input maxLength={200} data-testid="activity-form-venue" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="organiserId"
              label={t('activity.field.organiser')}
              extra={t('activity.organiserHelp')}
              rules={[sel('activity.field.organiser')]}
            >
              <OrgPicker
                withLeafUnits
                allowClear={false}
                known={
                  activity
                    ? ({
                        id: activity.organiserId,
                        name: activity.organiserName,
                        kind: 'county',
                      } as PickedOrg)
                    : undefined
                }
                onChange={(_id, picked) => setOrganiser(picked)}
                data-testid="activity-form-organiserId"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="attendance" label={t('activity.field.attendance')}>
              <InputNumber
                min={0}
                max={1_000_000}
                precision={0}
                style={{ width: 200 }}
                data-testid="activity-form-attendance"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('activity.section.people')}
        </Divider>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="officialIds"
              label={t('activity.field.officials')}
              extra={t('activity.officialsHelp')}
            >
              <OfficialSelect known={activity?.officials} data-testid="activity-form-officialIds" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="participants"
              label={t('activity.field.participants')}
              extra={t('activity.participantsHelp')}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', '，', '、']}
                open={false}
                data-testid="activity-form-participants"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="investorIds"
              label={t('activity.field.enterprisesMet')}
              extra={t('activity.enterprisesHelp')}
            >
              <InvestorSelect known={activity?.investors} max={200} data-testid="activity-form-investorIds" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="summary" label={t('activity.field.summary')}>
              <Input.TextArea
                maxLength={4000}
                showCount
                autoSize={{ minRows: 3, maxRows: 10 }}
                data-testid="activity-form-summary"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('activity.section.projects')}
        </Divider>
        <Row gutter={24}>
          <Col span={24}>
            <Form.Item
              name="sourceProjectIds"
              label={t('activity.field.sourceProjects')}
              extra={t('activity.sourceHelp')}
            >
              <ProjectPicker
                multiple
                known={known}
                regionId={organiserRegion}
                data-testid="activity-form-sourceProjectIds"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label={t('activity.field.signings')}
              extra={t('activity.signingsHelp')}
              required={false}
            >
              <SigningsField known={known} organiserRegion={organiserRegion} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormPageShell>
  );
}
