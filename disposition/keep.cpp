#include "disposition/keep.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <random>

#include "base/owner.h"
#include "journal/store.h"

namespace ord::disposition {

std::string kept_name(const std::string& queue_id) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char when[32];
    std::strftime(when, sizeof when, "%Y/%m/%d/", &tm);
    char hms[16];
    std::strftime(hms, sizeof hms, "%H%M%S", &tm);
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    char rnd[20];
    std::snprintf(rnd, sizeof rnd, "%08llx", static_cast<unsigned long long>(rng() & 0xffffffffull));
    std::string qid;
    for (char c : queue_id)
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) qid += c;
    if (qid.empty()) qid = "noqid";
    return std::string(when) + qid + "-" + hms + "-" + rnd + ".eml";
}

Result<Ok> keep_original(const Config& cfg, const std::string& name, std::string_view raw) {
    auto store = journal::FsStore::open(cfg.attachments.stripped_dir);
    if (!store) return Error{"io", "attachments.stripped_dir: " + store.error().message};
    if (auto r = (*store)->put(name, raw); !r) return r;
    return (*store)->sync();
}

Result<Ok> make_private_dir(const std::string& dir, const std::string& user, const std::string& what) {
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return Error{"io", "cannot create " + what + " " + dir + ": " + std::strerror(errno)};
    // Through the directory's own descriptor: a link planted in its place is refused, not followed.
    if (::geteuid() == 0 && !user.empty())
        if (struct passwd* pw = ::getpwnam(user.c_str()))
            if (auto r = give_dir(dir, pw->pw_uid, pw->pw_gid); !r)
                return Error{"io", "cannot give " + what + " to " + user + ": " + r.error().message};
    return Ok{};
}

Result<Ok> prepare_stripped_dir(const Config& cfg, const std::string& user) {
    if (cfg.attachments.strip.empty()) return Ok{};
    return make_private_dir(cfg.attachments.stripped_dir, user, "attachments.stripped_dir");
}

}  // namespace ord::disposition
