#include "Workflow.h"

#include <algorithm>

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

int Workflow::indexOf(const QString &name) const
{
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (stepName(steps.at(i)) == name)
            return int(i);
    }
    return -1;
}

bool Workflow::runsNothing() const
{
    return std::none_of(steps.cbegin(), steps.cend(), [](const Step &step) { return stepEnabled(step); });
}

bool Workflow::asksTheUser() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const Step &step) {
        return stepEnabled(step) && std::holds_alternative<FormStep>(step);
    });
}

QStringList Workflow::definedVariableNames() const
{
    QStringList names;
    for (const Step &step : steps) {
        if (const auto *variable = std::get_if<DefineVariableStep>(&step); variable && variable->enabled)
            names.append(variable->name);
    }
    return names;
}

} // namespace AuthStudio
