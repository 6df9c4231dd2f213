// The demo page loads the library from source; `npm run build` bundles it into dist/demo.
import '../src/index.js';
