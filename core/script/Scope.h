// Scope: the values a workflow run has produced so far, by name (form1, http1, js1, TOKEN, ...), plus the
// set of secret values to mask. Copies are cheap (implicitly shared), so each step's snapshot is a copy.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace AuthStudio {

class Scope
{
public:
    void set(const QString &name, const QJsonValue &value);
    void remove(const QString &name);
    // Takes every value of `other` (replacing same-named ones) with its secrets and secret names.
    void merge(const Scope &other);
    QJsonValue value(const QString &name) const { return m_values.value(name); }
    bool contains(const QString &name) const { return m_values.contains(name); }
    const QJsonObject &values() const { return m_values; }
    QStringList names() const { return m_values.keys(); }

    // A revision number per name, unique across all scopes, so the script engine can tell which
    // globals changed since it last saw this scope.
    quint64 revision(const QString &name) const { return m_revisions.value(name); }

    // Secrets are masked by value: wherever this value appears in output it is replaced.
    void addSecret(const QString &value);
    // A secret variable's value: a text, number or boolean as a whole; of an object or array, every text
    // in it (a secret SESSION = {{ http1.body.json }} left its token in clear wherever the login reply
    // showed, QA pass 48). Their numbers and booleans are not credentials, and masking "3600" or "true"
    // everywhere would hide the rest; nor are a token reply's token_type and scope texts ("Bearer").
    void addSecretValue(const QJsonValue &value);
    const QSet<QString> &secrets() const { return m_secrets; }
    // Names whose whole value is secret (a secret variable); shown masked in inspectors.
    void markSecretName(const QString &name) { m_secretNames.insert(name); }
    bool isSecretName(const QString &name) const { return m_secretNames.contains(name); }
    const QSet<QString> &secretNames() const { return m_secretNames; }

private:
    QJsonObject m_values;
    QHash<QString, quint64> m_revisions;
    QSet<QString> m_secrets;
    QSet<QString> m_secretNames;
};

} // namespace AuthStudio
