// AuthLibrary: the small built-in library scripts get for auth work (base64, SHA-256, HMAC-SHA-256,
// random UUIDs, JWT payload decoding). Exposed to JavaScript as the global `auth`; btoa and atob are
// defined on top of it. Scripts get nothing else: no network, no files.
#pragma once

#include <QJSValue>
#include <QObject>

class QJSEngine;

namespace AuthStudio {

class AuthLibrary : public QObject
{
    Q_OBJECT
public:
    explicit AuthLibrary(QJSEngine *engine, QObject *parent = nullptr);

    Q_INVOKABLE QString base64Encode(const QString &text) const;
    Q_INVOKABLE QJSValue base64Decode(const QString &base64) const;
    Q_INVOKABLE QString base64UrlEncode(const QString &text) const;
    Q_INVOKABLE QString sha256(const QString &text) const; // hex
    // encoding: "hex" (default), "base64" or "base64url" (unpadded); another throws a JS error
    Q_INVOKABLE QString hmacSha256(const QString &key, const QString &message,
                                   const QString &encoding = QStringLiteral("hex")) const;
    Q_INVOKABLE QString randomUUID() const;
    // Decodes (does not verify) a JWT's payload; throws a JS error for malformed tokens.
    Q_INVOKABLE QJSValue jwtDecode(const QString &token) const;

private:
    QJSEngine *m_engine;
};

} // namespace AuthStudio
