// One SMTP connection's state inside the milter: the engine snapshot taken at connect,
// the envelope, and the message bytes (in memory up to a bound, then in a spill file).
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "policy/engine.h"

namespace ord::milter {

// The raw message as received: header block then body. Small messages stay in memory;
// past `memory_limit` everything moves to an unlinked temp file in `spool_dir`, which is
// mapped read-only at end of message.
class MessageBuffer {
public:
    MessageBuffer(std::string spool_dir, std::size_t memory_limit)
        : spool_dir_(std::move(spool_dir)), limit_(memory_limit) {}
    ~MessageBuffer() { reset(); }
    MessageBuffer(const MessageBuffer&) = delete;
    MessageBuffer& operator=(const MessageBuffer&) = delete;

    Result<Ok> append(std::string_view data);
    // The whole message; valid until the next append or reset.
    Result<std::string_view> view();
    std::size_t size() const { return size_; }
    bool spilled() const { return fd_ >= 0; }
    void reset();  // safe to call twice

private:
    Result<Ok> spill();
    void unmap();

    std::string spool_dir_;
    std::size_t limit_;
    std::string mem_;
    int fd_ = -1;
    std::size_t size_ = 0;
    void* map_ = nullptr;
    std::size_t map_len_ = 0;
};

struct Session {
    Session(std::shared_ptr<const Engine> e)
        : engine(std::move(e)),
          buffer(engine->config().milter.spool_dir, engine->config().milter.memory_body_limit) {}
    ~Session() { end_message(); }
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Messages between MAIL FROM and their end, over every connection: a stop waits for them.
    static std::atomic<int>& in_flight() {
        static std::atomic<int> n{0};
        return n;
    }
    void begin_message() {
        if (!in_message_) {
            in_message_ = true;
            ++in_flight();
        }
    }

    void reset_message() {
        end_message();
        env.mail_from.clear();
        env.rcpts.clear();
        env.queue_id.clear();
        env.auth_login.clear();
        env.size = 0;
        buffer.reset();
        rcpt_findings.clear();
        rcpt_rejected = 0;
        headers_done = false;
        failure.clear();
    }

    std::shared_ptr<const Engine> engine;  // snapshot for the whole connection
    Envelope env;
    MessageBuffer buffer;
    Findings rcpt_findings;  // findings from RCPT time, reported again at end of message
    std::size_t rcpt_rejected = 0;
    bool headers_done = false;
    // Steps the MTA does not wait for an answer to (SMFIP_NR_*), negotiated per connection.
    unsigned long noreply = 0;
    // The modification actions (SMFIF_*) the MTA granted at negotiation: a plan that needs
    // one that is missing tempfails instead of pretending it happened.
    unsigned long actions = 0;
    // What went wrong in such a step; the end of the message answers it with a tempfail.
    std::string failure;

private:
    void end_message() {
        if (in_message_) {
            in_message_ = false;
            --in_flight();
        }
    }
    bool in_message_ = false;
};

}  // namespace ord::milter
