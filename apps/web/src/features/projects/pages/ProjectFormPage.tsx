import type { OrgKind, ProjectDetail } from '@yingshang/contracts';
import { App, Col, Divider, Form, Input, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  beijingToday,
  FormPageShell,
  InvestorSelect,
  Loading,
  MoneyInput,
  minorToWanInput,
  OrgPicker,
  type PickedOrg,
  RecordLoadFailed,
  requiredRules,
  UserSelect,
  useApiForm,
  useRequest,
  wanToMinor,
} from '../../../kit';
import { projectApi } from '../api';
import { IndustrySelect } from '../components/IndustrySelect';
import { PastStagesFields, type PastStagesValues, pastStagesBody } from '../components/PastStagesFields';
import { TaskForceFields, taskForceBody } from '../components/TaskForceFields';
import { PROJECT_TYPES, type ProjectType } from '../model';

interface Values extends PastStagesValues {
  name: string;
  regionId?: string;
  industryCode?: string;
  totalInvestment?: string;
  foreignCapital?: string;
  projectType?: ProjectType;
  investorIds: string[];
  leaderName?: string;
  serviceOfficerId?: string | null;
  taskForce: { name?: string; unit?: string | null; duty?: string | null }[];
  tags: string[];
  notes?: string;
}

const FIELDS = [
  'name',
  'regionId',
  'industryCode',
  'totalInvestment',
  'foreignCapital',
  'projectType',
  'investorIds',
  'leaderName',
  'serviceOfficerId',
  'taskForce',
  'tags',
  'notes',
  'leadOn',
  'reached',
] as const;
const RENAME = { totalInvestmentFen: 'totalInvestment', foreignCapitalUsdCents: 'foreignCapital' };
const LOCATION_KINDS: readonly OrgKind[] = ['county', 'zone'];
/** 1e15 fen = 10 万亿元, the API's ceiling. */
const MAX_FEN = 1e15;
const MAX_CENTS = 1e14;
const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

function valuesOf(p: ProjectDetail): Values {
  return {
    name: p.name,
    regionId: p.regionId,
    industryCode: p.industryCode,
    totalInvestment: minorToWanInput(p.totalInvestmentFen),
    foreignCapital: p.foreignCapitalUsdCents ? minorToWanInput(p.foreignCapitalUsdCents) : '',
    projectType: p.projectType,
    investorIds: p.investors.map((i) => i.id),
    leaderName: p.leaderName ?? '',
    serviceOfficerId: p.serviceOfficerId,
    taskForce: p.taskForce.map((m) => ({ name: m.name, unit: m.unit ?? '', duty: m.duty ?? '' })),
    tags: p.tags,
    notes: p.notes ?? '',
  };
}

/** 新建项目 (/projects/new) and 修改项目 (/projects/:id/edit). */
export function ProjectFormPage() {
  const { id } = useParams();
  const isCreate = !id;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [regionKind, setRegionKind] = useState<OrgKind | undefined>();
  const loaded = useRequest(() => (id ? projectApi.get(id) : null), [id]);
  const project = loaded.data;

  useEffect(() => {
    if (project) form.setFieldsValue(valuesOf(project));
  }, [project, form]);

  const money = (field: 'project.field.totalInvestment' | 'project.field.foreignCapital', max: number) => ({
    validator: async (_: unknown, v: string | undefined) => {
      if (!v?.trim()) return;
      const minor = wanToMinor(v);
      if (minor === null) throw new Error(t('project.amountInvalid', { field: t(field) }));
      if (minor > max) throw new Error(t('project.amountTooLarge', { field: t(field) }));
    },
  });

  const state = useApiForm<Values, ProjectDetail>({
    form,
    fields: FIELDS,
    rename: RENAME,
    codeToField: {
      REGION_INVALID: 'regionId',
      STAGE_DATE_INVALID: 'leadOn',
      INDUSTRY_UNKNOWN: 'industryCode',
      FOREIGN_EXCEEDS_TOTAL: 'foreignCapital',
      INVESTOR_NOT_FOUND: 'investorIds',
    },
    submit: (v) => {
      const body = {
        name: v.name.trim(),
        regionId: v.regionId ?? '',
        industryCode: v.industryCode ?? '',
        totalInvestmentFen: wanToMinor(v.totalInvestment) ?? 0,
        foreignCapitalUsdCents: wanToMinor(v.foreignCapital || '0') ?? 0,
        projectType: v.projectType ?? 'new',
        investorIds: v.investorIds ?? [],
        leaderName: blankToNull(v.leaderName),
        serviceOfficerId: v.serviceOfficerId ?? null,
        taskForce: taskForceBody(v.taskForce),
        tags: (v.tags ?? []).map((s) => s.trim()).filter(Boolean),
        notes: blankToNull(v.notes),
      };
      return project
        ? projectApi.update(project.id, { ...body, version: project.version })
        : projectApi.create({ ...body, ...pastStagesBody(v) });
    },
    onSuccess: (saved) => {
      message.success(isCreate ? t('project.created', { name: saved.name }) : t('common.saved'));
      navigate(`/projects/${saved.id}`);
    },
  });

  if (!isCreate && loaded.error) {
    return (
      <RecordLoadFailed
        error={loaded.error}
        hint={t('project.notFoundHint')}
        onRetry={() => void loaded.reload()}
        backTo="/projects"
        backLabel={t('project.backToList')}
      />
    );
  }
  if (!isCreate && !project) return <Loading />;

  const { req, sel } = requiredRules(t);
  const backTo = project ? `/projects/${project.id}` : '/projects';

  return (
    <FormPageShell
      title={isCreate ? t('project.new') : t('project.editTitle', { name: project?.name ?? '' })}
      backTo={backTo}
      backLabel={t('project.back')}
      state={state}
      onReload={loaded.reload}
      submitLabel={isCreate ? t('project.createSubmit') : t('common.save')}
      onCancel={() => navigate(backTo)}
      testIds={{
        submit: 'project-form-submit',
        error: 'project-form-error',
        conflict: 'project-form-conflict',
      }}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        autoComplete="off"
        data-testid="project-form"
        {...state.formProps}
        initialValues={{
          projectType: 'new',
          investorIds: [],
          taskForce: [],
          tags: [],
          leadOn: dayjs(beijingToday()),
          stage: 'lead',
        }}
        style={{ maxWidth: 1080 }}
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          {t('project.section.basics')}
        </Divider>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item name="name" label={t('project.field.name')} rules={[req('project.field.name')]}>
              <Input data-testid="project-form-name" maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="regionId"
              label={t('project.field.location')}
              extra={t('project.locationHelp')}
              rules={[
                sel('project.field.location'),
                {
                  validator: async () => {
                    if (regionKind && !LOCATION_KINDS.includes(regionKind))
                      throw new Error(t('project.locationKind'));
                  },
                },
              ]}
            >
              <OrgPicker
                allowClear={false}
                known={
                  project
                    ? ({ id: project.regionId, name: project.regionName, kind: 'county' } as PickedOrg)
                    : undefined
                }
                onChange={(_id, picked) => setRegionKind(picked?.kind)}
                placeholder={t('project.locationPlaceholder')}
                data-testid="project-form-regionId"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="industryCode"
              label={t('project.field.industry')}
              rules={[sel('project.field.industry')]}
            >
              <IndustrySelect knownName={project?.industryName} data-testid="project-form-industryCode" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="projectType" label={t('project.field.type')} rules={[sel('project.field.type')]}>
              <Radio.Group
                optionType="button"
                data-testid="project-form-projectType"
                options={PROJECT_TYPES.map((k) => ({ value: k, label: t(`project.type.${k}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>

        {isCreate ? (
          <>
            <Divider titlePlacement="start" plain>
              {t('project.section.progress')}
            </Divider>
            <PastStagesFields />
          </>
        ) : null}

        <Divider titlePlacement="start" plain>
          {t('project.section.investment')}
        </Divider>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item
              name="totalInvestment"
              label={t('project.field.totalInvestmentWan')}
              extra={t('project.amountHelp')}
              rules={[req('project.field.totalInvestment'), money('project.field.totalInvestment', MAX_FEN)]}
            >
              <MoneyInput unit={t('unit.wanYuan')} data-testid="project-form-totalInvestment" />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="foreignCapital"
              label={t('project.field.foreignCapitalWan')}
              extra={t('project.foreignHelp')}
              rules={[money('project.field.foreignCapital', MAX_CENTS)]}
            >
              <MoneyInput unit={t('unit.wanUsd')} data-testid="project-form-foreignCapital" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="investorIds"
              label={t('project.field.investors')}
              extra={t('project.investorsHelp')}
              rules={[
                {
                  required: true,
                  type: 'array',
                  min: 1,
                  message: t('common.selectRequired', { field: t('project.field.investors') }),
                },
              ]}
            >
              <InvestorSelect known={project?.investors} data-testid="project-form-investorIds" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('project.section.responsibility')}
        </Divider>
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item name="leaderName" label={t('project.field.leader')} extra={t('project.leaderHelp')}>
              <Input data-testid="project-form-leaderName" maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item
              name="serviceOfficerId"
              label={t('project.field.serviceOfficer')}
              extra={t('project.serviceOfficerHelp')}
            >
              <UserSelect
                knownName={project?.serviceOfficerName}
                data-testid="project-form-serviceOfficerId"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('project.field.taskForce')} required={false}>
              <TaskForceFields />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t('project.section.other')}
        </Divider>
        <Row gutter={24}>
          <Col span={24}>
            <Form.Item
              name="tags"
              label={t('project.field.tags')}
              extra={t('project.tagsHelp')}
              rules={[
                {
                  validator: async (_, v: string[] | undefined) => {
                    if ((v ?? []).some((s) => s.trim().length > 20)) throw new Error(t('project.tagTooLong'));
                    if ((v ?? []).length > 20) throw new Error(t('project.tagsTooMany'));
                  },
                },
              ]}
            >
              <Select
                mode="tags"
                tokenSeparators={[',', '，', ' ']}
                data-testid="project-form-tags"
                open={false}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="notes" label={t('project.field.notes')}>
              <Input.TextArea
                data-testid="project-form-notes"
                maxLength={4000}
                showCount
                autoSize={{ minRows: 3, maxRows: 10 }}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormPageShell>
  );
}
