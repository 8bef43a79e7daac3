// The one interface every policy check implements. A check reads the envelope, the parsed
// message and the configuration snapshot, and appends Findings; it has no other effect.
#pragma once

#include <string>
#include <string_view>

#include "policy/envelope.h"
#include "policy/finding.h"
#include "mime/message.h"

#include <stdexcept>

namespace ord {

// A check whose data cannot be loaded (a policy map, a signature database) throws this from
// its constructor; Engine::create turns it into a configuration error. It never leaves checks/.
struct CheckLoadError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Check {
public:
    virtual ~Check() = default;
    virtual std::string_view name() const = 0;
    // Called at MAIL FROM, once per message (env.rcpts is empty).
    virtual void on_sender(const Envelope& /*env*/, Findings& /*out*/) const {}
    // Called as each envelope recipient arrives (env.rcpts holds the earlier ones).
    virtual void on_recipient(const Envelope& /*env*/, const std::string& /*rcpt*/, Findings& /*out*/) const {}
    // Called once at end of message with the parsed message.
    virtual void on_message(const Envelope& /*env*/, const mime::Message& /*msg*/, Findings& /*out*/) const {}
    // True when data the check loaded (a signature directory) changed on disk since: the daemon
    // then builds a new Engine, exactly as on SIGHUP.
    virtual bool data_changed() const { return false; }
};

}  // namespace ord
