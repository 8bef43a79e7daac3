// The content classifier: a linear model (one logistic regression per content category,
// trained by `ordinance train` with liblinear) over word, word-pair and word-stem features of
// the text the content policy reads (checks/content_text.h). The model is data: a text file
// named by [content] model, loaded with the engine (start and SIGHUP) and swapped with it.
//
// Features of one message, all from normalized text (checks/normalize.h):
//   WORD, "W1 W2"      words and adjacent word pairs the sender wrote (digits read as 0)
//   ~STEMxx            the first 6 bytes of words longer than that (inflection, typos)
//   s:WORD             words of the subject (also counted as plain words)
//   q:WORD             words in quoted history or forwarded blocks; these also count as plain
//                      features at half weight, so the model can learn both what a forwarded
//                      chain letter looks like and that a swear word in a quoted message is not
//                      the sender's own
// Header fields are not features: List-Id, List-Unsubscribe and Precedence mark bulk mail, which
// the agency's own bulletins and every discussion list are too; the rule files weigh them.
// Each value is log(1 + count); the vector is scaled to length 1, except that a short text
// (length under 3 before scaling) is scaled by 1/3 only: few words are little evidence.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "checks/content_text.h"
#include "checks/normalize.h"
#include "mime/message.h"

namespace ord {

struct FeatureVector {
    std::vector<std::pair<std::string, float>> items;  // sorted by name, unique, length 1
};

// The features of a message whose content texts are `texts` (content_texts(msg)).
FeatureVector message_features(const mime::Message& msg, const std::vector<ContentText>& texts);

class ContentModel {
public:
    struct Term {
        std::string feature;
        double contribution;  // weight x value: how far it moved the score
    };
    struct Score {
        double probability = 0;  // logistic of margin
        double margin = 0;       // bias + sum of contributions
        std::vector<Term> top;   // the strongest positive contributions, strongest first
    };

    ContentModel(std::vector<std::string> categories, std::vector<std::string> features,
                 std::vector<float> weights, std::vector<double> bias, std::vector<std::string> notes);

    // Reads a model file; an error names the file and line.
    static Result<std::shared_ptr<const ContentModel>> load(const std::string& path);
    static Result<std::shared_ptr<const ContentModel>> parse(std::string_view text, const std::string& name);
    // The file text: the same model always gives the same bytes.
    std::string serialize() const;

    const std::vector<std::string>& categories() const { return categories_; }
    std::size_t feature_count() const { return features_.size(); }
    // Index of a category, or -1.
    int category_index(std::string_view id) const;
    // One score per category, in categories() order.
    std::vector<Score> score(const FeatureVector& fv, std::size_t top_n = 8) const;
    // The same scores straight from a message's content texts (the mail path: no feature
    // strings kept). normalized[i], when given and not null, is normalize(texts[i].source).
    std::vector<Score> score_texts(const std::vector<ContentText>& texts,
                                   const std::vector<const NormalizedText*>& normalized = {},
                                   std::size_t top_n = 8) const;

private:
    // Feature index by 64-bit hash (open addressing); load refuses a model with two features of
    // one hash, so a lookup needs no string comparison.
    std::int64_t find(std::uint64_t hash) const;
    // Scores from the model features a message has: (feature index, value after scaling).
    std::vector<Score> score_present(const std::vector<std::pair<std::uint32_t, double>>& present,
                                     std::size_t top_n) const;
    bool build_index();
    std::vector<std::string> categories_;
    std::vector<std::string> features_;
    std::vector<float> weights_;  // feature-major: weights_[f * categories + c]
    std::vector<double> bias_;
    std::vector<std::string> notes_;  // "# ..." lines kept in the file (how it was trained)
    std::vector<std::pair<std::uint64_t, std::uint32_t>> index_;  // (hash, feature + 1); 0: empty
    bool unique_hashes_ = true;
};

}  // namespace ord
