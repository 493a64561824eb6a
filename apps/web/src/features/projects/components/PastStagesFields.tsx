import type { Stage } from '@yingshang/contracts';
import { Col, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../app/i18n/i18n-context';
import { OccurredOnPicker } from '../../../kit';
import { EVIDENCE_LABEL, STAGES } from '../model';

/** The stages after 线索, in the order a project reaches them (the API's `reached` order). */
const LATER = STAGES.slice(1) as Exclude<Stage, 'lead'>[];

export interface PastStagesValues {
  leadOn?: Dayjs;
  stage?: Stage;
  /** One row per stage after 线索 (index 0 = 在谈), used up to the chosen stage. */
  reached?: { date?: Dayjs; evidence?: string }[];
}

/** The body's leadOn and reached from the form: the stages up to the chosen one, with their dates. */
export function pastStagesBody(v: PastStagesValues) {
  const upTo = v.stage ? STAGES.indexOf(v.stage) : 0;
  return {
    leadOn: v.leadOn?.format('YYYY-MM-DD'),
    reached: LATER.slice(0, upTo).map((stage, i) => ({
      stage,
      date: v.reached?.[i]?.date?.format('YYYY-MM-DD') ?? '',
      evidence: v.reached?.[i]?.evidence?.trim() || null,
    })),
  };
}

/**
 * 项目进展 on 新建项目: the lead date and, for a project entered after the fact, the stage it has
 * reached with the date and evidence of each stage on the way (补录). Dates run forward, none in
 * the future, none before the user's back-date limit; the server checks the same.
 */
export function PastStagesFields() {
  const { t } = useI18n();
  const form = Form.useFormInstance<PastStagesValues>();
  const stage = Form.useWatch('stage', form) ?? 'lead';
  const leadOn = Form.useWatch('leadOn', form);
  const reached = Form.useWatch('reached', form);
  const upTo = STAGES.indexOf(stage);
  const dayBefore = (i: number) => (i === 0 ? leadOn : reached?.[i - 1]?.date)?.format('YYYY-MM-DD') ?? null;

  return (
    <Row gutter={24}>
      <Col xs={24} lg={12}>
        <Form.Item
          name="leadOn"
          label={t('project.field.leadOn')}
          extra={t('project.leadOnHelp')}
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('project.field.leadOn') }) },
          ]}
        >
          <OccurredOnPicker allowClear={false} data-testid="project-form-leadOn" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name="stage" label={t('project.field.currentStage')} extra={t('project.currentStageHelp')}>
          <Radio.Group
            optionType="button"
            data-testid="project-form-stage"
            options={STAGES.map((s) => ({ value: s, label: t(`project.status.${s}`) }))}
          />
        </Form.Item>
      </Col>
      {LATER.slice(0, upTo).map((s, i) => (
        <Col span={24} key={s} data-testid={`project-form-reached-${s}`}>
          <Row gutter={24} align="top">
            <Col xs={24} lg={12}>
              <Form.Item
                name={['reached', i, 'date']}
                label={t('project.field.stageDate', { stage: t(`project.status.${s}`) })}
                rules={[
                  {
                    required: true,
                    message: t('common.selectRequired', {
                      field: t('project.field.stageDate', { stage: t(`project.status.${s}`) }),
                    }),
                  },
                ]}
              >
                <OccurredOnPicker notBefore={dayBefore(i)} data-testid={`project-form-reached-${s}-date`} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Form.Item
                name={['reached', i, 'evidence']}
                label={t(EVIDENCE_LABEL[s] ?? 'stage.evidence.generic')}
                rules={
                  s === 'signed'
                    ? [{ required: true, whitespace: true, message: t('stage.evidence.signedHelp') }]
                    : []
                }
              >
                <Input maxLength={500} data-testid={`project-form-reached-${s}-evidence`} />
              </Form.Item>
            </Col>
          </Row>
        </Col>
      ))}
    </Row>
  );
}
