// One Pipeline per test binary: building it compiles every schema and stylesheet, and the
// catalog loader it installs is process-wide.
#pragma once

#include "pipeline/Pipeline.h"
#include "support/Fixtures.h"

namespace paraph::testing {

inline const pipeline::Pipeline& sharedPipeline() {
  static const pipeline::Pipeline instance(pipeline::Home{kHome});
  return instance;
}

}  // namespace paraph::testing
