#include "milter/verdict_map.h"

namespace ord::milter {

sfsistat to_smfis(Verdict v) {
    switch (v) {
        case Verdict::Accept:
        case Verdict::Tag:
        case Verdict::Quarantine:  // the message goes on, held by smfi_quarantine
            return SMFIS_CONTINUE;
        case Verdict::Discard: return SMFIS_DISCARD;
        case Verdict::TempFail: return SMFIS_TEMPFAIL;
        case Verdict::Reject: return SMFIS_REJECT;
    }
    return SMFIS_TEMPFAIL;
}

}  // namespace ord::milter
