// SecretMasker: replaces secret values wherever they appear in text or JSON shown to people: logs,
// terminal output, inspectors. Masking is by value, so a server that echoes a password back is masked too.
#pragma once

#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace AuthStudio {

class SecretMasker
{
public:
    static QString mask() { return QStringLiteral("********"); }
    // Secrets shorter than this are only masked where they are a whole value, never inside other text,
    // so that a 1-character secret doesn't turn all output into asterisks.
    static constexpr int MinSubstringLength = 4;

    explicit SecretMasker(const QSet<QString> &secrets = {});
    void addSecret(const QString &secret);
    bool isEmpty() const { return m_secrets.isEmpty(); }

    QString maskText(const QString &text) const;
    QJsonValue maskJson(const QJsonValue &value) const;

private:
    QStringList m_secrets; // longest first, so a secret containing another is masked whole
};

} // namespace AuthStudio
