// Chrome: the model runs in an offscreen document (service workers have no DOM and are killed when idle).
import { startBackground } from './main';
import { offscreenClient } from './offscreen-client';

startBackground(offscreenClient);
