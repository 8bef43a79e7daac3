// ContentCheck: the content policy (chain letters, solicitation, gambling, newsletters,
// offensive mail, personal data, auto-forwarding, social networks) as scored rules from data.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "policy/check.h"
#include "checks/classifier.h"
#include "checks/content_rules.h"
#include "policy/config.h"

#include <re2/re2.h>
#include <re2/set.h>

namespace ord {

class ContentCheck : public Check {
public:
    // Compiles every scope's patterns into one RE2::Set; throws CheckLoadError on failure.
    explicit ContentCheck(const Config& cfg);
    ~ContentCheck() override;
    std::string_view name() const override { return "content"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;

    std::size_t pattern_count() const { return patterns_.size(); }
    const ContentModel* model() const { return model_.get(); }

private:
    struct Compiled {
        std::size_t category, rule;
        std::string source;  // phrase or regex as written
        std::unique_ptr<RE2> re;  // the same pattern alone, to find evidence spans
    };
    const Config& cfg_;
    std::shared_ptr<const ContentRules> rules_;
    std::vector<Compiled> patterns_;
    std::unique_ptr<RE2::Set> sets_[kScopeCount];
    std::vector<int> set_index_[kScopeCount];  // set pattern index -> patterns_ index
    std::shared_ptr<const ContentModel> model_;  // null: rules only
    std::vector<int> model_index_;               // per category: its index in the model, or -1
};

}  // namespace ord
