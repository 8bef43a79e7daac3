#include "checks/attachment_policy.h"

#include "policy/direction.h"

#include "base/address.h"
#include "base/text.h"
#include "mime/strip.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace ord {
namespace {

struct ExtKind {
    std::string_view ext;
    FileKind kind;
};

constexpr std::array kExtensions{
    ExtKind{"exe", FileKind::Executable},  ExtKind{"com", FileKind::Executable}, ExtKind{"scr", FileKind::Executable},
    ExtKind{"pif", FileKind::Executable},  ExtKind{"dll", FileKind::Executable}, ExtKind{"cpl", FileKind::Executable},
    ExtKind{"sys", FileKind::Executable},  ExtKind{"elf", FileKind::Executable}, ExtKind{"jar", FileKind::Executable},
    ExtKind{"app", FileKind::Executable},  ExtKind{"apk", FileKind::Executable}, ExtKind{"xll", FileKind::Executable},
    ExtKind{"js", FileKind::Script},       ExtKind{"jse", FileKind::Script},     ExtKind{"vbs", FileKind::Script},
    ExtKind{"vbe", FileKind::Script},      ExtKind{"ps1", FileKind::Script},     ExtKind{"psm1", FileKind::Script},
    ExtKind{"bat", FileKind::Script},      ExtKind{"cmd", FileKind::Script},     ExtKind{"hta", FileKind::Script},
    ExtKind{"wsf", FileKind::Script},      ExtKind{"wsh", FileKind::Script},     ExtKind{"wsc", FileKind::Script},
    ExtKind{"sct", FileKind::Script},      ExtKind{"msh", FileKind::Script},     ExtKind{"reg", FileKind::Script},
    ExtKind{"sh", FileKind::Script},       ExtKind{"scf", FileKind::Shortcut},   ExtKind{"lnk", FileKind::Shortcut},
    ExtKind{"url", FileKind::Shortcut},    ExtKind{"iso", FileKind::DiskImage},  ExtKind{"img", FileKind::DiskImage},
    ExtKind{"vhd", FileKind::DiskImage},   ExtKind{"vhdx", FileKind::DiskImage}, ExtKind{"dmg", FileKind::DiskImage},
    ExtKind{"udf", FileKind::DiskImage},   ExtKind{"msi", FileKind::Installer},  ExtKind{"msp", FileKind::Installer},
    ExtKind{"mst", FileKind::Installer},   ExtKind{"msix", FileKind::Installer}, ExtKind{"appx", FileKind::Installer},
    ExtKind{"appxbundle", FileKind::Installer}, ExtKind{"pkg", FileKind::Installer},
    ExtKind{"docm", FileKind::MacroDocument}, ExtKind{"dotm", FileKind::MacroDocument},
    ExtKind{"xlsm", FileKind::MacroDocument}, ExtKind{"xltm", FileKind::MacroDocument},
    ExtKind{"xlam", FileKind::MacroDocument}, ExtKind{"pptm", FileKind::MacroDocument},
    ExtKind{"potm", FileKind::MacroDocument}, ExtKind{"ppsm", FileKind::MacroDocument},
    ExtKind{"ppam", FileKind::MacroDocument}, ExtKind{"sldm", FileKind::MacroDocument},
};

struct TypeKind {
    std::string_view type;
    FileKind kind;
    std::string_view what;
};

constexpr std::array kClamTypes{
    TypeKind{"CL_TYPE_MSEXE", FileKind::Executable, "a Windows executable"},
    TypeKind{"CL_TYPE_ELF", FileKind::Executable, "an ELF executable"},
    TypeKind{"CL_TYPE_MACHO", FileKind::Executable, "a Mach-O executable"},
    TypeKind{"CL_TYPE_MACHO_UNIBIN", FileKind::Executable, "a Mach-O universal executable"},
    TypeKind{"CL_TYPE_JAVA", FileKind::Executable, "Java bytecode"},
    TypeKind{"CL_TYPE_PYTHON_COMPILED", FileKind::Executable, "compiled Python"},
    TypeKind{"CL_TYPE_SCRENC", FileKind::Script, "an encoded Windows script"},
    TypeKind{"CL_TYPE_LNK", FileKind::Shortcut, "a Windows shortcut"},
    TypeKind{"CL_TYPE_ISO9660", FileKind::DiskImage, "an ISO 9660 disk image"},
    TypeKind{"CL_TYPE_UDF", FileKind::DiskImage, "a UDF disk image"},
    TypeKind{"CL_TYPE_DMG", FileKind::DiskImage, "an Apple disk image"},
    TypeKind{"CL_TYPE_GPT", FileKind::DiskImage, "a GPT-partitioned disk image"},
    TypeKind{"CL_TYPE_MBR", FileKind::DiskImage, "an MBR-partitioned disk image"},
    TypeKind{"CL_TYPE_APM", FileKind::DiskImage, "an Apple-partitioned disk image"},
    TypeKind{"CL_TYPE_NULSFT", FileKind::Installer, "an NSIS installer"},
    TypeKind{"CL_TYPE_ISHIELD_MSI", FileKind::Installer, "an InstallShield installer"},
    TypeKind{"CL_TYPE_AUTOIT", FileKind::Installer, "an AutoIt script executable"},
};

bool starts(std::string_view b, std::string_view magic, std::size_t at = 0) {
    return b.size() >= at + magic.size() && b.compare(at, magic.size(), magic) == 0;
}

std::string_view basename(std::string_view name) {
    auto slash = name.find_last_of("/\\");
    return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// The name as Windows would use it: trailing dots and spaces dropped.
std::string_view effective(std::string_view name) {
    name = basename(name);
    while (!name.empty() && (name.back() == '.' || name.back() == ' ')) name.remove_suffix(1);
    return name;
}

std::optional<FileKind> ext_kind(std::string_view ext) {
    std::string e = ascii_lower(ext);
    for (const auto& x : kExtensions)
        if (x.ext == e) return x.kind;
    return std::nullopt;
}

// Bidi controls that reorder what a mail client shows: U+202A..U+202E, U+2066..U+2069,
// U+200E/U+200F, as UTF-8.
bool has_bidi_control(std::string_view s) {
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]),
             c = static_cast<unsigned char>(s[i + 2]);
        if (a != 0xE2 || (b != 0x80 && b != 0x81)) continue;
        if (b == 0x80 && ((c >= 0xAA && c <= 0xAE) || c == 0x8E || c == 0x8F)) return true;
        if (b == 0x81 && c >= 0xA6 && c <= 0xA9) return true;
    }
    return false;
}

}  // namespace

std::string_view file_kind_name(FileKind k) {
    switch (k) {
        case FileKind::Executable: return "executable";
        case FileKind::Script: return "script";
        case FileKind::Shortcut: return "shortcut";
        case FileKind::DiskImage: return "disk_image";
        case FileKind::Installer: return "installer";
        case FileKind::MacroDocument: return "macro_document";
    }
    return "executable";
}

std::optional<KindMatch> kind_from_content(std::string_view b) {
    if (starts(b, "MZ")) return KindMatch{FileKind::Executable, "content is a Windows executable"};
    if (starts(b, "\x7f" "ELF")) return KindMatch{FileKind::Executable, "content is an ELF executable"};
    for (std::string_view m : {std::string_view("\xfe\xed\xfa\xce"), std::string_view("\xfe\xed\xfa\xcf"),
                               std::string_view("\xce\xfa\xed\xfe"), std::string_view("\xcf\xfa\xed\xfe")})
        if (starts(b, m)) return KindMatch{FileKind::Executable, "content is a Mach-O executable"};
    if (starts(b, std::string_view("L\0\0\0\x01\x14\x02\0", 8)))
        return KindMatch{FileKind::Shortcut, "content is a Windows shortcut"};
    if (starts(b, "CD001", 0x8001) || starts(b, "CD001", 0x8801) || starts(b, "CD001", 0x9001))
        return KindMatch{FileKind::DiskImage, "content is an ISO 9660 disk image"};
    if (starts(b, "vhdxfile") || starts(b, "conectix") ||
        (b.size() >= 512 && b.compare(b.size() - 512, 8, "conectix") == 0))
        return KindMatch{FileKind::DiskImage, "content is a virtual hard disk"};
    if (starts(b, "#!/")) return KindMatch{FileKind::Script, "content is a script (#!)"};
    return std::nullopt;
}

std::optional<KindMatch> kind_from_clamav_type(std::string_view type) {
    for (const auto& t : kClamTypes)
        if (t.type == type) return KindMatch{t.kind, "content is " + std::string(t.what)};
    return std::nullopt;
}

std::optional<KindMatch> kind_from_name(std::string_view name) {
    std::string_view n = effective(name);
    if (ascii_lower(n) == "vbaproject.bin") return KindMatch{FileKind::MacroDocument, "document carries VBA macros"};
    auto dot = n.rfind('.');
    if (dot == std::string_view::npos || dot + 1 >= n.size()) return std::nullopt;
    std::string_view ext = n.substr(dot + 1);
    if (auto k = ext_kind(ext)) return KindMatch{*k, "name ends in ." + ascii_lower(ext)};
    return std::nullopt;
}

std::string name_trick(std::string_view name) {
    if (has_bidi_control(name)) return "right-to-left override in the name hides its real extension";
    std::string_view base = basename(name);
    std::string_view n = effective(name);
    if (n.size() != base.size()) return "trailing dots or spaces hide the name's real extension";
    auto last = n.rfind('.');
    if (last == std::string_view::npos || last == 0) return {};
    if (!ext_kind(n.substr(last + 1))) return {};
    std::string_view stem = n.substr(0, last);
    while (!stem.empty() && (stem.back() == ' ' || stem.back() == '_')) stem.remove_suffix(1);
    if (stem.size() + 3 < n.substr(0, last).size()) return "padding before the real extension";
    auto prev = stem.rfind('.');
    if (prev != std::string_view::npos && prev + 1 < stem.size() && stem.size() - prev - 1 <= 5)
        return "double extension ." + ascii_lower(stem.substr(prev + 1)) + "." + ascii_lower(n.substr(last + 1));
    return {};
}

std::vector<std::string> zip_member_names(std::string_view z, std::size_t max) {
    std::vector<std::string> out;
    auto u16 = [&](std::size_t at) -> std::size_t {
        return static_cast<unsigned char>(z[at]) | static_cast<std::size_t>(static_cast<unsigned char>(z[at + 1])) << 8;
    };
    auto u32 = [&](std::size_t at) -> std::size_t { return u16(at) | u16(at + 2) << 16; };
    if (z.size() < 22 || z.compare(0, 2, "PK") != 0) return out;
    // End of central directory: within the last 64 KiB + 22 bytes (the comment may precede it).
    std::size_t lo = z.size() > 65557 ? z.size() - 65557 : 0;
    std::size_t eocd = std::string_view::npos;
    for (std::size_t i = z.size() - 22 + 1; i-- > lo;)
        if (z.compare(i, 4, "PK\x05\x06") == 0) {
            eocd = i;
            break;
        }
    if (eocd == std::string_view::npos) return out;
    std::size_t count = u16(eocd + 10), at = u32(eocd + 16);
    for (std::size_t n = 0; n < count && out.size() < max; ++n) {
        if (at + 46 > z.size() || z.compare(at, 4, "PK\x01\x02") != 0) break;
        std::size_t name_len = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32);
        if (at + 46 + name_len > z.size()) break;
        out.emplace_back(z.substr(at + 46, name_len));
        at += 46 + name_len + extra + comment;
    }
    return out;
}

std::string shown_name(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f) {
            out += '?';
            continue;
        }
        if (has_bidi_control(s.substr(i, 3))) {
            static const char* hex = "0123456789ABCDEF";
            unsigned cp = 0x2000 | ((static_cast<unsigned char>(s[i + 1]) & 0x3f) << 6) |
                          (static_cast<unsigned char>(s[i + 2]) & 0x3f);
            out += "<U+";
            for (int sh = 12; sh >= 0; sh -= 4) out += hex[(cp >> sh) & 15];
            out += '>';
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

bool kind_banned(const Config& cfg, FileKind k) {
    const auto& l = cfg.attachments.banned_kinds;
    return std::find(l.begin(), l.end(), file_kind_name(k)) != l.end();
}

bool attachment_policy_applies(const Config& cfg, const MessageContext& ctx) {
    const auto& a = cfg.attachments;
    if (!a.enabled) return false;
    if (address_in(ctx.env.mail_from, a.allow_senders)) return false;
    // The message's direction as every other rule reads it (policy/context.h).
    std::string dir = direction_name(ctx.direction);
    return std::find(a.directions.begin(), a.directions.end(), dir) != a.directions.end();
}

bool part_strippable(const Config& cfg, const mime::Part& p, std::string_view kind) {
    return !p.extracted && kind_stripped(cfg, kind);
}

void mark_stripped(Finding& f, const mime::Part& p, const std::string& shown, std::string_view kind) {
    f.part = mime::part_key(p.body);
    f.part_label = "'" + (shown.empty() ? p.media_type() : shown) + "' (" + std::string(kind) + ")";
}

}  // namespace ord
