// Entry point: styles, then the app into #app.
import { render } from 'preact';
import { App } from './app.js';
import { loadInitialLocale } from './i18n/index.js';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/table.css';
import './styles/fleet.css';
import './styles/device.css';
import './styles/tickets.css';
import './styles/schedules.css';
import './styles/queue.css';
import './styles/checks.css';

// A reader who chose Russian gets it from the first paint: its catalog comes before the app.
const root = document.getElementById('app');
if (root) void loadInitialLocale().then(() => render(<App />, root));
