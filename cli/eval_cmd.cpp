// `ordinance eval DIR...`: runs the engine over labelled corpora (every labels.tsv below each
// DIR) and real mail that must pass (--clean DIR), prints a confusion table per content
// category, and exits non-zero when a given bar is not met.
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/terminal.h"
#include "checks/assemble.h"
#include "checks/classifier.h"
#include "checks/content_text.h"
#include "config/reader.h"
#include <fstream>
#include "checks/scan.h"
#include "cli/corpus.h"
#include "cli/eval_corpus.h"
#include "mime/parse.h"
#include "policy/config.h"
#include "policy/direction.h"
#include "policy/engine.h"

namespace ord::cli {
namespace {

constexpr const char* kEvalHelp = R"(NAME
    ordinance eval - measure the content policy on labelled mail and on real mail

SYNOPSIS
    ordinance [--config FILE] [--set K=V]... eval [--min-recall X] [--max-fp-rate Y]
              [--max-stop-rate S] [--max-tag-rate T] [--clean DIR]... [--inbound]
              [--scores FILE] [-v] [--explain] [DIR...]

DESCRIPTION
    Reads DIR/labels.tsv, or when DIR has none every labels.tsv below it, one message
    per line:
        FILE<TAB>CATEGORIES[<TAB>comment]
    where FILE is relative to that labels.tsv and CATEGORIES is a comma-separated list of
    content categories the message must produce (chain_letter, solicitation, gambling,
    newsletter, offensive, personal_data, auto_forward, social_network) or "clean" for
    legitimate mail. Lines starting with '#' are comments. Each --clean DIR adds every
    file in or below it as legitimate mail (real mail, such as a mailing-list archive).

    Each message is scanned exactly as `ordinance scan` would, with the From: address as
    envelope sender, the To: and Cc: addresses as recipients and 127.0.0.1 as the client;
    with --inbound, as mail arriving from outside instead: client 192.0.2.1 and one
    recipient at the first internal domain. FILE.envelope, when present, sets the envelope
    instead (lines mail_from=, rcpt= (one per line), auth_login=, client_addr=, helo=).
    Only the categories of the configured rule files count, and forward_by_nonrecipient
    when the labels name it. With one DIR, DIR/journal.tsv, when present, is loaded into a
    temporary journal the forwarding check reads (who received which original; lines
    MESSAGE-ID<TAB>SENDER<TAB>RCPT[,RCPT...]<TAB>YYYY-MM-DD<TAB>SUBJECT, "-" for no
    Message-ID), removed afterwards.

    Prints, per category, true positives, false positives, false negatives, precision and
    recall; then, for legitimate mail, how many were flagged at all (any content finding:
    tagged or worse) and how many stopped (quarantine, reject, discard or tempfail).

OPTIONS
    --min-recall X     Fail when any category with labelled messages has recall below X
                       (0..1, e.g. 0.95).
    --max-fp-rate Y    Fail when more than the fraction Y of the legitimate messages get a
                       content finding at all (flagged: tag or harsher).
    --max-stop-rate S  Fail when more than the fraction S of the legitimate messages are
                       stopped by a content finding (quarantine or harsher).
    --max-tag-rate T   Fail when more than the fraction T of the legitimate messages are
                       flagged but not stopped (tagged only).
    --clean DIR        Every file in or below DIR is legitimate mail (repeatable).
    --inbound          Scan every message as inbound mail (see above).
    --scores FILE      Write the classifier's probability for every message and model
                       category to FILE (TSV: file, labels, one column per category),
                       for choosing model_threshold on a development split.
    -v                 List every miss and false alarm with its findings.
    --explain          With -v: each finding's full explanation (rule matches, the model's
                       strongest features, score against threshold).
    -h, --help         Show this text.

EXIT STATUS
    0 every bar met, 1 a bar not met, 2 usage, configuration or file error.

EXAMPLES
    ordinance --config config/examples/ordinance.toml eval --min-recall 0.95 \
        --max-fp-rate 0.01 tests/corpus/content/test
    ordinance --config config/examples/ordinance.toml eval --inbound \
        --max-stop-rate 0.005 --max-tag-rate 0.02 --clean /usr/share/.../ham
)";

struct Counts {
    int tp = 0, fp = 0, fn = 0;
};

bool fraction(const std::string& s, double& out) {
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && !*end && out >= 0 && out <= 1;
}

}  // namespace

int cmd_eval(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    double min_recall = -1, max_fp = -1, max_stop = -1, max_tag = -1;
    bool verbose = false, explain = false, inbound = false;
    std::vector<std::string> dirs, clean_dirs;
    std::string scores_file;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "-h" || a == "--help") {
            std::cout << kEvalHelp;
            return 0;
        }
        if ((a == "--min-recall" || a == "--max-fp-rate" || a == "--max-stop-rate" || a == "--max-tag-rate") &&
            i + 1 < args.size()) {
            double v;
            if (!fraction(args[++i], v)) {
                std::cerr << "ordinance: " << a << " needs a number between 0 and 1\n";
                return 2;
            }
            (a == "--min-recall" ? min_recall : a == "--max-fp-rate" ? max_fp : a == "--max-stop-rate" ? max_stop : max_tag) = v;
        } else if (a == "--clean" && i + 1 < args.size()) {
            clean_dirs.push_back(args[++i]);
        } else if (a == "--scores" && i + 1 < args.size()) {
            scores_file = args[++i];
        } else if (a == "--inbound") {
            inbound = true;
        } else if (a == "-v") {
            verbose = true;
        } else if (a == "--explain") {
            explain = verbose = true;
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "ordinance: eval: unknown option '" << a << "'\n(try 'ordinance eval --help')\n";
            return 2;
        } else {
            dirs.push_back(a);
        }
    }
    if (dirs.empty() && clean_dirs.empty()) {
        std::cerr << "ordinance: eval: no directory given\n(try 'ordinance eval --help')\n";
        return 2;
    }
    // DIR/journal.tsv seeds a temporary journal (cli/eval_corpus.h) the engine then reads.
    EvalJournal journal;
    std::vector<std::string> all_sets = sets;
    if (dirs.size() == 1) {
        if (auto r = journal.seed(dirs.front(), all_sets); !r) {
            std::cerr << r.error().message << "\n";
            return 2;
        }
    }
    auto engine = load_engine(config, all_sets);
    if (!engine) {
        std::cerr << engine.error().message << "\n";
        return 2;
    }
    const Config& cfg = (*engine)->config();
    std::set<std::string> content;
    for (const auto& r : cfg.rule_book->rules())
        if (!r.file.empty()) content.insert(r.category);  // categories from content rule files

    std::vector<LabelledMessage> corpus;
    if (!dirs.empty()) {
        auto got = read_labelled(dirs);
        if (!got) {
            std::cerr << "ordinance: eval: " << got.error().message << "\n";
            return 2;
        }
        corpus = std::move(*got);
    }
    for (const auto& d : clean_dirs) {
        auto got = read_clean_dir(d);
        if (!got) {
            std::cerr << "ordinance: eval: " << got.error().message << "\n";
            return 2;
        }
        corpus.insert(corpus.end(), got->begin(), got->end());
    }
    // The forwarding check's category counts in a corpus that labels it (tests/corpus/forwarding).
    for (const auto& m : corpus)
        for (const auto& l : m.labels)
            if (l == "forward_by_nonrecipient") content.insert(l);
    std::string local_rcpt = "eval@" + (cfg.organisation.internal_domains.empty() ? std::string("localhost") : cfg.organisation.internal_domains.front());

    std::shared_ptr<const ContentModel> model;
    std::ofstream scores;
    if (!scores_file.empty()) {
        if (cfg.content.model.empty()) {
            std::cerr << "ordinance: eval: --scores needs a model ([content] model)\n";
            return 2;
        }
        auto m = ContentModel::load(resolve_path(cfg.data_dir, cfg.content.model));
        if (!m) {
            std::cerr << m.error().message << "\n";
            return 2;
        }
        model = *m;
        scores.open(scores_file, std::ios::trunc);
        if (!scores) {
            std::cerr << "ordinance: eval: cannot write " << scores_file << "\n";
            return 2;
        }
        scores << "file\tlabels";
        for (const auto& c : model->categories()) scores << "\t" << c;
        scores << "\n";
    }
    std::map<std::string, Counts> table;
    for (const auto& c : content) table[c];
    int clean = 0, clean_flagged = 0, clean_blocked = 0, messages = 0;
    for (const auto& m : corpus) {
        std::set<std::string> expected;
        for (const auto& c : m.labels) {
            if (!content.count(c)) {
                std::cerr << m.where << ": unknown category '" << terminal_text(c) << "'\n";
                return 2;
            }
            expected.insert(c);
        }
        std::string raw;
        if (!read_file(m.path, raw)) {
            std::cerr << "ordinance: eval: cannot read " << terminal_text(m.path) << "\n";
            return 2;
        }
        ++messages;
        Envelope env;
        env.client_addr = inbound ? "192.0.2.1" : "127.0.0.1";
        env.helo = "localhost";
        mime::Message head = mime::parse(raw, cfg.limits);
        env.mail_from = extract_address(head.header("from"));
        if (inbound) {
            env.rcpts.push_back(local_rcpt);
        } else {
            for (const char* h : {"to", "cc"})
                for (const auto& a : split_fields(head.header(h), ',')) {
                    std::string addr = extract_address(a);
                    if (!addr.empty()) env.rcpts.push_back(addr);
                }
        }
        if (auto r = apply_envelope_file(m.path + ".envelope", env); !r) {
            std::cerr << r.error().message << "\n";
            return 2;
        }
        ScanOutcome o = scan_message(**engine, env, raw);
        if (model) {
            std::string labels;
            for (const auto& c : m.labels) labels += (labels.empty() ? "" : ",") + c;
            scores << m.path << "\t" << (labels.empty() ? "clean" : labels);
            for (const auto& sc : model->score_texts(content_texts(head), {}, 0)) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "\t%.4f", sc.probability);
                scores << buf;
            }
            scores << "\n";
        }
        std::set<std::string> got;
        Verdict worst = Verdict::Accept;
        std::string detail;
        for (const auto& f : o.decision.findings) {
            if (!content.count(f.category)) continue;
            got.insert(f.category);
            worst = worse(worst, f.action);
            char score[32];
            std::snprintf(score, sizeof score, "%.2f", f.score);
            detail += "\n      " + f.category + " " + std::string(verdict_name(f.action)) + " score=" + score + " " +
                      terminal_text(f.reason) + " | " + terminal_text(f.evidence);
            if (explain && !f.explanation.empty()) detail += "\n" + terminal_lines(f.explanation);
        }
        if (explain && got.empty()) {
            // A miss: show how close each expected category came.
            for (const auto& f : o.decision.findings)
                if (!f.explanation.empty()) detail += "\n" + terminal_lines(f.explanation);
        }
        for (const auto& c : content) {
            bool e = expected.count(c), g = got.count(c);
            if (e && g) ++table[c].tp;
            else if (!e && g) ++table[c].fp;
            else if (e && !g) ++table[c].fn;
            if (verbose && e != g)
                std::cout << (e ? "MISS  " : "FALSE ") << c << "  " << terminal_text(m.path) << detail << "\n";
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
        if (n.tp + n.fp + n.fn == 0) continue;
        double precision = n.tp + n.fp ? double(n.tp) / (n.tp + n.fp) : 1.0;
        double recall = n.tp + n.fn ? double(n.tp) / (n.tp + n.fn) : 1.0;
        bool low = min_recall >= 0 && n.tp + n.fn > 0 && recall < min_recall;
        fail = fail || low;
        std::printf("%-16s %5d %5d %5d %10.3f %8.3f%s\n", c.c_str(), n.tp, n.fp, n.fn, precision, recall,
                    low ? "  < min-recall" : "");
    }
    double flag_rate = clean ? double(clean_flagged) / clean : 0.0;
    double stop_rate = clean ? double(clean_blocked) / clean : 0.0;
    double tag_rate = clean ? double(clean_flagged - clean_blocked) / clean : 0.0;
    bool fp_fail = max_fp >= 0 && flag_rate > max_fp;
    bool stop_fail = max_stop >= 0 && stop_rate > max_stop;
    bool tag_fail = max_tag >= 0 && tag_rate > max_tag;
    fail = fail || fp_fail || stop_fail || tag_fail;
    std::printf("messages %d, legitimate %d: flagged %d (%.2f%%)%s, tagged only %d (%.2f%%)%s, stopped %d (%.2f%%)%s\n",
                messages, clean, clean_flagged, 100.0 * flag_rate, fp_fail ? " > max-fp-rate" : "",
                clean_flagged - clean_blocked, 100.0 * tag_rate, tag_fail ? " > max-tag-rate" : "", clean_blocked,
                100.0 * stop_rate, stop_fail ? " > max-stop-rate" : "");
    return fail ? 1 : 0;
}

}  // namespace ord::cli
