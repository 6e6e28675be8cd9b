#pragma once

#include "pipeline/TextCatalog.h"

namespace paraph::pipeline {

// What a transform's catalog functions read; handed to them through
// xsltTransformContext::_private by Pipeline.
struct TransformResources {
  const TextCatalog* catalog = nullptr;
};

// Registers p:text(key, lang), p:term(key, lang), p:term-abbr(key, lang) and p:css(name) in
// the functions namespace (l10n::kFunctionsNamespace). An unknown key stops the transform
// with a message naming it: a missing word is a defect, never a silent blank.
void registerCatalogFunctions();

}  // namespace paraph::pipeline
