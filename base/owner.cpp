#include "base/owner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ord {
namespace {

Error sys_error(const std::string& what, const std::string& path, int err) {
    return Error{"io", what + " " + path + ": " + std::strerror(err)};
}

Error link_refused(const std::string& path) {
    return Error{"io", path + " is a symbolic link; refusing to follow it (nothing of ours is a link: remove it)"};
}

std::string join(const std::string& dir, const std::string& name) { return dir + "/" + name; }

}  // namespace

Result<int> open_dir_nofollow(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd >= 0) return fd;
    int err = errno;
    struct stat st {};
    if ((err == ELOOP || err == ENOTDIR) && ::lstat(path.c_str(), &st) == 0) {
        if (S_ISLNK(st.st_mode)) return link_refused(path);
        return Error{"io", path + " is not a directory"};
    }
    return sys_error("open", path, err);
}

Result<Ok> make_dir(const std::string& path, mode_t mode) {
    if (::mkdir(path.c_str(), mode) != 0) {
        if (errno == EEXIST) return Ok{};
        return sys_error("mkdir", path, errno);
    }
    auto fd = open_dir_nofollow(path);
    if (!fd) return fd.error();
    int rc = ::fchmod(*fd, mode);
    int err = errno;
    ::close(*fd);
    if (rc != 0) return sys_error("chmod", path, err);
    return Ok{};
}

Result<Ok> give_dir(const std::string& path, uid_t uid, gid_t gid, std::optional<mode_t> mode) {
    auto fd = open_dir_nofollow(path);
    if (!fd) return fd.error();
    Result<Ok> r = Ok{};
    if (::fchown(*fd, uid, gid) != 0) r = sys_error("chown", path, errno);
    else if (mode && ::fchmod(*fd, *mode) != 0) r = sys_error("chmod", path, errno);
    ::close(*fd);
    return r;
}

Result<Ok> give_entry(int dirfd, const std::string& dir, const std::string& name, uid_t uid, gid_t gid,
                      std::optional<mode_t> mode) {
    const std::string path = join(dir, name);
    struct stat st {};
    if (::fstatat(dirfd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT) return Ok{};
        return sys_error("stat", path, errno);
    }
    if (S_ISLNK(st.st_mode)) return link_refused(path);
    bool is_dir = S_ISDIR(st.st_mode);
    if (!is_dir && !S_ISREG(st.st_mode)) return Error{"io", path + " is not a regular file or a directory; refusing"};
    // O_NOFOLLOW again: the name may have been swapped for a link since the fstatat.
    int fd = ::openat(dirfd, name.c_str(),
                      O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0));
    if (fd < 0) {
        if (errno == ELOOP) return link_refused(path);
        return sys_error("open", path, errno);
    }
    Result<Ok> r = Ok{};
    struct stat fst {};
    if (::fstat(fd, &fst) != 0) r = sys_error("stat", path, errno);
    else if (S_ISDIR(fst.st_mode) != is_dir || (!is_dir && !S_ISREG(fst.st_mode)))
        r = Error{"io", path + " changed type while it was being checked; refusing"};
    else if (!is_dir && fst.st_nlink != 1)
        r = Error{"io", path + " has " + std::to_string(fst.st_nlink) + " hard links; refusing (ours have one)"};
    else if (::fchown(fd, uid, gid) != 0)
        r = sys_error("chown", path, errno);
    else if (mode && ::fchmod(fd, *mode) != 0)
        r = sys_error("chmod", path, errno);
    ::close(fd);
    return r;
}

Result<Ok> check_plain_file(const std::string& dir, const std::string& name) {
    const std::string path = join(dir, name);
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        if (errno == ENOENT) return Ok{};
        return sys_error("stat", path, errno);
    }
    if (S_ISLNK(st.st_mode)) return link_refused(path);
    if (!S_ISREG(st.st_mode)) return Error{"io", path + " is not a regular file; refusing"};
    if (st.st_nlink != 1)
        return Error{"io", path + " has " + std::to_string(st.st_nlink) + " hard links; refusing (ours have one)"};
    return Ok{};
}

}  // namespace ord
