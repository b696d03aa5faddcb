#include "Workflow.h"

namespace AuthStudio {

QString Workflow::nextStepName(StepType type) const
{
    QString prefix = stepNamePrefix(type);
    if (prefix.isEmpty())
        prefix = QStringLiteral("VARIABLE");
    for (int n = 1;; ++n) {
        const QString candidate = prefix + QString::number(n);
        if (!hasName(candidate))
            return candidate;
    }
}

bool Workflow::hasName(const QString &name) const
{
    for (const Step &step : steps) {
        if (stepName(step) == name)
            return true;
    }
    return false;
}

} // namespace AuthStudio
