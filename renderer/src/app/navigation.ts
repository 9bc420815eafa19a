import {
  IconAddressBook,
  IconBuilding,
  IconCalendarEvent,
  IconChartBar,
  IconHome,
  IconLifebuoy,
  IconTargetArrow,
  IconTrash,
  IconTrendingUp,
  type Icon,
} from '@tabler/icons-react';

export type SectionKey =
  | 'home'
  | 'accounts'
  | 'contacts'
  | 'leads'
  | 'opportunities'
  | 'activities'
  | 'cases'
  | 'reports'
  | 'recycleBin';

export interface Section {
  key: SectionKey;
  path: string;
  icon: Icon;
}

/** The main sections, in navbar order. Settings is separate: its entries depend on the role. */
export const SECTIONS: readonly Section[] = [
  { key: 'home', path: '/', icon: IconHome },
  { key: 'accounts', path: '/accounts', icon: IconBuilding },
  { key: 'contacts', path: '/contacts', icon: IconAddressBook },
  { key: 'leads', path: '/leads', icon: IconTargetArrow },
  { key: 'opportunities', path: '/opportunities', icon: IconTrendingUp },
  { key: 'activities', path: '/activities', icon: IconCalendarEvent },
  { key: 'cases', path: '/cases', icon: IconLifebuoy },
  { key: 'reports', path: '/reports', icon: IconChartBar },
  { key: 'recycleBin', path: '/recycle-bin', icon: IconTrash },
];
