// The configuration's reading machinery, shared by every module that owns a section: walking
// a parsed TOML tree with "file:line: what was expected" errors, and the --set overrides.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "config/toml_file.h"

namespace ord {

// Collects "file:line: message" errors while a section's owner reads its table. Reading goes
// on after an error so that one run reports every mistake in the file.
class ConfigReader {
public:
    explicit ConfigReader(std::string file) : file_(std::move(file)) {}

    const std::string& file() const { return file_; }

    void error(const toml::source_region& src, const std::string& what);
    void error(const toml::node& n, const std::string& what) { error(n.source(), what); }
    // Where a key's value is, or the table itself when the key is absent.
    static const toml::source_region& where(const toml::table& t, std::string_view key) {
        const toml::node* n = t.get(key);
        return n ? n->source() : t.source();
    }

    // Reports keys of `t` not in `known`; `section` "" is the top level.
    void only(const toml::table& t, const std::string& section, std::initializer_list<std::string_view> known);
    // The table under `key`, or null when absent (and an error when it is not a table).
    const toml::table* table(const toml::table& t, std::string_view key, const std::string& section);

    void str(const toml::table& t, std::string_view key, std::string& out);
    void size(const toml::table& t, std::string_view key, std::size_t& out, std::size_t min = 1);
    void flag(const toml::table& t, std::string_view key, bool& out);
    void strings(const toml::table& t, std::string_view key, std::vector<std::string>& out);
    // Every value of `key` (already read into `values`) must be one of `allowed`.
    void one_of(const toml::table& t, std::string_view key, const std::string& section,
                const std::vector<std::string>& values, std::span<const std::string_view> allowed);

    // Errors of another reader (a file the configuration names) or already formatted ones.
    void add(const std::string& formatted) { errors_.push_back(formatted); }
    bool ok() const { return errors_.empty(); }
    const std::vector<std::string>& errors() const { return errors_; }
    // Every error, one a line.
    std::string message() const;

private:
    std::string file_;
    std::vector<std::string> errors_;
};

// Applies one --set override ("section.key=value") to the parsed tree; the value is TOML when
// it parses as such (numbers, booleans, arrays), else a plain string. Returns the error, if any.
std::optional<std::string> apply_override(toml::table& root, const std::string& override_text);

// A data file name as written in the configuration, resolved against `data_dir` unless absolute.
inline std::string resolve_path(const std::string& data_dir, const std::string& file) {
    if (file.empty() || file.front() == '/') return file;
    return data_dir + "/" + file;
}

}  // namespace ord
