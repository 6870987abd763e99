// Options page entry (bundled to options.js by build.mjs).
import { render } from 'preact';
import { extensionData } from './extension-data';
import { OptionsApp } from './OptionsApp';
import { extensionTrustData } from './trust-data';

render(<OptionsApp data={extensionData()} trust={extensionTrustData()} />, document.getElementById('app')!);
