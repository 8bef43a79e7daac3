#include "base/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace ord::log {
namespace {
std::atomic<int> g_min{static_cast<int>(Level::Info)};
std::mutex g_mu;

const char* level_name(Level l) {
    switch (l) {
        case Level::Debug: return "debug";
        case Level::Info: return "info";
        case Level::Warn: return "warn";
        case Level::Error: return "error";
    }
    return "info";
}
}  // namespace

void set_level(Level level) { g_min = static_cast<int>(level); }

std::string quote(std::string_view v) {
    bool needs = v.empty();
    for (unsigned char c : v)
        if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) needs = true;
    if (!needs) return std::string(v);
    std::string out = "\"";
    for (unsigned char c : v) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < ' ' || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
    return out;
}

void event(Level level, std::string_view ev, std::initializer_list<Field> fields) {
    if (static_cast<int>(level) < g_min.load()) return;
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char ts[80];
    std::snprintf(ts, sizeof ts, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
    std::string line = "ts=";
    line += ts;
    line += " level=";
    line += level_name(level);
    line += " event=";
    line += quote(ev);
    for (const auto& [k, v] : fields) {
        line += ' ';
        line += k;
        line += '=';
        line += quote(v);
    }
    line += '\n';
    std::lock_guard<std::mutex> lock(g_mu);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace ord::log
