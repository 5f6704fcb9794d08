import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

// The columns of a chosen table that the import does not take (the table kit's ignoredColumns), said
// in every import's preview in the words the CLI's summary uses, so that nothing is dropped unseen.
export const IgnoredColumns = ({ columns }: { columns: readonly string[] }) => {
  const { t } = useTranslation();
  if (columns.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="ignored-columns"
      title={t('table.ignoredColumns', { columns: columns.join(t('text.list')) })}
    />
  );
};
