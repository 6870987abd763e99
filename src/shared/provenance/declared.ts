// The combined provenance verdict (README: "Provenance"):
//   "ai"     when the file declares AI generation in any of these ways, whatever the model says:
//            - a C2PA action with an AI digitalSourceType (trainedAlgorithmicMedia,
//              compositeWithTrainedAlgorithmicMedia, algorithmicMedia), in the active manifest or an
//              ingredient's, whose manifest has a valid signature, assertions matching its claim and
//              no ingredient link naming it with a wrong hash (even if the pixels were edited after
//              signing: the declaration is still authentic), whoever signed it (a forger gains
//              nothing by claiming AI);
//            - an IPTC/XMP DigitalSourceType naming one of those codes (self-declared, unsigned);
//            - generation parameters written by a generator (A1111, ComfyUI, NovelAI, InvokeAI, Fooocus).
//   "camera" when the active C2PA manifest is validly signed by a signer whose certificate chains to
//            the C2PA Trust List (or to an anchor the user added), intact, bound to these exact
//            bytes, and records a camera capture (digitalCapture, or a capture device's own signed
//            EXIF), with no c2pa-rs failure status (c2pa-rs would call it "Trusted"), and
//            nothing above says "ai". Without a trust list nothing is "camera".
//   null     otherwise. EXIF make/model is shown but never makes an image "camera": anyone can write it.

import type { Provenance, ProvenanceSignal } from '../verdict';
import type { C2paSignal } from './c2pa';

export function declaredFrom(signals: ProvenanceSignal[]): Provenance['declared'] {
  const c2pa = signals.find((s): s is C2paSignal => s.kind === 'c2pa');
  const aiByC2pa = c2pa?.aiAssertions.some((a) => a.trustworthy) ?? false;
  const aiByIptc = signals.some((s) => s.kind === 'iptc' && s.ai === true);
  const aiByParams = signals.some((s) => s.kind === 'generator-parameters');
  if (aiByC2pa || aiByIptc || aiByParams) return 'ai';
  if (c2pa?.cameraCapture) return 'camera';
  return null;
}
