// Options page entry (bundled to options.js by build.mjs).
import { render } from 'preact';
import { extensionData } from './extension-data';
import { OptionsApp } from './OptionsApp';

render(<OptionsApp data={extensionData()} />, document.getElementById('app')!);
