#include "ScriptSyntaxCheck.h"

#include "ScriptEngine.h"
#include "model/JavaScriptStep.h"

namespace AuthStudio {

QList<ScriptSyntaxCheck::Problem> ScriptSyntaxCheck::problems(const Workflow &workflow, ScriptEngine &engine)
{
    QList<Problem> found;
    for (const Step &step : workflow.steps) {
        const auto *script = std::get_if<JavaScriptStep>(&step);
        if (!script || !script->enabled)
            continue;
        if (const std::optional<QString> error = engine.syntaxError(script->code, script->name))
            found.append({script->name, *error});
    }
    return found;
}

} // namespace AuthStudio
