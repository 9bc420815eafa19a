import { useState } from 'react';

/**
 * Shows an email's HTML (sanitised by the backend at capture) in a frame with every sandbox
 * restriction: no scripts, no forms, no same-origin access, so even a missed trick cannot run in
 * the app. The HTML never touches the page's own DOM.
 */
// The frame is a document of its own: give it the app's type rather than the browser's serif default.
const BASE_STYLE = '<style>body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif;font-size:14px;line-height:1.5;margin:8px;color:#222}img{max-width:100%}</style>';

export function EmailFrame({ html, title }: { html: string; title: string }) {
  const [height, setHeight] = useState(160);
  return (
    <iframe
      sandbox=""
      srcDoc={BASE_STYLE + html}
      title={title}
      data-testid="email-frame"
      // The sandboxed document cannot be measured from outside (no same-origin); the person can resize it.
      onLoad={() => setHeight(240)}
      style={{ width: '100%', height, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, resize: 'vertical', background: 'white' }}
    />
  );
}
