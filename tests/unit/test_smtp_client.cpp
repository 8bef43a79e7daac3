// base/smtp_client: the EHLO extensions, the MAIL FROM parameters they allow (RFC 6152 8BITMIME,
// RFC 6531 SMTPUTF8), and what goes on the wire to a scripted server on a loopback socket.
#include <catch2/catch.hpp>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "base/smtp_client.h"

using namespace ord::smtp;

TEST_CASE("smtp client: EHLO keywords, case-insensitive, not the greeting line", "[smtp]") {
    CHECK_FALSE(parse_ehlo({"250-8BITMIME.example greets you", "250 PIPELINING"}).eightbitmime);
    auto e = parse_ehlo({"250-mx.example", "250-PIPELINING", "250-8bitmime", "250-SIZE 10240000", "250 SMTPUTF8"});
    CHECK(e.eightbitmime);
    CHECK(e.smtputf8);
    CHECK_FALSE(parse_ehlo({"250-mx.example", "250-SMTPUTF8X", "250 8BITMIMEX"}).smtputf8);
}

TEST_CASE("smtp client: MAIL FROM parameters by what the message and envelope need", "[smtp]") {
    const Extensions none{}, both{true, true}, only8{true, false};
    const std::string ascii = "Subject: hi\r\n\r\nplain\r\n", latin = "Subject: hi\r\n\r\ncaf\xc3\xa9\r\n";
    struct Case {
        Extensions ext;
        std::string msg, sender;
        std::vector<std::string> rcpts;
        const char* params;  // nullptr: refused
    } cases[] = {
        {none, ascii, "a@x", {"b@x"}, ""},
        {both, ascii, "a@x", {"b@x"}, ""},
        {both, latin, "a@x", {"b@x"}, " BODY=8BITMIME"},
        {none, latin, "a@x", {"b@x"}, nullptr},
        {both, ascii, "a@x", {"jos\xc3\xa9@x"}, " SMTPUTF8"},
        {both, latin, "\xc3\xa9@x", {"b@x"}, " BODY=8BITMIME SMTPUTF8"},
        {only8, ascii, "a@x", {"b@x", "jos\xc3\xa9@x"}, nullptr},
        {only8, latin, "", {"b@x"}, " BODY=8BITMIME"},
    };
    for (const auto& c : cases) {
        auto p = mail_parameters(c.ext, c.msg, c.sender, c.rcpts);
        INFO(c.sender << " -> " << c.rcpts.back() << " 8bit=" << (c.msg == latin));
        if (c.params) {
            REQUIRE(p);
            CHECK(*p == c.params);
        } else {
            REQUIRE_FALSE(p);
            CHECK(p.error().code == "smtp_unsupported");
        }
    }
    CHECK(mail_parameters(none, latin, "a@x", {"b@x"}).error().message.find("8BITMIME") != std::string::npos);
    CHECK(mail_parameters(only8, ascii, "a@x", {"jos\xc3\xa9@x"}).error().message.find("SMTPUTF8") != std::string::npos);
}

namespace {

// A server on a loopback port that answers one session from a script, keeping what it was told.
struct ScriptedServer {
    int fd = -1;
    int port = 0;
    std::string ehlo_reply;
    std::vector<std::string> commands;
    std::thread th;

    explicit ScriptedServer(std::string ehlo) : ehlo_reply(std::move(ehlo)) {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        socklen_t n = sizeof a;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &n);
        port = ntohs(a.sin_port);
        REQUIRE(::listen(fd, 1) == 0);
        th = std::thread([this] { serve(); });
    }
    ~ScriptedServer() {
        if (th.joinable()) th.join();
        ::close(fd);
    }
    void serve() {
        int c = ::accept(fd, nullptr, nullptr);
        if (c < 0) return;
        auto say = [&](const std::string& s) { (void)!::send(c, s.data(), s.size(), MSG_NOSIGNAL); };
        say("220 test ESMTP\r\n");
        std::string buf;
        bool data = false;
        char b[4096];
        for (;;) {
            auto nl = buf.find("\r\n");
            if (nl == std::string::npos) {
                ssize_t n = ::recv(c, b, sizeof b, 0);
                if (n <= 0) break;
                buf.append(b, static_cast<std::size_t>(n));
                continue;
            }
            std::string line = buf.substr(0, nl);
            buf.erase(0, nl + 2);
            if (data) {
                if (line == ".") {
                    data = false;
                    say("250 queued\r\n");
                }
                continue;
            }
            commands.push_back(line);
            if (line.rfind("EHLO", 0) == 0) say(ehlo_reply);
            else if (line == "DATA") {
                data = true;
                say("354 go\r\n");
            } else if (line == "QUIT") {
                say("221 bye\r\n");
                break;
            } else say("250 ok\r\n");
        }
        ::close(c);
    }
    std::string hostport() const { return "127.0.0.1:" + std::to_string(port); }
};

}  // namespace

TEST_CASE("smtp client: BODY=8BITMIME and SMTPUTF8 on the wire; refused before MAIL FROM when not offered", "[smtp]") {
    const std::string eight = "Subject: caf\xc3\xa9\r\n\r\ncaf\xc3\xa9\r\n";
    {
        ScriptedServer srv("250-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        auto d = send_message(srv.hostport(), "test", "me", "a@x", {"jos\xc3\xa9@x"}, eight, 10);
        REQUIRE(d);
        srv.th.join();
        REQUIRE(srv.commands.size() >= 2);
        CHECK(srv.commands[1] == "MAIL FROM:<a@x> BODY=8BITMIME SMTPUTF8");
    }
    {
        ScriptedServer srv("250-test\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
        REQUIRE(send_message(srv.hostport(), "test", "me", "a@x", {"b@x"}, "Subject: x\r\n\r\nplain\r\n", 10));
        srv.th.join();
        CHECK(srv.commands[1] == "MAIL FROM:<a@x>");
    }
    {
        ScriptedServer srv("250-test\r\n250 PIPELINING\r\n");
        auto d = send_message(srv.hostport(), "test", "me", "a@x", {"b@x"}, eight, 10);
        REQUIRE_FALSE(d);
        CHECK(d.error().code == "smtp_unsupported");
        CHECK(d.error().message.find("does not offer 8BITMIME") != std::string::npos);
        srv.th.join();
        CHECK(srv.commands == std::vector<std::string>{"EHLO me", "QUIT"});
    }
}
