// VariableScope: the scope a run or a query starts from, made of the workspace's enabled variables and
// the values given for this run (the studio's built-in demo API, the CLI's --var). A variable that looks
// like it holds a secret (WorkspaceValidator::secretLookingVariable: SVC_PASSWORD, a token, an API key
// given with --var) is treated as one: masked by value in logs, output and inspectors, as a typed password
// is. validate warns of such variables in the file; a run must not print them either (QA pass 44).
#pragma once

#include "Scope.h"
#include "model/KeyValue.h"

#include <QHash>

namespace AuthStudio {

class VariableScope
{
public:
    // What `given` adds: only new values for the workspace's variables (the studio's overrides, so a
    // workspace without DEMO_API runs there as in the CLI), or new variables too (the CLI's --var).
    enum class Given { ReplacesOnly, MayAdd };

    static Scope of(const KeyValueList &variables, const QHash<QString, QString> &given, Given mode);
};

} // namespace AuthStudio
