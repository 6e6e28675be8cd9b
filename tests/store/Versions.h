// Versions made the way the server makes them, for the store's tests: a submission whose
// input is in the file store, then a worker's run to completion.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "xml/Sha256.h"
#include "store/SqliteStore.h"

namespace paraph::testing {

using store::NewVersion;
using store::Store;
using store::Submission;

// Long enough that a test's concurrent writers wait for each other instead of failing.
inline constexpr std::chrono::milliseconds kBusyTimeout{5000};

// A submission whose input is really in the file store, as the HTTP layer makes it.
inline Submission submissionOf(Store& store, const std::string& id, const std::string& content) {
  Submission submission;
  submission.documentId = id;
  submission.documentType = "letter";
  submission.inputSha256 = store.files().put("<letter id='" + id + "'>" + content + "</letter>");
  submission.canonicalSha256 = paraph::xml::sha256Hex(id + content);
  submission.submittedBy = "tester";
  submission.requestId = "r-1";
  return submission;
}

inline NewVersion outputsOf(Store& store, const std::string& text) {
  NewVersion made;
  made.reference = "RP/1";
  made.sourceLanguage = "fr";
  made.pipelineVersion = "test";
  made.engine = "chromium";
  for (const std::string name : {"fr.html", "nl.html", "fr.pdf", "nl.pdf"}) {
    const std::string bytes = name + ":" + text;
    made.outputs.push_back({name, name.ends_with(".pdf") ? "application/pdf" : "text/html",
                            static_cast<std::int64_t>(bytes.size()), store.files().put(bytes)});
  }
  made.timingsJson = "{}";
  return made;
}

// Runs the next job to completion as a worker would.
inline int runNext(Store& store, const std::string& text,
                   store::ReviewState initialState = store::ReviewState::inReview) {
  const auto job = store.claimNext();
  EXPECT_TRUE(job.has_value());
  if (!job) return 0;
  auto made = outputsOf(store, text);
  made.initialState = initialState;
  made.inputSize = static_cast<std::int64_t>(store.files().read(job->inputSha256).size());
  return store.complete(job->id, made);
}

}  // namespace paraph::testing
