#ifndef ANOMAGRAM_TERMINAL_GUARD_H
#define ANOMAGRAM_TERMINAL_GUARD_H

#include <stddef.h>

/// Records the terminal modes of standard input as they are now, to be put
/// back if the process dies of a fatal signal. Call it before curses changes
/// them. Returns 0, or -1 when standard input is not a terminal.
int anomagram_guard_save_modes(void);

/// Installs handlers for the signals of a crash (SIGSEGV, SIGBUS, SIGILL,
/// SIGTRAP, SIGFPE and SIGABRT; a Swift runtime trap arrives as SIGILL or
/// SIGTRAP). A handler writes `reset`, `length` bytes of control sequences
/// that leave full-screen mode, to standard output, and puts back the modes
/// saved by `anomagram_guard_save_modes`. Then a fault goes on to the action
/// the signal had before, and a signal sent by `kill` or `abort` to the
/// default action, so a crash still ends the process with its usual
/// message and exit status. Signals the process ignores are left alone.
///
/// The bytes are copied, up to 255 of them. Returns 0, or -1 when a handler
/// could not be installed.
int anomagram_guard_install(const char *reset, size_t length);

/// Gives the guarded signals back the actions they had before
/// `anomagram_guard_install`. Call it once the terminal is restored the
/// ordinary way.
void anomagram_guard_remove(void);

#endif
