#include "base/smtp_client.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace ord::smtp {
namespace {

class Conn {
public:
    Conn(int fd, int timeout) : fd_(fd), timeout_ms_(timeout * 1000) {}
    ~Conn() {
        if (fd_ >= 0) ::close(fd_);
    }
    bool send(std::string_view s) {
        std::size_t off = 0;
        while (off < s.size()) {
            pollfd p{fd_, POLLOUT, 0};
            if (::poll(&p, 1, timeout_ms_) <= 0) return false;
            ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            off += static_cast<std::size_t>(n);
        }
        return true;
    }
    // The code of the next (possibly multi-line) reply; 0 on a broken connection or timeout.
    // Its lines go to `lines` as well, when given.
    int reply(std::string& text, std::vector<std::string>* lines = nullptr) {
        text.clear();
        if (lines) lines->clear();
        for (;;) {
            auto nl = buf_.find('\n');
            if (nl == std::string::npos) {
                pollfd p{fd_, POLLIN, 0};
                if (::poll(&p, 1, timeout_ms_) <= 0) return 0;
                char b[4096];
                ssize_t n = ::recv(fd_, b, sizeof b, 0);
                if (n <= 0) return 0;
                buf_.append(b, static_cast<std::size_t>(n));
                if (buf_.size() > 65536) return 0;
                continue;
            }
            std::string line = buf_.substr(0, nl);
            buf_.erase(0, nl + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            text += (text.empty() ? "" : " ") + line;
            if (lines) lines->push_back(line);
            if (line.size() < 3) return 0;
            if (line.size() == 3 || line[3] == ' ') return std::atoi(line.substr(0, 3).c_str());
        }
    }

private:
    int fd_;
    int timeout_ms_;
    std::string buf_;
};

bool has_8bit(std::string_view s) {
    for (unsigned char c : s)
        if (c > 0x7F) return true;
    return false;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

}  // namespace

Extensions parse_ehlo(const std::vector<std::string>& lines) {
    Extensions e;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        if (lines[i].size() < 5) continue;
        std::string kw = upper(lines[i].substr(4));
        kw = kw.substr(0, kw.find(' '));
        if (kw == "8BITMIME") e.eightbitmime = true;
        if (kw == "SMTPUTF8") e.smtputf8 = true;
    }
    return e;
}

Result<std::string> mail_parameters(const Extensions& ext, std::string_view message, const std::string& sender,
                                    const std::vector<std::string>& rcpts) {
    std::string out;
    if (has_8bit(message)) {
        if (!ext.eightbitmime)
            return Error{"smtp_unsupported", "the message has 8-bit bytes and the server does not offer 8BITMIME "
                                             "(RFC 6152): not sent"};
        out += " BODY=8BITMIME";
    }
    bool utf8 = has_8bit(sender);
    for (const auto& r : rcpts) utf8 = utf8 || has_8bit(r);
    if (utf8) {
        if (!ext.smtputf8)
            return Error{"smtp_unsupported", "an envelope address is not ASCII and the server does not offer SMTPUTF8 "
                                             "(RFC 6531): not sent"};
        out += " SMTPUTF8";
    }
    return out;
}

std::string data_block(std::string_view message) {
    std::string out;
    out.reserve(message.size() + message.size() / 50 + 8);
    bool bol = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        char c = message[i];
        if (bol && c == '.') out += '.';
        if (c == '\n' && (i == 0 || message[i - 1] != '\r')) out += '\r';
        out += c;
        bol = c == '\n';
    }
    if (!bol) out += "\r\n";
    return out + ".\r\n";
}

Result<Delivery> send_message(const std::string& hostport, const std::string& label, const std::string& helo,
                              const std::string& sender, const std::vector<std::string>& rcpts,
                              std::string_view message, int timeout_seconds) {
    auto colon = hostport.rfind(':');
    if (colon == std::string::npos) return Error{"config", label + " '" + hostport + "' is not HOST:PORT"};
    std::string host = hostport.substr(0, colon), port = hostport.substr(colon + 1);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (int rc = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &res); rc != 0)
        return Error{"io", label + " " + hostport + ": " + ::gai_strerror(rc)};
    int fd = -1, err = 0;
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
        if (fd >= 0 && ::connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
            err = errno;
            ::close(fd);
            fd = -1;
        }
    }
    ::freeaddrinfo(res);
    if (fd < 0) return Error{"io", label + " " + hostport + ": connect: " + std::strerror(err ? err : errno)};
    Conn c(fd, timeout_seconds);
    std::string text;
    auto step = [&](std::string_view cmd, int want, const char* what) -> Result<Ok> {
        if (!cmd.empty() && !c.send(cmd)) return Error{"io", std::string("SMTP ") + what + ": connection lost"};
        int code = c.reply(text);
        if (code == 0) return Error{"io", std::string("SMTP ") + what + ": no reply"};
        if (code / 100 != want / 100)
            return Error{code / 100 == 5 ? "smtp_permanent" : "smtp", std::string("SMTP ") + what + ": " + text};
        return Ok{};
    };
    if (auto r = step("", 220, "greeting"); !r) return r.error();
    if (!c.send("EHLO " + helo + "\r\n")) return Error{"io", "SMTP EHLO: connection lost"};
    std::vector<std::string> ehlo;
    if (int code = c.reply(text, &ehlo); code == 0) return Error{"io", "SMTP EHLO: no reply"};
    else if (code / 100 != 2) return Error{code / 100 == 5 ? "smtp_permanent" : "smtp", "SMTP EHLO: " + text};
    auto params = mail_parameters(parse_ehlo(ehlo), message, sender, rcpts);
    if (!params) {
        c.send("QUIT\r\n");
        return Error{params.error().code, label + " " + hostport + ": " + params.error().message};
    }
    if (auto r = step("MAIL FROM:<" + sender + ">" + *params + "\r\n", 250, "MAIL FROM"); !r) return r.error();
    Delivery d;
    bool all_permanent = true;
    for (const auto& r : rcpts) {
        if (!c.send("RCPT TO:<" + r + ">\r\n")) return Error{"io", "SMTP RCPT TO: connection lost"};
        int code = c.reply(text);
        if (code == 0) return Error{"io", "SMTP RCPT TO: no reply"};
        if (code / 100 == 2) {
            d.taken.push_back(r);
        } else {
            all_permanent = all_permanent && code / 100 == 5;
            d.refusals += (d.refusals.empty() ? "" : "; ") + r + ": " + text;
        }
    }
    if (d.taken.empty())
        return Error{all_permanent && !rcpts.empty() ? "smtp_permanent" : "smtp",
                     "SMTP RCPT TO refused every recipient: " + d.refusals};
    if (auto r = step("DATA\r\n", 354, "DATA"); !r) return r.error();
    if (auto r = step(data_block(message), 250, "end of data"); !r) return r.error();
    c.send("QUIT\r\n");
    return d;
}

}  // namespace ord::smtp
