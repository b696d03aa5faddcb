// HttpResponse: a finished HTTP reply as the scope sees it ({ status, headers, body }, the body parsed when
// it is JSON) and the text a user is shown when it failed.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>

class QNetworkReply;

namespace AuthStudio {

struct HttpResponse
{
    int status = 0;
    QString reasonPhrase;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse fromReply(QNetworkReply *reply);

    bool isSuccess() const { return status >= 200 && status < 300; }
    // The body parsed when it is JSON (by content type or content), otherwise the text.
    QJsonValue parsedBody() const;
    // { status, headers (names in lower case), body }.
    QJsonObject toScopeValue() const;
    // For a failed reply: the JSON body stringified, or the raw body when it isn't JSON.
    QString failureText() const;
};

} // namespace AuthStudio
