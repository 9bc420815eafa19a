/** The desktop app's connection settings (this computer or an office server) and its update notice, English. */
export const workstationEn = {
  nav: {
    connection: 'Connection',
  },
  setup: {
    title: 'Where is your data?',
    description: 'Choose once; you can change it later under Settings > Connection.',
    changedTitle: "The office server's certificate has changed",
  },
  page: {
    title: 'Connection',
    description: 'Where this computer keeps its data: on its own, or on the office server.',
    current: 'Now',
    currentLocal: 'This computer (its own database)',
    currentServer: 'Office server at {{url}}',
    pinned: 'Trusted certificate',
    desktopOnly: 'The connection is chosen in the Lantern CRM desktop app. In a browser you are already using the office server.',
  },
  choice: {
    label: 'Keep the data',
    local: 'This computer',
    localHint: 'A one-person office: the data stays in this computer’s own database.',
    server: 'Office server',
    serverHint: 'Staff desktops: everyone works on the office server’s data over the network.',
  },
  form: {
    url: 'Office server address',
    urlPlaceholder: 'https://office-server:8443',
    urlHint: 'As the administrator gives it: https://, the server’s name or address, and its port.',
    check: 'Check server',
    useLocal: 'Use this computer',
    connect: 'Trust this certificate and connect',
    trustNew: 'Trust the new certificate',
    restartNote: 'Lantern CRM restarts to apply the change.',
  },
  probe: {
    found: 'Lantern CRM office server found',
    version: 'Server version {{version}} (schema {{schema}})',
    versionDiffers: 'This app is version {{version}}. The server will offer the matching version after you connect; until then you can read but not make changes.',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    compare:
      'Compare it with the fingerprint the office server shows: the line “Certificate SHA-256 fingerprint” printed when it starts (npm run serve), or Settings > Licence & seats > Server fingerprint. Connect only if they are the same.',
    alreadyTrusted: 'This is the certificate this computer already trusts.',
    confirm: 'I compared the fingerprint with the one the office server shows, and they match',
    failed: 'Cannot use this server',
    invalidUrl: 'This is not an office server address. Type https://, the server’s name or address, and its port, like https://office-server:8443.',
    unreachable: 'Could not reach the office server. Check the address and port, that the server is running, and that this computer is on the office network.',
    notLantern: 'Something answered at this address, but not a Lantern CRM office server. Check the port.',
    certificateChanged:
      'The office server shows a different certificate from the one this computer trusted, so nothing was sent to it. Someone may be intercepting the connection, or the administrator replaced the certificate. Ask your administrator, and trust the new fingerprint only if it matches what the server shows.',
    expected: 'Trusted until now',
    presented: 'Shown now',
  },
  update: {
    title: 'Update {{version}}',
    downloading: 'Downloading from the office server… {{percent}}%',
    ready: 'Version {{version}} is ready. It installs when Lantern CRM restarts.',
    restart: 'Restart to update',
    failed: 'The update could not be downloaded',
    mismatchTitle: 'Update this app',
  },
};
