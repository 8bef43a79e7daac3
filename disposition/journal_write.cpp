#include "disposition/journal_write.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "base/log.h"
#include "base/owner.h"
#include "base/text.h"
#include "journal/config_policy.h"
#include "journal/journal.h"

namespace ord::disposition {
using namespace ord::journal;
namespace {

Result<Ok> mkdirs(const std::string& path, mode_t mode) {
    std::string cur;
    for (size_t pos = 0; pos <= path.size();) {
        size_t next = path.find('/', pos);
        if (next == std::string::npos) next = path.size();
        cur = path.substr(0, next);
        pos = next + 1;
        if (cur.empty()) continue;
        if (auto r = make_dir(cur, mode); !r) return r;  // the mode holds whatever the umask
    }
    return Ok{};
}

}  // namespace

Result<Ok> prepare_journal_dir(const Config& cfg, const std::string& user) {
    if (!cfg.journal.enabled) return Ok{};
    const std::string& dir = cfg.journal.dir;
    // Parents are made traversable (0755): the milter runs as `user` and must reach the
    // journal; the journal itself is private (0700, owned by `user`).
    if (auto slash = dir.rfind('/'); slash != std::string::npos && slash > 0)
        if (auto r = mkdirs(dir.substr(0, slash), 0755); !r) return r;
    if (auto r = mkdirs(dir, 0700); !r) return r;
    if (::geteuid() != 0 || user.empty()) return Ok{};
    struct passwd* pw = ::getpwnam(user.c_str());
    if (!pw) return Ok{};  // drop_privileges reports the unknown user
    // The milter writes the entries, the chain and the index; the command line (often
    // root) may have created the index or a day directory first. The directory is the
    // milter user's: each name is changed through its own descriptor, never through a link
    // that user planted (chain -> /etc would hand /etc over).
    auto dfd = open_dir_nofollow(dir);
    if (!dfd) return dfd.error();
    Result<Ok> r = Ok{};
    if (::fchown(*dfd, pw->pw_uid, pw->pw_gid) != 0 || ::fchmod(*dfd, 0700) != 0)
        r = Error{"io", "chown " + dir + ": " + std::strerror(errno)};
    struct Name {
        const char* name;
        mode_t mode;
    };
    for (const Name& n : {Name{"index.sqlite", 0600}, Name{"index.sqlite-wal", 0600}, Name{"index.sqlite-shm", 0600},
                          Name{"journal.lock", 0600}, Name{"chain", 0700}, Name{"entries", 0700}}) {
        if (!r) break;
        r = give_entry(*dfd, dir, n.name, pw->pw_uid, pw->pw_gid, n.mode);
    }
    ::close(*dfd);
    return r;
}

JournalSink::JournalSink() = default;
JournalSink::~JournalSink() = default;

Result<std::unique_ptr<JournalSink>> JournalSink::open(const Config& cfg) {
    std::unique_ptr<JournalSink> sink(new JournalSink());
    if (!cfg.journal.enabled) return sink;
    auto store = FsStore::open(cfg.journal.dir);
    if (!store) return store.error();
    std::unique_ptr<JournalIndex> index;
    if (auto idx = JournalIndex::open(cfg.journal.dir + "/index.sqlite"))
        index = std::move(*idx);
    else
        log::error("journal_index_error", {{"error", idx.error().message}});
    JournalWriter::Options opts;
    opts.policy = policy_from_config(cfg);
    auto w = JournalWriter::open(std::move(*store), std::move(index), std::move(opts));
    if (!w) return w.error();
    sink->writer_ = std::move(*w);
    log::info("journal_open", {{"dir", cfg.journal.dir}, {"recovered", std::to_string(sink->writer_->recovered())}});
    return sink;
}

Result<Ok> JournalSink::record(const Config& cfg, const Envelope& env, std::string_view raw, const mime::Message& msg,
                               Verdict verdict, bool keep_body, const Findings& findings, const std::string& reason) {
    if (!cfg.journal.enabled) return Ok{};
    if (!writer_) return Error{"journal", "journal is not open"};
    JournalEntry e;
    e.queue_id = env.queue_id;
    e.mail_from = env.mail_from;
    e.rcpts = env.rcpts;
    e.auth_login = env.auth_login;
    e.client_addr = env.client_addr;
    for (const auto& h : msg.headers) {
        std::string n = ascii_lower(h.name);
        if (n == "message-id" && e.message_id.empty()) e.message_id = h.raw;
        else if (n == "subject" && e.subject.empty()) e.subject = h.decoded;
        else if (n == "from") for (auto& a : addresses_in(h.raw)) e.header_from.push_back(a);
        else if (n == "to") for (auto& a : addresses_in(h.raw)) e.header_to.push_back(a);
        else if (n == "cc") for (auto& a : addresses_in(h.raw)) e.header_cc.push_back(a);
    }
    while (!e.message_id.empty() && (e.message_id.front() == ' ' || e.message_id.front() == '\t'))
        e.message_id.erase(e.message_id.begin());
    while (!e.message_id.empty() && (e.message_id.back() == ' ' || e.message_id.back() == '\r' || e.message_id.back() == '\n'))
        e.message_id.pop_back();
    e.verdict = std::string(verdict_name(verdict));
    e.reason = reason;
    for (const auto& f : findings) e.findings.push_back({f.rule, std::string(verdict_name(f.action)), f.reason});
    std::string text = keep_body ? body_text_of(msg) : "";
    RetentionPolicy policy = policy_from_config(cfg);
    auto id = writer_->record(std::move(e), raw, keep_body, text, &policy);
    if (!id) {
        log::error("journal_error", {{"qid", env.queue_id}, {"error", id.error().message}});
        return id.error();
    }
    log::info("journaled", {{"qid", env.queue_id}, {"id", *id}, {"body", keep_body ? "yes" : "no"}});
    return Ok{};
}

}  // namespace ord::disposition
