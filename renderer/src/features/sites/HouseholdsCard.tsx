import { useTranslation } from 'react-i18next';
import type { PointDetail } from '../../../../shared/sites/schemas';
import { HouseholdFormModal } from './HouseholdFormModal';
import { LodgingUnitsCard } from './LodgingUnitsCard';
import { bedsColumn, headColumn, hostsColumn, notesColumn } from './unit-columns';

// A village's host households: the list, each one editable, and the same as a spreadsheet.
export const HouseholdsCard = ({ point }: { point: PointDetail }) => {
  const { t } = useTranslation();
  const column = (key: 'head' | 'phone' | 'address' | 'beds' | 'hosts' | 'notes') => t(`sitesPage.householdColumns.${key}`);
  return (
    <LodgingUnitsCard
      point={point}
      testIds={{ table: 'households-table' }}
      UnitForm={HouseholdFormModal}
      words={{
        card: t('sitesPage.households'),
        import: t('sitesPage.importHouseholds'),
        importTitle: t('sitesPage.importHouseholdsTitle', { name: point.name }),
        imported: (counts) => t('sitesPage.householdsImported', counts),
        export: t('sitesPage.exportHouseholds'),
        add: t('sitesPage.addHousehold'),
        none: t('sitesPage.noHouseholds'),
        who: column('head'),
        listTitle: t('lodging.doc.householdsTitle'),
        totals: (households, beds) => t('sitesPage.bedsTotal', { households, beds }),
      }}
      columns={[
        // These columns are kept to what their words need, so that 备注 shows more than a character or
        // two at 1280 px.
        headColumn(column('head'), 120, (h) => t(h.beds === 0 ? 'lodgingPage.notHosting' : 'sitesPage.inactive')),
        { key: 'phone', title: column('phone'), dataIndex: 'phone', width: 116 },
        { key: 'address', title: column('address'), dataIndex: 'address', width: 100, ellipsis: true },
        bedsColumn(column('beds')),
        hostsColumn(column('hosts'), (h) => (
          <>
            {t(`lodging.hosts.${h.hosts}`)}
            {h.hosts === 'any' && h.mixedRooms && `·${t('sitesPage.mixedRoomsTag')}`}
          </>
        )),
        notesColumn(column('notes')),
      ]}
    />
  );
};
