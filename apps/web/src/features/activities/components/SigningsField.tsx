import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form } from 'antd';
import { useI18n } from '../../../app/i18n/i18n-context';
import {
  MoneyInput,
  minorToWanInput,
  type PickedProject,
  ProjectPicker,
  requiredRules,
  wanToMinor,
} from '../../../kit';

/** The most one signing may claim (分). */
const MAX_FEN = 1e15;

/**
 * The projects signed at an activity (Form.List `signings`): each a signed project of the
 * organiser's area and the amount signed there (万元, the project's total investment proposed).
 */
export function SigningsField({
  known,
  organiserRegion,
}: {
  known: PickedProject[];
  organiserRegion?: string;
}) {
  const { t } = useI18n();
  const { sel } = requiredRules(t);
  const form = Form.useFormInstance();
  return (
    <Form.List name="signings">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8} data-testid="activity-form-signings">
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="flex-start">
              <Form.Item
                name={[row.name, 'projectId']}
                style={{ flex: 1, marginBottom: 0, minWidth: 0 }}
                rules={[sel('activity.field.signedProject')]}
              >
                <ProjectPicker
                  known={known}
                  regionId={organiserRegion}
                  signedOnly
                  placeholder={t('activity.signings.projectPlaceholder')}
                  onChange={(_v, picked) => {
                    const p = picked[0];
                    const current = form.getFieldValue(['signings', row.name, 'amount']);
                    if (p?.totalInvestmentFen !== undefined && !current)
                      form.setFieldValue(
                        ['signings', row.name, 'amount'],
                        minorToWanInput(p.totalInvestmentFen),
                      );
                  }}
                  data-testid={`activity-form-signing-${row.name}`}
                />
              </Form.Item>
              <Form.Item
                name={[row.name, 'amount']}
                style={{ width: 240, marginBottom: 0 }}
                rules={[
                  {
                    validator: async (_, v: string | undefined) => {
                      if (!v?.trim()) return;
                      const fen = wanToMinor(v);
                      if (fen === null || fen > MAX_FEN)
                        throw new Error(t('activity.signings.amountInvalid'));
                    },
                  },
                ]}
              >
                <MoneyInput
                  unit={t('unit.wanYuan')}
                  placeholder={t('activity.signings.amountPlaceholder')}
                  data-testid={`activity-form-signing-amount-${row.name}`}
                />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(row.name)}
                aria-label={t('activity.signings.remove')}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({})}
            style={{ alignSelf: 'flex-start' }}
            data-testid="activity-form-signing-add"
          >
            {t('activity.signings.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
