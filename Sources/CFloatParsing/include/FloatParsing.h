#ifndef ANOMAGRAM_FLOAT_PARSING_H
#define ANOMAGRAM_FLOAT_PARSING_H

#include <stddef.h>

/// Outcome of parsing one decimal number.
typedef enum {
  /// The whole token is a number that fits in a float.
  anomagram_parse_ok = 0,
  /// The token is not a number, or has characters after the number.
  anomagram_parse_invalid = 1,
  /// The number's magnitude is too large for a float.
  anomagram_parse_overflow = 2,
} anomagram_parse_status;

/// Parses `length` bytes at `text` as one float, independent of the
/// process locale (the decimal separator is always '.'). The result is the
/// float nearest to the decimal value, ties to even, as `strtof` returns it.
///
/// NaN and infinity spellings parse as `anomagram_parse_ok` with a
/// non-finite value; callers decide whether to accept them.
anomagram_parse_status anomagram_parse_float(const char *text, size_t length,
                                             float *value);

#endif
