// "Is this letter genuine?": a PDF uploaded by staff, checked like `paraph verify` — its
// signature, who signed and when, whether the signature covers the whole file — and whether
// these exact bytes are a file this paraph stored.
#include "http/ApiSupport.h"
#include "http/HttpError.h"
#include "http/Routes.h"
#include "print/PdfVerification.h"

namespace paraph::http {

void verifyPdf(Exchange& exchange) {
  auto& context = exchange.context;
  if (mediaTypeOf(exchange.request.getContentType()) != "application/pdf") {
    throw HttpError(415, "send the PDF as Content-Type: application/pdf, not '" + exchange.request.getContentType() + "'");
  }
  const std::string pdf = readBody(exchange, context.settings.server.maxRequestBytes);
  if (pdf.empty()) throw HttpError(400, "the body is empty: send the PDF to check");
  const auto verification = print::verifyPdf(pdf);
  Poco::JSON::Object body = orderedObject();
  body.set("valid", verification.valid());
  body.set("sha256", verification.sha256);
  body.set("stored", context.store.files().contains(verification.sha256));
  if (!verification.readable) body.set("problem", verification.problem);
  Poco::JSON::Array::Ptr signatures = new Poco::JSON::Array;
  for (const auto& signature : verification.signatures) {
    Poco::JSON::Object::Ptr json = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    json->set("signer", signature.signer);
    json->set("signed_at", signature.signingTime);
    json->set("sub_filter", signature.subFilter);
    json->set("intact", signature.intact);
    json->set("covers_whole_file", signature.coversWholeFile);
    if (!signature.problem.empty()) json->set("problem", signature.problem);
    signatures->add(json);
  }
  body.set("signatures", signatures);
  sendJson(exchange, 200, body);
}

}  // namespace paraph::http
