#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "checks/assemble.h"
#include "policy/engine.h"
#include "policy/config.h"

namespace {
std::string write_temp(const std::string& text) {
    char name[] = "/tmp/ordinance-test-XXXXXX.toml";
    int fd = mkstemps(name, 5);
    REQUIRE(fd >= 0);
    std::ofstream(name) << text;
    close(fd);
    return name;
}
}  // namespace

TEST_CASE("the shipped example configuration loads", "[config]") {
    auto e = ord::load_engine(std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/ordinance.toml", {});
    REQUIRE(e.ok());
    const auto& c = (*e)->config();
    CHECK(c.organisation.internal_domains == std::vector<std::string>{"modot.mo.gov"});
    CHECK(c.policy.groups == std::string(ORDINANCE_SOURCE_DIR) + "/config/examples/./policy/groups.toml");
}

TEST_CASE("configuration errors name the file and line", "[config]") {
    struct Case {
        const char* text;
        int line;
        const char* fragment;
    };
    auto c = GENERATE(values<Case>({
        {"[milter]\nsocket = \"tcp:1\"\n", 2, "milter.socket"},
        {"[size]\nmax_message_bytes = \"big\"\n", 2, "integer"},
        {"[rules.oversize]\naction = \"bounce\"\n", 2, "action must be one of"},
        {"[limits]\n\nmax_dept = 3\n", 3, "unknown key 'max_dept'"},
        {"[organisation]\ntrusted_networks = [\"10.0.0.0/33\"]\n", 2, "10.0.0.0/33"},
        {"[milter\n", 1, ""},
        {"[rules.no_such_rule]\naction = \"tag\"\n", 1, "unknown rule 'no_such_rule'"},
        {"[policy]\ndeactivated_recipient = \"bounce\"\n", 2, "reject or redirect"},
        {"[milter]\n\nsocket_mode = \"0689\"\n", 3, "octal mode"},
        {"[milter]\nsocket_mode = 660\n", 2, "must be a string"},
        {"[antivirus]\nscan_cache_mb = -1\n", 2, "scan_cache_mb"},
    }));
    std::string path = write_temp(c.text);
    auto e = ord::load_engine(path, {});
    REQUIRE_FALSE(e.ok());
    INFO(e.error().message);
    CHECK(e.error().message.rfind(path + ":" + std::to_string(c.line) + ":", 0) == 0);
    CHECK(e.error().message.find(c.fragment) != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("--set overrides apply on top of the file", "[config]") {
    std::string path = write_temp("[size]\nmax_message_bytes = 100\n");
    auto c = ord::load_config(path, {"size.max_message_bytes=2000", "milter.socket=unix:/tmp/x.sock",
                                      "rules.malformed.action=reject", "milter.socket_mode=0600"});
    REQUIRE(c.ok());
    CHECK((*c)->milter.socket_mode == 0600);
    CHECK((*c)->size.max_message_bytes == 2000);
    CHECK((*c)->milter.socket == "unix:/tmp/x.sock");
    CHECK((*c)->rules.at("malformed").action == ord::Verdict::Reject);
    auto bad = ord::load_config(path, {"novalue"});
    CHECK_FALSE(bad.ok());
    std::remove(path.c_str());
}

TEST_CASE("policy map errors name the file and line", "[config]") {
    struct Case {
        const char* file;  // which map gets the bad content
        const char* text;
        int line;
        const char* fragment;
    };
    auto c = GENERATE(values<Case>({
        {"aliases", "# c\nalice,alice@x.gov\nbob\n", 3, "comma-separated"},
        {"deactivated", "old@x.gov,2026-13\n", 1, "YYYY-MM-DD"},
        {"deactivated", "old@x.gov,2026-01-01,bounce\n", 1, "reject' or 'redirect"},
        {"supervisors", "a@x.gov,nobody\n", 1, "person,supervisor"},
        {"groups", "[[group]]\nname = \"x\"\n", 1, "needs address"},
        {"groups", "[[group]]\naddress = \"g@x.gov\"\nmembers = [\"not an address\"]\n", 3, "addresses"},
        {"groups", "[[group]]\naddress = \"g@x.gov\"\nmembrs = []\n", 3, "unknown key 'membrs'"},
        {"groups", "# groups\n[[group]\n", 2, ""},  // a TOML syntax error
    }));
    std::string dir = "/tmp/ordinance-policy-test";
    std::filesystem::create_directories(dir);
    std::string map = dir + "/" + c.file + (std::string(c.file) == "groups" ? ".toml" : ".csv");
    std::ofstream(map) << c.text;
    std::string cfg = dir + "/ordinance.toml";
    std::ofstream(cfg) << "[policy]\n" << c.file << " = \"" << map << "\"\n";
    auto e = ord::load_engine(cfg, {});
    REQUIRE_FALSE(e.ok());
    INFO(e.error().message);
    CHECK(e.error().message.rfind(map + ":" + std::to_string(c.line) + ":", 0) == 0);
    CHECK(e.error().message.find(c.fragment) != std::string::npos);
    std::filesystem::remove_all(dir);
}
