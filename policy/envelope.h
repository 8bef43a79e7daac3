// The SMTP envelope and connection facts a check may read: who connected, who
// authenticated, the envelope sender and recipients, and the MTA's queue id.
#pragma once

#include <string>
#include <vector>

namespace ord {

struct Envelope {
    std::string client_addr;   // {client_addr}
    std::string client_name;   // host name from connect
    std::string helo;
    std::string auth_login;    // {auth_authen}; empty when not authenticated
    std::string mail_from;     // envelope sender without angle brackets; empty for <>
    std::vector<std::string> rcpts;  // accepted envelope recipients so far
    std::string queue_id;      // {i}
    std::string daemon_name;   // {daemon_name}
    std::string if_addr;       // {if_addr}
    std::size_t size = 0;      // raw message size in bytes, known at end of message
};

}  // namespace ord
