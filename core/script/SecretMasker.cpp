#include "SecretMasker.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AuthStudio {

SecretMasker::SecretMasker(const QSet<QString> &secrets)
{
    for (const QString &secret : secrets)
        addSecret(secret);
}

void SecretMasker::addSecret(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    std::sort(m_secrets.begin(), m_secrets.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QString SecretMasker::maskText(const QString &text) const
{
    QString result = text;
    for (const QString &secret : m_secrets) {
        if (result == secret)
            return mask();
        if (secret.size() >= MinSubstringLength)
            result.replace(secret, mask());
    }
    return result;
}

QJsonValue SecretMasker::maskJson(const QJsonValue &value) const
{
    if (m_secrets.isEmpty())
        return value;
    switch (value.type()) {
    case QJsonValue::String:
        return maskText(value.toString());
    case QJsonValue::Double:
    case QJsonValue::Bool: {
        // A numeric PIN is still a secret.
        const QString text = value.isBool() ? QString::fromLatin1(value.toBool() ? "true" : "false")
                                            : QString::number(value.toDouble(), 'g', 17);
        return m_secrets.contains(text) ? QJsonValue(mask()) : value;
    }
    case QJsonValue::Array: {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(maskJson(item));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.constBegin(); it != source.constEnd(); ++it)
            object.insert(maskText(it.key()), maskJson(it.value()));
        return object;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return value;
}

} // namespace AuthStudio
