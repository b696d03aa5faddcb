// ScriptSyntaxCheck: the JavaScript steps a run would stop at because their code doesn't compile, found
// by compiling them without running anything: `validate` warns of them, and the studio's Test says so
// before a form asks for values that run would spend for nothing (QA pass 40: a syntax error passed
// validate and showed only after the form and the requests).
#pragma once

#include "model/Workflow.h"

#include <QList>
#include <QString>

namespace AuthStudio {

class ScriptEngine;

class ScriptSyntaxCheck
{
public:
    struct Problem
    {
        QString step;
        QString message; // as the run would fail: "js1: SyntaxError: ... (line 4)"
    };

    // The enabled JavaScript steps of `workflow` whose code doesn't compile, in order.
    static QList<Problem> problems(const Workflow &workflow, ScriptEngine &engine);
};

} // namespace AuthStudio
