#include "PresetPrompter.h"

#include <QTimer>

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
        QTimer::singleShot(0, this, &FormPrompter::cancelled);
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
        QTimer::singleShot(0, this, [this, reason] { Q_EMIT failed(reason); });
        return;
    }
    QTimer::singleShot(0, this, [this, values] { Q_EMIT answered(values); });
}

} // namespace AuthStudio
