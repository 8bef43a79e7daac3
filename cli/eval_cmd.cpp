// `ordinance eval DIR`: runs the engine over a labelled corpus (DIR/labels.tsv) and prints a
// confusion table per content category; exits non-zero when a given threshold is not met.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "cli/eval_corpus.h"
#include "base/terminal.h"
#include "policy/direction.h"
#include "policy/engine.h"
#include "checks/scan.h"
#include "policy/config.h"
#include "mime/parse.h"

namespace ord::cli {
namespace {

constexpr const char* kEvalHelp = R"(NAME
    ordinance eval - measure the content policy on a labelled corpus

SYNOPSIS
    ordinance [--config FILE] [--set K=V]... eval [--min-recall X] [--max-fp-rate Y] [-v] DIR

DESCRIPTION
    Reads DIR/labels.tsv, one message per line:
        FILE<TAB>CATEGORIES[<TAB>comment]
    where CATEGORIES is a comma-separated list of content categories the message must
    produce (chain_letter, solicitation, gambling, newsletter, offensive, personal_data,
    auto_forward, social_network) or "clean" for legitimate mail. Lines starting with '#'
    are comments. Each FILE (relative to DIR) is scanned exactly as `ordinance scan` would,
    with the From: address as envelope sender, the To: and Cc: addresses as recipients and
    127.0.0.1 as the client; FILE.envelope, when present, sets them instead (lines
    mail_from=, rcpt= (one per line), auth_login=, client_addr=, helo=). Only the categories
    of the configured rule files count, and forward_by_nonrecipient when labels.tsv names it.
    DIR/journal.tsv, when present, is loaded into a temporary journal the forwarding check
    reads (who received which original; lines MESSAGE-ID<TAB>SENDER<TAB>RCPT[,RCPT...]<TAB>
    YYYY-MM-DD<TAB>SUBJECT, "-" for no Message-ID), removed afterwards.

    Prints, per category, true positives, false positives, false negatives, precision and
    recall, then how many legitimate (clean) messages were flagged at all and how many at
    quarantine or a harsher action.

OPTIONS
    --min-recall X     Fail when any category with labelled messages has recall below X
                       (0..1, e.g. 0.95).
    --max-fp-rate Y    Fail when more than the fraction Y of clean messages get a content
                       finding whose action is quarantine, reject, discard or tempfail.
    -v                 List every miss and false alarm with its findings.
    -h, --help         Show this text.

EXIT STATUS
    0 thresholds met, 1 a threshold not met, 2 usage, configuration or file error.

EXAMPLE
    ordinance --config config/examples/ordinance.toml eval --min-recall 0.95 \
        --max-fp-rate 0.01 tests/corpus/policy
)";

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::stringstream ss(s);
    while (std::getline(ss, cur, sep)) {
        while (!cur.empty() && (cur.back() == ' ' || cur.back() == '\r')) cur.pop_back();
        while (!cur.empty() && cur.front() == ' ') cur.erase(0, 1);
        out.push_back(cur);
    }
    return out;
}

bool slurp(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

struct Counts {
    int tp = 0, fp = 0, fn = 0;
};

}  // namespace

int cmd_eval(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    double min_recall = -1, max_fp = -1;
    bool verbose = false;
    std::string dir;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kEvalHelp;
            return 0;
        }
        if ((a == "--min-recall" || a == "--max-fp-rate") && i + 1 < args.size()) {
            char* end = nullptr;
            double v = std::strtod(args[++i].c_str(), &end);
            if (!end || *end || v < 0 || v > 1) {
                std::cerr << "ordinance: " << a << " needs a number between 0 and 1\n";
                return 2;
            }
            (a == "--min-recall" ? min_recall : max_fp) = v;
        } else if (a == "-v") {
            verbose = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "ordinance: eval: unknown option '" << a << "'\n";
            return 2;
        } else if (dir.empty()) {
            dir = a;
        } else {
            std::cerr << "ordinance: eval: one directory only\n";
            return 2;
        }
    }
    if (dir.empty()) {
        std::cerr << "ordinance: eval: no directory given\n(try 'ordinance eval --help')\n";
        return 2;
    }
    // DIR/journal.tsv seeds a temporary journal (cli/eval_corpus.h) the engine then reads.
    EvalJournal journal;
    std::vector<std::string> all_sets = sets;
    if (auto r = journal.seed(dir, all_sets); !r) {
        std::cerr << r.error().message << "\n";
        return 2;
    }
    auto engine = load_engine(config, all_sets);
    if (!engine) {
        std::cerr << engine.error().message << "\n";
        return 2;
    }
    std::set<std::string> content;
    for (const auto& r : (*engine)->config().rule_book->rules())
        if (!r.file.empty()) content.insert(r.category);  // categories from content rule files
    // The forwarding check's category counts in a corpus that labels it (tests/corpus/forwarding).
    if (std::string text; slurp(dir + "/labels.tsv", text) && text.find("forward_by_nonrecipient") != std::string::npos)
        content.insert("forward_by_nonrecipient");

    std::ifstream labels(dir + "/labels.tsv");
    if (!labels) {
        std::cerr << "ordinance: eval: cannot read " << dir << "/labels.tsv\n";
        return 2;
    }
    std::map<std::string, Counts> table;
    for (const auto& c : content) table[c];
    int clean = 0, clean_flagged = 0, clean_blocked = 0, messages = 0;
    std::string line;
    int lineno = 0;
    while (std::getline(labels, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        auto cols = split(line, '\t');
        if (cols.size() < 2 || cols[0].empty()) {
            std::cerr << dir << "/labels.tsv:" << lineno << ": expected FILE<TAB>CATEGORIES\n";
            return 2;
        }
        std::set<std::string> expected;
        if (cols[1] != "clean")
            for (const auto& c : split(cols[1], ','))
                if (!c.empty()) {
                    if (!content.count(c)) {
                        std::cerr << dir << "/labels.tsv:" << lineno << ": unknown category '" << terminal_text(c) << "'\n";
                        return 2;
                    }
                    expected.insert(c);
                }
        std::string raw;
        if (!slurp(dir + "/" + cols[0], raw)) {
            std::cerr << "ordinance: eval: cannot read " << dir << "/" << terminal_text(cols[0]) << "\n";
            return 2;
        }
        ++messages;
        Envelope env;
        env.client_addr = "127.0.0.1";
        env.helo = "localhost";
        mime::Message head = mime::parse(raw, (*engine)->config().limits);
        env.mail_from = extract_address(head.header("from"));
        for (const char* h : {"to", "cc"})
            for (const auto& a : split(head.header(h), ',')) {
                std::string addr = extract_address(a);
                if (!addr.empty()) env.rcpts.push_back(addr);
            }
        if (auto r = apply_envelope_file(dir + "/" + cols[0] + ".envelope", env); !r) {
            std::cerr << r.error().message << "\n";
            return 2;
        }
        ScanOutcome o = scan_message(**engine, env, raw);
        std::set<std::string> got;
        Verdict worst = Verdict::Accept;
        std::string detail;
        for (const auto& f : o.decision.findings) {
            if (!content.count(f.category)) continue;
            got.insert(f.category);
            worst = worse(worst, f.action);
            detail += "\n      " + f.category + " " + std::string(verdict_name(f.action)) + " score=" +
                      std::to_string(f.score) + " " + terminal_text(f.reason) + " | " + terminal_text(f.evidence);
        }
        for (const auto& c : content) {
            bool e = expected.count(c), g = got.count(c);
            if (e && g) ++table[c].tp;
            else if (!e && g) ++table[c].fp;
            else if (e && !g) ++table[c].fn;
            if (verbose && e != g)
                std::cout << (e ? "MISS  " : "FALSE ") << c << "  " << terminal_text(cols[0]) << detail << "\n";
        }
        if (expected.empty()) {
            ++clean;
            if (!got.empty()) ++clean_flagged;
            if (static_cast<int>(worst) >= static_cast<int>(Verdict::Quarantine)) ++clean_blocked;
        }
    }
    bool fail = false;
    std::printf("%-16s %5s %5s %5s %10s %8s\n", "category", "TP", "FP", "FN", "precision", "recall");
    for (const auto& [c, n] : table) {
        double precision = n.tp + n.fp ? double(n.tp) / (n.tp + n.fp) : 1.0;
        double recall = n.tp + n.fn ? double(n.tp) / (n.tp + n.fn) : 1.0;
        bool low = min_recall >= 0 && n.tp + n.fn > 0 && recall < min_recall;
        fail = fail || low;
        std::printf("%-16s %5d %5d %5d %10.3f %8.3f%s\n", c.c_str(), n.tp, n.fp, n.fn, precision, recall,
                    low ? "  < min-recall" : "");
    }
    double fp_rate = clean ? double(clean_blocked) / clean : 0.0;
    bool fp_fail = max_fp >= 0 && fp_rate > max_fp;
    fail = fail || fp_fail;
    std::printf("messages %d, legitimate %d: flagged %d (%.1f%%), at quarantine or harsher %d (%.2f%%)%s\n", messages,
                clean, clean_flagged, clean ? 100.0 * clean_flagged / clean : 0.0, clean_blocked, 100.0 * fp_rate,
                fp_fail ? "  > max-fp-rate" : "");
    return fail ? 1 : 0;
}

}  // namespace ord::cli
