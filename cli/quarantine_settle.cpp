// `ordinance quarantine settle ID... --maillog FILE`: decides, from the re-injection listener's
// own log, whether a release left `releasing` (interrupted between the listener's 250 and the
// mark) was taken, and marks those recipients released, so that no --force guess is needed.
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "base/terminal.h"
#include "base/text.h"
#include "cli/quarantine_actions.h"
#include "quarantine/release.h"

namespace ord::cli::qcmd {
namespace {

using namespace ord::quarantine;

// What the log says about releases: per release id, the queue ids its listener's cleanup
// logged it under (postfix/reinject/cleanup "info: header X-Ordinance-Release: RID"); per
// queue id, whether the queue manager took it (committed to the queue) and the recipients its
// delivery agents name.
struct LogFacts {
    std::map<std::string, std::vector<std::string>> qids_of_release;
    std::set<std::string> committed;
    std::map<std::string, std::set<std::string>> rcpts_of_qid;
};

LogFacts read_log(std::istream& in) {
    LogFacts f;
    static const std::regex header(R"(postfix/reinject/cleanup\[\d+\]: ([0-9A-Za-z]+): info: header X-Ordinance-Release: (R[0-9A-Za-z-]+) )");
    static const std::regex active(R"(postfix/qmgr\[\d+\]: ([0-9A-Za-z]+): from=<[^>]*>, size=\d+, nrcpt=\d+ \(queue active\))");
    static const std::regex to(R"(: ([0-9A-Za-z]+): to=<([^>]*)>,)");
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, header)) f.qids_of_release[m[2]].push_back(m[1]);
        else if (std::regex_search(line, m, active)) f.committed.insert(m[1]);
        else if (std::regex_search(line, m, to)) f.rcpts_of_qid[m[1]].insert(ascii_lower(m[2].str()));
    }
    return f;
}

}  // namespace

int cmd_settle(QuarantineStore& store, const std::vector<std::string>& a) {
    std::vector<std::string> ids;
    std::string maillog;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] == "--maillog" && i + 1 < a.size()) maillog = a[++i];
        else if (!a[i].empty() && a[i][0] == '-') {
            std::cerr << "ordinance quarantine: settle: unknown option or missing value '" << terminal_text(a[i]) << "'\n";
            return 2;
        } else ids.push_back(a[i]);
    }
    if (ids.empty() || maillog.empty()) {
        std::cerr << "ordinance quarantine: settle: give the items and --maillog FILE (the listener's Postfix log)\n";
        return 2;
    }
    std::ifstream in(maillog);
    if (!in) {
        std::cerr << "ordinance quarantine: settle: " << terminal_text(maillog) << ": cannot be read\n";
        return 2;
    }
    const LogFacts facts = read_log(in);
    int status = 0;
    for (const auto& id : ids) {
        std::vector<std::string> settled, unknown;
        std::string rid;
        auto r = store.update(id, [&](Item& it) -> Result<Ok> {
            settled.clear();
            unknown.clear();
            for (auto& rc : it.rcpts) {
                if (rc.state != RcptState::Releasing) continue;
                bool taken = false;
                std::string qid;
                if (auto q = facts.qids_of_release.find(rc.release_id); q != facts.qids_of_release.end())
                    for (const auto& x : q->second) {
                        if (!facts.committed.count(x)) continue;
                        auto rs = facts.rcpts_of_qid.find(x);
                        // Committed to the queue: the listener took it. Its recipients show as
                        // they are delivered; one not logged yet is still in the queue.
                        if (rs == facts.rcpts_of_qid.end() || rs->second.count(ascii_lower(rc.addr)) ||
                            rs->second.empty()) {
                            taken = true;
                            qid = x;
                        }
                    }
                if (taken) {
                    rc.state = RcptState::Released;
                    settled.push_back(rc.addr);
                    rid = rc.release_id;
                    it.history.push_back({now(), whoami(), "released",
                                          "release " + rc.release_id + " to " + rc.addr + " settled from " + maillog +
                                              " (queue id " + qid + ")"});
                } else {
                    unknown.push_back(rc.addr + " (release " + rc.release_id + ")");
                }
            }
            if (settled.empty() && unknown.empty()) return Error{"nothing", "item " + id + " has no recipient left releasing"};
            if (settled.empty()) return Error{"unknown", ""};
            return Ok{};
        });
        if (!r && r.error().code != "unknown") {
            std::cout << terminal_text(id) << ": " << terminal_text(r.error().message) << "\n";
            status = 1;
            continue;
        }
        if (!settled.empty()) {
            std::string list;
            for (const auto& s : settled) list += (list.empty() ? "" : ",") + s;
            (void)store.append_audit(audit_line({whoami(), "settled from " + maillog, now()}, "settle", id, settled, rid));
            std::cout << terminal_text(id) << ": released (settled from the log) to " << terminal_text(list) << "\n";
        }
        for (const auto& u : unknown) {
            std::cout << terminal_text(id) << ": " << terminal_text(u)
                      << ": not in the log as taken by the listener; if the log is complete, it was not delivered: "
                         "release --force sends it\n";
            status = 1;
        }
    }
    return status;
}

}  // namespace ord::cli::qcmd
