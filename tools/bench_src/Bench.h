// paraph_bench: the measurements behind tools/bench. Each benchmark compares paraph with a
// peer run in the same process or script and prints ratios, never pass/fail verdicts.
#pragma once

#include <string>
#include <vector>

namespace paraph::bench {

// Renders documents to HTML in-process and with xsltproc, one process per document.
int benchRender(const std::vector<std::string>& args);
// Prints HTML to PDF with the warm Chromium pool, wkhtmltopdf and cold Chromium.
int benchPrint(const std::vector<std::string>& args);
// The server's path for a letter without printing (accept, review, render, store), against
// the work it did before the document service, in jobs per second.
int benchServicePath(const std::vector<std::string>& args);

}  // namespace paraph::bench
