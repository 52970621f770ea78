import { defineConfig } from 'vitest/config';

// The Python app serves the build from its package, so the output goes straight there.
const OUT_DIR = '../src/returndesk/web/static';
const BACKEND = process.env.RETURNDESK_BACKEND ?? 'http://127.0.0.1:8000';

export default defineConfig({
  // esbuild's own JSX transform is all React needs; no Babel plugin to install.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Two pages: the shopper's chat and the staff console. Each loads only its own code,
    // so what the console needs (charts among it) never weighs on the shopper's page.
    rollupOptions: {
      input: { index: 'index.html', staff: 'staff.html' },
    },
  },
  server: {
    proxy: {
      '/chatkit': { target: BACKEND, changeOrigin: false },
      '/api': { target: BACKEND, changeOrigin: false },
      '/staff/api': { target: BACKEND, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    restoreMocks: true,
  },
});
