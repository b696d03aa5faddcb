// PendingQuery: one query in flight through a QueryClient. It reports once, with finished(). Cancelling it
// never cancels a refresh that other queries wait for.
#pragma once

#include "Query.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace AuthStudio {

class QueryClient;

class PendingQuery : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }
    const QueryResult &result() const { return m_result; }
    const Query &query() const { return m_query; }
    void cancel();

Q_SIGNALS:
    // A request went out (the query, or its retry): the result so far has the request as sent.
    void requestSent(const AuthStudio::QueryResult &soFar);
    void finished(const AuthStudio::QueryResult &result);

private:
    friend class QueryClient;
    PendingQuery(const Query &query, QueryClient *client);
    void finish();

    QueryClient *m_client;
    Query m_query;
    QueryResult m_result;
    QElapsedTimer m_clock;
    QPointer<QNetworkReply> m_reply;
    quint64 m_sentWithGeneration = 0; // the session generation the request carried
    quint64 m_buildTicket = 0; // its request being built on the client's script worker, 0 for none
    int m_redirects = 0;
    bool m_storeRead = false; // it waited for the session to be read from the store: no second read
    bool m_everyQueryRefreshDone = false;
    bool m_refreshTried = false; // its reply asked for a refresh once: the next such reply is final
    bool m_probe = false; // checkLogin(): stops where the request would be sent
    bool m_finished = false;
};

} // namespace AuthStudio
