// Loads every test file (each registers its cases) and runs them.
import { run } from './assert.js';
import './format.test.js';
import './backoff.test.js';
import './patch.test.js';
import './messages.test.js';
import './widgets.test.js';
import './blocks.test.js';
import './stale.test.js';
import './sequence.test.js';
import './routes.test.js';
import './chat.test.js';
import './context.test.js';
import './dialog.test.js';

run();
