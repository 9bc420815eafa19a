import type { ReactNode } from 'react';
import { ConnectionSetupPage } from './ConnectionSetupPage';
import { UpdateNotice } from './UpdateNotice';

/**
 * In the desktop app: the connection choice comes before sign-in on a first start, and replaces
 * the app when the office server's certificate changed. A workstation also hears its updater.
 * In a browser (no desktop bridge) it adds nothing.
 */
export function ConnectionGate({ children }: { children: ReactNode }) {
  const bridge = window.lanternDesktop;
  const connection = bridge?.connection;
  if (bridge && (connection?.mode === 'unset' || (connection?.mode === 'server' && connection.certificateChanged))) {
    return <ConnectionSetupPage bridge={bridge} />;
  }
  return (
    <>
      {children}
      {bridge && connection?.mode === 'server' && <UpdateNotice bridge={bridge} />}
    </>
  );
}
