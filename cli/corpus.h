// Labelled corpora for `ordinance eval` and `ordinance train`: DIR/labels.tsv when there is one,
// else every labels.tsv below DIR (found recursively, read in path order so that runs are
// reproducible), one
// message per line: FILE<TAB>CATEGORIES[<TAB>comment], FILE relative to that labels.tsv,
// CATEGORIES comma-separated or "clean". Lines starting with '#' are comments.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace ord::cli {

struct LabelledMessage {
    std::string path;                 // readable path of the message
    std::string where;                // labels.tsv:line, for messages about it
    std::vector<std::string> labels;  // empty: clean
};

// Messages of every labels.tsv under each of `dirs`; an error names the file and line.
Result<std::vector<LabelledMessage>> read_labelled(const std::vector<std::string>& dirs);

// Every regular file under `dir` (recursively, path order, hidden files and *.tsv/*.md skipped),
// each as a clean message: real mail that must pass.
Result<std::vector<LabelledMessage>> read_clean_dir(const std::string& dir);

bool read_file(const std::string& path, std::string& out);

// The fields of a line split at `sep`, spaces (and a trailing CR) trimmed from each.
std::vector<std::string> split_fields(const std::string& s, char sep);

}  // namespace ord::cli
