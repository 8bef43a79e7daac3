// ClamAvEngine: one compiled libclamav engine (signatures, limits, scan options), shared
// read-only by every scan in flight; a reload compiles a new one and swaps the pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "policy/config.h"

struct cl_engine;
struct cl_stat;

namespace ord {

// One file ClamAV looked at: the scanned part itself (depth 0) or something it unpacked.
struct ScannedFile {
    std::string type;   // ClamAV's type from content, e.g. "CL_TYPE_MSEXE"
    std::string name;   // name inside its container ("" when the container has none)
    std::string path;   // container names down to this one: "docs.zip/inner.zip/setup.exe"
    unsigned depth = 0;
    std::size_t size = 0;
};

struct AvScan {
    enum class Status { Clean, Virus, Error };
    Status status = Status::Clean;
    std::string virus;  // signature name, e.g. "Win.Test.EICAR_HDB-1" or "Heuristics.Encrypted.Zip"
    std::string error;  // libclamav's words for an error
    std::vector<ScannedFile> files;  // every file seen, outer first (capped at max_files)
    bool files_truncated = false;
    // A limit libclamav stopped at without saying so (it truncates an oversized archive member
    // and scans the rest): "max_file_size", "max_scan_size", "max_recursion", "max_files" or "max_scan_time_ms".
    std::string limit;
};

class ScanCache;

class ClamAvEngine {
public:
    // Loads every signature file in `database` (a directory or one file) with the options and
    // limits in `settings`, and compiles the engine. Errors say which directory and why.
    static Result<std::shared_ptr<const ClamAvEngine>> load(const Config::Antivirus& settings,
                                                            const std::string& database);
    ~ClamAvEngine();
    ClamAvEngine(const ClamAvEngine&) = delete;
    ClamAvEngine& operator=(const ClamAvEngine&) = delete;

    // Scans bytes in memory (no temp file for the bytes themselves; libclamav may still
    // unpack archive members to its temp directory). Thread-safe.
    // A clean, complete result is remembered by the SHA-256 of the bytes and the name
    // (antivirus.scan_cache_mb, least recently used first out): the same attachment sent
    // again -- to many recipients, in a newsletter, forwarded -- is not unpacked and scanned
    // again, and the file list the attachment policy reads is returned as it was. Findings,
    // errors and limit hits are never remembered. The cache belongs to this engine: new
    // signatures come with a new engine and an empty cache.
    AvScan scan(std::string_view bytes, const std::string& name) const;

    struct CacheStats {
        std::uint64_t hits = 0, misses = 0, entries = 0, bytes = 0;
    };
    CacheStats cache_stats() const;

    unsigned signatures() const { return signatures_; }
    double load_ms() const { return load_ms_; }
    const std::string& database() const { return database_; }
    // True when a signature file was added, removed or changed since load (cl_statchkdir).
    bool database_changed() const;

private:
    ClamAvEngine();
    AvScan scan_uncached(std::string_view bytes, const std::string& name) const;

    cl_engine* engine_ = nullptr;
    std::unique_ptr<ScanCache> cache_;  // null when antivirus.scan_cache_mb = 0
    cl_stat* stat_ = nullptr;
    std::string database_;
    unsigned signatures_ = 0;
    double load_ms_ = 0;
    std::size_t max_files_ = 0, max_file_size_ = 0, max_scan_size_ = 0, max_recursion_ = 0;
    unsigned general_ = 0, parse_ = 0, heuristic_ = 0;
};

}  // namespace ord
