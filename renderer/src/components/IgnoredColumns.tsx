import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

// The columns of a chosen table that the import does not take (the table kit's ignoredColumns), said
// in a preview before anything is imported (the lists' imports say it with their counts, after).
export const IgnoredColumns = ({ columns }: { columns: readonly string[] }) => {
  const { t } = useTranslation();
  if (columns.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="ignored-columns"
      title={t('tableImport.ignoredColumns', { columns: columns.join(t('tableImport.listSeparator')) })}
    />
  );
};
