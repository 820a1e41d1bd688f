// Files stagemig writes and reads back: atomic writes and locks.
//
// Must not: print, or know what a plan or the service is: paths and bytes only.
export { checkWritableSync, writeFileAtomic, writeFileAtomicSync, type AtomicWriteOptions, type FileContent } from './atomic-write.js';
export { jsonPieces } from './json-pieces.js';
export { acquireLock, describeHolder, holdingLock, withLock, type Lock, type LockHolder, type LockOptions } from './lock.js';
export { FileReadError, MAX_BYTES, readRegularFile, sha256Hex, type ReadFailure } from './bounded-read.js';
export { checkJsonText, checkJsonValue, readCheckedJson, type CheckedJsonOptions } from './checked-json.js';
export { compileSchemaFile, schemaFilePath, READ_BACK_SCHEMAS, type ReadBackSchema, type SchemaOptions } from './schema-file.js';
