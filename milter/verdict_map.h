// The one place where Ordinance verdicts become libmilter return codes.
#pragma once

#include <libmilter/mfapi.h>

#include "base/verdict.h"

namespace ord::milter {

sfsistat to_smfis(Verdict v);

}  // namespace ord::milter
