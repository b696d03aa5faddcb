#include "Scope.h"

#include "EvalResult.h"

#include <QJsonArray>

#include <atomic>

namespace AuthStudio {

namespace {
std::atomic<quint64> nextRevision {1};
}

void Scope::set(const QString &name, const QJsonValue &value)
{
    m_values.insert(name, value);
    m_revisions.insert(name, nextRevision.fetch_add(1, std::memory_order_relaxed));
}

void Scope::remove(const QString &name)
{
    m_values.remove(name);
    m_revisions.remove(name);
}

void Scope::merge(const Scope &other)
{
    const QJsonObject &values = other.values();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        set(it.key(), it.value());
    m_secrets.unite(other.m_secrets);
    m_secretNames.unite(other.m_secretNames);
}

void Scope::addSecret(const QString &value)
{
    if (!value.isEmpty())
        m_secrets.insert(value);
}

namespace {

// The fields of a token reply that OAuth 2.0 (RFC 6749, 5.1) defines as describing the token rather than
// being one: its type ("Bearer") and its scope ("read write"). Masked by value everywhere, they turned every
// "Authorization: Bearer …" into "******** ********" and hid the same words in any other text.
bool describesTheToken(const QString &key)
{
    return key.compare(QLatin1String("token_type"), Qt::CaseInsensitive) == 0 ||
        key.compare(QLatin1String("scope"), Qt::CaseInsensitive) == 0;
}

void addTexts(const QJsonValue &value, Scope &scope)
{
    if (value.isString()) {
        scope.addSecret(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &item : value.toArray())
            addTexts(item, scope);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!(it.value().isString() && describesTheToken(it.key())))
                addTexts(it.value(), scope);
        }
    }
}

} // namespace

void Scope::addSecretValue(const QJsonValue &value)
{
    if (value.isObject() || value.isArray())
        addTexts(value, *this);
    else
        addSecret(valueToText(value));
}

} // namespace AuthStudio
