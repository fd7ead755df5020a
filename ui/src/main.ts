import { mount } from 'svelte';

import './app.css';
import App from './App.svelte';

async function start() {
  // `npm run dev:mock` / `build:mock` run the UI against an in-memory fake host
  // (no Rust needed). The branch is removed from the real build.
  if (import.meta.env.MODE === 'mock') {
    const { installMockHost } = await import('./dev/mockHost');
    installMockHost();
  }
  const target = document.getElementById('app');
  if (target) mount(App, { target });
}

void start();
