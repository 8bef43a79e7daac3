#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <cstdio>
#include <cstdlib>

#include "journal/store.h"

namespace ord::journal {
namespace {

Error io_error(const std::string& what, const std::string& path, int err) {
    return Error{err == ENOSPC || err == EDQUOT ? "nospace" : "io", what + " " + path + ": " + std::strerror(err)};
}

Result<Ok> write_all(int fd, std::string_view data, const std::string& path) {
    size_t off = 0;
    while (off < data.size()) {
        ssize_t n = ::write(fd, data.data() + off, data.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return io_error("write", path, errno);
        }
        off += static_cast<size_t>(n);
    }
    return Ok{};
}

Result<Ok> fsync_path(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return io_error("open", path, errno);
    int rc = ::fsync(fd);
    int err = errno;
    ::close(fd);
    if (rc != 0) return io_error("fsync", path, err);
    return Ok{};
}

std::string parent_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

bool safe_key(const std::string& key) {
    if (key.empty() || key[0] == '/' || key.find("..") != std::string::npos) return false;
    return key.find('\0') == std::string::npos;
}

std::atomic<uint64_t> g_tmp_counter{0};

// ".tmp-PID-N" of another process that still runs: a second writer on this journal (the old
// process of a restart, still draining) is between its write and its rename; not a leftover.
bool written_by_live_process(const std::string& name) {
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + 5, &end, 10);
    if (pid <= 0 || !end || *end != '-' || pid == ::getpid()) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Appends the bytes of fd from `pos` up to `end` (-1: to the end of the file) to `out`.
Result<Ok> read_range(int fd, off_t pos, off_t end, const std::string& path, std::string& out) {
    char buf[65536];
    while (end < 0 || pos < end) {
        ssize_t n = ::pread(fd, buf, sizeof buf, pos);
        if (n < 0) {
            if (errno == EINTR) continue;
            return io_error("read", path, errno);
        }
        if (n == 0) break;
        out.append(buf, static_cast<size_t>(n));
        pos += n;
    }
    return Ok{};
}

}  // namespace

Result<std::unique_ptr<FsStore>> FsStore::open(const std::string& root) {
    struct stat st {};
    if (::stat(root.c_str(), &st) != 0) return io_error("journal directory", root, errno);
    if (!S_ISDIR(st.st_mode)) return Error{"io", "journal directory " + root + " is not a directory"};
    if (::access(root.c_str(), W_OK | X_OK) != 0) return io_error("journal directory", root, errno);
    return std::unique_ptr<FsStore>(new FsStore(root));
}

Result<Ok> FsStore::make_dirs(const std::string& rel_dir) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        if (made_dirs_.count(rel_dir)) return Ok{};
    }
    std::string path = root_;
    size_t pos = 0;
    while (pos <= rel_dir.size()) {
        size_t next = rel_dir.find('/', pos);
        if (next == std::string::npos) next = rel_dir.size();
        std::string comp = rel_dir.substr(pos, next - pos);
        pos = next + 1;
        if (comp.empty()) continue;
        std::string child = path + "/" + comp;
        if (::mkdir(child.c_str(), 0700) == 0) {
            std::lock_guard<std::mutex> lock(mu_);
            dirty_dirs_.insert(path);  // the parent gained a name
        } else if (errno != EEXIST) {
            return io_error("mkdir", child, errno);
        }
        path = child;
    }
    std::lock_guard<std::mutex> lock(mu_);
    made_dirs_.insert(rel_dir);
    return Ok{};
}

Result<Ok> FsStore::put(const std::string& key, std::string_view bytes) {
    if (!safe_key(key)) return Error{"io", "bad journal key '" + key + "'"};
    std::string dir_rel = key.find('/') == std::string::npos ? "" : key.substr(0, key.rfind('/'));
    if (auto r = make_dirs(dir_rel); !r) return r;
    std::string final_path = root_ + "/" + key;
    std::string dir = parent_of(final_path);
    // Unfinished writes are dot files: never listed, removed by remove_unfinished().
    std::string tmp = dir + "/.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(++g_tmp_counter);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == ENOENT) {  // a directory remembered as made was removed since
        {
            std::lock_guard<std::mutex> lock(mu_);
            made_dirs_.erase(dir_rel);
        }
        if (auto r = make_dirs(dir_rel); !r) return r;
        fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    }
    if (fd < 0) return io_error("create", tmp, errno);
    auto fail = [&](Error e) -> Result<Ok> {
        ::close(fd);
        ::unlink(tmp.c_str());
        return e;
    };
    if (auto r = write_all(fd, bytes, tmp); !r) return fail(r.error());
    if (::fsync(fd) != 0) return fail(io_error("fsync", tmp, errno));
    if (::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return io_error("close", tmp, err);
    }
    // RENAME_NOREPLACE: an entry is never overwritten, even by a colliding id.
    if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, final_path.c_str(), RENAME_NOREPLACE) != 0) {
        int err = errno;
        ::unlink(tmp.c_str());
        return io_error("rename", final_path, err);
    }
    std::lock_guard<std::mutex> lock(mu_);
    dirty_dirs_.insert(dir);
    return Ok{};
}

Result<Ok> FsStore::sync() {
    std::set<std::string> dirs;
    {
        std::lock_guard<std::mutex> lock(mu_);
        dirs.swap(dirty_dirs_);
    }
    // Deepest first, so a new day directory's contents are durable before its name is.
    std::vector<std::string> order(dirs.begin(), dirs.end());
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& d : order) {
        if (auto r = fsync_path(d); !r) {
            std::lock_guard<std::mutex> lock(mu_);
            dirty_dirs_.insert(dirs.begin(), dirs.end());
            return r;
        }
    }
    return Ok{};
}

Result<std::string> FsStore::get(const std::string& key) const {
    if (!safe_key(key)) return Error{"io", "bad journal key '" + key + "'"};
    std::string path = root_ + "/" + key;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_error("open", path, errno);
    std::string out;
    Result<Ok> r = read_range(fd, 0, -1, path, out);
    ::close(fd);
    if (!r) return r.error();
    return out;
}

bool FsStore::exists(const std::string& key) const {
    struct stat st {};
    return safe_key(key) && ::stat((root_ + "/" + key).c_str(), &st) == 0;
}

Result<Ok> FsStore::remove(const std::string& key) {
    if (!safe_key(key)) return Error{"io", "bad journal key '" + key + "'"};
    std::string path = root_ + "/" + key;
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return io_error("unlink", path, errno);
    std::lock_guard<std::mutex> lock(mu_);
    dirty_dirs_.insert(parent_of(path));
    return Ok{};
}

namespace {
void walk(const std::string& abs, const std::string& rel, std::vector<std::string>& out) {
    DIR* d = ::opendir(abs.c_str());
    if (!d) return;
    while (struct dirent* e = ::readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::string name = e->d_name;
        std::string child_abs = abs + "/" + name, child_rel = rel.empty() ? name : rel + "/" + name;
        bool is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN) {
            struct stat st {};
            is_dir = ::stat(child_abs.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (is_dir) walk(child_abs, child_rel, out);
        else out.push_back(child_rel);
    }
    ::closedir(d);
}
}  // namespace

Result<std::vector<std::string>> FsStore::list(const std::string& prefix) const {
    // The prefix names a directory ("entries/2026/11/") or a directory plus a name start.
    std::string dir_rel = prefix.find('/') == std::string::npos ? "" : prefix.substr(0, prefix.rfind('/'));
    std::vector<std::string> out;
    walk(dir_rel.empty() ? root_ : root_ + "/" + dir_rel, dir_rel, out);
    std::vector<std::string> keep;
    for (auto& k : out)
        if (k.rfind(prefix, 0) == 0) keep.push_back(std::move(k));
    std::sort(keep.begin(), keep.end());
    return keep;
}

Result<Ok> FsStore::append(const std::string& log, std::string_view data) {
    if (!safe_key(log)) return Error{"io", "bad journal log '" + log + "'"};
    std::string dir_rel = log.find('/') == std::string::npos ? "" : log.substr(0, log.rfind('/'));
    if (auto r = make_dirs(dir_rel); !r) return r;
    std::string path = root_ + "/" + log;
    struct stat st {};
    bool fresh = ::stat(path.c_str(), &st) != 0;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return io_error("open", path, errno);
    off_t before = ::lseek(fd, 0, SEEK_END);
    auto r = write_all(fd, data, path);
    if (r && ::fdatasync(fd) != 0) r = io_error("fsync", path, errno);
    if (!r && before >= 0) {
        // A partial append must not stay behind (disk full mid-line).
        if (::ftruncate(fd, before) == 0) (void)::fdatasync(fd);
    }
    ::close(fd);
    if (!r) return r;
    if (fresh) {
        std::lock_guard<std::mutex> lock(mu_);
        dirty_dirs_.insert(parent_of(path));
    }
    if (fresh) return sync();
    return Ok{};
}

Result<std::string> FsStore::read_log(const std::string& log) const {
    if (!exists(log)) return std::string();
    return get(log);
}

Result<Ok> FsStore::truncate_log(const std::string& log, std::size_t size) {
    std::string path = root_ + "/" + log;
    if (::truncate(path.c_str(), static_cast<off_t>(size)) != 0) return io_error("truncate", path, errno);
    return Ok{};
}

Result<std::size_t> FsStore::remove_unfinished(const std::string& prefix) {
    std::size_t n = 0;
    std::string dir = root_ + "/" + prefix;
    std::vector<std::string> dirs{dir};
    for (size_t i = 0; i < dirs.size(); ++i) {
        DIR* d = ::opendir(dirs[i].c_str());
        if (!d) continue;
        while (struct dirent* e = ::readdir(d)) {
            std::string name = e->d_name;
            if (name == "." || name == "..") continue;
            std::string p = dirs[i] + "/" + name;
            if (name.rfind(".tmp-", 0) == 0) {
                if (written_by_live_process(name)) continue;
                if (::unlink(p.c_str()) == 0) ++n;
            } else if (e->d_type == DT_DIR) {
                dirs.push_back(p);
            }
        }
        ::closedir(d);
    }
    return n;
}

Result<std::string> FsStore::read_log_from(const std::string& log, std::size_t offset) const {
    if (!safe_key(log)) return Error{"io", "bad journal log '" + log + "'"};
    std::string path = root_ + "/" + log;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return std::string();
        return io_error("open", path, errno);
    }
    std::string out;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        int err = errno;
        ::close(fd);
        return io_error("stat", path, err);
    }
    Result<Ok> r = read_range(fd, static_cast<off_t>(offset), st.st_size, path, out);
    ::close(fd);
    if (!r) return r.error();
    return out;
}

Result<Ok> FsStore::lock() {
    lock_mu_.lock();
    if (lock_depth_ == 0) {
        std::string path = root_ + "/journal.lock";
        if (lock_fd_ < 0) {
            // Read-only is enough for flock; O_NOFOLLOW and the type check because the
            // directory is the milter user's and this may run as root.
            int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
            if (fd < 0) {
                int err = errno;
                lock_mu_.unlock();
                if (err == ELOOP) return Error{"io", path + " is a symbolic link; refusing to follow it (remove it)"};
                return io_error("open", path, err);
            }
            struct stat fs {}, ds {};
            if (::fstat(fd, &fs) != 0 || !S_ISREG(fs.st_mode) || fs.st_nlink != 1) {
                ::close(fd);
                lock_mu_.unlock();
                return Error{"io", path + " is not a plain file (a link, a device, hard-linked); refusing"};
            }
            if (::geteuid() == 0 && fs.st_uid == 0 && ::stat(root_.c_str(), &ds) == 0 && ds.st_uid != 0)
                (void)::fchown(fd, ds.st_uid, ds.st_gid);
            lock_fd_ = fd;
        }
        while (::flock(lock_fd_, LOCK_EX) != 0) {
            if (errno == EINTR) continue;
            int err = errno;
            lock_mu_.unlock();
            return io_error("lock", path, err);
        }
    }
    ++lock_depth_;
    return Ok{};
}

void FsStore::unlock() {
    if (--lock_depth_ == 0) (void)::flock(lock_fd_, LOCK_UN);
    lock_mu_.unlock();
}

FsStore::~FsStore() {
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

// ---------------------------------------------------------------- MemoryStore

Result<Ok> MemoryStore::put(const std::string& key, std::string_view bytes) {
    std::lock_guard<std::mutex> lock(mu_);
    if (full_) return Error{"nospace", "put " + key + ": No space left on device"};
    if (objects_.count(key)) return Error{"io", "put " + key + ": File exists"};
    objects_[key] = std::string(bytes);
    return Ok{};
}
Result<Ok> MemoryStore::sync() {
    std::lock_guard<std::mutex> lock(mu_);
    if (full_) return Error{"nospace", "sync: No space left on device"};
    return Ok{};
}
Result<std::string> MemoryStore::get(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = objects_.find(key);
    if (it == objects_.end()) return Error{"io", "open " + key + ": No such file or directory"};
    return it->second;
}
bool MemoryStore::exists(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mu_);
    return objects_.count(key) > 0 || logs_.count(key) > 0;
}
Result<Ok> MemoryStore::remove(const std::string& key) {
    std::lock_guard<std::mutex> lock(mu_);
    objects_.erase(key);
    return Ok{};
}
Result<std::vector<std::string>> MemoryStore::list(const std::string& prefix) const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    for (auto it = objects_.lower_bound(prefix); it != objects_.end() && it->first.rfind(prefix, 0) == 0; ++it)
        out.push_back(it->first);
    for (auto it = logs_.lower_bound(prefix); it != logs_.end() && it->first.rfind(prefix, 0) == 0; ++it)
        out.push_back(it->first);
    std::sort(out.begin(), out.end());
    return out;
}
Result<Ok> MemoryStore::append(const std::string& log, std::string_view data) {
    std::lock_guard<std::mutex> lock(mu_);
    if (full_) return Error{"nospace", "append " + log + ": No space left on device"};
    logs_[log].append(data);
    return Ok{};
}
Result<std::string> MemoryStore::read_log(const std::string& log) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = logs_.find(log);
    return it == logs_.end() ? std::string() : it->second;
}
Result<Ok> MemoryStore::truncate_log(const std::string& log, std::size_t size) {
    std::lock_guard<std::mutex> lock(mu_);
    logs_[log].resize(size);
    return Ok{};
}
Result<std::size_t> MemoryStore::remove_unfinished(const std::string&) { return std::size_t{0}; }
Result<std::string> MemoryStore::read_log_from(const std::string& log, std::size_t offset) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = logs_.find(log);
    if (it == logs_.end() || it->second.size() <= offset) return std::string();
    return it->second.substr(offset);
}

}  // namespace ord::journal
