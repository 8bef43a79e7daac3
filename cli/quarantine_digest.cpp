// `ordinance quarantine digest`: mails each reviewer the list of held items that wait for
// them, only when something new waits since the digest they last got (for a systemd timer).
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "base/smtp_client.h"
#include "base/terminal.h"
#include "base/text.h"
#include "cli/quarantine_actions.h"
#include "quarantine/digest.h"

namespace ord::cli::qcmd {
namespace {

using namespace ord::quarantine;

std::string one_line(const std::string& s, std::size_t max) {
    std::string v = terminal_text(s);
    if (v.size() > max) v = v.substr(0, max - 3) + "...";
    return v;
}

// O_EXCL temp, fsync, rename, directory fsync: the state is either the old one or the new.
Result<Ok> write_durably(const std::string& path, const std::string& bytes) {
    std::string dir = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
    if (dir.empty()) dir = ".";
    std::string tmp = path + ".tmp." + std::to_string(::getpid());
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"io", tmp + ": " + std::strerror(errno)};
    std::size_t off = 0;
    while (off < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + off, bytes.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int e = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            return Error{"io", tmp + ": " + std::strerror(e)};
        }
        off += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        return Error{"io", tmp + ": " + std::strerror(errno)};
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        int e = errno;
        ::unlink(tmp.c_str());
        return Error{"io", path + ": " + std::strerror(e)};
    }
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

// A group's addresses: quarantine.digest_to.GROUP, else its members' user@domain (the
// supplementary members and those whose primary group it is).
std::vector<std::string> group_addresses(const Config& cfg, const std::string& group, std::string& problem) {
    const auto& q = cfg.quarantine;
    if (auto it = q.digest_to.find(group); it != q.digest_to.end()) return {it->second};
    std::string domain = !q.digest_domain.empty() ? q.digest_domain
                         : cfg.organisation.internal_domains.empty() ? std::string("localhost")
                                                                     : cfg.organisation.internal_domains.front();
    struct group* gr = ::getgrnam(group.c_str());
    if (!gr) {
        problem = "group " + group + ": no such Unix group and no quarantine.digest_to." + group + "; nobody told";
        return {};
    }
    std::set<std::string> users;
    for (char** m = gr->gr_mem; m && *m; ++m) users.insert(*m);
    const gid_t gid = gr->gr_gid;
    ::setpwent();
    while (struct passwd* pw = ::getpwent())
        if (pw->pw_gid == gid) users.insert(pw->pw_name);
    ::endpwent();
    std::vector<std::string> out;
    for (const auto& u : users) out.push_back(u + "@" + domain);
    if (out.empty()) problem = "group " + group + " has no members and no quarantine.digest_to." + group + "; nobody told";
    return out;
}

std::string compose(const Config& cfg, const std::string& to, const std::vector<const Item*>& items,
                    const std::string& told, std::size_t fresh) {
    std::string from = cfg.notify.from;
    if (from.find('@') == std::string::npos)
        from += "@" + (cfg.organisation.internal_domains.empty() ? std::string("localhost")
                                                                  : cfg.organisation.internal_domains.front());
    char date[64];
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    unsigned char rb[8] = {};
    (void)::getrandom(rb, sizeof rb, 0);
    char mid[20];
    std::snprintf(mid, sizeof mid, "%02x%02x%02x%02x%02x%02x%02x%02x", rb[0], rb[1], rb[2], rb[3], rb[4], rb[5], rb[6], rb[7]);
    std::ostringstream m;
    m << "From: " << (cfg.organisation.name.empty() ? std::string("Mail gateway") : one_line(cfg.organisation.name, 80) + " mail gateway")
      << " <" << from << ">\r\n"
      << "To: <" << to << ">\r\n"
      << "Subject: Quarantine: " << items.size() << " held message(s) wait for your review (" << fresh << " new)\r\n"
      << "Date: " << date << "\r\n"
      << "Message-ID: <ordinance-digest-" << mid << "@" << from.substr(from.find('@') + 1) << ">\r\n"
      << "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\nX-Ordinance-Notice: digest\r\n\r\n";
    m << items.size() << " held message(s) wait for you; those marked * arrived since your last digest.\r\n\r\n";
    const int64_t now_s = now();
    for (const Item* it : items) {
        int64_t age = now_s - it->time;
        std::string a = age >= 86400 ? std::to_string(age / 86400) + "d" : age >= 3600 ? std::to_string(age / 3600) + "h"
                                                                                       : std::to_string(std::max<int64_t>(age, 0) / 60) + "m";
        m << (it->id > told ? "* " : "  ") << it->id << "  " << a << "  " << one_line(it->sender.empty() ? "<>" : it->sender, 40)
          << "  " << one_line(rules_of(*it), 40) << "  " << one_line(it->subject, 60) << "\r\n";
    }
    m << "\r\nReview them with: ordinance quarantine review\r\n"
         "(or ordinance quarantine show ID, then release or delete it with a reason).\r\n";
    return m.str();
}

}  // namespace

int cmd_digest(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    bool dry = false;
    for (const auto& x : a) {
        if (x == "--dry-run") dry = true;
        else {
            std::cerr << "ordinance quarantine: digest: unknown option '" << terminal_text(x) << "'\n";
            return 2;
        }
    }
    const auto& q = cfg.quarantine;
    const std::string state_path = q.digest_state.empty() ? q.dir + "/digest.state" : q.digest_state;
    DigestState state;
    {
        std::ifstream in(state_path, std::ios::binary);
        if (in) {
            std::ostringstream ss;
            ss << in.rdbuf();
            auto st = parse_digest_state(ss.str());
            if (!st) {
                std::cerr << "ordinance quarantine: " << state_path << ": " << st.error().message << "\n";
                return 2;
            }
            state = std::move(*st);
        }
    }
    auto all = store.summaries();
    if (!all) {
        std::cerr << "ordinance quarantine: " << terminal_text(all.error().message) << "\n";
        return 2;
    }
    std::vector<Item> items;
    for (auto& it : *all)
        if (waiting(it)) items.push_back(std::move(it));
    // Who is told about what: the groups each item waits for, and its moderators.
    std::map<std::string, std::vector<const Item*>> by_addr;
    std::map<std::string, std::vector<std::string>> cache;
    std::set<std::string> problems;
    for (const auto& it : items) {
        std::set<std::string> addrs;
        for (const auto& g : waiting_for(q, it)) {
            if (!cache.count(g)) {
                std::string problem;
                cache[g] = group_addresses(cfg, g, problem);
                if (!problem.empty()) problems.insert(problem);
            }
            addrs.insert(cache[g].begin(), cache[g].end());
        }
        for (const auto& m : it.moderators) addrs.insert(ascii_lower(m));
        if (addrs.empty()) problems.insert("item " + it.id + ": nobody reviews it (quarantine.reviewers_group, release_groups)");
        for (const auto& ad : addrs) by_addr[ad].push_back(&it);
    }
    for (const auto& p : problems) std::cout << "digest: " << terminal_text(p) << "\n";
    const std::string smtp = cfg.notify.smtp.empty() ? q.reinject : cfg.notify.smtp;
    int status = 0;
    std::size_t sent = 0;
    bool changed = false;
    for (const auto& [addr, list] : by_addr) {
        const std::string told = state.count(addr) ? state[addr] : "";
        std::size_t fresh = 0;
        std::string newest;
        for (const Item* it : list) {
            if (it->id > told) ++fresh;
            newest = std::max(newest, it->id);
        }
        if (!fresh) {
            std::cout << "digest to " << terminal_text(addr) << ": " << list.size() << " waiting, nothing new: not sent\n";
            continue;
        }
        if (dry) {
            std::cout << "digest to " << terminal_text(addr) << ": " << list.size() << " waiting, " << fresh
                      << " new: would be sent\n";
            continue;
        }
        auto d = smtp::send_message(smtp, "digest smtp", "ordinance-digest", "", {addr}, compose(cfg, addr, list, told, fresh), 60);
        if (!d || d->taken.empty()) {
            std::cout << "digest to " << terminal_text(addr) << ": NOT sent: "
                      << terminal_text(d ? d->refusals : d.error().message) << "\n";
            status = 1;
            continue;
        }
        std::cout << "digest to " << terminal_text(addr) << ": " << list.size() << " waiting, " << fresh << " new: sent\n";
        state[addr] = newest;
        changed = true;
        ++sent;
    }
    if (changed)
        if (auto w = write_durably(state_path, format_digest_state(state)); !w) {
            // Sent but not recorded: the next digest repeats it, which is better than silence.
            std::cout << "digest: " << terminal_text(w.error().message) << " (the next digest will repeat these)\n";
            status = 1;
        }
    if (by_addr.empty()) std::cout << "digest: nothing waits\n";
    else if (!dry) std::cout << "digest: " << sent << " sent\n";
    return status;
}

}  // namespace ord::cli::qcmd
