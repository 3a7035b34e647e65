import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { queryClient } from './app/query-client';
import { AccountApp } from './features/account/account-app';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {/* Buyers' "Your Account" is its own app: other session, other header (issue 3 item 9). */}
      {/^\/(account(\/|$)|sellers\/)/.test(window.location.pathname) ? <AccountApp /> : <App />}
    </QueryClientProvider>
  </StrictMode>,
);
