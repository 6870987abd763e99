// Entry of the bench-only offscreen document: the bench's hooks first (ES modules evaluate in import
// order), then the extension's own offscreen code, unchanged.
import './wasm-threads';
import '../../src/offscreen/index';
