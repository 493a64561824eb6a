import { ArrowLeftOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Flex, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n/i18n-context';
import './kit.css';

export interface DetailAction {
  key: string;
  label: ReactNode;
  icon?: ReactNode;
  onClick: () => void;
  primary?: boolean;
  /** Destructive: red, and confirmed first unless it opens its own dialog (`confirm: false`). */
  danger?: boolean;
  /** The question asked before a destructive action (default 「确定要{label}吗？」). */
  confirm?: string | false;
  disabled?: boolean;
  loading?: boolean;
  testId?: string;
}

export interface Crumb {
  label: ReactNode;
  to?: string;
}

interface Props {
  /** From the section down to the record itself (the last crumb, not a link). */
  breadcrumb: Crumb[];
  title: ReactNode;
  /** The status as colour plus words (a Tag), and any markers beside it. */
  status?: ReactNode;
  /** A line under the title (code · area · updated). */
  meta?: ReactNode;
  /** Only the actions this user may take on this record. */
  actions?: DetailAction[];
  backTo: string;
  backLabel: string;
  titleTestId?: string;
  children?: ReactNode;
}

/**
 * The head of a record page: breadcrumb down to the record, back link, the record's name (wrapping
 * by words on a phone, never one character per line), status tag, and the actions allowed to this
 * user; destructive ones ask first.
 */
export function DetailHeader({
  breadcrumb,
  title,
  status,
  meta,
  actions = [],
  backTo,
  backLabel,
  titleTestId,
  children,
}: Props) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} className="kit-detail">
      <nav aria-label={t('kit.breadcrumb')}>
        <Breadcrumb
          items={breadcrumb.map((c, i) => ({
            key: i,
            title:
              c.to && i < breadcrumb.length - 1 ? (
                <Link to={c.to}>{c.label}</Link>
              ) : (
                <span aria-current={i === breadcrumb.length - 1 ? 'page' : undefined}>{c.label}</span>
              ),
          }))}
        />
      </nav>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Flex gap={8} align="center" wrap>
            <Link to={backTo} aria-label={backLabel} title={backLabel}>
              <ArrowLeftOutlined />
            </Link>
            <Typography.Title
              level={4}
              className="kit-detail-title"
              style={{ margin: 0 }}
              data-testid={titleTestId}
            >
              {title}
            </Typography.Title>
            {status}
          </Flex>
          {meta ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {meta}
            </Typography.Text>
          ) : null}
        </Flex>
        {actions.length > 0 ? (
          <Flex gap={8} wrap>
            {actions.map((a) => {
              const button = (
                <Button
                  key={a.key}
                  type={a.primary ? 'primary' : 'default'}
                  danger={a.danger}
                  icon={a.icon}
                  disabled={a.disabled}
                  loading={a.loading}
                  onClick={a.danger && a.confirm !== false ? undefined : a.onClick}
                  data-testid={a.testId}
                >
                  {a.label}
                </Button>
              );
              if (!a.danger || a.confirm === false) return button;
              return (
                <Popconfirm
                  key={a.key}
                  title={
                    typeof a.confirm === 'string'
                      ? a.confirm
                      : t('kit.confirmAction', { action: typeof a.label === 'string' ? a.label : '' })
                  }
                  okText={t('kit.ok')}
                  cancelText={t('kit.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={a.onClick}
                >
                  {button}
                </Popconfirm>
              );
            })}
          </Flex>
        ) : null}
      </Flex>
      {children}
    </Flex>
  );
}
