import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { licenceSummary } from './licence-summary';

/** The server's lease is a few minutes; a beat a minute keeps an idle but open app's seat. */
const HEARTBEAT_MS = 60_000;

/**
 * Mounted while signed in: keeps this device's licence seat with a heartbeat, and says plainly
 * when the office is read-only (trial ended, licence expired...), since every change would fail.
 */
export function SeatKeeper() {
  const { t, i18n } = useTranslation();
  const licence = useApiQuery('licence.status', {}, { meta: { silent: true }, refetchInterval: 5 * 60_000 });

  useEffect(() => {
    const timer = setInterval(() => {
      // A lost seat or session shows itself on the next real call; the beat itself stays quiet.
      call('seats.heartbeat', {}).catch(() => undefined);
    }, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);

  if (!licence.data || licence.data.writable) return null;
  // At the end of <body>, sticky to the bottom of the window: always in view, yet it takes its own
  // room after the page, so scrolling to the end never leaves content hidden under it.
  return createPortal(
    <Alert
      role="alert"
      color="red"
      variant="filled"
      icon={<IconLock />}
      title={t('admin.banner.readOnlyTitle')}
      data-testid="read-only-banner"
      radius={0}
      style={{ position: 'sticky', bottom: 0, zIndex: 300 }}
    >
      {/* The server's message is English and the most precise; other languages get our translated sentence. */}
      {i18n.language.startsWith('en') ? licence.data.message : licenceSummary(licence.data, t, i18n.language)} {t('admin.banner.readOnlyHint')}
    </Alert>,
    document.body,
  );
}
