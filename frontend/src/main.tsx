import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { takeCustomerToken } from './app/customer-token';
import './styles/app.css';

// Before anything renders, so the token leaves the address bar at once.
const customerToken = takeCustomerToken();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App customerToken={customerToken} />
  </StrictMode>,
);
