// The exit codes of DESIGN §5: 0 success, 1 error or failed check, 2 changes pending (plan --detailed-exitcode).
//
// Must not: grow new codes without DESIGN §5 and the help text changing with them.
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_CHANGES = 2;
