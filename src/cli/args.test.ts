import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './args';

describe('trust options', () => {
  it('takes the trust list, the TSA list and repeated user anchors', () => {
    const a = parseCliArgs(['verify', '--trust-list', 'C2PA-TRUST-LIST.pem', '--tsa-trust-list', 'tsa.pem', '--trust-anchor', 'a.pem', '--trust-anchor', 'b.pem', 'x.jpg']);
    expect(a).toMatchObject({ command: 'verify', trustList: 'C2PA-TRUST-LIST.pem', tsaTrustList: 'tsa.pem', trustAnchors: ['a.pem', 'b.pem'], inputs: ['x.jpg'] });
  });

  it('without them there is no list and no anchor', () => {
    expect(parseCliArgs(['verify', 'x.jpg'])).toMatchObject({ trustList: undefined, trustAnchors: [] });
  });
});
