#include "PresetPrompter.h"


namespace AuthStudio {

PresetPrompter::PresetPrompter(QObject *parent)
    : FormPrompter(parent)
{
}

void PresetPrompter::prompt(const FormStep &step)
{
    ++m_promptCount;
    // Answer from the event loop, as a real dialog would, so callers never see a re-entrant answer.
    if (m_cancelAll) {
        QMetaObject::invokeMethod(this, &FormPrompter::cancelled, Qt::QueuedConnection);
        return;
    }
    QJsonObject values;
    QStringList missing;
    for (const FormField &field : step.fields) {
        const QString key = step.name + QLatin1Char('.') + field.key;
        const auto it = m_values.constFind(key);
        if (it != m_values.constEnd())
            values.insert(field.key, it.value());
        else if (field.required)
            missing.append(key);
        else
            values.insert(field.key, QString());
    }
    if (!missing.isEmpty()) {
        const QString reason = QStringLiteral("no value for %1").arg(missing.join(QStringLiteral(", ")));
        QMetaObject::invokeMethod(this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(this, [this, values] { Q_EMIT answered(values); }, Qt::QueuedConnection);
}

} // namespace AuthStudio
