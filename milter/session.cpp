#include "milter/session.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ord::milter {

namespace {
Result<Ok> write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error{"io", std::string("spool write failed: ") + std::strerror(errno)};
        }
        data.remove_prefix(static_cast<size_t>(n));
    }
    return Ok{};
}
}  // namespace

Result<Ok> MessageBuffer::spill() {
    // O_TMPFILE: the file has no name, so nothing is left behind if we crash.
    int fd = ::open(spool_dir_.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0) return Error{"io", "cannot create spill file in " + spool_dir_ + ": " + std::strerror(errno)};
    fd_ = fd;
    auto r = write_all(fd_, mem_);
    std::string().swap(mem_);
    return r;
}

Result<Ok> MessageBuffer::append(std::string_view data) {
    unmap();
    size_ += data.size();
    if (fd_ < 0 && mem_.size() + data.size() <= limit_) {
        mem_.append(data);
        return Ok{};
    }
    if (fd_ < 0) {
        auto r = spill();
        if (!r) return r;
    }
    return write_all(fd_, data);
}

Result<std::string_view> MessageBuffer::view() {
    if (fd_ < 0) return std::string_view(mem_);
    if (size_ == 0) return std::string_view();
    if (!map_) {
        void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
        if (p == MAP_FAILED) return Error{"io", std::string("cannot map spill file: ") + std::strerror(errno)};
        map_ = p;
        map_len_ = size_;
    }
    return std::string_view(static_cast<const char*>(map_), map_len_);
}

void MessageBuffer::unmap() {
    if (map_) ::munmap(map_, map_len_);
    map_ = nullptr;
    map_len_ = 0;
}

void MessageBuffer::reset() {
    unmap();
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::string().swap(mem_);
    size_ = 0;
}

}  // namespace ord::milter
