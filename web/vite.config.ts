import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

// The Mercato server the dev/preview proxy talks to (override to point at another instance).
const server = process.env.MERCATO_DEV_API ?? 'http://127.0.0.1:3000';

// `/orders` is both an SP-API prefix (/orders/v0/...) and a page of this app:
// browser navigations (Accept: text/html) stay with the app, API calls go to the server.
const keepPagesInApp: ProxyOptions['bypass'] = (req) =>
  req.headers.accept?.includes('text/html') ? '/index.html' : undefined;

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: server },
  '/auth': { target: server },
  '/orders': { target: server, bypass: keepPagesInApp },
  '/sandbox': { target: server },
  '/marketplace': { target: server },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
  },
  server: { proxy },
  preview: { proxy },
});
