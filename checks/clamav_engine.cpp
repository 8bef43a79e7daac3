#include "checks/clamav_engine.h"

#include <clamav.h>
#include <sys/stat.h>

#include <chrono>
#include <cstring>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "base/digest.h"
#include "base/log.h"

namespace ord {
namespace {

// libclamav prints to stderr unless told otherwise; its errors become our log lines (they
// never hold message content, only file-format complaints and load problems).
void clamav_message(enum cl_msg severity, const char*, const char* msg, void*) {
    std::string m = msg ? msg : "";
    while (!m.empty() && (m.back() == '\n' || m.back() == '\r')) m.pop_back();
    if (severity == CL_MSG_ERROR) log::warn("clamav", {{"msg", m}});
    else log::event(log::Level::Debug, "clamav", {{"msg", m}});
}

Result<Ok> init_once() {
    static std::once_flag once;
    static cl_error_t rc = CL_SUCCESS;
    std::call_once(once, [] {
        cl_set_clcb_msg(clamav_message);
        rc = cl_init(CL_INIT_DEFAULT);
    });
    if (rc != CL_SUCCESS) return Error{"antivirus", std::string("cl_init failed: ") + cl_strerror(rc)};
    return Ok{};
}

struct ScanContext {
    AvScan* out;
    std::size_t max_files;
};

// A file's own name, or "" when it has none but libclamav's scratch file ("clamav-<hex>.tmp",
// what a decoded stream is called): that name means nothing to the people reading a finding.
std::string own_name(const char* name) {
    std::string_view n = name ? name : "";
    if (n.size() > 11 && n.rfind("clamav-", 0) == 0 && n.substr(n.size() - 4) == ".tmp" &&
        n.substr(7, n.size() - 11).find_first_not_of("0123456789abcdef") == std::string_view::npos)
        return "";
    return std::string(n);
}

// Called by libclamav for every new file, the part itself and everything unpacked from it.
// It only records: the policy on types is decided after the scan, with the whole picture.
cl_error_t on_file(int, const char* type, const char** ancestors, size_t, const char* file_name, size_t file_size,
                   const char*, uint32_t level, uint32_t, void* context) {
    auto* ctx = static_cast<ScanContext*>(context);
    if (!ctx) return CL_CLEAN;
    if (ctx->out->files.size() >= ctx->max_files) {
        ctx->out->files_truncated = true;
        return CL_CLEAN;
    }
    ScannedFile f;
    f.type = type ? type : "";
    f.name = own_name(file_name);
    f.depth = level;
    f.size = file_size;
    for (uint32_t i = 0; ancestors && i < level; ++i) {
        // Level 0 is the part we named; intermediate layers (a decompressed stream) may be unnamed.
        std::string a = own_name(ancestors[i]);
        if (a.empty()) continue;
        f.path += a;
        f.path += '/';
    }
    f.path += f.name.empty() ? std::string("(unnamed)") : f.name;
    ctx->out->files.push_back(std::move(f));
    return CL_CLEAN;
}

}  // namespace

// Clean scan results by SHA-256 of the bytes + the name they were scanned under, least
// recently used evicted first, bounded by an estimate of the bytes the entries hold.
class ScanCache {
public:
    explicit ScanCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    std::optional<AvScan> get(const std::string& key) {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = index_.find(key);
        if (it == index_.end()) {
            ++misses_;
            return std::nullopt;
        }
        ++hits_;
        lru_.splice(lru_.begin(), lru_, it->second);
        return it->second->scan;
    }

    void put(std::string key, const AvScan& scan) {
        std::size_t cost = sizeof(Entry) + 64 + key.size() + scan.files.size() * sizeof(ScannedFile);
        for (const auto& f : scan.files) cost += f.type.size() + f.name.size() + f.path.size();
        if (cost > max_bytes_ / 16) return;  // one part's unpacked file list never fills the cache
        std::lock_guard<std::mutex> lock(mu_);
        if (index_.count(key)) return;
        lru_.push_front(Entry{std::move(key), scan, cost});
        index_.emplace(lru_.front().key, lru_.begin());
        bytes_ += cost;
        while (bytes_ > max_bytes_ && !lru_.empty()) {
            bytes_ -= lru_.back().cost;
            index_.erase(lru_.back().key);
            lru_.pop_back();
        }
    }

    ClamAvEngine::CacheStats stats() const {
        std::lock_guard<std::mutex> lock(mu_);
        return {hits_, misses_, index_.size(), bytes_};
    }

private:
    struct Entry {
        std::string key;
        AvScan scan;
        std::size_t cost;
    };
    mutable std::mutex mu_;
    std::list<Entry> lru_;  // most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys live in lru_
    std::size_t max_bytes_, bytes_ = 0;
    std::uint64_t hits_ = 0, misses_ = 0;
};

ClamAvEngine::ClamAvEngine() = default;

Result<std::shared_ptr<const ClamAvEngine>> ClamAvEngine::load(const Config::Antivirus& s, const std::string& database) {
    auto t0 = std::chrono::steady_clock::now();
    if (auto r = init_once(); !r) return r.error();
    struct stat st {};
    if (::stat(database.c_str(), &st) != 0)
        return Error{"antivirus", "antivirus.database '" + database + "': " + std::strerror(errno) +
                                      " (install signatures with freshclam, point antivirus.database at a "
                                      "signature directory, or set antivirus.enabled = false)"};
    std::shared_ptr<ClamAvEngine> e(new ClamAvEngine());
    e->database_ = database;
    e->engine_ = cl_engine_new();
    if (!e->engine_) return Error{"antivirus", "cl_engine_new failed (out of memory)"};

    unsigned sigs = 0;
    cl_error_t rc = cl_load(database.c_str(), e->engine_, &sigs, CL_DB_STDOPT);
    if (rc != CL_SUCCESS)
        return Error{"antivirus", "antivirus.database '" + database + "': cannot load signatures (" + cl_strerror(rc) +
                                      "): it must hold ClamAV signature files (.cvd .cld .cud .ndb .hdb ...); run "
                                      "freshclam, point it at another directory, or set antivirus.enabled = false"};
    if (sigs == 0)
        return Error{"antivirus", "antivirus.database '" + database +
                                      "': no signatures found (run freshclam, or point it at a directory of "
                                      ".cvd/.cld/.ndb/.hdb files)"};
    e->signatures_ = sigs;

    auto set = [&](cl_engine_field field, long long v) { return cl_engine_set_num(e->engine_, field, v); };
    if (set(CL_ENGINE_MAX_FILESIZE, static_cast<long long>(s.max_file_size)) != CL_SUCCESS ||
        set(CL_ENGINE_MAX_SCANSIZE, static_cast<long long>(s.max_scan_size)) != CL_SUCCESS ||
        set(CL_ENGINE_MAX_RECURSION, static_cast<long long>(s.max_recursion)) != CL_SUCCESS ||
        set(CL_ENGINE_MAX_FILES, static_cast<long long>(s.max_files)) != CL_SUCCESS ||
        set(CL_ENGINE_MAX_SCANTIME, static_cast<long long>(s.max_scan_time_ms)) != CL_SUCCESS ||
        // A clean verdict cached by hash would skip the unpacking of an identical archive next
        // time, and with it the file-type callback the attachment policy depends on.
        set(CL_ENGINE_DISABLE_CACHE, 1) != CL_SUCCESS)
        return Error{"antivirus", "cannot set libclamav limits"};
    if (!s.tmpdir.empty()) {
        struct stat td {};
        if (::stat(s.tmpdir.c_str(), &td) != 0 || !S_ISDIR(td.st_mode))
            return Error{"antivirus", "antivirus.tmpdir '" + s.tmpdir + "' is not a directory"};
        if (cl_engine_set_str(e->engine_, CL_ENGINE_TMPDIR, s.tmpdir.c_str()) != CL_SUCCESS)
            return Error{"antivirus", "cannot set libclamav's temporary directory"};
    }
    cl_engine_set_clcb_file_inspection(e->engine_, on_file);
    rc = cl_engine_compile(e->engine_);
    if (rc != CL_SUCCESS)
        return Error{"antivirus", "antivirus.database '" + database + "': cannot compile signatures: " + cl_strerror(rc)};

    if (S_ISDIR(st.st_mode)) {
        e->stat_ = new cl_stat{};
        if (cl_statinidir(database.c_str(), e->stat_) != CL_SUCCESS) {
            delete e->stat_;
            e->stat_ = nullptr;
        }
    }
    e->max_files_ = s.max_files;
    e->max_file_size_ = s.max_file_size;
    e->max_scan_size_ = s.max_scan_size;
    e->max_recursion_ = s.max_recursion;
    e->general_ = s.heuristics ? CL_SCAN_GENERAL_HEURISTICS : 0;
    e->parse_ = CL_SCAN_PARSE_ELF | CL_SCAN_PARSE_PE | CL_SCAN_PARSE_MAIL | CL_SCAN_PARSE_XMLDOCS |
                CL_SCAN_PARSE_HWP3 | CL_SCAN_PARSE_SWF | CL_SCAN_PARSE_ONENOTE;
    if (s.archives) e->parse_ |= CL_SCAN_PARSE_ARCHIVE;
    if (s.ole2) e->parse_ |= CL_SCAN_PARSE_OLE2;
    if (s.pdf) e->parse_ |= CL_SCAN_PARSE_PDF;
    if (s.html) e->parse_ |= CL_SCAN_PARSE_HTML;
    // Never a silent accept: a limit hit or an encrypted container is always reported.
    e->heuristic_ = CL_SCAN_HEURISTIC_EXCEEDS_MAX | CL_SCAN_HEURISTIC_ENCRYPTED_ARCHIVE | CL_SCAN_HEURISTIC_ENCRYPTED_DOC;
    if (s.macros) e->heuristic_ |= CL_SCAN_HEURISTIC_MACROS;
    if (s.heuristics) e->heuristic_ |= CL_SCAN_HEURISTIC_BROKEN;
    if (s.scan_cache_mb > 0) e->cache_ = std::make_unique<ScanCache>(s.scan_cache_mb * 1024 * 1024);
    e->load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return std::shared_ptr<const ClamAvEngine>(std::move(e));
}

ClamAvEngine::~ClamAvEngine() {
    if (engine_) cl_engine_free(engine_);
    if (stat_) {
        cl_statfree(stat_);
        delete stat_;
    }
}

bool ClamAvEngine::database_changed() const { return stat_ && cl_statchkdir(stat_) == 1; }

ClamAvEngine::CacheStats ClamAvEngine::cache_stats() const { return cache_ ? cache_->stats() : CacheStats{}; }

AvScan ClamAvEngine::scan(std::string_view bytes, const std::string& name) const {
    if (!cache_) return scan_uncached(bytes, name);
    std::string key = sha256(bytes);
    key += name;
    if (auto hit = cache_->get(key)) return std::move(*hit);
    AvScan out = scan_uncached(bytes, name);
    // Only a complete clean scan is remembered: a finding costs nothing to scan again, and a
    // limit (the scan time above all) or an error may not recur.
    if (out.status == AvScan::Status::Clean && out.limit.empty() && !out.files_truncated)
        cache_->put(std::move(key), out);
    return out;
}

AvScan ClamAvEngine::scan_uncached(std::string_view bytes, const std::string& name) const {
    AvScan out;
    if (bytes.size() > max_file_size_) {  // libclamav would skip it whole
        out.limit = "max_file_size";
        return out;
    }
    cl_fmap_t* map = cl_fmap_open_memory(bytes.data(), bytes.size());
    if (!map) {
        out.status = AvScan::Status::Error;
        out.error = "cannot map the part into libclamav";
        return out;
    }
    ScanContext ctx{&out, max_files_};
    cl_scan_options opts{};
    opts.general = general_;
    opts.parse = parse_;
    opts.heuristic = heuristic_;
    const char* virname = nullptr;
    unsigned long scanned = 0;
    cl_error_t rc = cl_scanmap_callback(map, name.empty() ? "part" : name.c_str(), &virname, &scanned, engine_,
                                        &opts, &ctx);
    cl_fmap_close(map);
    std::size_t unpacked = 0;
    for (const auto& f : out.files) {
        if (f.depth == 0) continue;
        unpacked += f.size;
        if (f.size >= max_file_size_) out.limit = "max_file_size";
        else if (f.depth + 1 >= max_recursion_ && out.limit.empty()) out.limit = "max_recursion";
    }
    if (out.limit.empty() && unpacked >= max_scan_size_) out.limit = "max_scan_size";
    if (out.limit.empty() && (out.files_truncated || out.files.size() > max_files_)) out.limit = "max_files";
    if (rc == CL_VIRUS) {
        out.status = AvScan::Status::Virus;
        out.virus = virname ? virname : "unnamed";
    } else if (rc == CL_ETIMEOUT || rc == CL_EMAXREC || rc == CL_EMAXSIZE || rc == CL_EMAXFILES) {
        out.limit = rc == CL_ETIMEOUT ? "max_scan_time_ms"
                    : rc == CL_EMAXREC ? "max_recursion"
                    : rc == CL_EMAXSIZE ? "max_scan_size"
                                        : "max_files";
    } else if (rc != CL_CLEAN) {
        out.status = AvScan::Status::Error;
        out.error = cl_strerror(rc);
    }
    return out;
}

}  // namespace ord
