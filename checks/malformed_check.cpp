#include "checks/malformed_check.h"

namespace ord {

void MalformedCheck::on_message(const MessageContext&, const mime::Message& msg, Findings& out) const {
    if (msg.anomalies.empty()) return;
    std::string kinds;
    std::string reason = "Malformed message: ";
    for (size_t i = 0; i < msg.anomalies.size(); ++i) {
        kinds += (i ? "," : "") + msg.anomalies[i].kind;
        reason += (i ? "; " : "") + msg.anomalies[i].detail;
    }
    out.push_back({"malformed", "malformed", Verdict::Accept, 1.0, reason, "anomalies=" + kinds, ""});
}

}  // namespace ord
