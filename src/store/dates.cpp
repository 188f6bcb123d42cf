#include "store/dates.hpp"

#include <cstdio>

namespace electsec::store {

namespace {

// The number in t[at, at + n); a character that is missing or not a digit counts as 0, so
// that a damaged date read from a store can never be read past its end.
int field(std::string_view t, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (i < t.size() && t[i] >= '0' && t[i] <= '9' ? t[i] - '0' : 0);
  return v;
}

// The proleptic Gregorian calendar counted in 400-year eras of 146097 days, with years
// starting on March 1st so that the leap day falls at the end of one.
long days_from_date(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long year_of_era = y - era * 400;
  const long day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

void date_from_days(long z, long& y, long& m, long& d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long day_of_era = z - era * 146097;
  const long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const long mp = (5 * day_of_year + 2) / 153;
  d = day_of_year - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
}

// 0 for Monday .. 6 for Sunday (1970-01-01 was a Thursday).
long weekday(long day) {
  const long w = (day + 3) % 7;
  return w < 0 ? w + 7 : w;
}

}  // namespace

long day_number(std::string_view text) {
  return days_from_date(field(text, 0, 4), field(text, 5, 2), field(text, 8, 2));
}

std::string date_of(long day) {
  long y = 0, m = 0, d = 0;
  date_from_days(day, y, m, d);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04ld-%02ld-%02ld", y, m, d);
  return buffer;
}

std::string period_key(long day, int kind) {
  if (kind == 0) return date_of(day);
  char buffer[64];
  long y = 0, m = 0, d = 0;
  if (kind == 1) {
    // The ISO week-year is the year of the week's Thursday.
    const long thursday = day - weekday(day) + 3;
    date_from_days(thursday, y, m, d);
    const long week = (thursday - days_from_date(y, 1, 1)) / 7 + 1;
    std::snprintf(buffer, sizeof buffer, "%04ld-W%02ld", y, week);
    return buffer;
  }
  date_from_days(day, y, m, d);
  std::snprintf(buffer, sizeof buffer, "%04ld-%02ld", y, m);
  return buffer;
}

long period_end(long day, int kind) {
  if (kind == 0) return day;
  if (kind == 1) return day - weekday(day) + 6;
  long y = 0, m = 0, d = 0;
  date_from_days(day, y, m, d);
  return m == 12 ? days_from_date(y + 1, 1, 1) - 1 : days_from_date(y, m + 1, 1) - 1;
}

std::string key_of(std::string_view at) {
  if (at.size() <= 10) return std::string(at);
  std::string key(at.substr(0, 19));  // YYYY-MM-DDThh:mm:ss
  std::string fraction;
  if (at.size() > 20 && at[19] == '.') fraction = std::string(at.substr(20, at.size() - 21));
  fraction.resize(9, '0');
  return key + "." + fraction.substr(0, 9) + "Z";
}

}  // namespace electsec::store
