// SizeCheck: policy 2503 section 9 D ("large file transfers"): a message or an attachment
// larger than the configured limit is an `oversize` finding.
#pragma once

#include "policy/check.h"
#include "policy/config.h"

namespace ord {

class SizeCheck : public Check {
public:
    explicit SizeCheck(const Config& cfg) : limits_(cfg.size) {}
    std::string_view name() const override { return "size"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;

private:
    Config::Size limits_;
};

}  // namespace ord
