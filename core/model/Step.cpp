#include "Step.h"

namespace AuthStudio {

StepType stepType(const Step &step)
{
    return StepType(step.index());
}

QString stepName(const Step &step)
{
    return std::visit([](const auto &s) { return s.name; }, step);
}

void setStepName(Step &step, const QString &name)
{
    std::visit([&name](auto &s) { s.name = name; }, step);
}

bool stepEnabled(const Step &step)
{
    return std::visit([](const auto &s) { return s.enabled; }, step);
}

QString stepTypeId(StepType type)
{
    switch (type) {
    case StepType::Form:
        return QStringLiteral("form");
    case StepType::ApiRequest:
        return QStringLiteral("apiRequest");
    case StepType::JavaScript:
        return QStringLiteral("javascript");
    case StepType::DefineVariable:
        return QStringLiteral("defineVariable");
    }
    return {};
}

QString stepTypeLabel(StepType type)
{
    switch (type) {
    case StepType::Form:
        return QStringLiteral("Form (modal)");
    case StepType::ApiRequest:
        return QStringLiteral("API Request");
    case StepType::JavaScript:
        return QStringLiteral("JavaScript");
    case StepType::DefineVariable:
        return QStringLiteral("Define variable");
    }
    return {};
}

QString stepNamePrefix(StepType type)
{
    switch (type) {
    case StepType::Form:
        return QStringLiteral("form");
    case StepType::ApiRequest:
        return QStringLiteral("http");
    case StepType::JavaScript:
        return QStringLiteral("js");
    case StepType::DefineVariable:
        return {};
    }
    return {};
}

} // namespace AuthStudio
