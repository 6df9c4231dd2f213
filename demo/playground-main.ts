// The playground page: the library from source, then the controls.
import '../src/index.js';
import { startPlayground } from './playground.js';

startPlayground();
