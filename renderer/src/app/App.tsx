import { HashRouter } from 'react-router';
import { ConnectionGate } from '../features/workstation/ConnectionGate';
import { AppProviders } from './AppProviders';
import { ErrorBoundary } from './ErrorBoundary';
import { SessionGate } from './SessionGate';

// HashRouter: the desktop app loads the page from file://, where only the hash can carry a route.
export function App() {
  return (
    <AppProviders>
      <ErrorBoundary>
        <HashRouter>
          <ConnectionGate>
            <SessionGate />
          </ConnectionGate>
        </HashRouter>
      </ErrorBoundary>
    </AppProviders>
  );
}
