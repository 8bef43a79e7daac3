// `ordinance train CORPUS... --out MODEL`: fits the content classifier (checks/classifier.h),
// one L2-regularised logistic regression per category (liblinear's primal trust-region Newton
// solver: no random numbers, so the same corpus always gives the same model, byte for byte).
#include <linear.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/terminal.h"
#include "checks/classifier.h"
#include "checks/content_text.h"
#include "cli/corpus.h"
#include "mime/parse.h"
#include "policy/config.h"

namespace ord::cli {
namespace {

constexpr const char* kTrainHelp = R"(NAME
    ordinance train - fit the content classifier to a labelled corpus

SYNOPSIS
    ordinance [--config FILE] train [--categories LIST] [--c C] [--min-df N]
              [--positive-weight W] --out MODEL CORPUS...

DESCRIPTION
    Reads CORPUS/labels.tsv, or when there is none every labels.tsv below CORPUS (the
    format `ordinance eval` reads: FILE<TAB>CATEGORIES[<TAB>comment], "clean" for
    legitimate mail), parses each
    message with the configured parser limits, extracts the features the content check
    uses (words, word pairs, word stems, subject words, quoted words, bulk-mail header
    fields; see ordinance.toml(5), [content] model) and fits one logistic regression per
    category (liblinear, L2-regularised, primal solver), a message of the category against
    every other message. Features seen in fewer than N messages are dropped.

    The model is written to MODEL (a text file: categories, biases, one line per feature
    with its weight per category) through a temporary file and a rename, so a running
    milter that reloads never sees half a model. Training is deterministic: the same
    corpus and options give the same bytes. Thresholds are not in the model: each rule
    file's model_threshold and model_tag_threshold decide what a probability does.

OPTIONS
    --out MODEL          Where to write the model (required).
    --categories LIST    Comma-separated categories to learn (default chain_letter,
                         solicitation,gambling,newsletter,offensive). Labels of other
                         categories count as "not this category".
    --c C                Inverse regularisation strength (default 64).
    --min-df N           Drop features seen in fewer than N messages (default 2).
    --positive-weight W  Weight of a category's own messages against the rest (default 1).
    -h, --help           Show this text.

EXIT STATUS
    0 model written, 2 usage, corpus or write error.

EXAMPLE
    ordinance --config config/examples/ordinance.toml train \
        --out config/models/content.model tests/corpus/content/train
)";

struct Sample {
    std::vector<std::pair<std::string, float>> features;
    std::set<std::string> labels;
};

}  // namespace

int cmd_train(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    std::string out;
    std::vector<std::string> dirs;
    std::vector<std::string> categories = {"chain_letter", "solicitation", "gambling", "newsletter", "offensive"};
    double C = 64, positive_weight = 1;
    long min_df = 2;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](double& v, double lo) {
            if (i + 1 >= args.size()) return false;
            char* end = nullptr;
            v = std::strtod(args[++i].c_str(), &end);
            return end && !*end && v >= lo;
        };
        if (a == "-h" || a == "--help") {
            std::cout << kTrainHelp;
            return 0;
        } else if (a == "--out" && i + 1 < args.size()) {
            out = args[++i];
        } else if (a == "--categories" && i + 1 < args.size()) {
            categories.clear();
            std::string cur;
            for (char c : args[++i] + ",") {
                if (c == ',') {
                    if (!cur.empty()) categories.push_back(cur);
                    cur.clear();
                } else {
                    cur += c;
                }
            }
            std::sort(categories.begin(), categories.end());
            categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
            if (categories.empty()) {
                std::cerr << "ordinance: train: --categories needs at least one category\n";
                return 2;
            }
        } else if (a == "--c") {
            if (!value(C, 1e-6)) {
                std::cerr << "ordinance: train: --c needs a positive number\n";
                return 2;
            }
        } else if (a == "--positive-weight") {
            if (!value(positive_weight, 1e-6)) {
                std::cerr << "ordinance: train: --positive-weight needs a positive number\n";
                return 2;
            }
        } else if (a == "--min-df") {
            double v;
            if (!value(v, 1)) {
                std::cerr << "ordinance: train: --min-df needs a whole number of at least 1\n";
                return 2;
            }
            min_df = static_cast<long>(v);
        } else if (!a.empty() && a[0] == '-') {
            std::cerr << "ordinance: train: unknown option '" << a << "'\n(try 'ordinance train --help')\n";
            return 2;
        } else {
            dirs.push_back(a);
        }
    }
    if (out.empty() || dirs.empty()) {
        std::cerr << "ordinance: train: needs --out MODEL and at least one CORPUS directory\n"
                     "(try 'ordinance train --help')\n";
        return 2;
    }
    auto cfg = load_config(config, sets);
    if (!cfg) {
        std::cerr << cfg.error().message << "\n";
        return 2;
    }
    auto corpus = read_labelled(dirs);
    if (!corpus) {
        std::cerr << "ordinance: train: " << corpus.error().message << "\n";
        return 2;
    }
    if (corpus->empty()) {
        std::cerr << "ordinance: train: the corpus has no messages\n";
        return 2;
    }

    // Features of every message, and in how many messages each occurs.
    std::vector<Sample> samples;
    samples.reserve(corpus->size());
    std::unordered_map<std::string, long> df;
    for (const auto& m : *corpus) {
        std::string raw;
        if (!read_file(m.path, raw)) {
            std::cerr << "ordinance: train: " << m.where << ": cannot read " << terminal_text(m.path) << "\n";
            return 2;
        }
        mime::Message msg = mime::parse(raw, (*cfg)->limits);
        msg.raw = {};  // the buffer goes away; nothing below reads it
        FeatureVector fv = message_features(msg, content_texts(msg));
        for (const auto& f : fv.items) ++df[f.first];
        samples.push_back({std::move(fv.items), {m.labels.begin(), m.labels.end()}});
    }
    std::vector<std::string> vocab;
    for (const auto& [f, n] : df)
        if (n >= min_df) vocab.push_back(f);
    std::sort(vocab.begin(), vocab.end());
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < vocab.size(); ++i) index.emplace(vocab[i], static_cast<int>(i) + 1);
    const int n_features = static_cast<int>(vocab.size());

    // liblinear's problem: each row its features by index, then the bias feature, then -1.
    std::vector<std::vector<feature_node>> rows(samples.size());
    std::vector<feature_node*> x(samples.size());
    for (std::size_t s = 0; s < samples.size(); ++s) {
        auto& row = rows[s];
        for (const auto& [f, v] : samples[s].features) {
            auto it = index.find(f);
            if (it != index.end()) row.push_back({it->second, v});
        }
        std::sort(row.begin(), row.end(), [](const feature_node& a, const feature_node& b) { return a.index < b.index; });
        row.push_back({n_features + 1, 1.0});
        row.push_back({-1, 0});
        x[s] = row.data();
    }
    set_print_string_function([](const char*) {});

    const std::size_t nc = categories.size();
    std::vector<float> weights(static_cast<std::size_t>(n_features) * nc, 0.f);
    std::vector<double> bias(nc, 0);
    std::vector<std::string> notes = {"made by: ordinance train (liblinear " + std::to_string(liblinear_version) + ")",
                                      "messages: " + std::to_string(samples.size())};
    char buf[160];
    std::snprintf(buf, sizeof buf, "options: c=%g min_df=%ld positive_weight=%g features=%d", C, min_df,
                  positive_weight, n_features);
    notes.push_back(buf);
    for (std::size_t c = 0; c < nc; ++c) {
        std::vector<double> y(samples.size());
        long positives = 0;
        for (std::size_t s = 0; s < samples.size(); ++s) {
            bool pos = samples[s].labels.count(categories[c]) > 0;
            y[s] = pos ? 1 : -1;
            positives += pos;
        }
        notes.push_back(categories[c] + ": " + std::to_string(positives) + " messages");
        if (positives == 0 || positives == static_cast<long>(samples.size())) {
            std::cerr << "ordinance: train: category '" << categories[c] << "' has "
                      << (positives ? "only its own" : "no") << " messages in the corpus; it cannot be learned\n";
            return 2;
        }
        problem prob{};
        prob.l = static_cast<int>(samples.size());
        prob.n = n_features + 1;
        prob.y = y.data();
        prob.x = x.data();
        prob.bias = 1.0;
        int wl[2] = {1, -1};
        double wv[2] = {positive_weight, 1.0};
        parameter param{};
        param.solver_type = L2R_LR;
        param.eps = 0.01;
        param.C = C;
        param.nr_weight = 2;
        param.weight_label = wl;
        param.weight = wv;
        param.p = 0.1;
        if (const char* err = check_parameter(&prob, &param)) {
            std::cerr << "ordinance: train: liblinear: " << err << "\n";
            return 2;
        }
        model* m = train(&prob, &param);
        int labels[2];
        get_labels(m, labels);
        int k = labels[0] == 1 ? 0 : 1;
        for (int f = 1; f <= n_features; ++f)
            weights[static_cast<std::size_t>(f - 1) * nc + c] = static_cast<float>(get_decfun_coef(m, f, k));
        bias[c] = get_decfun_bias(m, k);
        free_and_destroy_model(&m);
    }
    // Features that weigh nothing in every category are left out of the file.
    std::vector<std::string> kept;
    std::vector<float> kept_w;
    for (int f = 0; f < n_features; ++f) {
        float mx = 0;
        for (std::size_t c = 0; c < nc; ++c) mx = std::max(mx, std::abs(weights[static_cast<std::size_t>(f) * nc + c]));
        if (mx < 1e-4f) continue;
        kept.push_back(vocab[static_cast<std::size_t>(f)]);
        for (std::size_t c = 0; c < nc; ++c) kept_w.push_back(weights[static_cast<std::size_t>(f) * nc + c]);
    }
    ContentModel model(categories, std::move(kept), std::move(kept_w), bias, notes);
    std::string text = model.serialize();
    // Check it reads back before it replaces anything.
    auto back = ContentModel::parse(text, out);
    if (!back) {
        std::cerr << "ordinance: train: the model does not read back: " << back.error().message << "\n";
        return 2;
    }
    std::string tmp = out + ".tmp";
    {
        std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
        o << text;
        o.flush();
        if (!o) {
            std::cerr << "ordinance: train: cannot write " << tmp << "\n";
            return 2;
        }
    }
    std::error_code ec;
    // A model is configuration, not mail: readable by the milter's user and the reviewers.
    std::filesystem::permissions(tmp, std::filesystem::perms(0644), ec);
    std::filesystem::rename(tmp, out, ec);
    if (ec) {
        std::cerr << "ordinance: train: cannot rename " << tmp << " to " << out << ": " << ec.message() << "\n";
        return 2;
    }
    std::cerr << "ordinance: train: " << samples.size() << " messages, " << model.feature_count() << " features, "
              << nc << " categories -> " << out << "\n";
    return 0;
}

}  // namespace ord::cli
