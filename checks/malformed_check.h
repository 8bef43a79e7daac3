// MalformedCheck: turns what the MIME parser flagged (broken limits, bad encodings,
// unclosed boundaries, dangerous names) into one `malformed` finding.
#pragma once

#include "policy/check.h"

namespace ord {

class MalformedCheck : public Check {
public:
    std::string_view name() const override { return "malformed"; }
    void on_message(const MessageContext& ctx, const mime::Message& msg, Findings& out) const override;
};

}  // namespace ord
