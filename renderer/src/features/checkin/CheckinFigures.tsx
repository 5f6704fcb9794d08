import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { checkinRate } from './rate';

// The class overview's line of 报到: shown once anyone has been checked in, noted late or on leave.
export const CheckinFigures = ({ classId }: { classId: number }) => {
  const { t } = useTranslation();
  const list = useQuery(() => api.checkin.list({ classId, missing: false }), `checkin:${classId}:false`);
  const figures = list.data?.figures;
  if (!figures || figures.arrived + figures.late + figures.leave === 0) return null;
  return (
    <Link to={`/classes/${classId}?tab=checkin`} data-testid="overview-checkin">
      <Typography.Text strong>
        {t('checkinPage.overview', {
          arrived: figures.arrived + figures.late,
          expected: figures.expected,
          rate: checkinRate(figures.rate),
        })}
      </Typography.Text>
    </Link>
  );
};
