import { Button, Result, Spin, Typography } from 'antd';
import { Component, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

type BoundaryProps = { children: ReactNode; fallback: (error: Error) => ReactNode };

// React catches render errors only in a class component; this one holds nothing but the error.
class Boundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state: { error: Error | undefined } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}

// Around each page: while its code loads, a spinner; if it fails (a bug, a chunk that cannot be
// read), a plain message in place of the page while the navigation and every other page still
// work — never a blank window. Going to another page starts afresh.
export const PageBoundary = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Boundary
      key={pathname}
      fallback={(error) => (
        <Result
          status="error"
          title={t('pageError.title')}
          subTitle={t('pageError.hint')}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              {t('pageError.reload')}
            </Button>
          }
        >
          <Typography.Text type="secondary" data-testid="page-error">
            {error.message}
          </Typography.Text>
        </Result>
      )}
    >
      <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '120px auto' }} />}>{children}</Suspense>
    </Boundary>
  );
};
