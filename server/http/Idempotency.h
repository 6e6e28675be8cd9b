// Idempotency-Key (docs/integrations.md): a client that cannot tell whether its POST was
// answered sends it again with the same key and gets the first answer, not a second effect.
#pragma once

#include "http/Exchange.h"
#include "http/RouteTable.h"

namespace paraph::http {

// Every POST of the API takes a key (the review page's forms and the public WebSub hub do not).
bool takesIdempotencyKey(const Route& route);

// Answers a request that carries Idempotency-Key: the same key, principal and request
// (method, path and query, media type, body) within api.idempotency_retention_s replays the
// first answer (with Idempotent-Replayed: true); the same key with another request is 422;
// the same key while its first request is still being answered is 409. Only a success
// (2xx) is kept: after an error the key is free again, so a corrected retry is answered.
void answerIdempotently(Exchange& exchange, const Route& route);

}  // namespace paraph::http
