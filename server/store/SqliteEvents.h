// Inside SqliteStore: recording an event, and its deliveries, in the caller's transaction.
#pragma once

#include <Poco/Data/Session.h>

#include "store/Records.h"

namespace paraph::store {

// Records the event (at: now when empty) and one pending delivery to each callback that
// wants its type and, for a publication event, to each live WebSub subscription.
void recordEvent(Poco::Data::Session& session, EventRecord event);

}  // namespace paraph::store
