// Handing a directory, and named files in it, to another user while running as root, without
// following a symbolic link that user could have planted there (chown() follows: chain -> /etc).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "base/result.h"

namespace ord {

// Opens `path` as a directory with O_NOFOLLOW; a symbolic link (or anything but a directory)
// is an error that says so. The caller closes the descriptor.
Result<int> open_dir_nofollow(const std::string& path);

// mkdir(path, mode), then the mode set on the new directory's descriptor (the umask does not
// narrow it); an existing directory is left as it is.
Result<Ok> make_dir(const std::string& path, mode_t mode);

// Gives the directory `path` (never a link) to uid:gid, and sets `mode` when given.
Result<Ok> give_dir(const std::string& path, uid_t uid, gid_t gid, std::optional<mode_t> mode = std::nullopt);

// Gives `name` inside the open directory `dirfd` (shown as `dir` in errors) to uid:gid, and
// sets `mode` when given. A missing name is fine; a regular file with one link or a directory
// is changed through its own descriptor; a symbolic link, a hard-linked file or anything else
// is refused with an error naming it, and nothing is changed.
Result<Ok> give_entry(int dirfd, const std::string& dir, const std::string& name, uid_t uid, gid_t gid,
                      std::optional<mode_t> mode = std::nullopt);

// Refuses `name` inside `dir` when it exists and is not a regular file with one link
// (a symbolic link, a hard link to something else, a device). Missing is fine.
Result<Ok> check_plain_file(const std::string& dir, const std::string& name);

}  // namespace ord
