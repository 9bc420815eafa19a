import { useState } from 'react';

/**
 * Shows an email's HTML (sanitised by the backend at capture) in a frame with every sandbox
 * restriction: no scripts, no forms, no same-origin access, so even a missed trick cannot run in
 * the app. The HTML never touches the page's own DOM.
 */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  const [height, setHeight] = useState(160);
  return (
    <iframe
      sandbox=""
      srcDoc={html}
      title={title}
      data-testid="email-frame"
      // The sandboxed document cannot be measured from outside (no same-origin); the person can resize it.
      onLoad={() => setHeight(240)}
      style={{ width: '100%', height, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, resize: 'vertical', background: 'white' }}
    />
  );
}
