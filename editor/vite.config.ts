import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The editor compiles the engine's TypeScript source itself: the engine's pure core is
// browser-safe, and its built form is CommonJS. Never alias `@firebreak/engine/temporal`.
const engineSrc = fileURLToPath(new URL('../engine/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@firebreak\/engine$/, replacement: engineSrc }],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: process.env.FIREBREAK_API ?? 'http://localhost:8080',
        changeOrigin: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
