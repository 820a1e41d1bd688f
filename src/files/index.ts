// Files stagemig writes and reads back: atomic writes and locks.
export { writeFileAtomic, writeFileAtomicSync, type AtomicWriteOptions } from './atomic-write.js';
