// The `ordinance` command: scan saved messages through the same engine the milter runs,
// and validate configuration. Exit 0 ok / all accepted, 1 not accepted or invalid, 2 usage.
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "checks/assemble.h"
#include "base/terminal.h"
#include "policy/engine.h"
#include "checks/registry.h"
#include "checks/scan.h"
#include "disposition/plan.h"
#include "disposition/strip.h"
#include "base/json.h"
#include "mime/strip.h"
#include "policy/config.h"

namespace ord::cli {
// cli/eval_cmd.cpp
int cmd_eval(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args);
// cli/train_cmd.cpp
int cmd_train(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args);
// cli/journal_cmd.cpp
int cmd_journal(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args);
// cli/quarantine_cmd.cpp
int cmd_quarantine(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args);
}  // namespace ord::cli

namespace {

constexpr const char* kMainHelp = R"(NAME
    ordinance - the Ordinance mail policy gateway's command line

SYNOPSIS
    ordinance [--config FILE] [--set SECTION.KEY=VALUE]... COMMAND [OPTIONS] [ARGS]
    ordinance COMMAND --help

DESCRIPTION
    Ordinance enforces an e-mail acceptable-use policy in the mail path as a milter
    (ordinance-milter). This command runs the very same policy engine on saved
    messages, and checks configuration before it is deployed.

COMMANDS
    scan           Run the policy checks on .eml files and print the findings.
    check-config   Validate the configuration and every file it names.
    eval           Measure the content policy on a labelled corpus (confusion table).
    train          Fit the content classifier to a labelled corpus (writes the model file).
    journal        Search, export, hold, purge and verify the retention journal.
    quarantine     List, show, release (exactly once per recipient), delete and expire
                   held messages; verify their audit log.
    help           Show this text.

GLOBAL OPTIONS
    --config FILE
        The configuration file. Without it: $ORDINANCE_CONFIG if set, else
        /etc/ordinance/ordinance.toml.
    --set SECTION.KEY=VALUE
        Override one configuration key after the file is read, e.g.
        --set size.max_message_bytes=1048576 or --set rules.malformed.action=reject.
        VALUE is read as TOML (numbers, booleans, arrays), else as a string.
        May be given more than once.
    -h, --help
        Show help.

EXIT STATUS
    0   success (for scan: every message accepted)
    1   failure (for scan: a message was not accepted; for check-config: invalid)
    2   usage or configuration error

FILES
    /etc/ordinance/ordinance.toml   default configuration
    config/examples/ordinance.toml  the annotated example shipped with the source
)";

constexpr const char* kScanHelp = R"(NAME
    ordinance scan - run the policy engine on saved messages

SYNOPSIS
    ordinance [--config FILE] [--set K=V]... scan [--mail-from ADDR] [--rcpt ADDR]...
              [--auth LOGIN] [--client-ip IP] [--helo NAME] [--json] [--plan] [--explain]
              [--queue-id ID] [--strip-out FILE] FILE.eml...

DESCRIPTION
    Parses each message and runs it through exactly the checks ordinance-milter runs:
    first the RCPT-time checks for every --rcpt, then the end-of-message checks. Prints
    the verdict (accept, tag, quarantine, reject, tempfail, discard), the SMTP reply the
    milter would give, and every finding with its rule, category, action, reason and
    evidence. Use "-" as FILE to read standard input.

OPTIONS
    --mail-from ADDR   Envelope sender. Without it the From: header's address stands in.
    --rcpt ADDR        Envelope recipient; repeat for several.
    --auth LOGIN       SMTP AUTH login ({auth_authen}); default: not authenticated.
    --client-ip IP     Connecting client's address ({client_addr}); default 127.0.0.1.
    --helo NAME        HELO/EHLO name; default localhost.
    --json             One JSON object per message per line:
                       {"file","verdict","smtp_reply","findings":[{"rule","category",
                       "action","score","reason","evidence"}]}
    --explain          Also print, per finding, why: for a content category the rule
                       matches with their weights, the rules' score against the
                       category's threshold, and the classifier's probability against
                       model_threshold with the words and phrases that weighed most
                       (with --json: "explanation" in each finding).
    --plan             Also print the plan: exactly what ordinance-milter would do with
                       the message after the verdict, in the order it does it - the
                       original kept (attachments.strip), header fields added or
                       changed, recipients redirected, the body replaced, the hold
                       (quarantine.mode "mta_hold") or the quarantine item stored
                       (mode "store": the MTA is then told discard), the journal entry
                       (whole message or metadata), notices, the actions the MTA must
                       have granted, and the SMTP answer. Nothing is written. With
                       --json the object gains "plan":{...} ("answer","keep",
                       "add_headers","redirects","change_headers","replace_body","hold",
                       "quarantine","journal","notices","needs"); null when the
                       transaction is refused before the data.
    --queue-id ID      Queue id the plan names the kept original after (default SCAN).
    --strip-out FILE   With one message: write it to FILE as the milter would deliver it
                       when attachments.strip cuts parts out (rule stripped_attachment):
                       each such part replaced by a short text notice. Not written when
                       nothing is stripped; exit status 2 when a part cannot be cut out.
    -h, --help         Show this text.

EXIT STATUS
    0 when every message is accepted, 1 when any is not (tagged included), 2 on a usage
    or configuration error or an unreadable file.

EXAMPLE
    ordinance --config /etc/ordinance/ordinance.toml scan --rcpt users@modot.mo.gov \
        --mail-from alice@modot.mo.gov --client-ip 10.1.2.3 saved.eml
)";

constexpr const char* kCheckHelp = R"(NAME
    ordinance check-config - validate the configuration

SYNOPSIS
    ordinance [--config FILE] [--set K=V]... check-config

DESCRIPTION
    Reads the configuration file and every rule and map file it names, validates each
    key, and builds the policy engine exactly as ordinance-milter would at start or on
    SIGHUP. Prints "FILE: ok" and exits 0, or prints every error as
    FILE:LINE: what was expected, and exits 1.
)";

int usage(const std::string& msg) {
    std::cerr << "ordinance: " << msg << "\n(try 'ordinance --help')\n";
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        out = ss.str();
        return true;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size < 0) return false;
    in.seekg(0);
    out.resize(static_cast<size_t>(size));
    in.read(out.data(), size);
    return static_cast<bool>(in) || in.eof();
}

// Reasons, evidence and part names quote the message: each is shown through terminal_text,
// so a message cannot forge a finding line or send control sequences (--json stays exact).
void print_text(const std::string& file, const ord::ScanOutcome& o, bool explain) {
    using ord::terminal_text;
    const auto& d = o.decision;
    std::cout << terminal_text(file) << ": " << ord::verdict_name(d.verdict);
    if (!d.smtp_reply().empty()) std::cout << " (" << terminal_text(d.smtp_reply()) << ")";
    std::cout << "\n";
    for (const auto& f : d.findings) {
        std::cout << "  " << terminal_text(f.rule) << " [" << terminal_text(f.category)
                  << "] action=" << ord::verdict_name(f.action) << " score=" << f.score
                  << "\n    reason: " << terminal_text(f.reason) << "\n";
        if (!f.evidence.empty()) std::cout << "    evidence: " << terminal_text(f.evidence) << "\n";
        if (!f.policy.empty()) std::cout << "    policy: " << terminal_text(f.policy) << "\n";
        if (explain && !f.explanation.empty()) {
            std::cout << "    explanation:\n";
            std::string lines = ord::terminal_lines(f.explanation);
            std::size_t b = 0;
            while (b < lines.size()) {
                std::size_t e = lines.find('\n', b);
                if (e == std::string::npos) e = lines.size();
                std::cout << "    " << lines.substr(b, e - b) << "\n";
                b = e + 1;
            }
        }
    }
}

// `plan_wanted`: add "plan", null when the transaction was refused before the data.
void print_json(const std::string& file, const ord::ScanOutcome& o, bool explain, bool plan_wanted,
                const ord::disposition::Plan* plan) {
    const auto& d = o.decision;
    std::ostringstream os;
    os << "{\"file\":" << ord::json_string(file) << ",\"verdict\":" << ord::json_string(ord::verdict_name(d.verdict))
       << ",\"smtp_reply\":" << ord::json_string(d.smtp_reply()) << ",\"findings\":[";
    for (size_t i = 0; i < d.findings.size(); ++i) {
        const auto& f = d.findings[i];
        os << (i ? "," : "") << "{\"rule\":" << ord::json_string(f.rule)
           << ",\"category\":" << ord::json_string(f.category)
           << ",\"action\":" << ord::json_string(ord::verdict_name(f.action)) << ",\"score\":" << f.score
           << ",\"reason\":" << ord::json_string(f.reason) << ",\"evidence\":" << ord::json_string(f.evidence)
           << ",\"policy\":" << ord::json_string(f.policy);
        if (explain) os << ",\"explanation\":" << ord::json_string(f.explanation);
        os << "}";
    }
    os << "]";
    if (plan_wanted) os << ",\"plan\":" << (plan ? ord::disposition::plan_json(*plan) : std::string("null"));
    os << "}\n";
    std::cout << os.str();
}

int cmd_scan(const std::string& config, const std::vector<std::string>& sets, const std::vector<std::string>& args) {
    ord::Envelope env;
    env.client_addr = "127.0.0.1";
    env.helo = "localhost";
    bool json = false, show_plan = false, explain = false;
    std::string strip_out;
    std::vector<std::string> files;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) -> bool {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "-h" || a == "--help") {
            std::cout << kScanHelp;
            return 0;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--plan") {
            show_plan = true;
        } else if (a == "--explain") {
            explain = true;
        } else if (a == "--queue-id") {
            if (!value(env.queue_id)) return usage("--queue-id needs an id");
        } else if (a == "--strip-out") {
            if (!value(strip_out)) return usage("--strip-out needs a file name");
        } else if (a == "--mail-from") {
            if (!value(env.mail_from)) return usage("--mail-from needs an address");
        } else if (a == "--rcpt") {
            if (!value(v)) return usage("--rcpt needs an address");
            env.rcpts.push_back(v);
        } else if (a == "--auth") {
            if (!value(env.auth_login)) return usage("--auth needs a login");
        } else if (a == "--client-ip") {
            if (!value(env.client_addr)) return usage("--client-ip needs an address");
        } else if (a == "--helo") {
            if (!value(env.helo)) return usage("--helo needs a name");
        } else if (a.size() > 1 && a[0] == '-' && a != "-") {
            return usage("scan: unknown option '" + a + "'");
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) return usage("scan: no message files given");
    if (!strip_out.empty() && files.size() != 1) return usage("scan: --strip-out takes exactly one message");
    auto engine = ord::load_engine(config, sets);
    if (!engine) {
        std::cerr << engine.error().message << "\n";
        return 2;
    }
    int status = 0;
    for (const auto& f : files) {
        std::string raw;
        if (!read_file(f, raw)) {
            std::cerr << "ordinance: cannot read " << ord::terminal_text(f) << ": " << std::strerror(errno) << "\n";
            status = 2;
            continue;
        }
        ord::ScanOutcome o = ord::scan_message(**engine, env, raw);
        std::optional<ord::disposition::Plan> plan;
        if (show_plan && o.message) {
            ord::Envelope penv = o.accepted;
            if (penv.queue_id.empty()) penv.queue_id = "SCAN";
            plan = ord::disposition::make_plan({(*engine)->config(), penv, raw, o.parsed}, *o.message);
        }
        if (json) {
            print_json(f, o, explain, show_plan, plan ? &*plan : nullptr);
        } else {
            print_text(f, o, explain);
            if (show_plan) {
                std::cout << "  plan:\n";
                if (plan) std::cout << ord::disposition::plan_text(*plan, "    ");
                else std::cout << "    refused before the data: " << ord::terminal_text(o.decision.smtp_reply()) << "\n";
            }
        }
        if (o.decision.verdict != ord::Verdict::Accept && status == 0) status = 1;
        if (!strip_out.empty() && ord::wants_strip(o.decision)) {
            auto st = ord::mime::strip_parts(raw, ord::strip_notices(o.decision, ""), (*engine)->config().limits);
            if (!st.missing.empty() || st.removed == 0) {
                std::cerr << "ordinance: " << ord::terminal_text(f) << ": a part to strip could not be cut out of the message\n";
                return 2;
            }
            std::ofstream out(strip_out, std::ios::binary | std::ios::trunc);
            out << ord::mime::stripped_message(raw, st);
            if (!out.flush()) {
                std::cerr << "ordinance: cannot write " << strip_out << ": " << std::strerror(errno) << "\n";
                return 2;
            }
            if (!json)
                std::cout << "  stripped: " << ord::terminal_text(ord::stripped_summary(o.decision)) << " -> "
                          << ord::terminal_text(strip_out) << "\n";
        }
    }
    std::cout.flush();
    return status;
}

int cmd_check_config(const std::string& config, const std::vector<std::string>& sets,
                     const std::vector<std::string>& args) {
    for (const auto& a : args) {
        if (a == "-h" || a == "--help") {
            std::cout << kCheckHelp;
            return 0;
        }
        return usage("check-config: unexpected argument '" + a + "'");
    }
    auto engine = ord::load_engine(config, sets);
    if (!engine) {
        std::cerr << engine.error().message << "\n";
        return 1;
    }
    std::cout << config << ": ok\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // What the command makes (an index, an export, a log) holds mail: private to its owner.
    ::umask(077);
    try {
        std::string config;
        std::vector<std::string> sets;
        std::string command;
        std::vector<std::string> rest;
        for (int i = 1; i < argc; ++i) {
            std::string a = argv[i];
            if (command.empty()) {
                if (a == "-h" || a == "--help" || a == "help") {
                    std::cout << kMainHelp;
                    return 0;
                }
                if (a == "--config" || a == "--set") {
                    if (i + 1 >= argc) return usage(a + " needs a value");
                    (a == "--config" ? config : (sets.emplace_back(), sets.back())) = argv[++i];
                    continue;
                }
                if (a.rfind("--config=", 0) == 0) {
                    config = a.substr(9);
                    continue;
                }
                if (a.rfind("--set=", 0) == 0) {
                    sets.push_back(a.substr(6));
                    continue;
                }
                if (!a.empty() && a[0] == '-') return usage("unknown option '" + a + "'");
                command = a;
                continue;
            }
            // Global options are accepted after the command too.
            if ((a == "--config" || a == "--set") && i + 1 < argc) {
                (a == "--config" ? config : (sets.emplace_back(), sets.back())) = argv[++i];
                continue;
            }
            rest.push_back(a);
        }
        if (command.empty()) return usage("no command given");
        if (config.empty()) config = ord::default_config_path();
        if (command == "scan") return cmd_scan(config, sets, rest);
        if (command == "check-config") return cmd_check_config(config, sets, rest);
        if (command == "eval") return ord::cli::cmd_eval(config, sets, rest);
        if (command == "train") return ord::cli::cmd_train(config, sets, rest);
        if (command == "journal") return ord::cli::cmd_journal(config, sets, rest);
        if (command == "quarantine") return ord::cli::cmd_quarantine(config, sets, rest);
        return usage("unknown command '" + command + "'");
    } catch (const std::exception& e) {
        std::cerr << "ordinance: internal error: " << e.what() << "\n";
        return 2;
    }
}
