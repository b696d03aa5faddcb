#include "PresetPrompter.h"

namespace AuthStudio {

PresetPrompter::PresetPrompter(QObject *parent)
    : FormPrompter(parent)
{ }

void PresetPrompter::prompt(const FormStep &step)
{
    ++m_promptCount;
    // Answers at once: the runner accepts an answer from inside prompt(), and a headless run shouldn't pay
    // an event-loop round trip per form.
    if (m_cancelAll) {
        Q_EMIT cancelled();
        return;
    }
    QJsonObject values;
    QStringList missing;
    QString firstMissingKey;
    for (const FormField &field : step.fields) {
        const QString key = step.name + QLatin1Char('.') + field.key;
        const auto it = m_values.constFind(key);
        if (it != m_values.constEnd())
            values.insert(field.key, it.value());
        else if (field.required) {
            missing.append(key);
            if (firstMissingKey.isEmpty())
                firstMissingKey = field.key;
        } else
            values.insert(field.key, QString());
    }
    if (!missing.isEmpty()) {
        const QString reason = QStringLiteral("no value for %1").arg(missing.join(QStringLiteral(", ")));
        Q_EMIT failed(reason, firstMissingKey);
        return;
    }
    Q_EMIT answered(values);
}

} // namespace AuthStudio
