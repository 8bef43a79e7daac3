// Putting an engine together: the services a configuration names (policy store, ClamAV
// engine, clock, random source, rate counters, metrics) and the checks of the registry.
// The one way the daemon, the command line, the benchmarks and the tests get an engine.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "policy/config.h"
#include "policy/engine.h"
#include "policy/services.h"

namespace ord {

// Loads what the configuration names: the policy files into a memory store, the signature
// database into a ClamAV engine. With `previous` (the running Engine's), an antivirus engine
// built from the same directory and settings whose signature files did not change is shared
// instead of compiled again (seconds, and a second copy in memory, for a rule tweak), and the
// clock, random source, rate counters and metrics carry over so that counts survive a reload.
// Errors name the file and the reason.
Result<std::shared_ptr<const Services>> build_services(const Config& cfg, const Services* previous = nullptr);

// build_services (sharing what is unchanged from `previous`, the running Engine) and the
// registry's checks.
Result<std::shared_ptr<const Engine>> build_engine(std::shared_ptr<const Config> cfg, const Engine* previous = nullptr);

// load_config + build_engine. The daemon's reload passes the running Engine as `previous`.
Result<std::shared_ptr<const Engine>> load_engine(const std::string& path, const std::vector<std::string>& overrides,
                                                  const Engine* previous = nullptr);

}  // namespace ord
