#include "HttpResponse.h"

#include "JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>

#include <algorithm>

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

namespace {

// Header names and values joined as fetch() does (a repeated header such as Set-Cookie becomes one value,
// ", "-separated, at its first occurrence); names in lower case.
QList<QPair<QByteArray, QByteArray>> joinedHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> joined;
    joined.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.toLower();
        const auto same = std::find_if(joined.begin(), joined.end(),
                                       [&lower](const auto &entry) { return entry.first == lower; });
        if (same == joined.end())
            joined.append({lower, value});
        else
            same->second += ", " + value;
    }
    return joined;
}

bool isAscii(const QByteArray &text)
{
    return std::all_of(text.cbegin(), text.cend(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace

QJsonObject HttpResponse::toScopeValue() const
{
    const QList<QPair<QByteArray, QByteArray>> joined = joinedHeaders(headers);
    // Every API Request step builds this object. Writing { status, headers } as JSON text and parsing it
    // costs a third of inserting the headers one by one (QJsonObject::insert keeps its keys sorted); the
    // body is parsed on its own, so a reply can't add keys of its own here.
    QByteArray json;
    json.reserve(64 + 64 * joined.size());
    json += "{\"status\":" + QByteArray::number(status) + ",\"headers\":{";
    // Header bytes that aren't ASCII may not be UTF-8: those replies take the slower path, which decodes
    // them leniently.
    bool ascii = true;
    for (qsizetype i = 0; ascii && i < joined.size(); ++i) {
        const auto &[name, value] = joined.at(i);
        ascii = isAscii(name) && isAscii(value);
        if (i > 0)
            json += ',';
        JsonText::appendString(json, name);
        json += ':';
        JsonText::appendString(json, value);
    }
    json += "}}";
    QJsonObject object;
    if (ascii)
        object = QJsonDocument::fromJson(json).object();
    if (!ascii || object.isEmpty()) {
        QJsonObject headerObject;
        for (const auto &[name, value] : joined)
            headerObject.insert(QLatin1StringView(name), QString::fromUtf8(value));
        object = {{QStringLiteral("status"), status}, {QStringLiteral("headers"), headerObject}};
    }
    object.insert(QStringLiteral("body"), parsedBody());
    return object;
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
