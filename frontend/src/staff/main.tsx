import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StaffApp } from './StaffApp';
import '../styles/staff.css';

const root = document.getElementById('root');
if (!root) throw new Error('staff.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StaffApp />
  </StrictMode>,
);
