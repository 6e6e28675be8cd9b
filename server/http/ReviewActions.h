#pragma once

#include <cstdint>
#include <string>

#include "http/Authenticator.h"
#include "http/ServerContext.h"
#include "http/VersionReview.h"

namespace paraph::http {

// The review and publication steps of a version (docs/translation.md, "States"), shared by
// the API and the review page so both enforce the same rules. Each step checks the role,
// then the state, then its own condition; a refusal throws HttpError (403, 404, 409, 422)
// and records nothing.
//
//   draft ──submit-for-review (translator)──▶ in-review ──approve (reviewer)──▶ approved
//     ▲  (only when the translation is complete)   │                              │
//     └────────────reject, with a comment (reviewer)┘          publish (publisher)│
//                                                                                 ▼
//                                      withdrawn ◀──withdraw (publisher)── published
class ReviewActions {
 public:
  explicit ReviewActions(ServerContext& context) : context_(context) {}

  void submitForReview(const std::string& id, int number, const Principal& actor, const std::string& comment);
  void approve(const std::string& id, int number, const Principal& actor, const std::string& comment);
  void reject(const std::string& id, int number, const Principal& actor, const std::string& comment);
  void publish(const std::string& id, int number, const Principal& actor);
  void withdraw(const std::string& id, int number, const Principal& actor, const std::string& comment);
  // Returns false when the finding was already acknowledged.
  bool acknowledge(const std::string& id, int number, const std::string& findingId, const Principal& actor);
  std::int64_t comment(const std::string& id, int number, const std::string& segmentId, const Principal& actor,
                       const std::string& text);

  VersionReview review(const std::string& id, int number) const;  // 404 when absent

  static bool mayTranslate(const Principal& principal);  // import a translation, submit for review
  static bool mayReview(const Principal& principal);  // approve, reject, acknowledge
  static bool mayComment(const Principal& principal);
  static bool mayPublish(const Principal& principal);

 private:
  void transition(const std::string& id, int number, std::initializer_list<store::ReviewState> from,
                  store::ReviewState to, const Principal& actor, const std::string& comment, const std::string& step);

  ServerContext& context_;
};

}  // namespace paraph::http
