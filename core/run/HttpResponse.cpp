#include "HttpResponse.h"

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

// `"text"` as JSON, for ASCII text; false when the text has bytes above 0x7F (the caller then takes the
// slower path that decodes UTF-8 leniently).
bool appendJsonString(QByteArray &json, const QByteArray &text)
{
    json += '"';
    qsizetype plainFrom = 0; // runs of characters that need no escaping are appended in one go
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text.at(i));
        if (byte >= 0x80)
            return false;
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        json.append(text.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        if (byte == '"' || byte == '\\') {
            json += '\\';
            json += char(byte);
        } else {
            json += "\\u00";
            json += "0123456789abcdef"[byte >> 4];
            json += "0123456789abcdef"[byte & 0xF];
        }
    }
    json.append(text.constData() + plainFrom, text.size() - plainFrom);
    json += '"';
    return true;
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
    bool ascii = true;
    for (qsizetype i = 0; ascii && i < joined.size(); ++i) {
        if (i > 0)
            json += ',';
        ascii = appendJsonString(json, joined.at(i).first);
        json += ':';
        ascii = ascii && appendJsonString(json, joined.at(i).second);
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
