#include "VariableScope.h"

#include "format/WorkspaceValidator.h"

namespace AuthStudio {

namespace {

void setVariable(Scope &scope, const QString &name, const QString &value)
{
    scope.set(name, value);
    if (!WorkspaceValidator::secretLookingVariable({name, value, true}).isEmpty()) {
        scope.markSecretName(name);
        scope.addSecret(value);
    }
}

} // namespace

Scope VariableScope::of(const KeyValueList &variables, const QHash<QString, QString> &given, Given mode)
{
    Scope scope;
    for (const KeyValue &variable : variables) {
        if (variable.enabled)
            setVariable(scope, variable.name, given.value(variable.name, variable.value));
    }
    if (mode == Given::MayAdd) {
        for (auto it = given.constBegin(); it != given.constEnd(); ++it)
            setVariable(scope, it.key(), it.value());
    }
    return scope;
}

} // namespace AuthStudio
