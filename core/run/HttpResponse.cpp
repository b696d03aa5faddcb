#include "HttpResponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

namespace AuthStudio {

HttpResponse HttpResponse::fromReply(QNetworkReply *reply)
{
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    response.headers = reply->rawHeaderPairs();
    response.body = reply->readAll();
    return response;
}

QJsonValue HttpResponse::parsedBody() const
{
    const QByteArray trimmed = body.trimmed();
    if (!trimmed.isEmpty() && (trimmed.front() == '{' || trimmed.front() == '[')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError)
            return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    return QString::fromUtf8(body);
}

QJsonObject HttpResponse::toScopeValue() const
{
    QJsonObject headerObject;
    for (const auto &[name, value] : headers) {
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = QString::fromUtf8(value);
        // Repeated headers (Set-Cookie) are joined, as fetch() does.
        headerObject.insert(key,
                            headerObject.contains(key)
                                ? headerObject.value(key).toString() + QStringLiteral(", ") + text
                                : text);
    }
    return {{QStringLiteral("status"), status},
            {QStringLiteral("headers"), headerObject},
            {QStringLiteral("body"), parsedBody()}};
}

QString HttpResponse::failureText() const
{
    const QJsonValue parsed = parsedBody();
    if (parsed.isObject())
        return QString::fromUtf8(QJsonDocument(parsed.toObject()).toJson(QJsonDocument::Compact));
    if (parsed.isArray())
        return QString::fromUtf8(QJsonDocument(parsed.toArray()).toJson(QJsonDocument::Compact));
    if (body.trimmed().isEmpty())
        return QStringLiteral("HTTP %1 %2 (the reply has no body)").arg(status).arg(reasonPhrase).trimmed();
    return QString::fromUtf8(body);
}

} // namespace AuthStudio
