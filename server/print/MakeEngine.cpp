// makeEngine: the one place that knows which engines exist (print.engine).
#include "print/ChromiumEngine.h"
#include "print/PrintEngine.h"
#include "print/WkhtmltopdfEngine.h"

namespace paraph::print {

std::unique_ptr<PrintEngine> makeEngine(const EngineConfig& config) {
  if (config.engine == "chromium") return std::make_unique<ChromiumEngine>(config);
  if (config.engine == "wkhtmltopdf") return std::make_unique<WkhtmltopdfEngine>(config);
  throw PrintError(PrintError::Kind::EngineUnavailable,
                   "unknown print engine \"" + config.engine + "\" (print.engine); known engines: chromium, wkhtmltopdf");
}

}  // namespace paraph::print
