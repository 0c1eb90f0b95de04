// Entry point: restore the work (or open the default example, or a share link),
// then render the app. Monaco and the Run panel arrive later, lazily.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startApp } from './ui/app/startApp.ts';
import './ui/app/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

startApp();

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
