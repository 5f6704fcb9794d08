import { useTranslation } from 'react-i18next';
import type { PointDetail } from '../../../../shared/sites/schemas';
import { LodgingUnitsCard } from './LodgingUnitsCard';
import { RoomFormModal } from './RoomFormModal';
import { bedsColumn, headColumn, hostsColumn, notesColumn } from './unit-columns';

// A dormitory's or hotel's rooms (房间号, 楼层, 床位, 男/女): lodging units as a village's households are,
// saved through the same channels, so that stays, the board and the exports serve them unchanged.
export const RoomsCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  return (
    <LodgingUnitsCard
      point={point}
      testIds={{ card: 'rooms-card', table: 'rooms-table' }}
      UnitForm={RoomFormModal}
      words={{
        card: t('roomsPage.card'),
        import: t('roomsPage.import'),
        importTitle: t('roomsPage.importTitle', { name: point.name }),
        imported: (counts) => t('roomsPage.imported', counts),
        export: t('roomsPage.export'),
        add: t('roomsPage.add'),
        none: t('roomsPage.none'),
        who: t('roomsPage.fields.head'),
        listTitle: t('lodging.room.listTitle'),
        totals: (rooms, beds) => t('roomsPage.total', { rooms, beds }),
      }}
      columns={[
        headColumn(t('roomsPage.fields.head'), 110, () => t('roomsPage.outOfUse')),
        {
          key: 'floor',
          title: t('roomsPage.fields.floor'),
          width: 80,
          align: 'center',
          render: (_, h) => (h.floor === null ? '' : t('roomsPage.floorN', { n: h.floor })),
        },
        bedsColumn(t('roomsPage.fields.beds')),
        hostsColumn(t('roomsPage.fields.hosts'), (h) => t(`lodging.room.sex.${h.hosts}`)),
        notesColumn(t('roomsPage.fields.notes')),
      ]}
    />
  );
};
