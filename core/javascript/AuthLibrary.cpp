#include "AuthLibrary.h"

#include <QCryptographicHash>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QUuid>

namespace AuthStudio {

AuthLibrary::AuthLibrary(QJSEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{ }

QString AuthLibrary::base64Encode(const QString &text) const
{
    return QString::fromLatin1(text.toUtf8().toBase64());
}

QJSValue AuthLibrary::base64Decode(const QString &base64) const
{
    const auto result = QByteArray::fromBase64Encoding(
        base64.trimmed().toLatin1(), QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        m_engine->throwError(QJSValue::SyntaxError, QStringLiteral("atob: the text is not valid base64"));
        return {};
    }
    return QString::fromUtf8(*result);
}

QString AuthLibrary::base64UrlEncode(const QString &text) const
{
    return QString::fromLatin1(
        text.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString AuthLibrary::sha256(const QString &text) const
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString AuthLibrary::hmacSha256(const QString &key, const QString &message, const QString &encoding) const
{
    const QByteArray mac =
        QMessageAuthenticationCode::hash(message.toUtf8(), key.toUtf8(), QCryptographicHash::Sha256);
    if (encoding == QLatin1String("hex"))
        return QString::fromLatin1(mac.toHex());
    if (encoding == QLatin1String("base64"))
        return QString::fromLatin1(mac.toBase64());
    // A JWT's HS256 signature, for one.
    if (encoding == QLatin1String("base64url"))
        return QString::fromLatin1(
            mac.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    // A misspelt encoding gave hex, which a server then refused with no word of why.
    m_engine->throwError(
        QJSValue::TypeError,
        QStringLiteral("hmacSha256: the encoding is \"hex\", \"base64\" or \"base64url\", not \"%1\"")
            .arg(encoding));
    return {};
}

QString AuthLibrary::randomUUID() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJSValue AuthLibrary::jwtDecode(const QString &token) const
{
    const QStringList parts = token.trimmed().split(QLatin1Char('.'));
    if (parts.size() != 3) {
        m_engine->throwError(QJSValue::TypeError,
                             QStringLiteral("jwtDecode: a JWT has three dot-separated parts"));
        return {};
    }
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    QJsonParseError error;
    const QJsonDocument document = payload ? QJsonDocument::fromJson(*payload, &error) : QJsonDocument();
    if (!payload || error.error != QJsonParseError::NoError || !document.isObject()) {
        m_engine->throwError(QJSValue::TypeError,
                             QStringLiteral("jwtDecode: the payload is not base64url-encoded JSON"));
        return {};
    }
    return m_engine->toScriptValue(document.object().toVariantMap());
}

} // namespace AuthStudio
