// The one interface every policy check implements. A check reads the step's MessageContext
// (envelope, identity, directions), the parsed message and what it was built with, and
// appends Findings; it has no other effect.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "policy/context.h"
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
    // Called at MAIL FROM, once per message (ctx.env.rcpts is empty).
    virtual void on_sender(const MessageContext& /*ctx*/, Findings& /*out*/) const {}
    // Called as each envelope recipient arrives (ctx.env.rcpts holds the earlier ones;
    // ctx.recipient and ctx.recipient_direction are this one).
    virtual void on_recipient(const MessageContext& /*ctx*/, const std::string& /*rcpt*/, Findings& /*out*/) const {}
    // Called once at end of message with the parsed message.
    virtual void on_message(const MessageContext& /*ctx*/, const mime::Message& /*msg*/, Findings& /*out*/) const {}
    // True when data the check loaded (a signature directory) changed on disk since: the daemon
    // then builds a new Engine, exactly as on SIGHUP.
    virtual bool data_changed() const { return false; }
};

struct Config;
struct Services;

// One row of the check table (checks/registry.h): a name and how to build the check.
struct CheckFactory {
    std::string_view name;
    std::unique_ptr<Check> (*make)(const Config&, const Services&);
};

}  // namespace ord
