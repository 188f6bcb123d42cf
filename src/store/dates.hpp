#pragma once
// Calendar arithmetic for the history store: days since 1970-01-01 and back, the periods
// of a trend (days, ISO weeks, months), and moments as text that orders by time.

#include <string>
#include <string_view>

namespace electsec::store {

/// Days since 1970-01-01 of "YYYY-MM-DD" (the first ten characters of `text`, which the
/// caller has checked with is_iso_timestamp).
long day_number(std::string_view text);
/// "YYYY-MM-DD" of a day number.
std::string date_of(long day);
/// The key of the period holding `day`: the date, "YYYY-Www" (ISO week) or "YYYY-MM".
/// `kind` is 0 (day), 1 (week) or 2 (month).
std::string period_key(long day, int kind);
/// The last day of the period holding `day`.
long period_end(long day, int kind);

/// `at` (an ISO date or UTC date-time) in the form the store orders by: a date as it is, a
/// date-time with its fraction of a second padded to nine digits.
std::string key_of(std::string_view at);

}  // namespace electsec::store
