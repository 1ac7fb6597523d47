#include "TerminalGuard.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything the handler reads is set before the handlers are installed and
// not changed while they are, so the handler needs no lock. It calls only
// async-signal-safe functions: write, tcsetattr, sigaction and raise.

static const int guarded_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT};
enum { guarded_count = sizeof guarded_signals / sizeof guarded_signals[0] };

static struct termios saved_modes;
static int has_saved_modes = 0;
static char reset_bytes[256];
static size_t reset_length = 0;
static struct sigaction previous_actions[guarded_count];
static int is_installed = 0;
/// Set by the first handler to run, so that threads that fault together
/// restore the terminal once.
static atomic_flag has_restored = ATOMIC_FLAG_INIT;

static void restore_terminal(void) {
  if (atomic_flag_test_and_set(&has_restored)) return;
  size_t written = 0;
  while (written < reset_length) {
    ssize_t count = write(STDOUT_FILENO, reset_bytes + written, reset_length - written);
    if (count <= 0) break;
    written += (size_t)count;
  }
  if (has_saved_modes) tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
}

static void handle_fatal_signal(int number, siginfo_t *info, void *context) {
  (void)context;
  restore_terminal();
  if (info != NULL && info->si_code > 0) {
    // A fault raised by the processor happens again when the handler
    // returns, and then meets the previous action (the Swift runtime's
    // backtracer, for one) with its original details.
    for (int index = 0; index < guarded_count; index++) {
      if (guarded_signals[index] == number) sigaction(number, &previous_actions[index], NULL);
    }
    return;
  }
  // A signal sent by kill, raise or abort does not repeat, so it is sent
  // again with the default action, which ends the process. The backtracer
  // would return from such a signal and leave the process running.
  struct sigaction default_action;
  memset(&default_action, 0, sizeof default_action);
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(number, &default_action, NULL);
  raise(number);
}

int anomagram_guard_save_modes(void) {
  if (tcgetattr(STDIN_FILENO, &saved_modes) != 0) return -1;
  has_saved_modes = 1;
  return 0;
}

int anomagram_guard_install(const char *reset, size_t length) {
  if (is_installed) anomagram_guard_remove();
  if (length > sizeof reset_bytes) length = sizeof reset_bytes;
  memcpy(reset_bytes, reset, length);
  reset_length = length;
  atomic_flag_clear(&has_restored);

  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = handle_fatal_signal;
  action.sa_flags = SA_SIGINFO;
  sigemptyset(&action.sa_mask);
  int result = 0;
  for (int index = 0; index < guarded_count; index++) {
    int number = guarded_signals[index];
    if (sigaction(number, NULL, &previous_actions[index]) != 0) {
      result = -1;
      continue;
    }
    // An ignored signal (a parent may ignore SIGQUIT) stays ignored: with a
    // handler, it would restore the terminal under a program that runs on.
    if (previous_actions[index].sa_handler == SIG_IGN) continue;
    if (sigaction(number, &action, NULL) != 0) result = -1;
  }
  is_installed = 1;
  return result;
}

void anomagram_guard_remove(void) {
  if (!is_installed) return;
  for (int index = 0; index < guarded_count; index++) {
    sigaction(guarded_signals[index], &previous_actions[index], NULL);
  }
  is_installed = 0;
}
