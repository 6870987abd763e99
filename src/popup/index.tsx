// Popup entry (bundled to popup.js by build.mjs). The data source is the background.
import { render } from 'preact';
import { App } from './App';
import { backgroundData } from './background-data';

render(<App data={backgroundData()} />, document.getElementById('app')!);
