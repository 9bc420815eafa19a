import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The policy the built page enforces on itself. A meta tag (not only a server header) because the
 * desktop app loads the page from file://, where no server can send headers. Only in the build:
 * the dev server's hot-reload preamble is an inline script.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine writes its CSS variables into <style> tags at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' wss: ws:",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'lantern-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `npm run dev`-style work against a running office server: vite serves the UI, the server the API.
const officeServer = process.env.LANTERN_SERVER ?? 'https://127.0.0.1:8443';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: the same build works from file:// in Electron and from `/` on the server.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: officeServer, secure: false, ws: true, changeOrigin: true },
    },
  },
});
