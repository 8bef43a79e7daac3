// Helpers the antivirus and attachment tests share: reading files, building archives with
// libarchive, forwarding a message, running the Engine the way the milter does and reading
// its findings. Header-only, for the unit-tests target.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "policy/engine.h"
#include "checks/scan.h"

namespace testutil {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Entry {
    std::string name;
    std::string data;
};

// An archive in memory: "zip", "7zip", ...; with a passphrase, a ZipCrypto-encrypted zip.
inline std::string make_archive(const std::vector<Entry>& entries, const char* format = "zip",
                                const char* passphrase = nullptr) {
    std::string out;
    struct archive* a = archive_write_new();
    REQUIRE(archive_write_set_format_by_name(a, format) == ARCHIVE_OK);
    if (passphrase) {
        REQUIRE(archive_write_set_options(a, "zip:encryption=zipcrypt") == ARCHIVE_OK);
        REQUIRE(archive_write_set_passphrase(a, passphrase) == ARCHIVE_OK);
    }
    archive_write_set_bytes_in_last_block(a, 1);
    REQUIRE(archive_write_open(
                a, &out, nullptr,
                [](struct archive*, void* c, const void* b, size_t n) -> la_ssize_t {
                    static_cast<std::string*>(c)->append(static_cast<const char*>(b), n);
                    return static_cast<la_ssize_t>(n);
                },
                nullptr) == ARCHIVE_OK);
    for (const auto& e : entries) {
        struct archive_entry* en = archive_entry_new();
        archive_entry_set_pathname(en, e.name.c_str());
        archive_entry_set_size(en, static_cast<la_int64_t>(e.data.size()));
        archive_entry_set_filetype(en, AE_IFREG);
        archive_entry_set_perm(en, 0644);
        REQUIRE(archive_write_header(a, en) == ARCHIVE_OK);
        REQUIRE(archive_write_data(a, e.data.data(), e.data.size()) == static_cast<la_ssize_t>(e.data.size()));
        archive_entry_free(en);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

// `inner` forwarded as a message/rfc822 part after a short text.
inline std::string forwarded(const std::string& inner) {
    return "From: carol@example.org\r\nTo: bob@modot.mo.gov\r\nSubject: Fwd: documents\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"fw\"\r\n\r\n--fw\r\nContent-Type: text/plain\r\n\r\n"
           "Forwarding this.\r\n--fw\r\nContent-Type: message/rfc822\r\n\r\n" +
           inner + "\r\n--fw--\r\n";
}

// The RCPT-time and end-of-message checks, as the milter runs them, for one recipient.
inline ord::ScanOutcome scan(const ord::Engine& e, const std::string& raw,
                             const std::string& from = "mallory@example.com",
                             const std::string& rcpt = "bob@modot.mo.gov", const std::string& client = "192.0.2.10") {
    ord::Envelope env;
    env.mail_from = from;
    env.rcpts = {rcpt};
    env.client_addr = client;
    return ord::scan_message(e, env, raw, false);
}

inline std::vector<const ord::Finding*> with_rule(const ord::ScanOutcome& o, const std::string& rule) {
    std::vector<const ord::Finding*> out;
    for (const auto& f : o.decision.findings)
        if (f.rule == rule) out.push_back(&f);
    return out;
}

// The verdict and every finding, one per line, for INFO().
inline std::string describe(const ord::ScanOutcome& o) {
    std::string s = std::string(ord::verdict_name(o.decision.verdict)) + ":";
    for (const auto& f : o.decision.findings) s += "\n  " + f.rule + ": " + f.reason + " | " + f.evidence;
    return s;
}

}  // namespace testutil
