// `ordinance quarantine review`: walks the held items in the terminal, one screen per item
// (summary, explanation, or the text), with keys to release, delete, skip and move on. Plain
// termios raw mode and ANSI sequences (no curses: a screen of lines and one prompt need none).
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <sstream>

#include "base/terminal.h"
#include "cli/quarantine_actions.h"
#include "quarantine/rights.h"

namespace ord::cli::qcmd {
namespace {

using namespace ord::quarantine;

// The settings to restore, for the SIGTERM/SIGHUP handler: a signal handler can reach nothing
// else, so this one file-level copy is the exception to "no globals".
struct termios g_saved;
volatile sig_atomic_t g_raw = 0;

void restore_on_signal(int sig) {
    if (g_raw) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        const char leave[] = "\x1b[?25h\x1b[?1049l";
        (void)!::write(STDOUT_FILENO, leave, sizeof leave - 1);
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

enum Key { kNone = -1, kUp = 1000, kDown, kLeft, kRight, kPageUp, kPageDown, kEscape };

// The terminal in raw mode (no echo, no line editing, no signals from keys) on the alternate
// screen for as long as it lives; the old settings and screen come back when it goes.
class RawTerminal {
public:
    RawTerminal() = default;
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;
    ~RawTerminal() { leave(); }

    Result<Ok> enter() {
        if (::tcgetattr(STDIN_FILENO, &saved_) != 0) return Error{"io", std::string("tcgetattr: ") + std::strerror(errno)};
        struct termios raw = saved_;
        raw.c_iflag &= ~static_cast<tcflag_t>(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
        raw.c_lflag &= ~static_cast<tcflag_t>(ECHO | ICANON | IEXTEN | ISIG);
        raw.c_cflag |= CS8;
        raw.c_cc[VMIN] = 1;
        raw.c_cc[VTIME] = 0;
        g_saved = saved_;
        struct sigaction sa{};
        sa.sa_handler = restore_on_signal;
        ::sigemptyset(&sa.sa_mask);
        ::sigaction(SIGTERM, &sa, nullptr);
        ::sigaction(SIGHUP, &sa, nullptr);
        if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0)
            return Error{"io", std::string("tcsetattr: ") + std::strerror(errno)};
        active_ = true;
        g_raw = 1;
        write("\x1b[?1049h\x1b[?25l");
        return Ok{};
    }

    void leave() {
        if (!active_) return;
        write("\x1b[?25h\x1b[?1049l");
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
        active_ = false;
        g_raw = 0;
    }

    void write(const std::string& s) {
        std::size_t off = 0;
        while (off < s.size()) {
            ssize_t n = ::write(STDOUT_FILENO, s.data() + off, s.size() - off);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return;
            off += static_cast<std::size_t>(n);
        }
    }

    void size(std::size_t& rows, std::size_t& cols) const {
        struct winsize ws{};
        rows = 24;
        cols = 80;
        if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 4 && ws.ws_col > 20) {
            rows = ws.ws_row;
            cols = ws.ws_col;
        }
    }

    // One key: a byte, or one of Key for the arrow and page keys; -2 at end of input.
    int key() {
        int c = byte(-1);
        if (c != 0x1b) return c;
        // An escape sequence arrives in one burst; a lone ESC is the Escape key.
        int b = byte(50);
        if (b < 0) return kEscape;
        if (b != '[' && b != 'O') return kEscape;
        int d = byte(50);
        switch (d) {
            case 'A': return kUp;
            case 'B': return kDown;
            case 'C': return kRight;
            case 'D': return kLeft;
            case '5':
            case '6':
                if (byte(50) == '~') return d == '5' ? kPageUp : kPageDown;
                return kNone;
            default: return kNone;
        }
    }

private:
    // The next byte, waiting at most `ms` (-1: forever); -1 on timeout, -2 at end of input.
    int byte(int ms) {
        for (;;) {
            struct pollfd p{STDIN_FILENO, POLLIN, 0};
            int r = ::poll(&p, 1, ms);
            if (r < 0 && errno == EINTR) continue;
            if (r == 0) return -1;
            unsigned char c;
            ssize_t n = ::read(STDIN_FILENO, &c, 1);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return -2;
            return c;
        }
    }

    struct termios saved_{};
    bool active_ = false;
};

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        if (nl == std::string::npos) nl = s.size();
        std::string line = s.substr(start, nl - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // TABs (kept by terminal_lines) would break the column count: 4 spaces.
        std::string expanded;
        for (char c : line) expanded += c == '\t' ? std::string("    ") : std::string(1, c);
        out.push_back(expanded);
        start = nl + 1;
    }
    return out;
}

// Cuts a line (already rendered safely: valid UTF-8, no controls) to `max` code points.
std::string fit(const std::string& s, std::size_t max) {
    std::string out;
    std::size_t n = 0;
    for (char ch : s) {
        unsigned char c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80 && ++n > max) break;
        out += ch;
    }
    return out;
}

std::string age(int64_t seconds) {
    if (seconds < 0) seconds = 0;
    int64_t d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60;
    if (d) return std::to_string(d) + "d " + std::to_string(h) + "h";
    if (h) return std::to_string(h) + "h " + std::to_string(m) + "m";
    if (m) return std::to_string(m) + "m";
    return std::to_string(seconds) + "s";
}

std::string first_line(const std::string& s) {
    std::string out = s.substr(0, s.find('\n'));
    std::size_t more = static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
    if (more > 1) out += " (+" + std::to_string(more - 1) + " more)";
    return out;
}

class Review {
public:
    Review(QuarantineStore& store, const Config& cfg, std::vector<std::string> ids)
        : store_(store), cfg_(cfg), ids_(std::move(ids)), releaser_(store, cfg), reviewer_(current_reviewer()) {}

    int run() {
        if (auto r = term_.enter(); !r) {
            std::cerr << "ordinance quarantine: review: " << r.error().message << "\n";
            return 2;
        }
        status_ = std::to_string(ids_.size()) + " item(s) to review";
        for (;;) {
            draw();
            int k = term_.key();
            if (k == -2 || k == 'q' || k == 3 /* ^C */ || k == 4 /* ^D */) break;
            std::size_t rows, cols;
            term_.size(rows, cols);
            const std::size_t page = rows > 4 ? rows - 4 : 1;
            switch (k) {
                case 'n': case kRight: move(1, "next"); break;
                case 's': move(1, "skipped"); break;
                case 'p': case kLeft: move(-1, "previous"); break;
                case 't': text_ = !text_; scroll_ = 0; status_ = text_ ? "the text (t: back to the summary)" : "the summary"; break;
                case 'j': case kDown: ++scroll_; break;
                case 'k': case kUp: if (scroll_) --scroll_; break;
                case ' ': case kPageDown: scroll_ += page; break;
                case 'b': case kPageUp: scroll_ = scroll_ > page ? scroll_ - page : 0; break;
                case 'r': act(true); break;
                case 'd': act(false); break;
                case '?': status_ = keys_help(); break;
                default: break;
            }
        }
        term_.leave();
        std::cout << "review: " << ids_.size() << " item(s), " << released_ << " released, " << deleted_ << " deleted\n";
        for (const auto& l : log_) std::cout << l << "\n";
        return 0;
    }

private:
    static std::string keys_help() {
        return "r release  d delete  s skip  n next  p previous  t text  j k space b scroll  q quit";
    }

    void move(int by, const char* what) {
        if (by > 0 && pos_ + 1 >= ids_.size()) {
            status_ = "this is the last item (p: previous, q: quit)";
            return;
        }
        if (by < 0 && pos_ == 0) {
            status_ = "this is the first item";
            return;
        }
        pos_ = by > 0 ? pos_ + 1 : pos_ - 1;
        scroll_ = 0;
        text_ = false;
        status_ = what;
    }

    // Reads a line at the bottom of the screen; false when cancelled (Escape, ^C, empty).
    bool prompt(const std::string& question, std::string& answer) {
        answer.clear();
        std::size_t rows, cols;
        for (;;) {
            term_.size(rows, cols);
            term_.write("\x1b[" + std::to_string(rows) + ";1H\x1b[2K\x1b[?25h" +
                        fit(question + terminal_text(answer), cols - 1));
            int k = term_.key();
            if (k == '\r' || k == '\n') break;
            if (k == kEscape || k == 3 || k == -2) {
                answer.clear();
                break;
            }
            if (k == 0x7f || k == 0x08) {
                while (!answer.empty() && (static_cast<unsigned char>(answer.back()) & 0xC0) == 0x80) answer.pop_back();
                if (!answer.empty()) answer.pop_back();
            } else if (k == 0x15) {  // ^U
                answer.clear();
            } else if (k >= 0x20 && k < 0x100 && k != 0x7f && answer.size() < 500) {
                answer += static_cast<char>(k);
            }
        }
        term_.write("\x1b[?25l");
        return !answer.empty();
    }

    void act(bool release_it) {
        const std::string& id = ids_[pos_];
        const char* verb = release_it ? "release" : "delete";
        std::string reason;
        if (!prompt(std::string("Reason to ") + verb + " (Enter: " + verb + ", Esc: cancel): ", reason)) {
            status_ = std::string(verb) + " cancelled";
            return;
        }
        std::ostringstream out;
        int rc;
        if (release_it) {
            status_ = "releasing...";
            draw();
            ReleaseOptions o;
            o.reason = reason;
            rc = releaser_.run({id}, o, out);
        } else {
            rc = delete_items(store_, cfg_, {id}, reason, out);
        }
        if (rc == 0) ++(release_it ? released_ : deleted_);
        status_ = first_line(out.str());
        std::string all = out.str();
        for (const auto& l : split_lines(all)) log_.push_back(l);
    }

    void draw() {
        std::size_t rows, cols;
        term_.size(rows, cols);
        const std::string& id = ids_[pos_];
        std::vector<std::string> body;
        auto item = store_.get(id);
        if (!item) {
            body.push_back(terminal_text(id) + ": " + terminal_text(item.error().message));
        } else if (text_) {
            auto raw = store_.raw(id);
            body = split_lines(raw ? render_text(*raw) : "message: " + terminal_text(raw.error().message) + "\n");
            if (body.empty()) body.push_back("(no text part)");
        } else {
            body.push_back("age:        " + age(now() - item->time));
            for (auto& l : split_lines(render_item(*item))) body.push_back(std::move(l));
            auto rel = may_release(cfg_.quarantine, *item, reviewer_);
            auto del = may_delete(cfg_.quarantine, *item, reviewer_);
            body.push_back("you may:    release " + std::string(rel ? "yes" : "no (" + terminal_text(rel.error().message) + ")") +
                           ", delete " + std::string(del ? "yes" : "no (" + terminal_text(del.error().message) + ")"));
        }
        const std::size_t room = rows - 3;
        if (scroll_ + room > body.size()) scroll_ = body.size() > room ? body.size() - room : 0;
        std::string title = "ordinance quarantine review  item " + std::to_string(pos_ + 1) + " of " +
                            std::to_string(ids_.size()) + "  " + (text_ ? "[text]" : "[summary]");
        if (body.size() > room)
            title += "  lines " + std::to_string(scroll_ + 1) + "-" + std::to_string(std::min(body.size(), scroll_ + room)) +
                     " of " + std::to_string(body.size());
        std::string screen = "\x1b[H\x1b[2J\x1b[7m" + fit(title, cols) + "\x1b[0m\r\n";
        for (std::size_t i = 0; i < room; ++i) {
            if (scroll_ + i < body.size()) screen += fit(body[scroll_ + i], cols);
            screen += "\r\n";
        }
        screen += "\x1b[1m" + fit(status_, cols) + "\x1b[0m\r\n";
        screen += fit(keys_help(), cols);
        term_.write(screen);
    }

    QuarantineStore& store_;
    const Config& cfg_;
    std::vector<std::string> ids_;
    ReleaseRunner releaser_;
    Reviewer reviewer_;
    RawTerminal term_;
    std::size_t pos_ = 0, scroll_ = 0;
    bool text_ = false;
    std::string status_;
    std::size_t released_ = 0, deleted_ = 0;
    std::vector<std::string> log_;  // every action's outcome, printed again on the way out
};

}  // namespace

int cmd_review(QuarantineStore& store, const Config& cfg, const std::vector<std::string>& a) {
    Filter f;
    for (std::size_t i = 0; i < a.size(); ++i) {
        std::string err;
        int k = parse_filter_option(a, i, f, "review", err);
        if (k < 0) {
            std::cerr << "ordinance quarantine: " << err << "\n";
            return 2;
        }
        if (k == 0) {
            std::cerr << "ordinance quarantine: review: unknown option '" << terminal_text(a[i]) << "'\n";
            return 2;
        }
    }
    if (!::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO)) {
        std::cerr << "ordinance quarantine: review needs a terminal on standard input and output; in a script use "
                     "list, show, release and delete\n";
        return 2;
    }
    auto all = store.summaries();
    if (!all) {
        std::cerr << "ordinance quarantine: " << terminal_text(all.error().message) << "\n";
        return 2;
    }
    std::vector<std::string> todo;
    for (const Item& it : viewable(std::move(*all), cfg, "review")) {
        if (!f.match(it)) continue;
        // Without --state, what waits: items with a recipient held (or left releasing).
        if (f.state.empty() && it.overall_state() != "held") continue;
        todo.push_back(it.id);
    }
    if (todo.empty()) {
        std::cout << "no items match\n";
        return 1;
    }
    Review r(store, cfg, std::move(todo));
    return r.run();
}

}  // namespace ord::cli::qcmd
