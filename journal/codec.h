// Byte-level helpers the journal shares: SHA-256 (base/digest.h), zstd frames, escaping of metadata
// values, and UTC civil-time conversion (no locale, no time zone database).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/digest.h"
#include "base/result.h"

namespace ord::journal {

using ord::sha256_hex;

Result<std::string> zstd_compress(std::string_view raw, int level = 3);
Result<std::string> zstd_decompress(std::string_view frame);

// Metadata values live one per line: backslash, CR and LF are escaped.
std::string escape_value(std::string_view v);
std::string unescape_value(std::string_view v);

struct CivilTime {
    int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
int64_t days_from_civil(int y, int m, int d);
CivilTime civil_from_unix(int64_t t);
int64_t unix_from_civil(const CivilTime& c);
int days_in_month(int year, int month);

// 2026-11-25T10:35:00Z
std::string iso_utc(int64_t t);
// "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC). nullopt when malformed.
std::optional<int64_t> parse_utc(std::string_view s);
// "YYYY/MM/DD" of a time, for store keys.
std::string day_path(int64_t t);

}  // namespace ord::journal
