#include "PendingQuery.h"

#include "QueryClient.h"

#include <QNetworkReply>

namespace AuthStudio {

PendingQuery::PendingQuery(const Query &query, QueryClient *client)
    : QObject(client)
    , m_client(client)
    , m_query(query)
{
    m_clock.start();
}

void PendingQuery::cancel()
{
    if (m_finished)
        return;
    m_result.cancelled = true;
    m_result.error = QStringLiteral("The query was cancelled.");
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        // Every connection, the one to this query included: the aborted reply's finished() would
        // otherwise report the abort as the query timeout.
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    }
    m_client->forgetWaiter(this);
    m_client->stopBuilding(this);
    finish();
}

void PendingQuery::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_result.elapsedNs = m_clock.nsecsElapsed();
    Q_EMIT finished(m_result);
}

} // namespace AuthStudio
