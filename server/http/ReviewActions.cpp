#include "http/ReviewActions.h"

#include "http/HttpError.h"
#include "publication/Embargo.h"
#include "publication/EntryText.h"
#include "xml/Escape.h"

namespace paraph::http {
namespace {

using store::ReviewState;

// Comments are free text from staff: kept as given (every page escapes them), but bounded.
constexpr std::size_t kMaxCommentBytes = 8000;

void requireRole(const Principal& principal, bool allowed, const std::string& step, const std::string& roles) {
  if (!allowed) throw HttpError(403, "token '" + principal.name + "' may not " + step + " (roles: " + roles + ")");
}

std::string checkedComment(const std::string& text, bool required, const std::string& step) {
  // Stored as given and served in JSON and pages: it must be text that XML and JSON can carry.
  if (xml::xmlSafeText(text) != text) {
    throw HttpError(400, "field 'comment': not valid UTF-8 text (raw bytes, a NUL or another control character)");
  }
  if (text.size() > kMaxCommentBytes) {
    throw HttpError(422, "field 'comment': longer than " + std::to_string(kMaxCommentBytes) + " bytes");
  }
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw HttpError(422, "field 'comment': required to " + step + " (say what must change)");
  }
  return text;
}

std::string versionName(const std::string& id, int number) {
  return "version " + std::to_string(number) + " of '" + id + "'";
}

}  // namespace

bool ReviewActions::mayTranslate(const Principal& principal) {
  return principal.hasAnyRole({"translator", "admin"});
}
bool ReviewActions::mayReview(const Principal& principal) { return principal.hasAnyRole({"reviewer", "admin"}); }
bool ReviewActions::mayComment(const Principal& principal) {
  return principal.hasAnyRole({"translator", "reviewer", "admin"});
}
bool ReviewActions::mayPublish(const Principal& principal) { return principal.hasAnyRole({"publisher", "admin"}); }

VersionReview ReviewActions::review(const std::string& id, int number) const {
  auto review = loadVersionReview(context_.store, context_.service, id, number);
  if (!review) throw HttpError(404, "no " + versionName(id, number));
  return std::move(*review);
}

void ReviewActions::transition(const std::string& id, int number, std::initializer_list<ReviewState> from,
                               ReviewState to, const Principal& actor, const std::string& comment,
                               const std::string& step) {
  const auto outcome = context_.store.transition(id, number, from, to, actor.name, comment);
  if (outcome.kind == store::TransitionOutcome::Kind::noVersion) throw HttpError(404, "no " + versionName(id, number));
  if (outcome.kind == store::TransitionOutcome::Kind::wrongState) {
    throw HttpError(409, "cannot " + step + " " + versionName(id, number) + ": it is " + store::toString(outcome.current));
  }
}

void ReviewActions::submitForReview(const std::string& id, int number, const Principal& actor,
                                    const std::string& comment) {
  requireRole(actor, mayTranslate(actor), "submit for review", "translator, admin");
  const auto reviewed = review(id, number);
  if (!reviewed.status.complete()) {
    throw HttpError(409, "cannot submit " + versionName(id, number) + " for review: " +
                             std::to_string(reviewed.status.missingTarget.size()) + " segment(s) lack a translation and " +
                             std::to_string(reviewed.status.outdatedTarget.size()) +
                             " have an outdated one; import the translation (it makes a new version)");
  }
  transition(id, number, {ReviewState::draft}, ReviewState::inReview, actor,
             checkedComment(comment, false, "submit for review"), "submit for review");
}

void ReviewActions::approve(const std::string& id, int number, const Principal& actor, const std::string& comment) {
  requireRole(actor, mayReview(actor), "approve", "reviewer, admin");
  const auto reviewed = review(id, number);
  if (reviewed.version.state != ReviewState::inReview) {
    throw HttpError(409, "cannot approve " + versionName(id, number) + ": it is " + store::toString(reviewed.version.state));
  }
  if (const auto blocker = reviewed.approvalBlocker()) {
    throw HttpError(409, "cannot approve " + versionName(id, number) + ": " + *blocker);
  }
  transition(id, number, {ReviewState::inReview}, ReviewState::approved, actor, checkedComment(comment, false, "approve"),
             "approve");
}

void ReviewActions::reject(const std::string& id, int number, const Principal& actor, const std::string& comment) {
  requireRole(actor, mayReview(actor), "reject", "reviewer, admin");
  transition(id, number, {ReviewState::inReview}, ReviewState::draft, actor, checkedComment(comment, true, "reject"),
             "reject");
}

void ReviewActions::publish(const std::string& id, int number, const Principal& actor) {
  requireRole(actor, mayPublish(actor), "publish", "publisher, admin");
  const auto version = context_.store.version(id, number);
  if (!version) throw HttpError(404, "no " + versionName(id, number));
  if (version->state != ReviewState::approved) {
    throw HttpError(409, "cannot publish " + versionName(id, number) + ": it is " + store::toString(version->state) +
                             "; only an approved version can be published");
  }
  // The feed texts come from the input, as its type declares them, taken once, now.
  const auto accepted = context_.service.accept(readVersionFile(context_.store, *version, "input.xml"), "input.xml");
  const auto french = context_.service.entryText(accepted, l10n::Lang::fr);
  const auto dutch = context_.service.entryText(accepted, l10n::Lang::nl);
  std::string embargoUntil;
  if (!accepted.document.embargo.empty()) {
    // Kept in the store's own format so that it compares, as text, with its clock.
    embargoUntil = publication::toRfc3339UtcMilliseconds(publication::brusselsLocalToUtc(accepted.document.embargo));
  }
  const auto outcome = context_.store.publish(id, number, actor.name,
                                              {french.title, french.summary, dutch.title, dutch.summary}, embargoUntil);
  if (outcome.kind == store::TransitionOutcome::Kind::wrongState) {
    throw HttpError(409, "cannot publish " + versionName(id, number) + ": it is " + store::toString(outcome.current));
  }
}

void ReviewActions::withdraw(const std::string& id, int number, const Principal& actor, const std::string& comment) {
  requireRole(actor, mayPublish(actor), "withdraw", "publisher, admin");
  const auto outcome = context_.store.withdraw(id, number, actor.name, checkedComment(comment, false, "withdraw"));
  if (outcome.kind == store::TransitionOutcome::Kind::noVersion) throw HttpError(404, "no " + versionName(id, number));
  if (outcome.kind == store::TransitionOutcome::Kind::wrongState) {
    throw HttpError(409, "cannot withdraw " + versionName(id, number) + ": it is " + store::toString(outcome.current) +
                             (outcome.current == ReviewState::published ? ", but a later version replaced it" : "") +
                             "; only the published version can be withdrawn");
  }
}

bool ReviewActions::acknowledge(const std::string& id, int number, const std::string& findingId,
                                const Principal& actor) {
  requireRole(actor, mayReview(actor), "acknowledge a finding", "reviewer, admin");
  const auto reviewed = review(id, number);
  if (reviewed.version.state != ReviewState::inReview) {
    throw HttpError(409, "cannot acknowledge a finding of " + versionName(id, number) + ": it is " +
                             store::toString(reviewed.version.state) + "; findings are acknowledged during review");
  }
  for (const auto& finding : reviewed.findings) {
    if (finding.id != findingId) continue;
    if (finding.finding.severity == review::Severity::error) {
      throw HttpError(409, "finding '" + findingId + "' is an error: fix it in a new version; only warnings are acknowledged");
    }
    return context_.store.acknowledge(id, reviewed.version.number, findingId, actor.name);
  }
  throw HttpError(404, "no finding '" + findingId + "' in " + versionName(id, number));
}

std::int64_t ReviewActions::comment(const std::string& id, int number, const std::string& segmentId,
                                    const Principal& actor, const std::string& text) {
  requireRole(actor, mayComment(actor), "comment", "translator, reviewer, admin");
  const auto reviewed = review(id, number);
  if (!segmentId.empty() && reviewed.segments.find(segmentId) == nullptr) {
    throw HttpError(404, "no segment '" + segmentId + "' in " + versionName(id, number));
  }
  return context_.store.addComment(id, reviewed.version.number,
                                   {0, segmentId, actor.name, "", checkedComment(text, true, "comment")});
}

}  // namespace paraph::http
