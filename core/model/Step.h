// Step: one step of a workflow, as a value type over the four step kinds. Steps are copyable and
// comparable, which keeps undo snapshots and round-trip checks simple.
#pragma once

#include "ApiRequestStep.h"
#include "DefineVariableStep.h"
#include "FormStep.h"
#include "JavaScriptStep.h"

#include <variant>

namespace AuthStudio {

using Step = std::variant<FormStep, ApiRequestStep, JavaScriptStep, DefineVariableStep>;

enum class StepType { Form, ApiRequest, JavaScript, DefineVariable };

StepType stepType(const Step &step);
QString stepName(const Step &step);
void setStepName(Step &step, const QString &name);
bool stepEnabled(const Step &step);
// The identifier used in files ("form", "apiRequest", "javascript", "defineVariable").
QString stepTypeId(StepType type);
// The label shown to people ("Form (modal)", "API Request", ...).
QString stepTypeLabel(StepType type);
// The default name prefix for new steps of this type ("form", "http", "js"); empty for variables.
QString stepNamePrefix(StepType type);

} // namespace AuthStudio
