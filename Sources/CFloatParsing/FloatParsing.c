#define _GNU_SOURCE
#include "FloatParsing.h"

#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __APPLE__
#include <xlocale.h>
#endif

static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void make_c_locale(void) {
  c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

// Exact powers of ten: every one up to 1e22 is representable in a double.
static const double powers_of_ten[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/// Parses plain decimals such as `-0.63232248` or `1.0000000e+00` without
/// strtof, storing the correctly rounded float and returning 1. Returns 0 when
/// the token needs the full parser: other syntax, a significand above 2^53,
/// more than 19 digits, large exponents or results near the ends of the float
/// range.
///
/// Clinger's fast path ("How to read floating point numbers accurately",
/// PLDI 1990): when the significand `w` and `10^k` are both exact doubles
/// (`w <= 2^53`, `k <= 22`), one IEEE multiplication or division gives the
/// correctly rounded double. Rounding that double to float is then correct
/// unless the double lies exactly halfway between two floats, because every
/// float midpoint is itself a double and rounding to double is monotonic.
/// The midpoint case goes to the full parser.
static int parse_plain_decimal(const char *text, size_t length, float *value) {
  size_t index = 0;
  int negative = 0;
  if (text[index] == '+' || text[index] == '-') {
    negative = text[index] == '-';
    index += 1;
  }

  // Digits before and after the point form the significand, and the value
  // is `significand * 10^exponent`. The two loops avoid a test for the point
  // on every digit, which matters when a file has a million numbers.
  uint64_t significand = 0;
  size_t digits_start = index;
  while (index < length && (unsigned char)(text[index] - '0') < 10) {
    significand = significand * 10 + (uint64_t)(text[index] - '0');
    index += 1;
  }
  size_t digit_count = index - digits_start;
  int exponent = 0;
  if (index < length && text[index] == '.') {
    index += 1;
    size_t fraction_start = index;
    while (index < length && (unsigned char)(text[index] - '0') < 10) {
      significand = significand * 10 + (uint64_t)(text[index] - '0');
      index += 1;
    }
    digit_count += index - fraction_start;
    exponent = -(int)(index - fraction_start);
  }
  // Up to 19 digits cannot overflow 64 bits, and longer tokens are rare.
  if (digit_count == 0 || digit_count > 19) {
    return 0;
  }

  if (index < length && (text[index] == 'e' || text[index] == 'E')) {
    index += 1;
    int exponent_negative = 0;
    if (index < length && (text[index] == '+' || text[index] == '-')) {
      exponent_negative = text[index] == '-';
      index += 1;
    }
    int written_exponent = 0;
    int exponent_digits = 0;
    for (; index < length && text[index] >= '0' && text[index] <= '9';
         index += 1) {
      exponent_digits += 1;
      if (written_exponent > 1000) {
        return 0;
      }
      written_exponent = written_exponent * 10 + (text[index] - '0');
    }
    if (exponent_digits == 0) {
      return 0;
    }
    exponent += exponent_negative ? -written_exponent : written_exponent;
  }
  if (index != length) {
    return 0;
  }

  if (significand == 0) {
    *value = negative ? -0.0f : 0.0f;
    return 1;
  }
  if (exponent < -22 || exponent > 22) {
    return 0;
  }
  // Clinger's condition: the significand must be an exact double.
  if (significand > (UINT64_C(1) << 53)) {
    return 0;
  }
  double result = (double)significand;
  if (exponent < 0) {
    result /= powers_of_ten[-exponent];
  } else {
    result *= powers_of_ten[exponent];
  }

  // Near FLT_MAX the rounding decides overflow, and below FLT_MIN floats are
  // subnormal with fewer significand bits than the midpoint test assumes.
  if (result > FLT_MAX || result < FLT_MIN) {
    return 0;
  }
  // A double has 29 more significand bits than a float. It is a float
  // midpoint when those bits are exactly 1000...0.
  uint64_t bits;
  memcpy(&bits, &result, sizeof bits);
  if ((bits & 0x1FFFFFFFu) == 0x10000000u) {
    return 0;
  }
  float rounded = (float)result;
  *value = negative ? -rounded : rounded;
  return 1;
}

anomagram_parse_status anomagram_parse_float(const char *text, size_t length,
                                             float *value) {
  if (length == 0) {
    return anomagram_parse_invalid;
  }
  if (parse_plain_decimal(text, length, value)) {
    return anomagram_parse_ok;
  }

  // strtof needs a terminated string. Numbers in data files are short and fit
  // the stack buffer, and a longer token (many digits) gets a heap copy.
  char stack_buffer[128];
  char *buffer = stack_buffer;
  if (length >= sizeof stack_buffer) {
    buffer = malloc(length + 1);
    if (buffer == NULL) {
      return anomagram_parse_invalid;
    }
  }
  memcpy(buffer, text, length);
  buffer[length] = '\0';

  anomagram_parse_status status = anomagram_parse_ok;
  // strtof skips leading white space; a token never has any, so reject it.
  // strtof also reads hexadecimal numbers ("0x8", "0x1p3"), which are not
  // decimal numbers, so a token with an x is rejected too.
  if (buffer[0] == ' ' || buffer[0] == '\t' || buffer[0] == '\n' ||
      buffer[0] == '\r' || buffer[0] == '\v' || buffer[0] == '\f' ||
      memchr(buffer, 'x', length) != NULL || memchr(buffer, 'X', length) != NULL) {
    status = anomagram_parse_invalid;
  } else {
    // The process locale may use ',' as the decimal separator (an app calls
    // setlocale for wide characters), so parse in the C locale explicitly.
    pthread_once(&c_locale_once, make_c_locale);
    char *end = NULL;
    errno = 0;
    float parsed = c_locale ? strtof_l(buffer, &end, c_locale)
                            : strtof(buffer, &end);
    if (end != buffer + length) {
      status = anomagram_parse_invalid;
    } else if (errno == ERANGE && isinf(parsed)) {
      // ERANGE also reports underflow, where the result is a tiny or zero
      // value that is still the nearest float; only overflow loses the value.
      status = anomagram_parse_overflow;
    } else {
      *value = parsed;
    }
  }

  if (buffer != stack_buffer) {
    free(buffer);
  }
  return status;
}
