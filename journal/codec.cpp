#include "journal/codec.h"

#include <zstd.h>

#include <cstdio>
#include <memory>

namespace ord::journal {

Result<std::string> zstd_compress(std::string_view raw, int level) {
    // One context and one output buffer per thread, reused: a fresh context per call and a
    // zero-filled compressBound string were 16% of the milter's CPU (bench/RESULTS-i11.md).
    struct Ctx {
        ZSTD_CCtx* c = ZSTD_createCCtx();
        ~Ctx() { ZSTD_freeCCtx(c); }
    };
    thread_local Ctx ctx;
    thread_local std::unique_ptr<char[]> buf;
    thread_local size_t cap = 0;
    if (!ctx.c) return Error{"zstd", "cannot create a compression context"};
    size_t bound = ZSTD_compressBound(raw.size());
    if (bound > cap) {
        buf.reset(new char[bound]);
        cap = bound;
    }
    size_t n = ZSTD_compressCCtx(ctx.c, buf.get(), cap, raw.data(), raw.size(), level);
    if (ZSTD_isError(n)) return Error{"zstd", ZSTD_getErrorName(n)};
    std::string out(buf.get(), n);
    if (cap > (8u << 20)) {  // a 50 MB message's buffer is not kept for the thread's life
        buf.reset();
        cap = 0;
    }
    return out;
}

Result<std::string> zstd_decompress(std::string_view frame) {
    unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return Error{"zstd", "not a zstd frame with a known size"};
    if (size > (1ull << 34)) return Error{"zstd", "frame claims an implausible size"};
    std::string out(static_cast<size_t>(size), '\0');
    size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
    if (ZSTD_isError(n)) return Error{"zstd", ZSTD_getErrorName(n)};
    if (n != size) return Error{"zstd", "short frame"};
    return out;
}

std::string escape_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (char c : v) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string unescape_value(std::string_view v) {
    std::string out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            char n = v[++i];
            out += n == 'n' ? '\n' : n == 'r' ? '\r' : n;
        } else {
            out += v[i];
        }
    }
    return out;
}

// Howard Hinnant's algorithms: proleptic Gregorian, exact for any year we will meet.
int64_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilTime civil_from_unix(int64_t t) {
    int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    int64_t secs = t - days * 86400;
    int64_t z = days + 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    CivilTime c;
    c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
    c.hour = static_cast<int>(secs / 3600);
    c.minute = static_cast<int>(secs % 3600 / 60);
    c.second = static_cast<int>(secs % 60);
    return c;
}

int64_t unix_from_civil(const CivilTime& c) {
    return days_from_civil(c.year, c.month, c.day) * 86400 + c.hour * 3600 + c.minute * 60 + c.second;
}

int days_in_month(int year, int month) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : d[month - 1];
}

std::string iso_utc(int64_t t) {
    CivilTime c = civil_from_unix(t);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute,
                  c.second);
    return buf;
}

std::string day_path(int64_t t) {
    CivilTime c = civil_from_unix(t);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", c.year, c.month, c.day);
    return buf;
}

std::optional<int64_t> parse_utc(std::string_view s) {
    auto num = [&](size_t pos, size_t len, int& out) {
        if (pos + len > s.size()) return false;
        out = 0;
        for (size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    CivilTime c;
    if (s.size() < 10 || !num(0, 4, c.year) || s[4] != '-' || !num(5, 2, c.month) || s[7] != '-' ||
        !num(8, 2, c.day))
        return std::nullopt;
    if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > days_in_month(c.year, c.month)) return std::nullopt;
    size_t p = 10;
    if (p < s.size()) {
        if (s[p] != 'T' && s[p] != ' ') return std::nullopt;
        if (!num(p + 1, 2, c.hour) || s.size() < p + 6 || s[p + 3] != ':' || !num(p + 4, 2, c.minute))
            return std::nullopt;
        p += 6;
        if (p < s.size() && s[p] == ':') {
            if (!num(p + 1, 2, c.second)) return std::nullopt;
            p += 3;
        }
        if (p < s.size() && s[p] == 'Z') ++p;
        if (p != s.size() || c.hour > 23 || c.minute > 59 || c.second > 60) return std::nullopt;
    }
    return unix_from_civil(c);
}

}  // namespace ord::journal
