#include "cli/eval_corpus.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/text.h"
#include "cli/corpus.h"
#include "journal/entry.h"
#include "journal/index.h"

namespace ord::cli {
namespace {

// "2026-01-05" -> unix seconds at noon UTC of that day; -1 when malformed.
int64_t day_time(const std::string& d) {
    int y = 0, m = 0, day = 0;
    if (std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12 || day < 1 || day > 31) return -1;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = day;
    tm.tm_hour = 12;
    return static_cast<int64_t>(timegm(&tm));
}

}  // namespace

EvalJournal::~EvalJournal() {
    if (tmp_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(tmp_, ec);
}

Result<Ok> EvalJournal::seed(const std::string& dir, std::vector<std::string>& sets) {
    std::string path = dir + "/journal.tsv";
    std::ifstream in(path);
    if (!in) return Ok{};
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/ordinance-eval-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!::mkdtemp(buf.data())) return Error{"io", "mkdtemp " + tmpl};
    tmp_ = buf.data();
    auto idx = journal::JournalIndex::open(tmp_ + "/index.sqlite");
    if (!idx) return idx.error();
    std::vector<journal::JournalEntry> entries;
    std::string line;
    for (std::size_t lineno = 1; std::getline(in, line); ++lineno) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cols = split_fields(line, '\t');
        int64_t t = cols.size() == 5 ? day_time(cols[3]) : -1;
        if (cols.size() != 5 || cols[1].empty() || cols[2].empty() || t < 0)
            return Error{"eval", path + ":" + std::to_string(lineno) +
                                     ": expected MESSAGE-ID<TAB>SENDER<TAB>RECIPIENTS<TAB>YYYY-MM-DD<TAB>SUBJECT"};
        journal::JournalEntry e;
        e.id = "eval-" + std::to_string(lineno);
        e.time = t;
        e.message_id = cols[0] == "-" ? "" : cols[0];
        e.mail_from = ascii_lower(cols[1]);
        e.header_from = {e.mail_from};
        for (const auto& r : split_fields(cols[2], ','))
            if (!r.empty()) e.rcpts.push_back(ascii_lower(r));
        e.subject = cols[4];
        e.verdict = "accept";
        entries.push_back(std::move(e));
    }
    std::vector<journal::JournalIndex::Item> items;
    for (const auto& e : entries) items.push_back({&e, journal::entry_key(e), std::string(64, '0'), ""});
    if (auto r = (*idx)->insert(items); !r) return r.error();
    entries_ = entries.size();
    sets.push_back("journal.enabled=true");
    sets.push_back("journal.dir=" + tmp_);
    return Ok{};
}

Result<Ok> apply_envelope_file(const std::string& path, Envelope& env) {
    std::ifstream in(path);
    if (!in) return Ok{};
    std::string line;
    bool rcpts = false;
    for (std::size_t lineno = 1; std::getline(in, line); ++lineno) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto eq = line.find('=');
        std::string key = eq == std::string::npos ? line : line.substr(0, eq);
        std::string value = eq == std::string::npos ? "" : line.substr(eq + 1);
        if (key == "mail_from") env.mail_from = value;
        else if (key == "auth_login") env.auth_login = value;
        else if (key == "client_addr") env.client_addr = value;
        else if (key == "helo") env.helo = value;
        else if (key == "rcpt") {
            if (!rcpts) env.rcpts.clear();
            rcpts = true;
            env.rcpts.push_back(value);
        } else {
            return Error{"eval", path + ":" + std::to_string(lineno) +
                                     ": expected mail_from=, rcpt=, auth_login=, client_addr= or helo="};
        }
    }
    return Ok{};
}

}  // namespace ord::cli
