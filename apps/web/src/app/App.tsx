import { ConfigProvider } from 'antd';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth/AuthProvider';
import { useI18n } from './i18n/i18n-context';
import { router } from './router';
import { FONT } from './theme';

export function App() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{
        // secondary, description, placeholder and status texts dark enough for WCAG AA (4.5:1 on white and on
        // the page's grey); antd's defaults (45 % and 25 % black) fall below it
        token: {
          colorPrimary: '#1668dc',
          colorLink: '#0958d9',
          // hovered buttons and links stay at AA too (antd lightens them to 3.5:1)
          colorPrimaryHover: '#0958d9',
          colorLinkHover: '#003eb3',
          borderRadius: 6,
          fontFamily: FONT,
          colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
          colorTextDescription: 'rgba(0, 0, 0, 0.62)',
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
          // danger buttons, red / green / orange words (逾期, 停用, 同比) at 4.5:1 and more
          colorError: '#cf1322',
          colorErrorText: '#cf1322',
          colorSuccessText: '#237804',
          colorWarningText: '#ad4e00',
        },
        components: {
          Layout: { headerHeight: 56, headerPadding: '0 16px', siderBg: '#001529' },
          Menu: {
            darkItemColor: 'rgba(255, 255, 255, 0.8)',
            darkGroupTitleColor: 'rgba(255, 255, 255, 0.7)',
          },
        },
      }}
    >
      {/* antd's App (the context of message, modal and notification) is the signed-in shell's: AppLayout */}
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </ConfigProvider>
  );
}
