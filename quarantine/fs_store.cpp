#include "quarantine/store.h"

#include <dirent.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>
#include <cerrno>
#include <cstring>

#include "base/digest.h"
#include "base/owner.h"

namespace ord::quarantine {
namespace {

const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

Error io(const std::string& what) { return Error{"io", what + ": " + std::strerror(errno)}; }

// Closes a descriptor on every path out.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool write_all(int fd, std::string_view b) {
    std::size_t off = 0;
    while (off < b.size()) {
        ssize_t n = ::write(fd, b.data() + off, b.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        off += static_cast<std::size_t>(n);
    }
    return true;
}

Result<std::string> read_fd(int fd, const std::string& where) {
    std::string out;
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return io("read " + where);
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

Result<std::string> read_at(int dirfd, const std::string& dir, const std::string& name) {
    Fd f(::openat(dirfd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (f.fd < 0) return io("open " + dir + "/" + name);
    return read_fd(f.fd, dir + "/" + name);
}

Result<Ok> remove_tree_at(int parent, const std::string& name) {
    int dfd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0) return errno == ENOENT ? Result<Ok>(Ok{}) : Result<Ok>(io("open " + name));
    DIR* d = ::fdopendir(dfd);
    if (!d) {
        ::close(dfd);
        return io("opendir " + name);
    }
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
        std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
    }
    for (const auto& n : names) ::unlinkat(::dirfd(d), n.c_str(), 0);
    ::closedir(d);
    if (::unlinkat(parent, name.c_str(), AT_REMOVEDIR) != 0) return io("remove " + name);
    return Ok{};
}

// The index line of an item: its record without the history, on one line (the meta's values
// are percent-encoded, so a TAB never occurs in them).
std::string index_line(const Item& it) {
    Item s = it;
    s.history.clear();
    std::string m = format_meta(s);
    if (!m.empty() && m.back() == '\n') m.pop_back();
    for (char& c : m)
        if (c == '\n') c = '\t';
    return "+ " + m + "\n";
}

const char* kIndexHeader = "ordinance-quarantine-index 1\n";

}  // namespace

Result<std::vector<Item>> QuarantineStore::summaries() const {
    auto ids = this->ids();
    if (!ids) return ids.error();
    std::vector<Item> out;
    for (const auto& id : *ids)
        if (auto it = get(id)) {
            it->history.clear();
            out.push_back(std::move(*it));
        }
    return out;
}

void FsQuarantineStore::index_append(const std::string& line, bool sync) const {
    const std::string path = dir_ + "/index";
    mode_t mode = gid_ >= 0 ? 0640 : 0600;
    for (int attempt = 0; attempt < 4; ++attempt) {
        Fd f(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode));
        if (f.fd < 0) break;
        if (uid_ >= 0 || chown_gid() >= 0) (void)::fchown(f.fd, uid_, chown_gid());
        while (::flock(f.fd, LOCK_EX) != 0)
            if (errno != EINTR) return;
        // A rebuild may have renamed a new index over this one while we waited: append to that.
        struct stat a {}, b {};
        if (::fstat(f.fd, &a) != 0) break;
        if (::stat(path.c_str(), &b) != 0 || a.st_ino != b.st_ino) continue;
        std::string add = (a.st_size == 0 ? std::string(kIndexHeader) : std::string()) + line;
        if (write_all(f.fd, add) && (!sync || ::fdatasync(f.fd) == 0)) return;
        break;
    }
    // Unwritten: no index is better than a stale one (summaries() then reads every item).
    ::unlink(path.c_str());
}

Result<std::vector<Item>> FsQuarantineStore::summaries() const {
    const std::string path = dir_ + "/index";
    Fd f(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (f.fd < 0) return QuarantineStore::summaries();
    while (::flock(f.fd, LOCK_SH) != 0)
        if (errno != EINTR) return QuarantineStore::summaries();
    auto text = read_fd(f.fd, path);
    ::flock(f.fd, LOCK_UN);
    if (!text || text->rfind(kIndexHeader, 0) != 0 || (text->size() > 0 && text->back() != '\n'))
        return QuarantineStore::summaries();
    std::map<std::string, Item> known;
    std::set<std::string> reread;
    std::size_t pos = std::string(kIndexHeader).size();
    while (pos < text->size()) {
        std::size_t nl = text->find('\n', pos);
        std::string line = text->substr(pos, nl - pos);
        pos = nl + 1;
        if (line.size() < 3 || line[1] != ' ') return QuarantineStore::summaries();
        std::string rest = line.substr(2);
        if (line[0] == '?') {
            reread.insert(rest);
        } else if (line[0] == '-') {
            known.erase(rest);
            reread.erase(rest);
        } else if (line[0] == '+') {
            for (char& c : rest)
                if (c == '\t') c = '\n';
            auto it = parse_meta(rest + "\n");
            if (!it) return QuarantineStore::summaries();
            reread.erase(it->id);
            std::string id = it->id;
            known[id] = std::move(*it);
        } else {
            return QuarantineStore::summaries();
        }
    }
    // The directory is the truth about which items exist; the index, about what they hold,
    // but for the ids it has no finished line for.
    auto ids = this->ids();
    if (!ids) return ids.error();
    std::vector<Item> out;
    out.reserve(ids->size());
    for (const auto& id : *ids) {
        auto k = known.find(id);
        if (k != known.end() && !reread.count(id)) {
            out.push_back(std::move(k->second));
            continue;
        }
        if (auto it = get(id)) {
            it->history.clear();
            out.push_back(std::move(*it));
        }
    }
    return out;
}

Result<std::size_t> FsQuarantineStore::rebuild_index() {
    const std::string path = dir_ + "/index", tmp = dir_ + "/.index.tmp";
    mode_t mode = gid_ >= 0 ? 0640 : 0600;
    // Appenders wait on the old index's lock, then see the new file and append there.
    Fd lock(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode));
    if (lock.fd < 0) return io("open " + path);
    while (::flock(lock.fd, LOCK_EX) != 0)
        if (errno != EINTR) return io("lock " + path);
    auto ids = this->ids();
    if (!ids) return ids.error();
    std::string text = kIndexHeader;
    std::size_t n = 0;
    for (const auto& id : *ids)
        if (auto it = get(id)) {
            text += index_line(*it);
            ++n;
        }
    ::unlink(tmp.c_str());
    Fd f(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (f.fd < 0) return io("create " + tmp);
    if ((uid_ >= 0 || chown_gid() >= 0) && ::fchown(f.fd, uid_, chown_gid()) != 0) return io("chown " + tmp);
    if (!write_all(f.fd, text) || ::fsync(f.fd) != 0) return io("write " + tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0) return io("rename " + tmp);
    return n;
}

std::string chain_append(std::string_view log_text, std::string_view line) {
    std::string prev = kGenesis;
    if (!log_text.empty()) {
        std::size_t end = log_text.size() - (log_text.back() == '\n' ? 1 : 0);
        std::size_t start = log_text.rfind('\n', end - 1);
        std::string_view last = log_text.substr(start == std::string_view::npos ? 0 : start + 1, end - (start == std::string_view::npos ? 0 : start + 1));
        auto h = last.rfind(" hash=");
        if (h != std::string_view::npos) prev = std::string(last.substr(h + 6));
    }
    std::string out(line);
    return out + " hash=" + sha256_hex(prev + "\n" + std::string(line)) + "\n";
}

std::vector<std::string> chain_problems(std::string_view text) {
    std::vector<std::string> problems;
    std::string prev = kGenesis;
    std::size_t pos = 0, n = 0;
    while (pos < text.size()) {
        std::size_t nl = text.find('\n', pos);
        ++n;
        if (nl == std::string_view::npos) {
            problems.push_back("line " + std::to_string(n) + ": unterminated (torn append)");
            break;
        }
        std::string_view line = text.substr(pos, nl - pos);
        pos = nl + 1;
        auto h = line.rfind(" hash=");
        if (h == std::string_view::npos) {
            problems.push_back("line " + std::to_string(n) + ": no hash field");
            continue;
        }
        std::string body(line.substr(0, h)), hash(line.substr(h + 6));
        std::string want = sha256_hex(prev + "\n" + body);
        if (hash != want) problems.push_back("line " + std::to_string(n) + ": hash does not follow (line altered, removed or reordered)");
        prev = hash;  // go on from what is written, so one edit is reported once
    }
    return problems;
}

Result<std::unique_ptr<FsQuarantineStore>> FsQuarantineStore::open(const std::string& dir, const std::string& group) {
    if (dir.empty() || dir.front() != '/') return Error{"config", "quarantine.dir must be an absolute path"};
    int gid = -1;
    if (!group.empty()) {
        struct group* g = ::getgrnam(group.c_str());
        if (!g) return Error{"config", "quarantine.reviewers_group '" + group + "' is not a group"};
        gid = static_cast<int>(g->gr_gid);
    }
    mode_t dmode = gid >= 0 ? 0750 : 0700;
    // Parents (/var/lib/ordinance) traversable, as the journal's are.
    for (std::size_t at = dir.find('/', 1); at != std::string::npos; at = dir.find('/', at + 1))
        if (::mkdir(dir.substr(0, at).c_str(), 0755) != 0 && errno != EEXIST) return io("mkdir " + dir.substr(0, at));
    for (const std::string& d : {dir, dir + "/items", dir + "/tmp"})
        if (auto r = make_dir(d, dmode); !r) return r.error();
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return io("stat " + dir);
    bool give = ::geteuid() == 0 && st.st_uid != 0;
    int uid = give ? static_cast<int>(st.st_uid) : -1, owner_gid = give ? static_cast<int>(st.st_gid) : -1;
    return std::unique_ptr<FsQuarantineStore>(new FsQuarantineStore(dir, gid, uid, owner_gid));
}

// O_EXCL temp, write, fsync, rename over `name`; the caller fsyncs the directory.
Result<Ok> FsQuarantineStore::write_file(int dirfd, const std::string& where, const std::string& name,
                                         std::string_view bytes) const {
    std::string tmp = "." + name + ".tmp";
    ::unlinkat(dirfd, tmp.c_str(), 0);  // a leftover of a crash: we hold the item's lock
    mode_t mode = gid_ >= 0 ? 0640 : 0600;
    Fd f(::openat(dirfd, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode));
    if (f.fd < 0) return io("create " + where + "/" + tmp);
    if ((uid_ >= 0 || chown_gid() >= 0) && ::fchown(f.fd, uid_, chown_gid()) != 0)
        return io("chown " + where + "/" + tmp);
    if (::fchmod(f.fd, mode) != 0) return io("chmod " + where + "/" + tmp);
    if (!write_all(f.fd, bytes) || ::fsync(f.fd) != 0) {
        int e = errno;
        ::unlinkat(dirfd, tmp.c_str(), 0);
        errno = e;
        return io("write " + where + "/" + name);
    }
    if (::renameat(dirfd, tmp.c_str(), dirfd, name.c_str()) != 0) return io("rename " + where + "/" + name);
    return Ok{};
}

Result<Ok> FsQuarantineStore::put(const Item& item, std::string_view raw) {
    if (!valid_id(item.id)) return Error{"quarantine", "invalid item id"};
    const std::string tmpdir = dir_ + "/tmp", items = dir_ + "/items";
    Fd tfd(::open(tmpdir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (tfd.fd < 0) return io("open " + tmpdir);
    mode_t dmode = gid_ >= 0 ? 0750 : 0700;
    if (::mkdirat(tfd.fd, item.id.c_str(), dmode) != 0) return io("mkdir " + tmpdir + "/" + item.id);
    auto fail = [&](Error e) -> Result<Ok> {
        (void)remove_tree_at(tfd.fd, item.id);
        return e;
    };
    Fd idir(::openat(tfd.fd, item.id.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (idir.fd < 0) return fail(io("open " + tmpdir + "/" + item.id));
    if ((uid_ >= 0 || chown_gid() >= 0) && ::fchown(idir.fd, uid_, chown_gid()) != 0) return fail(io("chown " + item.id));
    if (::fchmod(idir.fd, dmode) != 0) return fail(io("chmod " + item.id));
    std::string where = tmpdir + "/" + item.id;
    if (auto r = write_file(idir.fd, where, "message.eml", raw); !r) return fail(r.error());
    if (auto r = write_file(idir.fd, where, "meta", format_meta(item)); !r) return fail(r.error());
    if (::fsync(idir.fd) != 0) return fail(io("fsync " + where));
    Fd ifd(::open(items.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (ifd.fd < 0) return fail(io("open " + items));
    index_append("? " + item.id + "\n", true);
    if (::renameat2(tfd.fd, item.id.c_str(), ifd.fd, item.id.c_str(), RENAME_NOREPLACE) != 0)
        return fail(io("rename " + item.id + " into " + items));
    if (::fsync(ifd.fd) != 0 || ::fsync(tfd.fd) != 0) return io("fsync " + items);
    index_append(index_line(item), false);
    return Ok{};
}

Result<Item> FsQuarantineStore::get(const std::string& id) const {
    if (!valid_id(id)) return Error{"not_found", "no such item: invalid id"};
    std::string d = dir_ + "/items/" + id;
    Fd dfd(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dfd.fd < 0) return errno == ENOENT ? Error{"not_found", "no such item: " + id} : io("open " + d);
    auto text = read_at(dfd.fd, d, "meta");
    if (!text) return text.error();
    auto it = parse_meta(*text);
    if (!it) return Error{"format", d + "/meta: " + it.error().message};
    return it;
}

Result<std::string> FsQuarantineStore::raw(const std::string& id) const {
    if (!valid_id(id)) return Error{"not_found", "no such item: invalid id"};
    std::string d = dir_ + "/items/" + id;
    Fd dfd(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dfd.fd < 0) return errno == ENOENT ? Error{"not_found", "no such item: " + id} : io("open " + d);
    auto r = read_at(dfd.fd, d, "message.eml");
    if (!r && errno == ENOENT) return Error{"deleted", "the message of " + id + " was deleted; only its record is kept"};
    return r;
}

Result<std::vector<std::string>> FsQuarantineStore::ids() const {
    std::string d = dir_ + "/items";
    DIR* dp = ::opendir(d.c_str());
    if (!dp) return io("open " + d);
    std::vector<std::string> out;
    while (dirent* e = ::readdir(dp))
        if (valid_id(e->d_name)) out.push_back(e->d_name);
    ::closedir(dp);
    std::sort(out.begin(), out.end());
    return out;
}

Result<Item> FsQuarantineStore::update(const std::string& id, const Change& change) {
    if (!valid_id(id)) return Error{"not_found", "no such item: invalid id"};
    std::string d = dir_ + "/items/" + id;
    // The lock is the item directory's own descriptor: flock is per open file description,
    // so two threads of one process exclude each other as two processes do.
    Fd dfd(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dfd.fd < 0) return errno == ENOENT ? Error{"not_found", "no such item: " + id} : io("open " + d);
    while (::flock(dfd.fd, LOCK_EX) != 0)
        if (errno != EINTR) return io("lock " + d);
    auto text = read_at(dfd.fd, d, "meta");
    if (!text) return text.error();
    auto it = parse_meta(*text);
    if (!it) return Error{"format", d + "/meta: " + it.error().message};
    if (auto c = change(*it); !c) return c.error();
    index_append("? " + id + "\n", true);
    if (auto w = write_file(dfd.fd, d, "meta", format_meta(*it)); !w) return w.error();
    if (::fsync(dfd.fd) != 0) return io("fsync " + d);
    index_append(index_line(*it), false);
    return it;  // the lock goes with the descriptor
}

Result<Ok> FsQuarantineStore::drop_message(const std::string& id) {
    if (!valid_id(id)) return Error{"not_found", "no such item: invalid id"};
    std::string d = dir_ + "/items/" + id;
    Fd dfd(::open(d.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dfd.fd < 0) return io("open " + d);
    if (::unlinkat(dfd.fd, "message.eml", 0) != 0 && errno != ENOENT) return io("remove " + d + "/message.eml");
    if (::fsync(dfd.fd) != 0) return io("fsync " + d);
    return Ok{};
}

Result<Ok> FsQuarantineStore::remove(const std::string& id) {
    if (!valid_id(id)) return Error{"not_found", "no such item: invalid id"};
    std::string items = dir_ + "/items";
    Fd ifd(::open(items.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (ifd.fd < 0) return io("open " + items);
    if (auto r = remove_tree_at(ifd.fd, id); !r) return r;
    if (::fsync(ifd.fd) != 0) return io("fsync " + items);
    index_append("- " + id + "\n", false);
    return Ok{};
}

Result<Ok> FsQuarantineStore::append_audit(const std::string& line) {
    std::string path = dir_ + "/audit.log";
    mode_t mode = gid_ >= 0 ? 0640 : 0600;
    Fd f(::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, mode));
    if (f.fd < 0) return io("open " + path);
    if (uid_ >= 0 || chown_gid() >= 0) (void)::fchown(f.fd, uid_, chown_gid());
    while (::flock(f.fd, LOCK_EX) != 0)
        if (errno != EINTR) return io("lock " + path);
    if (::lseek(f.fd, 0, SEEK_SET) < 0) return io("seek " + path);
    auto text = read_fd(f.fd, path);
    if (!text) return text.error();
    std::string add = chain_append(*text, line);
    if (!write_all(f.fd, add) || ::fsync(f.fd) != 0) return io("append " + path);
    return Ok{};
}

Result<std::string> FsQuarantineStore::audit_text() const {
    std::string path = dir_ + "/audit.log";
    Fd f(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (f.fd < 0) return errno == ENOENT ? Result<std::string>(std::string()) : Result<std::string>(io("open " + path));
    return read_fd(f.fd, path);
}

// ------------------------------------------------------------------ memory twin

Result<Ok> MemoryQuarantineStore::put(const Item& item, std::string_view raw) {
    std::lock_guard<std::mutex> l(mu_);
    if (full_) return Error{"io", "write: No space left on device"};
    if (!valid_id(item.id)) return Error{"quarantine", "invalid item id"};
    if (items_.count(item.id)) return Error{"io", "rename " + item.id + ": File exists"};
    // Through the on-disk format, so the twin fails where the real store would.
    auto back = parse_meta(format_meta(item));
    if (!back) return back.error();
    items_[item.id] = {*back, std::string(raw), true};
    return Ok{};
}

Result<Item> MemoryQuarantineStore::get(const std::string& id) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = items_.find(id);
    if (it == items_.end()) return Error{"not_found", "no such item: " + id};
    return it->second.item;
}

Result<std::string> MemoryQuarantineStore::raw(const std::string& id) const {
    std::lock_guard<std::mutex> l(mu_);
    auto it = items_.find(id);
    if (it == items_.end()) return Error{"not_found", "no such item: " + id};
    if (!it->second.has_raw) return Error{"deleted", "the message of " + id + " was deleted; only its record is kept"};
    return it->second.raw;
}

Result<std::vector<std::string>> MemoryQuarantineStore::ids() const {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<std::string> out;
    for (const auto& [id, s] : items_) out.push_back(id);
    return out;
}

Result<Item> MemoryQuarantineStore::update(const std::string& id, const Change& change) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = items_.find(id);
    if (it == items_.end()) return Error{"not_found", "no such item: " + id};
    Item copy = it->second.item;
    if (auto c = change(copy); !c) return c.error();
    if (full_) return Error{"io", "write: No space left on device"};
    auto back = parse_meta(format_meta(copy));
    if (!back) return back.error();
    it->second.item = *back;
    return *back;
}

Result<Ok> MemoryQuarantineStore::drop_message(const std::string& id) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = items_.find(id);
    if (it == items_.end()) return Error{"not_found", "no such item: " + id};
    it->second.raw.clear();
    it->second.has_raw = false;
    return Ok{};
}

Result<Ok> MemoryQuarantineStore::remove(const std::string& id) {
    std::lock_guard<std::mutex> l(mu_);
    items_.erase(id);
    return Ok{};
}

Result<Ok> MemoryQuarantineStore::append_audit(const std::string& line) {
    std::lock_guard<std::mutex> l(mu_);
    if (full_) return Error{"io", "append: No space left on device"};
    audit_ += chain_append(audit_, line);
    return Ok{};
}

Result<std::string> MemoryQuarantineStore::audit_text() const {
    std::lock_guard<std::mutex> l(mu_);
    return audit_;
}

}  // namespace ord::quarantine
