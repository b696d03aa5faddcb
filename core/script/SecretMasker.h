// SecretMasker: replaces secret values wherever they appear in text or JSON shown to people: logs,
// terminal output, inspectors. Masking is by value, so a server that echoes a password back is masked too,
// and so is an echo that encoded it: escaped inside a JSON string (`my\"pass`, `\u00e9`),
// percent-encoded in a URL or a form body (`correct%20horse`, `correct+horse`), by any encoder, or in
// Base64 (a Basic auth header, a token built with btoa()), even as part of a longer encoded text.
#pragma once

#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace AuthStudio {

class SecretMasker
{
public:
    static QString mask() { return QStringLiteral("********"); }
    // Secrets shorter than this are only masked where they are a whole value (the whole text, or a whole
    // JSON string in it), never inside other text, so that a 1-character secret doesn't turn all output
    // into asterisks.
    static constexpr int MinSubstringLength = 4;
    // Base64 forms shorter than this aren't looked for: a secret's Base64 is looked for from 5 bytes on,
    // at any alignment (a 7-character password in a Basic auth header is no rarity). Where one is found,
    // the whole Base64 word around it is masked.
    static constexpr int MinBase64Length = 4;
    // A secret made of words ("Bearer eyJhbGci...", built by a script from a token that isn't secret
    // itself) has each word of at least this many characters masked on its own too: the credential
    // after an auth scheme's name is the secret part, and it shows up alone (QA pass 39: the raw token
    // was printed in clear wherever the login reply or a script's console showed it). Tokens and keys
    // are this long; the words of a typed passphrase ("wrong password") rarely are, and stay readable in
    // other text ("Invalid username or password").
    static constexpr int MinSecretWordLength = 16;

    explicit SecretMasker(const QSet<QString> &secrets = {});
    void addSecret(const QString &secret);
    bool isEmpty() const { return m_secrets.isEmpty(); }

    QString maskText(const QString &text) const;
    QJsonValue maskJson(const QJsonValue &value) const;

private:
    // For each secret (in m_secrets' order), for each of its characters (code points), the ways an encoder
    // writes it: itself, a JSON escape, percent-encoded. Built on first need, since most text holds no
    // escapes at all.
    const QList<QList<QStringList>> &encodedWays() const;

    QStringList m_secrets; // longest first, so a secret containing another is masked whole
    QStringList m_base64Forms; // what each secret looks like inside Base64 text, longest first
    mutable std::optional<QList<QList<QStringList>>> m_encodedWays;
};

} // namespace AuthStudio
