/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// The built index.html is loaded by Tauri's custom protocol, so every asset
// URL must be relative ('./'), and nothing may come from another origin.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  // The mock host (dev:mock) reads the built-in skill framework and practice templates from the core.
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: ['.', '../src-tauri/core/src/skills/builtin', '../src-tauri/core/src/transition/templates'] },
  },
  build: {
    outDir: mode === 'mock' ? 'dist-mock' : 'dist',
    emptyOutDir: true,
    target: 'safari15',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
}));
