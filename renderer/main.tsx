import './zod-csp.ts';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createClient, detectTransport } from './client/client.ts';
import { startI18n } from './i18n/i18n.ts';

const client = createClient(detectTransport());
const i18n = await startI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App client={client} i18n={i18n} />
    </StrictMode>,
  );
}
