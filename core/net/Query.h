// Query and QueryResult: a request sent through a resource (method, path relative to the base URL,
// parameters, headers, body) and what came of it, including the original failure when the client
// refreshed the session and retried.
#pragma once

#include "model/KeyValue.h"
#include "run/HttpResponse.h"

#include <QMetaType>
#include <optional>

namespace AuthStudio {

struct Query
{
    QString method = QStringLiteral("GET");
    QString path; // relative to the resource's base URL; may hold {{ expressions }}
    KeyValueList parameters;
    KeyValueList headers;
    QString body; // JSON text (may hold {{ expressions }} inside strings); empty: no body
};

struct QueryResult
{
    bool succeeded = false; // the final attempt got a 2xx reply
    bool cancelled = false;
    HttpResponse response; // the final reply (status 0 when there was none)
    std::optional<HttpResponse> originalFailure; // the first reply, when the query was retried
    QString error; // why it failed without a usable reply, or the refresh's error
    bool loginRequired = false; // the caller should log in (prompt) before trying again
    bool refreshed = false; // a refresh ran for this query
    bool loggedInAgain = false; // its refresh failed, and a login ran before the retry
    bool retried = false;
    QString requestLine; // "GET http://127.0.0.1:8787/me"
    QList<QPair<QByteArray, QByteArray>> requestHeaders; // as sent (mask before showing)
    QByteArray requestBody; // as sent, filled from the session (mask before showing); empty: none
    qint64 elapsedNs = 0;

    // The status the caller sees: the final reply's.
    int status() const { return response.status; }
};

} // namespace AuthStudio

Q_DECLARE_METATYPE(AuthStudio::QueryResult)
